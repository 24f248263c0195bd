/**
 * Decision procedure for marker formulas: "is there an environment where F holds?" and
 * "does F hold in every environment?".
 *
 * Comparisons are grouped into dimensions (atoms.ts); each dimension has finitely many
 * representative environments, and a comparison's truth at a representative is computed by
 * the real evaluator, so the search agrees with `evaluateMarker` by construction. The search
 * assigns one dimension at a time and prunes as soon as the 3-valued formula is decided.
 * Opaque comparisons are free booleans (sound over-approximation). A node budget bounds the
 * work; when it runs out the answer is "unknown" (undefined).
 */
import type { MarkerEnvironment } from '../../environment';
import type { MarkerComparison } from './ast';
import { classifyAtom, MAX_SUBSTRING_LITERAL, pythonTriples, substringsOf } from './atoms';
import { evaluateComparison, type ResolvedEnvironment } from './evaluate';
import { canonicalizeMarkerName } from './parse';

/** Boolean formula over comparison atoms (indexes into the atom table). */
export type Formula =
  | { readonly t: 'const'; readonly v: boolean }
  | { readonly t: 'atom'; readonly id: number }
  | { readonly t: 'not'; readonly f: Formula }
  | { readonly t: 'and' | 'or'; readonly kids: readonly Formula[] };

const BLANK_ENV: MarkerEnvironment = {
  implementation_name: '',
  implementation_version: '',
  os_name: '',
  platform_machine: '',
  platform_python_implementation: '',
  platform_release: '',
  platform_system: '',
  platform_version: '',
  python_full_version: '0.0.0',
  python_version: '0.0',
  sys_platform: '',
};

interface Dimension {
  readonly atoms: number[];
  /** One truth vector (1 = true, 0 = false) per distinct class, aligned with `atoms`. */
  readonly rows: Int8Array[];
}

interface Patch {
  readonly env?: Partial<Record<keyof MarkerEnvironment, string>>;
  readonly extra?: string;
  readonly extras?: ReadonlySet<string>;
  readonly groups?: ReadonlySet<string>;
}

function resolved(patch: Patch): ResolvedEnvironment {
  const env: MarkerEnvironment = { ...BLANK_ENV, ...patch.env };
  return {
    env,
    extra: patch.extra ?? '',
    extras: patch.extras ?? new Set(),
    groups: patch.groups ?? new Set(),
    fullVersion: env.python_full_version,
  };
}

function truthRows(atoms: readonly number[], table: readonly MarkerComparison[], envs: readonly ResolvedEnvironment[]): Int8Array[] {
  const seen = new Set<string>();
  const rows: Int8Array[] = [];
  for (const r of envs) {
    const row = new Int8Array(atoms.map((a) => (evaluateComparison(table[a] as MarkerComparison, r) ? 1 : 0)));
    const key = row.join('');
    if (!seen.has(key)) {
      seen.add(key);
      rows.push(row);
    }
  }
  return rows;
}

