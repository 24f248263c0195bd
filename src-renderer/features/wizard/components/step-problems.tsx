/**
 * The file's diagnostics that belong to a step, with their quick fixes. A fix that PEP 639
 * says the user must confirm asks first.
 */
import type { DiagnosticDto, QuickFixDto } from '@contract';
import { useState } from 'react';
import { diagnosticsFor, type StepId } from '../lib/steps';
import { useWizard } from '../hooks/use-wizard';
import { ConfirmFix } from '../../../ui/confirm-fix';
import { FixButtons } from '../../../ui/fix-buttons';

const LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export function StepProblems({ step, filter }: { readonly step: StepId; readonly filter?: (d: DiagnosticDto) => boolean }) {
  const w = useWizard();
  const [confirming, setConfirming] = useState<QuickFixDto | null>(null);
  const list = diagnosticsFor(step, w.diagnostics).filter((d) => !filter || filter(d));
  if (list.length === 0) return null;
  const current = w.validatedText !== null && w.validatedText === w.text;
  return (
    <div className="wz-problems" role="group" aria-label="Problems in this step">
      <ul>
        {list.map((d, i) => (
          <li key={`${d.code}-${d.range.start.offset}-${i}`} className={`wz-problem ${d.severity}`} role={d.severity === 'error' ? 'alert' : undefined}>
            <span className="sev">{LABEL[d.severity]}</span> <span className="muted small">line {d.range.start.line}</span> {d.message}
            <FixButtons fixes={d.fixes} disabled={!current} onFix={(f) => (f.confirmation ? setConfirming(f) : void w.fix(f))} className="wz-fixes" />
          </li>
        ))}
      </ul>
      {confirming ? (
        <ConfirmFix
          fix={confirming}
          onConfirm={() => {
            void w.fix(confirming);
            setConfirming(null);
          }}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
    </div>
  );
}
