/** Console scripts, GUI scripts and entry-point groups (`module:function` targets). */
import { useId, useState } from 'react';
import { KeyValueEditor } from '../components/key-value-editor';
import { StepProblems } from '../components/step-problems';
import { useValues, useWizard } from '../hooks/use-wizard';

export function ScriptsStep() {
  const w = useWizard();
  const v = useValues();
  const id = useId();
  const [group, setGroup] = useState('');
  if (!v) return null;
  const pkg = v.importName ?? 'package';
  const eps = v.values.entryPoints;
  return (
    <>
      <KeyValueEditor
        title="Commands (console scripts)"
        table={v.values.scripts}
        keyLabel="Command name"
        valueLabel="Runs"
        valuePlaceholder={`${pkg}.cli:main`}
        addLabel="Add command"
        onChange={(scripts) => void w.apply({ scripts })}
      />
      {w.newProject ? <p className="muted small">A target inside your package (such as <code>{pkg}.cli:main</code>) gets a small starting function when the project is created.</p> : null}
      <KeyValueEditor title="GUI commands" table={v.values.guiScripts} keyLabel="GUI command name" valueLabel="Opens" valuePlaceholder={`${pkg}.app:run`} addLabel="Add GUI command" onChange={(guiScripts) => void w.apply({ guiScripts })} />
      <fieldset>
        <legend>Entry points (plugins)</legend>
        {Object.entries(eps).map(([g, table]) => (
          <KeyValueEditor key={g} title={`Group ${g}`} table={table} keyLabel="Entry name" valueLabel="Object" valuePlaceholder={`${pkg}.plugin:Plugin`} onChange={(t) => void w.apply({ entryPoints: { ...eps, [g]: t } })} />
        ))}
        <div className="combo">
          <label htmlFor={id} className="sr-only">New entry-point group</label>
          <input id={id} type="text" placeholder="group, e.g. pytest11" value={group} onChange={(e) => setGroup(e.target.value)} />
          <button
            type="button"
            disabled={!group.trim() || group.trim() in eps || ['console_scripts', 'gui_scripts'].includes(group.trim())}
            onClick={() => {
              void w.apply({ entryPoints: { ...eps, [group.trim()]: {} } });
              setGroup('');
            }}
          >
            Add group
          </button>
        </div>
        <p className="muted small">Commands go above, not into console_scripts/gui_scripts groups (the specification forbids those here).</p>
      </fieldset>
      <StepProblems step="scripts" />
    </>
  );
}
