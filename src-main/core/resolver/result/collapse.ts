/**
 * Drop "no version in this range" facts that add nothing to an explanation (as pubgrub's
 * `collapse_no_versions` and uv's report do): a range that only loses versions nobody
 * published (`a>=1.0.0,<2.0.0` between 1.0.0 and 2.0.0, `b==2.0.0+local`) or an empty range
 * need not be mentioned. A derived node with such a cause is explained by its other cause
 * alone when the conclusion is the same modulo non-existent versions: same packages (the
 * root aside) and, for an unusable-version fact, the same versions once collapsed onto the
 * listed ones. Node ids are kept, so graph and text stay linked.
 */
import type { Version } from '../../standards/pep440';
import { baseName, ROOT } from '../solver/package-key';
import type { DerivationTree, FailureReport, TreeNode } from './failure';
import { simplifyRange } from './ranges';

function pkgSet(n: TreeNode): string {
  return n.terms
    .filter((t) => t.pkg !== ROOT)
    .map((t) => t.pkg)
    .sort()
    .join('\u0000');
}

/** A simplified tree. */
export function collapseNoVersions(report: FailureReport): DerivationTree {
  const { tree } = report;
  const avail = (pkg: string): readonly Version[] | undefined => report.available.get(baseName(pkg));
  const out = new Map<number, TreeNode>();
  const memo = new Map<number, number>();

  const rewrite = (id: number): number => {
    const m = memo.get(id);
    if (m !== undefined) return m;
    const n = tree.nodes.get(id) as TreeNode;
    if (n.cause.kind !== 'derived') {
      out.set(id, n);
      memo.set(id, id);
      return id;
    }
    const l = rewrite(n.cause.left);
    const r = rewrite(n.cause.right);
    const L = out.get(l) as TreeNode;
    const R = out.get(r) as TreeNode;
    let result: TreeNode = { id, terms: n.terms, cause: { kind: 'derived', left: l, right: r } };
    for (const [nv, x] of [
      [L, R],
      [R, L],
    ] as const) {
      if (nv.cause.kind !== 'no-versions' || x.cause.kind === 'no-versions') continue;
      const t = nv.terms[0];
      if (!t) continue;
      const vacuous = t.set.isEmpty;
      let same = pkgSet(n) === pkgSet(x);
      if (same && (x.cause.kind === 'unavailable' || x.cause.kind === 'not-found' || x.cause.kind === 'constraint')) {
        const mine = n.terms.find((u) => u.pkg === t.pkg);
        const theirs = x.terms.find((u) => u.pkg === t.pkg);
        same = !!mine && !!theirs && simplifyRange(mine.set, avail(t.pkg)).equals(simplifyRange(theirs.set, avail(t.pkg)));
      }
      if (!vacuous && !same) continue;
      if (x.cause.kind === 'derived') result = { id, terms: n.terms, cause: x.cause };
      else if (same && id !== tree.root) {
        memo.set(id, x.id);
        return x.id;
      }
      break;
    }
    out.set(id, result);
    memo.set(id, id);
    return id;
  };

  const root = rewrite(tree.root);
  // Keep only reachable nodes.
  const reachable = new Map<number, TreeNode>();
  const stack = [root];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (reachable.has(id)) continue;
    const n = out.get(id) as TreeNode;
    reachable.set(id, n);
    if (n.cause.kind === 'derived') stack.push(n.cause.left, n.cause.right);
  }
  return { root, nodes: reachable };
}
