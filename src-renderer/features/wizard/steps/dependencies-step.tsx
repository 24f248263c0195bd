/**
 * Dependencies (PEP 508 strings) with version suggestions from the configured index, optional
 * dependencies (extras) and dependency groups (PEP 735).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { client } from '../../../api/client';
import { SyncedField } from '../components/synced-field';
import { StepProblems } from '../components/step-problems';
import { fromLines, groupFromLines, toLines } from '../lib/lines';
import { useValues, useWizard } from '../hooks/use-wizard';

/** The project name at the start of a requirement (`requests>=2` → `requests`). */
const nameOf = (req: string): string => /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(req)?.[1] ?? '';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

function AddDependency({ onAdd }: { readonly onAdd: (req: string) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const name = useDebounced(nameOf(text), 250);
  const versions = useQuery({ queryKey: ['wizard', 'versions', name], queryFn: () => client.wizard.versions({ project: name }), enabled: name !== '', staleTime: 60_000 });
  const add = (req: string) => {
    if (!req.trim()) return;
    onAdd(req.trim());
    setText('');
  };
  const v = versions.data && versions.data.project === name ? versions.data : null;
  return (
    <div className="wz-add-dep">
      <div className="wz-field">
        <label htmlFor={id}>Add a dependency</label>
        <div className="combo">
          <input id={id} type="text" spellCheck={false} value={text} placeholder="requests>=2.32" onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add(text)} />
          <button type="button" onClick={() => add(text)} disabled={!text.trim()}>
            Add
          </button>
        </div>
      </div>
      {v ? (
        v.latest ? (
          <div className="wz-versions" role="group" aria-label={`Versions of ${v.project}`}>
            <p className="muted small">
              Latest on the index: {v.latest} ({v.versions.length} release{v.versions.length === 1 ? '' : 's'}).
            </p>
            {v.suggestions.map((s) => (
              <button key={s.requirement} type="button" title={s.why} onClick={() => add(s.requirement)}>
                Add {s.requirement}
              </button>
            ))}
          </div>
        ) : (
          <p className="muted small">{v.project} is not on {v.indexLabel}.</p>
        )
      ) : null}
    </div>
  );
}

export function DependenciesStep() {
  const w = useWizard();
  const v = useValues();
  const [extra, setExtra] = useState('');
  const [group, setGroup] = useState('');
  const extraId = useId();
  const groupId = useId();
  if (!v) return null;
  const deps = v.values.dependencies;
  const extras = v.values.optionalDependencies;
  const groups = v.values.dependencyGroups;
  return (
    <>
      <fieldset>
        <legend>Dependencies</legend>
        {deps.length === 0 ? <p className="muted small">None yet: what your code imports from other projects.</p> : null}
        {deps.map((d, i) => (
          <div key={`${i}-${d}`} className="wz-kv-row">
            <SyncedField label={`Dependency ${i + 1}`} value={d} onCommit={(s) => void w.apply({ dependencies: deps.map((x, j) => (j === i ? s.trim() : x)).filter(Boolean) })} />
            <button type="button" className="wz-remove" aria-label={`Remove dependency ${d}`} onClick={() => void w.apply({ dependencies: deps.filter((_, j) => j !== i) })}>
              Remove
            </button>
          </div>
        ))}
        <AddDependency onAdd={(req) => void w.apply({ dependencies: [...deps, req] })} />
      </fieldset>
      <fieldset>
        <legend>Optional dependencies (extras)</legend>
        <p className="muted small">Installed with <code>pip install name[extra]</code>. One requirement per line.</p>
        {Object.entries(extras).map(([k, list]) => (
          <SyncedField key={k} label={`Extra "${k}"`} multiline value={toLines(list)} onCommit={(s) => void w.apply({ optionalDependencies: { ...extras, [k]: fromLines(s) } })} />
        ))}
        <div className="combo">
          <label htmlFor={extraId} className="sr-only">New extra name</label>
          <input id={extraId} type="text" placeholder="new extra, e.g. cli" value={extra} onChange={(e) => setExtra(e.target.value)} />
          <button type="button" disabled={!extra.trim() || extra.trim() in extras} onClick={() => { void w.apply({ optionalDependencies: { ...extras, [extra.trim()]: [] } }); setExtra(''); }}>
            Add extra
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>Dependency groups (PEP 735)</legend>
        <p className="muted small">For development only (tests, docs, lint); never published. One requirement per line; <code>include: NAME</code> includes another group.</p>
        {Object.entries(groups).map(([k, list]) => (
          <SyncedField key={k} label={`Group "${k}"`} multiline value={toLines(list)} onCommit={(s) => void w.apply({ dependencyGroups: { ...groups, [k]: groupFromLines(s) } })} />
        ))}
        <div className="combo">
          <label htmlFor={groupId} className="sr-only">New group name</label>
          <input id={groupId} type="text" placeholder="new group, e.g. test" value={group} onChange={(e) => setGroup(e.target.value)} />
          <button type="button" disabled={!group.trim() || group.trim() in groups} onClick={() => { void w.apply({ dependencyGroups: { ...groups, [group.trim()]: [] } }); setGroup(''); }}>
            Add group
          </button>
        </div>
      </fieldset>
      <StepProblems step="dependencies" />
    </>
  );
}
