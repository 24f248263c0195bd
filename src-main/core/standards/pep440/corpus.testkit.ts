/**
 * Seeded generators of PEP 440 test inputs (versions, specifier sets, candidates) for the
 * differential and property tests.
 *
 * The version generator walks every spelling PEP 440 "Normalization" allows (case, leading `v`,
 * `-_.` separators or none, alpha/beta/c/pre/preview/rc, post/rev/r/-N, implicit numbers, epochs,
 * local labels, surrounding whitespace incl. Unicode spaces) and then damages a share of them
 * (insert, delete, replace, truncate) to produce invalid strings near the valid ones.
 * Specifier versions and candidates are drawn from a small pool of releases so that boundary
 * cases (same release with pre/post/dev/local, trailing zeros) are hit often.
 */

export { Rng } from '../../../testing/seeded-rng';
import type { Rng } from '../../../testing/seeded-rng';

const SEPS = ['', '.', '-', '_'];
const PRE = ['a', 'alpha', 'b', 'beta', 'c', 'rc', 'pre', 'preview'];
const POST = ['post', 'rev', 'r'];
const SPACES = [' ', '\t', '\n', '\u00a0', '\u3000', '\x1c', '\x85', '\u2009', '\v'];
const GARBAGE = ['+', '!', '*', ' ', '.', '-', '_', 'x', 'v', 'é', '\ufeff', '🙂', '..', '0', '9', 'dev', 'a', 'ſ', 'K', '=', ',', ';', ')'];

function randCase(r: Rng, s: string): string {
  const m = r.int(4);
  if (m === 0) return s;
  if (m === 1) return s.toUpperCase();
  return [...s].map((c) => (r.chance(0.5) ? c.toUpperCase() : c)).join('');
}

function num(r: Rng): string {
  const m = r.int(20);
  if (m < 12) return String(r.int(4));
  if (m < 16) return String(r.int(30));
  if (m < 18) return `0${r.int(10)}`;
  if (m < 19) return String(20000000 + r.int(1000000));
  return `${r.int(9) + 1}${String(r.int(1e9)).padStart(9, '0')}${String(r.int(1e9)).padStart(9, '0')}`;
}

function optNum(r: Rng): string {
  return r.chance(0.75) ? num(r) : '';
}

/** The release pool candidates and specifiers share. */
const RELEASES = ['0', '0.0', '1', '1.0', '1.0.0', '1.1', '1.2', '1.2.0', '1.2.3', '2', '2.0', '2.0.1', '10.4'];

/** A release segment: from the shared pool or random. */
function release(r: Rng, minParts = 1): string {
  if (r.chance(0.7)) {
    const base = r.pick(RELEASES);
    if (base.split('.').length >= minParts) return base;
  }
  const n = minParts + r.int(4);
  return Array.from({ length: n }, () => num(r)).join('.');
}

/** Spelling options for a suffix piece. */
export interface SpellOptions {
  readonly local?: boolean;
  readonly minRelease?: number;
  readonly plain?: boolean;
}

/** A (usually valid) version string with random spelling. */
export function genVersion(r: Rng, opts: SpellOptions = {}): string {
  const plain = opts.plain === true;
  let s = '';
  if (!plain && r.chance(0.1)) s += r.pick(['v', 'V']);
  if (r.chance(0.1)) s += `${r.int(3)}!`;
  s += release(r, opts.minRelease ?? 1);
  const sep = () => (plain ? '' : r.pick(SEPS));
  if (r.chance(0.35)) s += sep() + (plain ? r.pick(['a', 'b', 'rc']) : randCase(r, r.pick(PRE))) + sep() + (plain ? String(r.int(3)) : optNum(r));
  if (r.chance(0.3)) {
    if (!plain && r.chance(0.25)) s += `-${num(r)}`;
    else s += (plain ? '.' : sep()) + (plain ? 'post' : randCase(r, r.pick(POST))) + (plain ? String(r.int(3)) : sep() + optNum(r));
  }
  if (r.chance(0.3)) s += (plain ? '.' : sep()) + (plain ? 'dev' : randCase(r, 'dev')) + (plain ? String(r.int(3)) : sep() + optNum(r));
  if ((opts.local ?? true) && r.chance(0.2)) {
    const segs = Array.from({ length: 1 + r.int(3) }, () => r.pick(['abc', 'ubuntu', 'Cpu', '1', '01', '7', 'x1', 'torch2', 'A']));
    s += `+${segs.map((x, i) => (i === 0 ? x : (plain ? '.' : r.pick(['.', '-', '_'])) + x)).join('')}`;
  }
  if (!plain && r.chance(0.05)) s = r.pick(SPACES) + s;
  if (!plain && r.chance(0.05)) s += r.pick(SPACES);
  return s;
}