/** Groups the atoms into dimensions with their representative truth vectors. */
export function buildDimensions(table: readonly MarkerComparison[], used: ReadonlySet<number>): Dimension[] {
  const groups = new Map<string, number[]>();
  const dims: Dimension[] = [];
  const classes = table.map((c) => classifyAtom(c, canonicalizeMarkerName));
  classes.forEach((cls, id) => {
    if (!used.has(id)) return;
    let g: string;
    if (cls.kind === 'opaque') {
      dims.push({ atoms: [id], rows: [Int8Array.of(0), Int8Array.of(1)] });
      return;
    }
    if (cls.kind === 'constant') g = 'constant';
    else if (cls.kind === 'python') g = 'python';
    else if (cls.kind === 'member') g = `member\0${cls.key}\0${cls.element}`;
    else g = `string\0${cls.key}`;
    const list = groups.get(g) ?? [];
    list.push(id);
    groups.set(g, list);
  });
  for (const [g, atoms] of groups) {
    let envs: ResolvedEnvironment[];
    if (g === 'constant') envs = [resolved({})];
    else if (g === 'python') {
      const triples = new Map<string, readonly [number, number, number]>();
      for (const a of atoms) {
        const cls = classes[a];
        if (cls?.kind === 'python') pythonTriples(cls.literal, cls.substrings, triples);
      }
      envs = [...triples.values()].map(([x, y, z]) =>
        resolved({ env: { python_full_version: `${x}.${y}.${z}`, python_version: `${x}.${y}` } }),
      );
    } else if (g.startsWith('member')) {
      const [, key = '', element = ''] = g.split('\0');
      const set = new Set([element]);
      envs = [resolved({}), resolved(key === 'extras' ? { extras: set } : { groups: set })];
    } else {
      const key = g.slice('string\0'.length);
      const values = new Set<string>(['']);
      let longest = 0;
      for (const a of atoms) {
        const cls = classes[a];
        if (cls?.kind !== 'string') continue;
        longest = Math.max(longest, cls.literal.length);
        for (const v of cls.substrings ? substringsOf(cls.literal) : [cls.literal]) values.add(v);
      }
      // A string equal to no literal and contained in none stands for all other values.
      values.add('\u0001'.repeat(Math.max(longest, MAX_SUBSTRING_LITERAL) + 1));
      envs = [...values].map((v) =>
        key === 'extra' ? resolved({ extra: canonicalizeMarkerName(v) }) : resolved({ env: { [key]: v } }),
      );
    }
    dims.push({ atoms, rows: truthRows(atoms, table, envs) });
  }
  // Dimensions with a single class fix their atoms at once; then larger ones first.
  return dims.sort((a, b) => a.rows.length - b.rows.length || b.atoms.length - a.atoms.length);
}

function usedAtoms(f: Formula, out = new Set<number>()): Set<number> {
  if (f.t === 'atom') out.add(f.id);
  else if (f.t === 'not') usedAtoms(f.f, out);
  else if (f.t !== 'const') for (const k of f.kids) usedAtoms(k, out);
  return out;
}

/** 3-valued evaluation: 1 true, 0 false, -1 unknown (assignment holds -1 for unassigned atoms). */
function eval3(f: Formula, asg: Int8Array): number {
  switch (f.t) {
    case 'const':
      return f.v ? 1 : 0;
    case 'atom':
      return asg[f.id] as number;
    case 'not': {
      const v = eval3(f.f, asg);
      return v < 0 ? -1 : 1 - v;
    }
    case 'and': {
      let out = 1;
      for (const k of f.kids) {
        const v = eval3(k, asg);
        if (v === 0) return 0;
        if (v < 0) out = -1;
      }
      return out;
    }
    default: {
      let out = 0;
      for (const k of f.kids) {
        const v = eval3(k, asg);
        if (v === 1) return 1;
        if (v < 0) out = -1;
      }
      return out;
    }
  }
}

/**
 * Decides `exists env: F` (mode 'exists') or `forall env: F` (mode 'forall') over the atom
 * table. Returns undefined when the node budget is exhausted.
 */
export function decide(
  f: Formula,
  table: readonly MarkerComparison[],
  mode: 'exists' | 'forall',
  budget = 100_000,
): boolean | undefined {
  const dims = buildDimensions(table, usedAtoms(f));
  const asg = new Int8Array(table.length).fill(-1);
  let nodes = 0;
  const want = mode === 'exists' ? 1 : 0;
  // Returns true when a witness (exists: F true; forall: F false) is found below.
  const search = (d: number): boolean => {
    if (++nodes > budget) throw RangeError('budget');
    const v = eval3(f, asg);
    if (v >= 0) return v === want;
    const dim = dims[d];
    if (!dim) return false;
    for (const row of dim.rows) {
      for (let i = 0; i < dim.atoms.length; i++) asg[dim.atoms[i] as number] = row[i] as number;
      if (search(d + 1)) return true;
    }
    for (const a of dim.atoms) asg[a] = -1;
    return false;
  };
  try {
    const witness = search(0);
    return mode === 'exists' ? witness : !witness;
  } catch (e) {
    if (e instanceof RangeError && e.message === 'budget') return undefined;
    throw e;
  }
}
