/**
 * Test support: a seeded corpus of license expressions for the differential test against
 * packaging.licenses — valid expressions built from packaging's SPDX table, then mutated the
 * ways people get them wrong (case, typos, unknown ids, misplaced operators, unbalanced
 * parentheses, WITH on non-exceptions, LicenseRef- forms, whitespace, `+`), plus parser-depth
 * boundary cases. Not part of the runtime API.
 */
import fc from 'fast-check';
import { allExceptionEntries, allLicenseEntries } from './spdx-data';

type Rng = () => number;

export { seededRng } from '../../testing/seeded-rng';
import { seededRng } from '../../testing/seeded-rng';

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const LICENSES = allLicenseEntries().map((e) => e.id);
const EXCEPTIONS = allExceptionEntries().map((e) => e.id);
const COMMON = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'GPL-3.0-or-later', 'LGPL-2.1-only', 'MPL-2.0', 'ISC', 'GPL-2.0', 'GPL-2.0+'];
const REF_BODIES = ['Proprietary', 'Public-Domain', 'Beerware-4.2', 'my.license', 'X', 'a-b.c', 'Special-License', 'OtherLicense'];
// Python whitespace; then look-alikes that are NOT whitespace to Python (U+200B, U+FEFF, U+180E).
const PY_SPACES = [' ', ' ', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\x1c', '\x85', '\x0b'];
const SPACES = [...PY_SPACES, '\u200b', '\ufeff', '\u180e'];
const UNKNOWN = ['Foo-1.0', 'GPLv3', 'BSD', 'Apache2', 'GPL', 'Proprietary', 'Public-Domain', 'DocumentRef-x:LicenseRef-y', 'not', 'False', 'None', 'and/or', '&&', ',', 'constructor', '__proto__', 'Stra\u00dfe', '\u212Aelvin', 'MIT\u0130', 'LicenseRef-\u212A'];
const EXTRA_CHARS = ['(', ')', '+', '-', '.', '_', ',', '/', ':', '*', "'", '"', '\\', 'é', 'İ', 'ſ', '\u212A', '\u0000', '\x7f', 'Σ', '😀'];

function leaf(rng: Rng): string {
  const r = rng();
  if (r < 0.1) return `LicenseRef-${pick(rng, REF_BODIES)}`;
  const id = r < 0.5 ? pick(rng, COMMON) : pick(rng, LICENSES);
  const plus = rng() < 0.06 ? '+' : '';
  return rng() < 0.12 ? `${id}${plus} WITH ${pick(rng, EXCEPTIONS)}` : `${id}${plus}`;
}

function tree(rng: Rng, depth: number): string {
  if (depth <= 0 || rng() < 0.35) return leaf(rng);
  const n = 2 + Math.floor(rng() * 2);
  const parts = Array.from({ length: n }, () => {
    const sub = tree(rng, depth - 1);
    return sub.includes(' ') && rng() < 0.6 ? `(${sub})` : sub;
  });
  const joined = parts.map((p, i) => (i === 0 ? p : `${rng() < 0.5 ? 'AND' : 'OR'} ${p}`)).join(' ');
  return rng() < 0.1 ? `(${joined})` : joined;
}

function recase(rng: Rng, s: string): string {
  const r = rng();
  if (r < 0.25) return s;
  if (r < 0.5) return s.toLowerCase();
  if (r < 0.65) return s.toUpperCase();
  return [...s].map((c) => (rng() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join('');
}

function respace(rng: Rng, s: string, spaces: readonly string[] = PY_SPACES): string {
  if (rng() < 0.5) return s;
  let out = s.replace(/ /g, () => (rng() < 0.3 ? pick(rng, spaces) : ' '));
  if (rng() < 0.3) out = out.replace(/\(/g, () => (rng() < 0.5 ? '( ' : '(')).replace(/\)/g, () => (rng() < 0.5 ? ' )' : ')'));
  if (rng() < 0.2) out = `${pick(rng, spaces)}${out}${pick(rng, spaces)}`;
  return out;
}

/** Split on spaces and parentheses while keeping them, so mutations work on tokens. */
const pieces = (s: string): string[] => s.split(/( |\(|\))/).filter((p) => p !== '');

function typo(rng: Rng, word: string): string {
  const i = Math.floor(rng() * Math.max(word.length, 1));
  const c = pick(rng, [...'abcdefghijklmnopqrstuvwxyz0123456789-.+']);
  switch (Math.floor(rng() * 4)) {
    case 0: return word.slice(0, i) + word.slice(i + 1);
    case 1: return word.slice(0, i) + c + word.slice(i);
    case 2: return word.slice(0, i) + c + word.slice(i + 1);
    default: return word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
  }
}

const MUTATIONS: readonly ((rng: Rng, s: string) => string)[] = [
  (rng, s) => recase(rng, s),
  (rng, s) => pieces(s).map((p) => (/^[\w.+-]{2,}$/.test(p) && !/^(AND|OR|WITH)$/.test(p) && rng() < 0.4 ? typo(rng, p) : p)).join(''),
  (rng, s) => pieces(s).map((p) => (/^[\w.+-]{2,}$/.test(p) && rng() < 0.3 ? pick(rng, UNKNOWN) : p)).join(''),
  (rng, s) => { const p = pieces(s); p.splice(Math.floor(rng() * p.length), 1); return p.join(''); },
  (rng, s) => { const p = pieces(s); p.splice(Math.floor(rng() * (p.length + 1)), 0, pick(rng, [' AND ', ' OR ', ' WITH ', 'and ', ' or', 'WITH'])); return p.join(''); },
  (rng, s) => { const p = pieces(s); p.splice(Math.floor(rng() * (p.length + 1)), 0, pick(rng, ['(', ')', ' (', ') ', '()', '( )'])); return p.join(''); },
  (_rng, s) => s.replace(/[()]/, ''),
  (rng, s) => pick(rng, [`${s} WITH ${pick(rng, LICENSES)}`, `${s} WITH (${pick(rng, EXCEPTIONS)})`, `(${s}) WITH ${pick(rng, EXCEPTIONS)}`, `${pick(rng, COMMON)} WITH ${pick(rng, EXCEPTIONS)} WITH ${pick(rng, EXCEPTIONS)}`, `${s} WITH ${pick(rng, EXCEPTIONS)}+`, `${pick(rng, EXCEPTIONS)} OR ${s}`]),
  (rng, s) => `${s} ${pick(rng, ['AND', 'OR'])} ${pick(rng, ['LicenseRef-', 'LicenseRef-a_b', 'LicenseRef-x+', 'licenseref-x', 'LICENSEREF-X', 'LicenseRef-x.y', 'LicenseRef-x OR LicenseRef-X', 'LicenseRef-x+ OR licenseref-X', 'DocumentRef-a:LicenseRef-b', 'LicenseRef-é', 'LicenseRef-\u212A', 'LicenseRef--', 'LicenseRef-.'])}`,
  (rng, s) => respace(rng, s, SPACES).replace(/ /g, () => pick(rng, SPACES)),
  (rng, s) => pieces(s).map((p) => (/^[\w.-]{2,}$/.test(p) && rng() < 0.3 ? `${p}${pick(rng, ['+', '++', ' +', '+ '])}` : p)).join(''),
  (rng, s) => { const i = Math.floor(rng() * (s.length + 1)); return s.slice(0, i) + pick(rng, EXTRA_CHARS) + s.slice(i); },
  (rng, s) => s.slice(0, Math.floor(rng() * s.length)),
  (rng, s) => `${s}${pick(rng, [' ', ''])}${leaf(rng)}`,
  (rng) => pick(rng, ['', ' ', '\t', '()', '(', ')', '+', 'AND', 'WITH', 'LicenseRef-', 'MIT+', 'mit', 'MIT WITH', 'WITH MIT']),
];

/** `count` valid expressions (random case and whitespace). */
export function validExpressions(seed: number, count: number): string[] {
  const rng = seededRng(seed);
  return Array.from({ length: count }, () => respace(rng, recase(rng, tree(rng, 3))));
}

/** `count` mutated expressions (mostly invalid, some still valid). */
export function mutatedExpressions(seed: number, count: number): string[] {
  const rng = seededRng(seed);
  return Array.from({ length: count }, () => {
    let s = tree(rng, 3);
    const rounds = 1 + Math.floor(rng() * 2);
    for (let i = 0; i < rounds; i += 1) s = pick(rng, MUTATIONS)(rng, s);
    return s;
  });
}

/**
 * Deeply nested expressions near CPython's parser-stack and 200-parenthesis limits, shaped so
 * the deepest operand is often after `or`/`with`/`and` (the costly positions).
 */
export function deepExpressions(seed: number, count: number): string[] {
  const rng = seededRng(seed);
  const level = (depth: number): string => {
    const conj = Array.from({ length: pick(rng, [1, 1, 2, 3]) }, () => pick(rng, [1, 1, 2, 3]));
    const slots = conj.flatMap((n, j) => Array.from({ length: n }, (_, i) => `${j}:${i}`));
    const deep = depth > 0 ? (rng() < 0.8 ? slots[slots.length - 1] : pick(rng, slots)) : undefined;
    return conj
      .map((n, j) => Array.from({ length: n }, (_, i) => (`${j}:${i}` === deep ? `(${level(depth - 1)})` : pick(rng, ['mit', 'MIT+', 'LicenseRef-a', 'GPL-2.0-only WITH Classpath-exception-2.0']))).join(' AND '))
      .join(' OR ');
  };
  return Array.from({ length: count }, () => level(175 + Math.floor(rng() * 31)));
}

/**
 * Arbitrary strings (fast-check, seeded): any UTF-16 including lone surrogates, grapheme soup,
 * and SPDX-shaped token soup with Python and non-Python whitespace.
 */
export function randomStrings(seed: number, count: number): string[] {
  const token = fc.oneof(
    fc.constantFrom('MIT', 'mit', 'Apache-2.0', 'GPL-2.0+', 'LicenseRef-x', 'licenseref-X_', 'Classpath-exception-2.0', 'AND', 'or', 'WITH', '(', ')', '+'),
    fc.string({ maxLength: 5 }),
    fc.string({ unit: 'binary', maxLength: 3 }),
  );
  const shaped = fc.array(fc.tuple(token, fc.constantFrom(...SPACES, '')), { maxLength: 10 }).map((xs) => xs.map(([a, b]) => a + b).join(''));
  const any = fc.oneof(shaped, fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }));
  return fc.sample(any, { seed, numRuns: count });
}
