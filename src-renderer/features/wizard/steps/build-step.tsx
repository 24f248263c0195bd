/** Build backend (each with why to choose it and the pinned minimum), layout and tests for new projects. */
import { useId } from 'react';
import { StepProblems } from '../components/step-problems';
import { useCatalogue } from '../hooks/use-catalogue';
import { useValues, useWizard } from '../hooks/use-wizard';

export function BuildStep() {
  const w = useWizard();
  const v = useValues();
  const id = useId();
  const catalogue = useCatalogue();
  if (!v) return null;
  const current = v.buildSystem?.backend ?? null;
  return (
    <>
      <fieldset>
        <legend>Build backend</legend>
        {v.buildSystem === null ? <p className="wz-warn">No [build-system] table: pip falls back to legacy setuptools and uv installs no commands. Pick a backend.</p> : null}
        {v.buildSystem && current === null ? <p className="small">This file uses <code>{v.buildSystem.buildBackend ?? '(none)'}</code>; choosing one below replaces it.</p> : null}
        {(catalogue.data?.backends ?? []).map((b) => (
          <label key={b.id} className="wz-radio">
            <input type="radio" name={`${id}-backend`} checked={current === b.id} onChange={() => void w.apply({ backend: b.id })} />
            <span>
              <strong>{b.label}</strong> <code className="small">{b.buildBackend}</code>
              <br />
              <span className="small">{b.why}</span>
              {b.native ? <span className="wz-tag">compiled code</span> : null}
            </span>
          </label>
        ))}
      </fieldset>
      {w.newProject ? (
        <>
          <fieldset>
            <legend>Layout</legend>
            <label className="wz-radio">
              <input type="radio" name={`${id}-layout`} checked={w.ui.layout === 'src'} onChange={() => { w.setUi({ layout: 'src' }); void w.apply({ layout: 'src' }); }} />
              <span>
                <strong>src layout</strong> <span className="small">(src/{v.importName ?? 'package'}/): tests run against the installed package, never the working folder. Recommended for libraries.</span>
              </span>
            </label>
            <label className="wz-radio">
              <input type="radio" name={`${id}-layout`} checked={w.ui.layout === 'flat'} onChange={() => { w.setUi({ layout: 'flat' }); void w.apply({ layout: 'flat' }); }} />
              <span>
                <strong>flat layout</strong> <span className="small">({v.importName ?? 'package'}/ at the top): simpler for applications; setuptools then needs the package named (the wizard adds it).</span>
              </span>
            </label>
          </fieldset>
          <label className="wz-check">
            <input type="checkbox" checked={w.ui.tests} onChange={(e) => w.setUi({ tests: e.target.checked })} /> Add a tests/ folder with a first test
          </label>
        </>
      ) : null}
      <StepProblems step="build" />
    </>
  );
}
