/**
 * A successful resolution: the dependency graph and the tree side by side with "why is it
 * here?", a search that highlights matches, a filter (everything, direct requirements only, the
 * selected path only), and — after a "what if" — the button that writes the change back.
 */
import type { ResolutionOutcome } from '@contract';
import { useEffect, useMemo, useRef } from 'react';
import { GraphView } from '../graph/graph-view';
import { EdgeIndex, highlightFor, searchNodes } from '../graph/paths';
import type { RunState } from '../run/run-state';
import { useDependenciesUi, type GraphFilter } from '../store';
import { ApplyBanner } from './apply-banner';
import { DependencyTree } from './dependency-tree';
import { Warnings } from './warnings';
import { WhyPanel } from './why-panel';

type Success = Extract<ResolutionOutcome, { ok: true }>;

/** The success view: graph, why-panel, tree. */
export function SuccessView({ outcome, state }: { readonly outcome: Success; readonly state: RunState }) {
  const { selected, search, filter, setExplore } = useDependenciesUi();
  const title = useRef<HTMLHeadingElement>(null);
  // A new result takes the focus (and the scroll), so it is announced and seen.
  useEffect(() => title.current?.focus(), [outcome]);
  const { nodes, edges } = outcome.graph;
  const index = useMemo(() => new EdgeIndex(edges), [edges]);
  const highlight = useMemo(() => (selected ? highlightFor(index, selected) : null), [index, selected]);
  const matchList = useMemo(() => searchNodes(nodes, search), [nodes, search]);
  const matches = useMemo(() => new Set(matchList), [matchList]);
  const visible = useMemo(() => {
    if (filter === 'direct') return new Set(['root', ...outcome.pins.filter((p) => p.direct).map((p) => `pkg:${p.name}`)]);
    if (filter === 'path' && highlight) return highlight.nodes;
    return null;
  }, [filter, highlight, outcome.pins]);
  const shown = useMemo(() => {
    if (!visible) return { nodes, edges };
    return { nodes: nodes.filter((n) => visible.has(n.id)), edges: edges.filter((e) => visible.has(e.from) && visible.has(e.to)) };
  }, [nodes, edges, visible]);
  const select = (id: string | null) => setExplore({ selected: id });
  const whatIf = state.resolveInput?.source.kind === 'list';

  return (
    <section className="panel deps-result" aria-labelledby="deps-success-title" data-testid="deps-success">
      <h2 id="deps-success-title" ref={title} tabIndex={-1} className="deps-result-title ok">
        Resolved {outcome.pins.length} package{outcome.pins.length === 1 ? '' : 's'} for {outcome.target.label}
      </h2>
      <p className="muted small">
        {outcome.stats.decisions} decisions, {outcome.stats.backtracks} backtracks, {(outcome.stats.elapsedMs / 1000).toFixed(2)} s
      </p>
      <Warnings warnings={outcome.warnings} />
      {whatIf ? <ApplyBanner requirements={outcome.requirements} constraints={outcome.constraints} dropped={state.dropped} projectFolder={state.projectFolder} subject="these changes" /> : null}
      <div className="deps-toolbar">
        <label className="field-label inline">
          Find a package
          <input
            type="search"
            value={search}
            onChange={(e) => setExplore({ search: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && matchList[0]) select(matchList[0]);
            }}
            placeholder="name"
          />
        </label>
        <label className="field-label inline">
          Show
          <select value={filter} onChange={(e) => setExplore({ filter: e.target.value as GraphFilter })}>
            <option value="all">all packages</option>
            <option value="direct">direct requirements only</option>
            <option value="path">the selected package&apos;s paths</option>
          </select>
        </label>
        {search.trim() ? (
          <span className="muted small" role="status">
            {matchList.length} match{matchList.length === 1 ? '' : 'es'}
          </span>
        ) : null}
        {matchList.slice(0, 6).map((id) => (
          <button key={id} type="button" className="chip" onClick={() => select(id)}>
            {nodes.find((n) => n.id === id)?.label}
          </button>
        ))}
      </div>
      <div className="deps-split">
        <GraphView
          nodes={shown.nodes}
          edges={shown.edges}
          highlight={highlight}
          selected={selected}
          matches={matches}
          onSelect={select}
          label="Dependency graph"
          testId="deps-graph"
          since={state.resultAt}
          edgeLabels={shown.edges.length <= 40 ? 'always' : 'highlighted'}
        />
        <WhyPanel selected={selected} nodes={nodes} edges={edges} index={index} pins={outcome.pins} onSelect={select} />
      </div>
      <h3 className="deps-subtitle">Tree</h3>
      <DependencyTree nodes={nodes} edges={edges} index={index} selected={selected} visible={visible} matches={matches} onSelect={select} />
    </section>
  );
}
