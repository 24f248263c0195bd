/**
 * A failed resolution: the conflict graph beside the explanation (linked both ways), the
 * selected node's origin with "what if" edits, verified fixes to try or apply, and a "what if"
 * editor for every requirement. Re-resolving starts at once and replaces this view with the
 * new outcome.
 */
import type { DependenciesOptions, GraphEdgeDto, ResolutionOutcome, SuggestionDto, TargetInput } from '@contract';
import { useEffect, useMemo, useRef, useState } from 'react';
import { GraphView } from '../graph/graph-view';
import { EdgeIndex, highlightFor, type Highlight } from '../graph/paths';
import { suggestionRun, whatIf } from '../run/build-input';
import type { RunState } from '../run/run-state';
import type { useDependencyRun } from '../run/use-dependency-run';
import { useDependenciesUi } from '../store';
import { ExplanationText, explanationItems } from './explanation-text';
import { NodeDetails } from './node-details';
import { SuggestionsList } from './suggestions-list';
import { Warnings } from './warnings';
import { WhatIfPanel } from './what-if-panel';

type Failure = Extract<ResolutionOutcome, { ok: false }>;

const NO_MATCHES: ReadonlySet<string> = new Set();

function lineHighlight(ids: readonly string[], edges: readonly GraphEdgeDto[]): Highlight {
  const nodes = new Set(ids);
  return { nodes, edges: new Set(edges.filter((e) => nodes.has(e.from) && nodes.has(e.to)).map((e) => e.id)) };
}

/** A target for another Python version on the same platform (a named one when it exists). */
export function retargetFor(base: TargetInput, options: DependenciesOptions | undefined): (python: string) => TargetInput {
  return (python) => {
    const [maj, min] = python.split('.');
    if (base.kind === 'named') {
      const id = base.id.replace(/^cp\d+/, `cp${maj}${min}`);
      if (options?.targets.some((t) => t.id === id)) return { kind: 'named', id };
      return { kind: 'custom', python, platform: base.id.split('-').slice(1).join('-') };
    }
    return { ...base, python };
  };
}

/** The failed outcome, the run (to re-resolve) and the input options. */
export interface FailureViewProps {
  readonly outcome: Failure;
  readonly state: RunState;
  readonly run: ReturnType<typeof useDependencyRun>;
  readonly options: DependenciesOptions | undefined;
  readonly busy: boolean;
}

/** The failure view: conflict graph, explanation, details, fixes, what if. */
export function FailureView({ outcome, state, run, options, busy }: FailureViewProps) {
  const ui = useDependenciesUi();
  const { selected, activeLine, showDerivation, setExplore } = ui;
  const [hover, setHover] = useState<number | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  // A new result takes the focus (and the scroll), so it is announced and seen.
  useEffect(() => title.current?.focus(), [outcome]);
  const { graph } = outcome;
  const items = useMemo(() => explanationItems(outcome.explanation), [outcome.explanation]);
  const index = useMemo(() => new EdgeIndex(graph.edges), [graph.edges]);
  const shown = useMemo(() => {
    if (showDerivation) return graph;
    const keep = new Set(graph.nodes.filter((n) => n.kind !== 'incompatibility').map((n) => n.id));
    return { ...graph, nodes: graph.nodes.filter((n) => keep.has(n.id)), edges: graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to)) };
  }, [graph, showDerivation]);
  const line = hover ?? activeLine;
  const highlight = useMemo(() => {
    const item = line !== null ? items[line] : undefined;
    if (item) return lineHighlight(item.nodeIds, graph.edges);
    return selected ? highlightFor(index, selected) : null;
  }, [line, items, graph.edges, selected, index]);
  const node = graph.nodes.find((n) => n.id === selected) ?? null;
  const base = state.resolveInput;

  const start = (r: { input: NonNullable<RunState['resolveInput']>; dropped: RunState['dropped'] }) => {
    ui.resetExplore();
    run.start({ kind: 'resolve', input: r.input, dropped: r.dropped });
  };
  const reresolve = (edits: Readonly<Record<number, string | null>>, constraints: string) => {
    if (base) start(whatIf(base, outcome, edits, constraints, state.dropped));
  };
  const trySuggestion = (s: SuggestionDto) => {
    if (base) start(suggestionRun(base, outcome, s, state.dropped, retargetFor(base.target, options)));
  };

  return (
    <section className="panel deps-result" aria-labelledby="deps-failure-title" data-testid="deps-failure">
      <h2 id="deps-failure-title" ref={title} tabIndex={-1} className="deps-result-title bad">
        These requirements cannot be installed together on {outcome.target.label}
      </h2>
      <p className="muted small">
        {outcome.stats.decisions} decisions, {outcome.stats.backtracks} backtracks, {(outcome.stats.elapsedMs / 1000).toFixed(2)} s
      </p>
      <Warnings warnings={outcome.warnings} />
      <div className="deps-toolbar">
        <label className="check">
          <input type="checkbox" checked={showDerivation} onChange={(e) => setExplore({ showDerivation: e.target.checked })} />
          Show the derivation steps (facts and conclusions)
        </label>
        {selected || activeLine !== null ? (
          <button type="button" onClick={() => setExplore({ selected: null, activeLine: null })}>
            Clear the highlight
          </button>
        ) : null}
      </div>
      <div className="deps-split">
        <GraphView
          nodes={shown.nodes}
          edges={shown.edges}
          highlight={highlight}
          selected={selected}
          matches={NO_MATCHES}
          onSelect={(id) => setExplore({ selected: id, activeLine: null })}
          label="Conflict graph"
          testId="deps-conflict-graph"
          since={state.resultAt}
          edgeLabels={shown.edges.length <= 60 ? 'always' : 'highlighted'}
        />
        <div className="deps-side-column">
          <ExplanationText
            explanation={outcome.explanation}
            selected={selected}
            pinnedLine={activeLine}
            hoverLine={hover}
            onHover={setHover}
            onPin={(i) => setExplore({ activeLine: i, selected: null })}
          />
          {node ? (
            <NodeDetails
              node={node}
              nodes={graph.nodes}
              edges={graph.edges}
              index={index}
              requirements={outcome.requirements}
              busy={busy}
              onSelect={(id) => setExplore({ selected: id })}
              onEdit={(i, text) => reresolve({ [i]: text }, '')}
              onConstrain={(c) => reresolve({}, c)}
            />
          ) : null}
        </div>
      </div>
      <SuggestionsList outcome={outcome} suggestions={state.suggestions} projectFolder={state.projectFolder} busy={busy} onTry={trySuggestion} />
      <WhatIfPanel requirements={outcome.requirements} busy={busy} onRun={() => reresolve(ui.edits, ui.extraConstraints)} />
    </section>
  );
}
