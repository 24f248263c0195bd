/**
 * Graph models for the Dependencies workspace.
 *
 * Conflict graph (a failure): nodes are the user's requirements (`req:<index>`), packages with
 * the version ranges the derivation names (`pkg:<key>`), and incompatibilities (`inc:<id>`,
 * facts and conclusions); edges are `depends-on` (requirement → package, package → package,
 * labelled with the ranges), `derived-from` (conclusion → its two causes) and `about`
 * (incompatibility → the packages it constrains). The explanation's sentences carry the same
 * ids, so a sentence can highlight its nodes and a node can find its sentences.
 *
 * Resolution graph (a success): the root, one node per pin, an edge per requirement that
 * brought a pin in.
 */
import { baseName, ROOT } from '../solver/package-key';
import type { ResolutionSuccess } from '../types';
import { collapseNoVersions } from './collapse';
import { Describer } from './describe';
import { explainFailure, type Explanation } from './explain';
import type { FailureReport, TreeNode } from './failure';
import { termText } from './ranges';

/** A node of either graph. */
export interface GraphNode {
  readonly id: string;
  readonly kind: 'root' | 'requirement' | 'package' | 'incompatibility';
  readonly label: string;
  /** Packages: the project name; incompatibilities: the packages they constrain. */
  readonly packages?: readonly string[];
  /** Packages: the ranges the derivation names; pins: the version. */
  readonly ranges?: readonly string[];
  /** Incompatibilities: fact (external) or conclusion, and the cause kind. */
  readonly external?: boolean;
  readonly cause?: string;
  /** The node that concludes the failure. */
  readonly isRoot?: boolean;
}

/** An edge of either graph. */
export interface GraphEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: 'depends-on' | 'derived-from' | 'about';
  readonly label?: string;
}

/** The conflict graph and the explanation it is linked with. */
export interface ConflictGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly root: string;
  readonly explanation: Explanation;
}

/** Build the conflict graph of a failure (and its explanation). */
export function conflictGraph(full: FailureReport): ConflictGraph {
  const explanation = explainFailure(full);
  const report: FailureReport = { ...full, tree: collapseNoVersions(full) };
  const d = new Describer(report);
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const ranges = new Map<string, Set<string>>();
  const addEdge = (e: Omit<GraphEdge, 'id'>): void => {
    const id = `${e.kind}:${e.from}->${e.to}${e.label ? `:${e.label}` : ''}`;
    if (!edges.has(id)) edges.set(id, { id, ...e });
  };
  const noteRange = (pkg: string, text: string): void => {
    let s = ranges.get(pkg);
    if (!s) ranges.set(pkg, (s = new Set()));
    s.add(text);
  };
  const ordered = [...report.tree.nodes.values()].sort((a, b) => a.id - b.id);
  for (const n of ordered) {
    const phrase = n.cause.kind === 'derived' ? d.conclusion(n) : d.external(n);
    const pkgs = n.terms.filter((t) => t.pkg !== ROOT).map((t) => t.pkg);
    nodes.set(`inc:${n.id}`, {
      id: `inc:${n.id}`,
      kind: 'incompatibility',
      label: phrase.text,
      packages: pkgs,
      external: n.cause.kind !== 'derived',
      cause: n.cause.kind,
      ...(n.id === report.tree.root ? { isRoot: true } : {}),
    });
    for (const t of n.terms) if (t.pkg !== ROOT) noteRange(t.pkg, termText(t.pkg, t.set));
    for (const p of pkgs) addEdge({ from: `inc:${n.id}`, to: `pkg:${p}`, kind: 'about' });
    if (n.cause.kind === 'derived') {
      addEdge({ from: `inc:${n.id}`, to: `inc:${n.cause.left}`, kind: 'derived-from' });
      addEdge({ from: `inc:${n.id}`, to: `inc:${n.cause.right}`, kind: 'derived-from' });
    }
    if (n.cause.kind === 'dependency') dependencyEdges(n, report, addEdge, nodes);
  }
  for (const [pkg, set] of ranges) {
    nodes.set(`pkg:${pkg}`, { id: `pkg:${pkg}`, kind: 'package', label: pkg, packages: [baseName(pkg)], ranges: [...set].sort() });
  }
  // Every id a sentence names must exist (requirements may be named without a dependency node).
  for (const line of [...explanation.lines, ...explanation.hints]) {
    for (const id of line.nodeIds) if (!nodes.has(id) && id.startsWith('req:')) addRequirementNode(id, report, nodes);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], root: `inc:${report.tree.root}`, explanation };
}

function addRequirementNode(id: string, report: FailureReport, nodes: Map<string, GraphNode>): void {
  const i = Number(id.slice(4));
  const text = report.rootRequirements[i];
  if (text !== undefined) nodes.set(id, { id, kind: 'requirement', label: text });
}

function dependencyEdges(n: TreeNode, report: FailureReport, addEdge: (e: Omit<GraphEdge, 'id'>) => void, nodes: Map<string, GraphNode>): void {
  if (n.cause.kind !== 'dependency') return;
  const { dependent, dependency, requirements } = n.cause;
  if (dependent === ROOT) {
    for (const r of requirements) {
      const i = report.rootRequirements.indexOf(r);
      if (i < 0) continue;
      addRequirementNode(`req:${i}`, report, nodes);
      addEdge({ from: `req:${i}`, to: `pkg:${dependency}`, kind: 'depends-on', label: r });
    }
    return;
  }
  const from = n.terms.find((t) => t.pkg === dependent);
  const to = n.terms.find((t) => t.pkg === dependency);
  const label = `${from ? termText(dependent, from.set) : dependent} → ${to ? termText(dependency, to.set) : requirements.join(', ')}`;
  addEdge({ from: `pkg:${dependent}`, to: `pkg:${dependency}`, kind: 'depends-on', label });
}

/** The dependency graph of a resolution: root → direct pins → their dependencies. */
export function resolutionGraph(result: ResolutionSuccess): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes: GraphNode[] = [{ id: 'root', kind: 'root', label: 'your requirements' }];
  const edges: GraphEdge[] = [];
  for (const p of result.pins) {
    nodes.push({ id: `pkg:${p.name}`, kind: 'package', label: `${p.name}==${p.version}`, packages: [p.name], ranges: [p.version] });
    for (const parent of p.parents) {
      const from = parent.parent === null ? 'root' : `pkg:${parent.parent}`;
      const label = parent.requirements.join(', ') + (parent.viaExtra ? ` [${parent.viaExtra}]` : '');
      edges.push({ id: `depends-on:${from}->pkg:${p.name}:${label}`, from, to: `pkg:${p.name}`, kind: 'depends-on', label });
    }
  }
  return { nodes, edges };
}
