/**
 * The multi-environment check: one row per target (interpreter × platform) with its outcome;
 * a failing row shows why (explanation and conflict graph), and can be resolved on its own
 * to get fixes and "what if".
 */
import type { CheckInput, TargetOutcomeDto } from '@contract';
import { useMemo, useState } from 'react';
import { GraphView } from '../graph/graph-view';
import { EdgeIndex, highlightFor } from '../graph/paths';
import type { RunState } from '../run/run-state';
import { useDependenciesUi } from '../store';
import { ExplanationText } from './explanation-text';

const NO_MATCHES: ReadonlySet<string> = new Set();

function FailureDetails({ target, since }: { readonly target: TargetOutcomeDto; readonly since: number | null }) {
  const [hover, setHover] = useState<number | null>(null);
  const [pinned, setPinned] = useState<number | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const failure = target.failure;
  const index = useMemo(() => new EdgeIndex(failure?.graph.edges ?? []), [failure]);
  if (!failure) return <p className="error-message">{target.error ?? target.reason}</p>;
  const line = hover ?? pinned;
  const items = [...failure.explanation.lines, ...failure.explanation.hints];
  const ids = line !== null ? new Set(items[line]?.nodeIds ?? []) : null;
  const highlight = ids ? { nodes: ids, edges: new Set(failure.graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e) => e.id)) } : selected ? highlightFor(index, selected) : null;
  return (
    <div className="deps-split">
      <GraphView
        nodes={failure.graph.nodes}
        edges={failure.graph.edges}
        highlight={highlight}
        selected={selected}
        matches={NO_MATCHES}
        onSelect={setSelected}
        label={`Conflict graph for ${target.label}`}
        testId="deps-matrix-graph"
        since={since}
        edgeLabels="always"
      />
      <ExplanationText explanation={failure.explanation} selected={selected} pinnedLine={pinned} hoverLine={hover} onHover={setHover} onPin={setPinned} />
    </div>
  );
}

/** The environment matrix of a check. */
export function MatrixView({ state, onResolveTarget }: { readonly state: RunState; readonly onResolveTarget: (input: CheckInput, targetId: string) => void }) {
  const { matrixTarget, setExplore } = useDependenciesUi();
  const shown = state.targets.find((t) => t.id === matrixTarget) ?? null;
  const ok = state.targets.filter((t) => t.ok).length;
  return (
    <section className="panel deps-result" aria-labelledby="deps-matrix-title" data-testid="deps-matrix">
      <h2 id="deps-matrix-title" className={`deps-result-title ${state.matrix && state.matrix.failing.length === 0 ? 'ok' : 'bad'}`}>
        {state.matrix ? `${ok} of ${state.targets.length} environments resolve` : `Checked ${state.targets.length} of ${state.targetTotal || '…'} environments`}
      </h2>
      {state.matrix && state.matrix.groups.length > 1 ? <p className="muted small">The environments that resolve get {state.matrix.groups.length} different sets of pins.</p> : null}
      <table className="deps-matrix">
        <thead>
          <tr>
            <th scope="col">Environment</th>
            <th scope="col">Result</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {state.targets.map((t) => (
            <tr key={t.id} className={t.ok ? 'ok' : 'bad'} aria-selected={t.id === matrixTarget}>
              <th scope="row">
                {t.label}
                {t.outsideRequiresPython ? <span className="muted small"> (outside the project&apos;s requires-python)</span> : null}
              </th>
              <td>{t.ok ? '✓ resolves' : '✗ fails'}</td>
              <td>
                {t.ok ? (
                  <span className="muted small">{t.pins.length} packages</span>
                ) : (
                  <>
                    <span className="small">{t.reason}</span>{' '}
                    <button type="button" className="link-inline" onClick={() => setExplore({ matrixTarget: t.id === matrixTarget ? null : t.id })}>
                      {t.id === matrixTarget ? 'Hide why' : 'Show why'}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown && !shown.ok ? (
        <div className="deps-matrix-details">
          <div className="deps-toolbar">
            <h3>Why it fails on {shown.label}</h3>
            {state.checkInput ? (
              <button type="button" onClick={() => state.checkInput && onResolveTarget(state.checkInput, shown.id)}>
                Resolve for this environment (fixes, what if)
              </button>
            ) : null}
          </div>
          <FailureDetails target={shown} since={null} />
        </div>
      ) : null}
    </section>
  );
}