/** Damage a string (insert, delete, replace, duplicate or truncate). */
export function mutate(r: Rng, s: string): string {
  const chars = [...s];
  const at = r.int(chars.length + 1);
  switch (r.int(5)) {
    case 0:
      chars.splice(at, 0, r.pick(GARBAGE));
      break;
    case 1:
      chars.splice(at, 1);
      break;
    case 2:
      chars.splice(at, 1, r.pick(GARBAGE));
      break;
    case 3:
      chars.splice(at, 0, chars[at] ?? '.');
      break;
    default:
      chars.length = at;
  }
  return chars.join('');
}

/** `n` version strings: about 70 % valid-looking spellings, 30 % damaged. */
export function genVersionCorpus(r: Rng, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = genVersion(r);
    out.push(r.chance(0.3) ? mutate(r, v) : v);
  }
  return out;
}

const OPS = ['==', '!=', '<=', '>=', '<', '>', '~=', '==='];

/** One clause with random spacing; mostly valid. */
export function genClause(r: Rng): string {
  const op = r.pick(OPS);
  let v: string;
  if (op === '===') v = r.chance(0.7) ? genVersion(r, { plain: r.chance(0.5) }) : r.pick(['foobar', '1.0-foo', 'Abc', '1.0.0']);
  else if (op === '==' || op === '!=') v = r.chance(0.3) ? `${release(r)}.*` : genVersion(r, { plain: r.chance(0.6) });
  else v = genVersion(r, { local: false, minRelease: op === '~=' ? 2 : 1, plain: r.chance(0.6) });
  const sp = () => (r.chance(0.2) ? r.pick([' ', '  ', '\t', ...SPACES]) : '');
  const clause = sp() + op + sp() + v.trim() + sp();
  return r.chance(0.04) ? mutate(r, clause) : clause;
}

/** A specifier-set string of 0–4 clauses. */
export function genSpecifierSet(r: Rng): string {
  const n = r.pick([0, 1, 1, 1, 2, 2, 2, 3, 4]);
  const clauses = Array.from({ length: n }, () => genClause(r));
  if (r.chance(0.05)) clauses.push('');
  return clauses.join(r.pick([',', ', ', ' ,']));
}

/** A candidate version near a specifier's versions (plain spelling), or an odd string. */
export function genCandidate(r: Rng, near: string): string {
  if (r.chance(0.03)) return r.pick(['foobar', '1.0-foo', 'Abc', '', ' 1.0']);
  if (r.chance(0.5)) return genVersion(r, { plain: true });
  const m = /[0-9]+(?:\.[0-9]+)*/.exec(near);
  let s = m ? m[0] : release(r);
  if (r.chance(0.2)) s += '.0';
  if (r.chance(0.3)) s += r.pick(['a1', 'b2', 'rc1', 'a0']);
  if (r.chance(0.3)) s += r.pick(['.post1', '.post0', '.post2']);
  if (r.chance(0.3)) s += r.pick(['.dev0', '.dev1']);
  if (r.chance(0.2)) s += r.pick(['+abc', '+1', '+local.7']);
  return s;
}
