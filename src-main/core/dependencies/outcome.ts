/**
 * The resolver's results as the contract's plain data: pins and the dependency graph for a
 * success; the uv-style explanation and the conflict graph (linked by node ids) for a failure;
 * suggestions with the pins they lead to.
 */
import type { ExplanationDto, GraphEdgeDto, GraphNodeDto, PinDto, ResolutionOutcome, ResolveStatsDto, RootRequirement, SuggestionDto } from '../../contract';
import { conflictGraph, resolutionGraph, type ConflictGraph, type GraphEdge, type GraphNode, type Pin, type ResolveResult, type ResolveStats, type Suggestion } from '../resolver';
import type { FailureReport } from '../resolver';

/** The solver's counters (elapsed time rounded to ms). */
export function statsDto(s: ResolveStats): ResolveStatsDto {
  return {
    steps: s.steps,
    decisions: s.decisions,
    backtracks: s.backtracks,
    conflicts: s.conflicts,
    incompatibilities: s.incompatibilities,
    packagesListed: s.packagesListed,
    metadataFetched: s.metadataFetched,
    elapsedMs: Math.round(s.elapsedMs),
  };
}

function nodeDto(n: GraphNode): GraphNodeDto {
  return {
    id: n.id,
    kind: n.kind,
    label: n.label,
    ...(n.packages ? { packages: [...n.packages] } : {}),
    ...(n.ranges ? { ranges: [...n.ranges] } : {}),
    ...(n.external !== undefined ? { external: n.external } : {}),
    ...(n.cause !== undefined ? { cause: n.cause } : {}),
    ...(n.isRoot ? { isRoot: true } : {}),
  };
}

function edgeDto(e: GraphEdge): GraphEdgeDto {
  return { id: e.id, from: e.from, to: e.to, kind: e.kind, ...(e.label !== undefined ? { label: e.label } : {}) };
}

/** One pin and the parents that brought it in. */
export function pinDto(p: Pin): PinDto {
  return {
    name: p.name,
    version: p.version,
    extras: [...p.extras],
    direct: p.direct,
    yanked: p.yanked,
    parents: p.parents.map((x) => ({ parent: x.parent, parentVersion: x.parentVersion, viaExtra: x.viaExtra, requirements: [...x.requirements] })),
  };
}

/** The conflict graph and explanation of a failure, as plain data. */
export function failureDto(report: FailureReport): { explanation: ExplanationDto; graph: { nodes: GraphNodeDto[]; edges: GraphEdgeDto[]; root: string } } {
  const g: ConflictGraph = conflictGraph(report);
  return {
    explanation: {
      lines: g.explanation.lines.map((l) => ({ text: l.text, ...(l.number !== undefined ? { number: l.number } : {}), nodeIds: [...l.nodeIds] })),
      hints: g.explanation.hints.map((h) => ({ kind: h.kind, text: h.text, nodeIds: [...h.nodeIds] })),
      text: g.explanation.text,
    },
    graph: { nodes: g.nodes.map(nodeDto), edges: g.edges.map(edgeDto), root: g.root },
  };
}

/** A resolution's outcome for the UI. */
export function outcomeDto(
  result: ResolveResult,
  ctx: { requirements: readonly RootRequirement[]; constraints: readonly string[]; target: { label: string; python: string }; warnings: readonly string[] },
): ResolutionOutcome {
  const base = {
    target: ctx.target,
    requirements: [...ctx.requirements],
    constraints: [...ctx.constraints],
    stats: statsDto(result.stats),
    warnings: [...ctx.warnings, ...result.warnings],
  };
  if (result.ok) {
    const g = resolutionGraph(result);
    return { ...base, ok: true, pins: result.pins.map(pinDto), graph: { nodes: g.nodes.map(nodeDto), edges: g.edges.map(edgeDto) } };
  }
  return { ...base, ok: false, ...failureDto(result.failure) };
}

/** A verified fix, with the pins it leads to as `name==version`. */
export function suggestionDto(s: Suggestion): SuggestionDto {
  return {
    kind: s.kind,
    description: s.description,
    requirementIndex: s.requirementIndex,
    from: s.from,
    to: s.to,
    requirements: [...s.requirements],
    ...(s.prerelease ? { prerelease: s.prerelease } : {}),
    ...(s.python ? { python: s.python } : {}),
    cost: s.cost,
    pins: s.pins.map((p) => `${p.name}==${p.version}`),
  };
}
