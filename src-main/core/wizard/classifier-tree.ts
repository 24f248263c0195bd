/**
 * The trove classifiers (pypa/trove-classifiers, via core/pyproject's copy) as a tree for the
 * classifiers step: `Programming Language :: Python :: 3` is a leaf under two parents. Parents
 * that are classifiers themselves are selectable too. `License ::` classifiers are marked: PEP 639
 * deprecates them in favour of the `license` expression. Deprecated classifiers are listed apart
 * with their replacements (PyPI rejects them).
 */
import deprecatedData from '../pyproject/semantic/data/classifiers-deprecated.json' with { type: 'json' };
import { activeClassifiers, classifierReplacements, TROVE_VERSION } from '../pyproject';

export interface ClassifierNode {
  /** The last segment (`3.12`). */
  readonly label: string;
  /** The full classifier up to this node. */
  readonly path: string;
  /** True when `path` is itself a classifier. */
  readonly selectable: boolean;
  /** PEP 639: use the `license` key instead. */
  readonly licenseClassifier: boolean;
  readonly children: readonly ClassifierNode[];
}

export interface ClassifierTree {
  readonly version: string;
  readonly roots: readonly ClassifierNode[];
  readonly deprecated: readonly { readonly classifier: string; readonly replacements: readonly string[] }[];
}

interface MutableNode {
  label: string;
  path: string;
  selectable: boolean;
  children: Map<string, MutableNode>;
}

function freeze(n: MutableNode): ClassifierNode {
  return { label: n.label, path: n.path, selectable: n.selectable, licenseClassifier: n.path.startsWith('License ::') || n.path === 'License', children: [...n.children.values()].map(freeze) };
}

let cached: ClassifierTree | null = null;

/** The tree, in upstream order (built once). */
export function classifierTree(): ClassifierTree {
  if (cached) return cached;
  const root: MutableNode = { label: '', path: '', selectable: false, children: new Map() };
  for (const c of activeClassifiers()) {
    let node = root;
    const segments = c.split(' :: ');
    segments.forEach((label, i) => {
      const path = segments.slice(0, i + 1).join(' :: ');
      let child = node.children.get(label);
      if (!child) {
        child = { label, path, selectable: false, children: new Map() };
        node.children.set(label, child);
      }
      node = child;
    });
    node.selectable = true;
  }
  const deprecated = Object.keys((deprecatedData as { deprecated: Record<string, string[]> }).deprecated).map((classifier) => ({ classifier, replacements: [...classifierReplacements(classifier)] }));
  cached = { version: TROVE_VERSION, roots: [...root.children.values()].map(freeze), deprecated };
  return cached;
}
