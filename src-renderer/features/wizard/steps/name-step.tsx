/** Name (PEP 503 normalized preview, import name, availability on the index), version, summary. */
import { useQuery } from '@tanstack/react-query';
import { client } from '../../../api/client';
import { SyncedField } from '../components/synced-field';
import { StepProblems } from '../components/step-problems';
import { useValues, useWizard } from '../hooks/use-wizard';

function NameFacts({ name }: { readonly name: string }) {
  const check = useQuery({ queryKey: ['wizard', 'checkName', name], queryFn: () => client.wizard.checkName({ name }), enabled: name !== '', staleTime: 60_000 });
  const c = check.data;
  if (!name) return <span>Required: the name people install with <code>pip install</code>.</span>;
  if (!c) return <span className="muted">Checking…</span>;
  if (!c.valid) return <span className="wz-bad">{c.problem}</span>;
  const a = c.availability;
  return (
    <span data-testid="name-facts">
      Installed as <code>{c.normalized}</code>
      {c.importName ? (
        <>
          , imported as <code>{c.importName}</code>
        </>
      ) : null}
      .{c.importProblem ? <span className="wz-bad"> {c.importProblem}</span> : null}
      {a ? (
        a.exists ? (
          <span className="wz-warn" data-testid="name-availability"> Already taken on {a.indexLabel}: fine if it is yours.</span>
        ) : a.similar.length ? (
          <span className="wz-warn" data-testid="name-availability"> PyPI would refuse it as too similar to {a.similar.slice(0, 3).join(', ')}.</span>
        ) : (
          <span className="wz-good" data-testid="name-availability"> Free on {a.indexLabel}.</span>
        )
      ) : null}
    </span>
  );
}

/** Keys listed in `project.dynamic` are filled in by the backend; a static value beside them is an error. */
export const DYNAMIC = 'Set by the build backend (listed in dynamic); remove it from dynamic in the editor to set it here.';

export function NameStep() {
  const w = useWizard();
  const v = useValues();
  if (!v) return null;
  const name = v.values.name ?? '';
  return (
    <>
      <SyncedField label="Project name" value={name} onCommit={(s) => void w.apply({ name: s.trim() })} hint={<NameFacts name={name} />} testId="wizard-name" />
      <SyncedField
        label="Version"
        value={v.values.version ?? ''}
        onCommit={(s) => void w.apply({ version: s.trim() })}
        placeholder="0.1.0"
        disabled={v.dynamic.includes('version')}
        hint={v.dynamic.includes('version') ? DYNAMIC : 'A PEP 440 version such as 0.1.0 or 1.0.0rc1.'}
      />
      <SyncedField
        label="Description"
        value={v.values.description ?? ''}
        onCommit={(s) => void w.apply({ description: s.trim() })}
        disabled={v.dynamic.includes('description')}
        hint={v.dynamic.includes('description') ? DYNAMIC : 'One line: PyPI shows it under the name.'}
      />
      <StepProblems step="name" />
    </>
  );
}
