/**
 * `project.classifiers` against the trove classifier list (pypa/trove-classifiers
 * 2026.1.14.14, data/): PyPI rejects unknown and deprecated classifiers on upload, and always
 * refuses `Private ::` ones (their purpose: keeping a package off PyPI). `License ::`
 * classifiers are PEP 639 business (license.ts).
 */
import classifierData from './data/classifiers.json' with { type: 'json' };
import deprecatedData from './data/classifiers-deprecated.json' with { type: 'json' };
import { makeFix } from '../diagnostic-builder';
import { closestMatches } from '../similarity';
import { stringItems, type CheckContext } from './context';

export const TROVE_VERSION: string = classifierData.version;
const ACTIVE: ReadonlySet<string> = new Set(classifierData.classifiers);
const DEPRECATED: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(deprecatedData.deprecated as Record<string, string[]>));

/** Active classifiers by their first segment (`Programming Language`, …), lower-cased. */
const BY_TOP = new Map<string, string[]>();
for (const c of classifierData.classifiers) {
  const top = (c.split(' :: ')[0] ?? '').toLowerCase();
  BY_TOP.set(top, [...(BY_TOP.get(top) ?? []), c]);
}

/** Where to look for a near match: the same top-level category when it exists (887 is slow). */
function candidatesFor(value: string): Iterable<string> {
  return BY_TOP.get((value.trim().split('::')[0] ?? '').trim().toLowerCase()) ?? ACTIVE;
}

/** Every active classifier, in upstream order (for completion and the wizard's tree). */
export function activeClassifiers(): readonly string[] {
  return classifierData.classifiers;
}

/** What PyPI would say about one classifier. */
export function classifyClassifier(value: string): 'active' | 'deprecated' | 'private' | 'unknown' {
  if (ACTIVE.has(value)) return 'active';
  if (DEPRECATED.has(value)) return 'deprecated';
  // validate-pyproject and PyPI compare the prefix case-insensitively.
  if (value.toLowerCase().startsWith('private ::')) return 'private';
  return 'unknown';
}

/** Replacements of a deprecated classifier (may be empty). */
export function classifierReplacements(value: string): readonly string[] {
  return DEPRECATED.get(value) ?? [];
}

export function checkClassifiers(c: CheckContext): void {
  const rule = `trove-classifiers ${TROVE_VERSION}`;
  for (const [i, value] of stringItems(c.project?.classifiers)) {
    const path = ['project', 'classifiers', i];
    const kind = classifyClassifier(value);
    if (kind === 'active') continue;
    if (kind === 'private') {
      c.report({ code: 'PW-CLASSIFIER-003', severity: 'info', message: `"${value}": PyPI refuses every upload with a \`Private ::\` classifier — that is what it is for (keeping this package off PyPI by accident).`, path, rule });
      continue;
    }
    if (kind === 'deprecated') {
      const reps = classifierReplacements(value);
      const fixes = reps.length
        ? reps.map((r, k) => makeFix(c.doc, `Replace with "${r}"`, [{ kind: 'set', path, value: r }], { isPreferred: k === 0 }))
        : [makeFix(c.doc, 'Remove this classifier', [{ kind: 'removeItem', path: ['project', 'classifiers'], index: i }], { isPreferred: true })];
      c.report({
        code: 'PW-CLASSIFIER-002',
        message: `"${value}" is a deprecated classifier and PyPI rejects it${reps.length ? `; use ${reps.map((r) => `"${r}"`).join(' or ')}` : ''}.`,
        path,
        rule,
        fixes,
      });
      continue;
    }
    const suggestions = closestMatches(value.trim(), candidatesFor(value), 3);
    const hint = /^licen[cs]e/i.test(value.trim()) ? ' To declare the license, use `license = "<SPDX expression>"` (PEP 639).' : '';
    c.report({
      code: 'PW-CLASSIFIER-001',
      message: `"${value}" is not a trove classifier, so PyPI rejects the upload.${suggestions.length ? ` Did you mean "${suggestions[0]}"?` : ''}${hint}`,
      path,
      rule,
      fixes: [
        ...suggestions.map((s, k) => makeFix(c.doc, `Change to "${s}"`, [{ kind: 'set', path, value: s }], { isPreferred: k === 0 })),
        makeFix(c.doc, 'Remove this classifier', [{ kind: 'removeItem', path: ['project', 'classifiers'], index: i }]),
      ],
    });
  }
}
