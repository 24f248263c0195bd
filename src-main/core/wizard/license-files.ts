/**
 * Which license files a new project ships for its license expression.
 *
 * PEP 639 expects the license texts in the distribution (`license-files`, each pattern MUST
 * match a file). One license → `LICENSE`; several (`MIT OR Apache-2.0`) → one file per license
 * under `LICENSES/<id>.txt`, the REUSE convention `hatch new` also follows. A `LicenseRef-`
 * has no standard text: the user must add it, so no file (and no pattern) is planned for it.
 */
import { parseLicenseExpression, type LicenseNode } from '../licenses';

export interface LicenseFilePlan {
  /** Files to write: the path and the SPDX id whose text it holds. */
  readonly files: readonly { readonly path: string; readonly id: string }[];
  /** The `license-files` value (literal paths, which are valid globs). */
  readonly patterns: readonly string[];
  /** `LicenseRef-` ids whose terms the user has to add themselves. */
  readonly customRefs: readonly string[];
  /** Exceptions named with WITH: their text is not shipped by the SPDX package (note for the user). */
  readonly exceptions: readonly string[];
}

const EMPTY: LicenseFilePlan = { files: [], patterns: [], customRefs: [], exceptions: [] };

/** Distinct license ids, LicenseRefs and exceptions of an expression, in order of appearance. */
export function licenseParts(expression: string): { ids: string[]; refs: string[]; exceptions: string[] } | null {
  let ast: LicenseNode;
  try {
    ast = parseLicenseExpression(expression).ast;
  } catch {
    return null;
  }
  const ids: string[] = [];
  const refs: string[] = [];
  const exceptions: string[] = [];
  const add = (list: string[], v: string) => {
    if (!list.includes(v)) list.push(v);
  };
  const walk = (n: LicenseNode): void => {
    switch (n.kind) {
      case 'license': return add(ids, n.id);
      case 'license-ref': return add(refs, n.id);
      case 'exception': return add(exceptions, n.id);
      case 'with':
        walk(n.license);
        return walk(n.exception);
      case 'group': return walk(n.body);
      case 'and':
      case 'or': return n.operands.forEach(walk);
    }
  };
  walk(ast);
  return { ids, refs, exceptions };
}

/** The license files for `expression` (empty plan when it is invalid or absent). */
export function licenseFilePlan(expression: string | null): LicenseFilePlan {
  if (!expression) return EMPTY;
  const parts = licenseParts(expression);
  if (!parts) return EMPTY;
  const single = parts.ids.length + parts.refs.length === 1;
  const files = parts.ids.map((id) => ({ id, path: single ? 'LICENSE' : `LICENSES/${id}.txt` }));
  return { files, patterns: files.map((f) => f.path), customRefs: parts.refs, exceptions: parts.exceptions };
}
