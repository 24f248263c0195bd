/**
 * Where the requirements come from: the open project (its dependencies, extras and dependency
 * groups, read from the editor's buffer) or pasted text.
 */
import type { ProjectInputs } from '@contract';
import { ErrorMessage } from '../../../ui/error-message';
import { useOpenProject, useProjectInputs } from '../hooks/use-project-inputs';
import { effectiveSource, useDependenciesUi } from '../store';

function toggle(list: readonly string[], item: string, on: boolean): string[] {
  return on ? [...new Set([...list, item])] : list.filter((x) => x !== item);
}

function ProjectParts({ inputs }: { readonly inputs: ProjectInputs }) {
  const { includeDependencies, extras, groups, setForm } = useDependenciesUi();
  if (!inputs.exists) return <p className="muted">This folder has no pyproject.toml yet.</p>;
  return (
    <div className="deps-parts">
      <label className="check">
        <input type="checkbox" checked={includeDependencies} onChange={(e) => setForm({ includeDependencies: e.target.checked })} />
        [project] dependencies ({inputs.dependencies.length})
      </label>
      {inputs.extras.map((x) => (
        <label className="check" key={`extra-${x.name}`}>
          <input type="checkbox" checked={extras.includes(x.name)} onChange={(e) => setForm({ extras: toggle(extras, x.name, e.target.checked) })} />
          extra <code>{x.name}</code> ({x.items.length})
        </label>
      ))}
      {inputs.groups.map((g) => (
        <label className="check" key={`group-${g.name}`}>
          <input type="checkbox" checked={groups.includes(g.name)} onChange={(e) => setForm({ groups: toggle(groups, g.name, e.target.checked) })} />
          group <code>{g.name}</code> ({g.items.length}
          {g.includes.length ? ` + ${g.includes.join(', ')}` : ''})
        </label>
      ))}
      {inputs.problems.length ? (
        <ul className="deps-warnings">
          {inputs.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The requirements source fieldset. */
export function SourceFields() {
  const form = useDependenciesUi();
  const { pasted, setForm } = form;
  const { folder, text } = useOpenProject();
  const source = effectiveSource(form, folder);
  const inputs = useProjectInputs(source === 'project' ? folder : null, text);
  const name = inputs.data?.name ?? folder?.split('/').pop() ?? null;
  return (
    <fieldset className="deps-fieldset">
      <legend>Requirements</legend>
      <div className="deps-radios" role="radiogroup" aria-label="Requirements source">
        <label className="check">
          <input type="radio" name="deps-source" checked={source === 'project'} disabled={!folder} onChange={() => setForm({ source: 'project' })} />
          {folder ? `The open project${name ? ` (${name})` : ''}` : 'The open project (open one in the Project workspace)'}
        </label>
        <label className="check">
          <input type="radio" name="deps-source" checked={source === 'pasted'} onChange={() => setForm({ source: 'pasted' })} />
          Pasted requirements
        </label>
      </div>
      {source === 'project' && folder ? (
        inputs.isError ? <ErrorMessage error={inputs.error} /> : inputs.data ? <ProjectParts inputs={inputs.data} /> : <p className="muted">Reading pyproject.toml…</p>
      ) : null}
      {source === 'pasted' ? (
        <>
          <label htmlFor="deps-pasted" className="field-label">
            Requirements, one per line (PEP 508; <code>#</code> comments allowed)
          </label>
          <textarea
            id="deps-pasted"
            className="deps-textarea"
            rows={6}
            spellCheck={false}
            value={pasted}
            placeholder={'requests>=2.31\nnumpy<2 ; python_version < "3.13"'}
            onChange={(e) => setForm({ pasted: e.target.value })}
          />
        </>
      ) : null}
    </fieldset>
  );
}
