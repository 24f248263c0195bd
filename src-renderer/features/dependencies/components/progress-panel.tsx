/** A running resolution or check: what it is doing, its counters, and Cancel. */
import type { RunState } from '../run/run-state';

/** Progress of the running operation, with Cancel. */
export function ProgressPanel({ state, onCancel }: { readonly state: RunState; readonly onCancel: () => void }) {
  const s = state.stats;
  const what = state.kind === 'check' ? `Checking environments${state.targetTotal ? ` (${state.targets.length}/${state.targetTotal} done)` : ''}` : 'Resolving';
  return (
    <section className="panel deps-progress" aria-label="Progress" data-testid="deps-progress">
      <div className="deps-progress-head">
        <span className="spinner" aria-hidden="true" />
        <strong>{what}…</strong>
        <button type="button" onClick={onCancel} disabled={state.status !== 'running'}>
          Cancel
        </button>
      </div>
      <p className="muted small" role="status" aria-live="polite">
        {state.progress ?? 'Starting…'}
      </p>
      {s ? (
        <dl className="deps-stats">
          <dt>Packages listed</dt>
          <dd>{s.packagesListed}</dd>
          <dt>Metadata read</dt>
          <dd>{s.metadataFetched}</dd>
          <dt>Decisions</dt>
          <dd>{s.decisions}</dd>
          <dt>Backtracks</dt>
          <dd>{s.backtracks}</dd>
          <dt>Elapsed</dt>
          <dd>{(s.elapsedMs / 1000).toFixed(1)} s</dd>
        </dl>
      ) : null}
    </section>
  );
}
