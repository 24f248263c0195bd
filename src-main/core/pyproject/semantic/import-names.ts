/**
 * PEP 794 `import-names` / `import-namespaces` (core metadata 2.5): dotted identifiers that are
 * not keywords, each name listed once across both keys, and every parent of a dotted name
 * listed too (https://packaging.python.org/en/latest/specifications/pyproject-toml/#import-names).
 */
import { stringItems, type CheckContext } from './context';

/** Python 3 keywords (`keyword.kwlist`); soft keywords are valid identifiers. */
const KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** The name part of an entry (`a.b ; private` → `a.b`). */
export function importName(entry: string): string {
  return entry.split(';')[0]?.trim() ?? '';
}

export function checkImportNames(c: CheckContext): void {
  const p = c.project;
  if (!p) return;
  const rule = 'PEP 794';
  const entries = (['import-names', 'import-namespaces'] as const).flatMap((key) =>
    stringItems(p[key]).map(([i, s]) => ({ key, i, name: importName(s), path: ['project', key, i] })),
  );
  const first = new Map<string, (typeof entries)[number]>();
  for (const e of entries) {
    const kw = e.name.split('.').find((part) => KEYWORDS.has(part));
    if (kw) {
      c.report({ code: 'PW-IMPORT-001', message: `"${e.name}" cannot be imported: \`${kw}\` is a Python keyword.`, path: e.path, rule });
      continue;
    }
    const seen = first.get(e.name);
    if (seen) {
      c.report({ code: 'PW-IMPORT-002', message: `"${e.name}" is listed twice (also in \`${seen.key}\`); each import name appears once across import-names and import-namespaces.`, path: e.path, rule });
    } else first.set(e.name, e);
  }
  for (const e of entries) {
    const parts = e.name.split('.');
    for (let n = 1; n < parts.length; n++) {
      const parent = parts.slice(0, n).join('.');
      if (!first.has(parent)) {
        c.report({ code: 'PW-IMPORT-003', message: `"${e.name}" needs its parent "${parent}" listed too (in import-names, or import-namespaces for a namespace package).`, path: e.path, rule });
        break;
      }
    }
  }
}
