/**
 * The Dependencies workspace (issue 6; public entry of the feature): resolve the open
 * project's or pasted requirements for a target, see progress and cancel, explore the result —
 * a dependency graph and tree, or a conflict graph beside its explanation with fixes and
 * "what if" — and check many environments at once.
 */
import './dependencies.css';
import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../ui/error-message';
import { InputPanel } from './components/input-panel';
import { FailureView } from './components/failure-view';
import { MatrixView } from './components/matrix-view';
import { ProgressPanel } from './components/progress-panel';
import { SuccessView } from './components/success-view';
import { warmUpLayout } from './graph/layout-client';
import { useDependenciesOptions } from './hooks/use-options';
import { isBusy } from './run/run-state';
import { useDependencyRun } from './run/use-dependency-run';
import { useDependenciesUi } from './store';

/** The workspace. */
export function DependenciesWorkspace() {
  const options = useDependenciesOptions();
  const run = useDependencyRun();
  const { state } = run;
  const busy = isBusy(state);
  const resetExplore = useDependenciesUi((s) => s.resetExplore);
  const outcome = state.kind === 'resolve' ? state.outcome : null;
  const [layoutWarm, setLayoutWarm] = useState(false);
  useEffect(() => {
    void warmUpLayout().then(() => setLayoutWarm(true));
  }, []);
  return (
    <div className="deps" data-run-state={state.status} data-layout-warm={layoutWarm} data-testid="deps-workspace">
      <InputPanel options={options.data} run={run} busy={busy} />
      {options.isError ? <ErrorMessage error={options.error} /> : null}
      {busy ? <ProgressPanel state={state} onCancel={run.cancel} /> : null}
      {state.status === 'cancelled' ? (
        <p className="muted" role="status">
          Cancelled.
        </p>
      ) : null}
      {state.status === 'error' && state.error ? <ErrorMessage error={state.error} /> : null}
      {state.kind === 'check' && state.targets.length > 0 ? (
        <MatrixView
          state={state}
          onResolveTarget={(input, id) => {
            resetExplore();
            const { source, constraints, index, prerelease, strategy } = input;
            run.start({ kind: 'resolve', input: { source, constraints, index, prerelease, strategy, target: { kind: 'named', id }, suggest: true } });
          }}
        />
      ) : null}
      {outcome?.ok === true ? <SuccessView outcome={outcome} state={state} /> : null}
      {outcome?.ok === false ? <FailureView outcome={outcome} state={state} run={run} options={options.data} busy={busy} /> : null}
    </div>
  );
}
