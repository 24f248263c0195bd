/**
 * The structured form of a failed resolution: the derivation tree of incompatibilities
 * (PubGrub's proof that the root cannot be selected) plus what explanations need to word it
 * (listed versions to collapse ranges, the user's requirements, the target).
 */
import type { NormalizedName } from '../../standards/names';
import type { Version, VersionSet } from '../../standards/pep440';
import type { PrereleasePolicy } from '../policy';
import type { Cause, Incompatibility } from '../solver/incompatibility';
import type { PackageKey } from '../solver/package-key';

/** One term of a tree node. */
export interface TreeTerm {
  readonly pkg: PackageKey;
  readonly positive: boolean;
  readonly set: VersionSet;
}

/** External causes as in the solver; derived ones point at node ids. */
export type TreeCause = Exclude<Cause, { kind: 'derived' }> | { readonly kind: 'derived'; readonly left: number; readonly right: number };

/** One incompatibility of the tree. `id` is stable for one resolution. */
export interface TreeNode {
  readonly id: number;
  readonly terms: readonly TreeTerm[];
  readonly cause: TreeCause;
}

/** A DAG of incompatibilities; shared sub-derivations appear once. */
export interface DerivationTree {
  readonly root: number;
  readonly nodes: ReadonlyMap<number, TreeNode>;
}

/** Everything needed to explain a failure. */
export interface FailureReport {
  readonly tree: DerivationTree;
  /** Listed versions (ascending) of the projects the tree mentions; absent = not found. */
  readonly available: ReadonlyMap<NormalizedName, readonly Version[]>;
  /** Listed pre-releases the policy excluded, per project (only with `disallow`). */
  readonly excludedPrereleases: ReadonlyMap<NormalizedName, readonly Version[]>;
  readonly rootRequirements: readonly string[];
  readonly target: { readonly label: string; readonly python: string };
  readonly prerelease: PrereleasePolicy;
}

/** Collect the derivation graph of `root` into plain nodes. */
export function buildTree(root: Incompatibility): DerivationTree {
  const nodes = new Map<number, TreeNode>();
  const stack: Incompatibility[] = [root];
  while (stack.length > 0) {
    const inc = stack.pop() as Incompatibility;
    if (nodes.has(inc.id)) continue;
    const terms = inc.packages.map((pkg, i) => {
      const t = inc.terms[i];
      return { pkg, positive: t?.positive ?? true, set: t?.set as VersionSet };
    });
    const c = inc.cause;
    let cause: TreeCause;
    if (c.kind === 'derived') {
      cause = { kind: 'derived', left: c.left.id, right: c.right.id };
      stack.push(c.right, c.left);
    } else cause = c;
    nodes.set(inc.id, { id: inc.id, terms, cause });
  }
  return { root: root.id, nodes };
}

/** The project names a tree mentions (excluding the root). */
export function treePackages(tree: DerivationTree): Set<NormalizedName> {
  const out = new Set<NormalizedName>();
  for (const n of tree.nodes.values()) {
    for (const t of n.terms) if (t.pkg !== '<root>') out.add(t.pkg.replace(/\[.*$/, '') as NormalizedName);
  }
  return out;
}

/** A JSON-ready form of a tree: version sets as specifier text, causes without object links. */
export interface TreeJson {
  readonly root: number;
  readonly nodes: readonly {
    readonly id: number;
    readonly terms: readonly { readonly package: string; readonly positive: boolean; readonly versions: string }[];
    readonly cause: Record<string, unknown>;
  }[];
}

/** Serialize a derivation tree (nodes in id order). */
export function treeToJson(tree: DerivationTree): TreeJson {
  const nodes = [...tree.nodes.values()]
    .sort((a, b) => a.id - b.id)
    .map((n) => {
      const c = n.cause;
      const cause: Record<string, unknown> = c.kind === 'unavailable' ? { kind: c.kind, reason: c.reason, versions: c.versions.map((v) => v.toString()) } : { ...c };
      return { id: n.id, terms: n.terms.map((t) => ({ package: t.pkg, positive: t.positive, versions: t.set.toString() })), cause };
    });
  return { root: tree.root, nodes };
}
