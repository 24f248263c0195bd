/** The input panel: requirements, target, index; Resolve and Check all environments. */
import type { DependenciesOptions } from '@contract';
import { useState, type FormEvent } from 'react';
import { useOpenProject } from '../hooks/use-project-inputs';
import { checkInput, commonInput, resolveInput, targetInput } from '../run/build-input';
import type { useDependencyRun } from '../run/use-dependency-run';
import { useDependenciesUi } from '../store';
import { SourceFields } from './source-fields';
import { IndexFields, TargetFields } from './target-fields';

type Run = ReturnType<typeof useDependencyRun>;

/** The input form; starts a resolution or a check through `run`. */
export function InputPanel({ options, run, busy }: { readonly options: DependenciesOptions | undefined; readonly run: Run; readonly busy: boolean }) {
  const { folder, text } = useOpenProject();
  const [problem, setProblem] = useState<string | null>(null);
  const resetExplore = useDependenciesUi((s) => s.resetExplore);

  const common = () => {
    const form = useDependenciesUi.getState();
    const c = commonInput(form, { options, folder, projectText: text });
    if ('problem' in c) {
      setProblem(c.problem);
      return null;
    }
    setProblem(null);
    resetExplore();
    return { c: c.input, form };
  };
  const onResolve = (e: FormEvent) => {
    e.preventDefault();
    if (!options) return;
    const x = common();
    if (x) run.start({ kind: 'resolve', input: resolveInput(x.c, targetInput(x.form, options)) });
  };
  const onCheck = () => {
    const x = common();
    if (x) run.start({ kind: 'check', input: checkInput(x.c, (options?.matrixTargetIds ?? []).map((id) => ({ kind: 'named' as const, id }))) });
  };

  return (
    <form className="panel deps-input" aria-labelledby="deps-title" onSubmit={onResolve}>
      <div className="panel-title">
        <h1 id="deps-title">Dependencies</h1>
        <span className="muted small">Resolve, explain conflicts, try fixes</span>
      </div>
      <div className="deps-input-grid">
        <SourceFields />
        <div>
          <TargetFields options={options} />
          <IndexFields options={options} />
        </div>
      </div>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="deps-actions">
        {/* The defaults (target, local index) come with the options: wait for them. */}
        <button type="submit" className="primary-inline" disabled={busy || !options}>
          Resolve
        </button>
        <button type="button" onClick={onCheck} disabled={busy || !options}>
          Check all environments ({options?.matrixTargetIds.length ?? 0})
        </button>
      </div>
    </form>
  );
}
