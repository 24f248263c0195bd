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
  // "CPython 3.12, manylinux_2_28 x86_64" → interpreter × platform.
  const split = (label: string) => {
    const i = label.indexOf(', ');
    return i < 0 ? [label, ''] : [label.slice(0, i), label.slice(i + 2)];
  };
  const pythons = [...new Set(state.targets.map((t) => split(t.label)[0] as string))];
  const platforms = [...new Set(state.targets.map((t) => split(t.label)[1] as string))];
  const cells = new Map(state.targets.map((t) => [split(t.label).join('|'), t]));
  return (
    <section className="panel deps-result" aria-labelledby="deps-matrix-title" data-testid="deps-matrix">
      <h2 id="deps-matrix-title" className={`deps-result-title ${state.matrix && state.matrix.failing.length === 0 ? 'ok' : 'bad'}`}>
        {state.matrix ? `${ok} of ${state.targets.length} environments resolve` : `Checked ${state.targets.length} of ${state.targetTotal || '…'} environments`}
      </h2>
      {state.matrix && state.matrix.groups.length > 1 ? <p className="muted small">The environments that resolve get {state.matrix.groups.length} different sets of pins.</p> : null}
      <table className="deps-matrix">
        <caption className="muted small">Interpreters down, platforms across; select a failing cell to see why.</caption>
        <thead>
          <tr>
            <th scope="col">Interpreter</th>
            {platforms.map((p) => (
              <th scope="col" key={p}>
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pythons.map((py) => (
            <tr key={py}>
              <th scope="row">{py}</th>
              {platforms.map((p) => {
                const t = cells.get(`${py}|${p}`);
                if (!t) return <td key={p} className="muted">—</td>;
                const open = t.id === matrixTarget;
                return (
                  <td key={p} className={t.ok ? 'ok' : 'bad'}>
                    <button
                      type="button"
                      className="deps-cell"
                      aria-pressed={t.ok ? undefined : open}
                      aria-label={`${t.label}: ${t.ok ? `resolves, ${t.pins.length} package${t.pins.length === 1 ? '' : 's'}` : 'fails'}`}
                      title={t.ok ? t.pins.join('\n') : (t.reason ?? '')}
                      disabled={t.ok}
                      onClick={() => setExplore({ matrixTarget: open ? null : t.id })}
                    >
                      {t.ok ? `✓ ${t.pins.length} package${t.pins.length === 1 ? '' : 's'}` : '✗ fails'}
                      {t.outsideRequiresPython ? <span className="small"> *</span> : null}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {state.targets.some((t) => t.outsideRequiresPython) ? <p className="muted small">* outside the project&apos;s requires-python</p> : null}
      {shown && !shown.ok ? (
        <div className="deps-matrix-details">
          <div className="deps-toolbar">
            <h3>Why it fails on {shown.label}</h3>
            <p className="small">{shown.reason}</p>
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
