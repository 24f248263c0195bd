/** License: guided choice, expression builder, and migration of legacy license metadata. */
import { useEffect, useRef, useState } from 'react';
import { client } from '../../../api/client';
import { LicenseBuilder } from '../components/license-builder';
import { LicenseGuide } from '../components/license-guide';
import { LicenseMigration } from '../components/license-migration';
import { StepProblems } from '../components/step-problems';
import { useValues, useWizard } from '../hooks/use-wizard';

export function LicenseStep() {
  const w = useWizard();
  const v = useValues();
  const current = v?.values.license ?? null;
  const [expr, setExpr] = useState(current ?? '');
  const followed = useRef(current);
  // Follow the file (edits in the editor) unless the user is composing something else.
  useEffect(() => {
    if (expr === (followed.current ?? '')) setExpr(current ?? '');
    followed.current = current;
  }, [current]);
  if (!v) return null;
  const set = (expression: string | null) => void w.transform((t) => client.wizard.license.set({ text: t, expression, newProject: w.newProject, ...(w.newProject ? { layout: w.ui.layout } : {}) }));
  const legacy = v.legacyLicense.table !== null || v.legacyLicense.classifiers.length > 0;
  return (
    <>
      {legacy ? <LicenseMigration table={v.legacyLicense.table !== null} classifiers={v.legacyLicense.classifiers.length > 0} /> : null}
      <LicenseBuilder value={expr} onChange={setExpr} backend={v.buildSystem?.backend ?? null} current={current} onUse={(c) => set(c)} onRemove={() => set(null)} />
      <details className="wz-guide-box" open={!current && !legacy}>
        <summary>Help me choose</summary>
        <LicenseGuide dependencies={v.values.dependencies} onPick={setExpr} />
      </details>
      {v.values.licenseFiles?.length ? (
        <p className="small">
          License files: {v.values.licenseFiles.map((f) => <code key={f}>{f}</code>)}
          {w.newProject ? <span className="muted"> — written when you create the project.</span> : null}
        </p>
      ) : null}
      <StepProblems step="license" />
    </>
  );
}
