/**
 * The file's diagnostics that belong to a step, with their quick fixes. A fix that PEP 639
 * says the user must confirm asks first.
 */
import type { DiagnosticDto, QuickFixDto } from '@contract';
import { useState } from 'react';
import { diagnosticsFor, type StepId } from '../lib/steps';
import { useWizard } from '../hooks/use-wizard';

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
            {d.fixes.length > 0 ? (
              <span className="wz-fixes">
                {d.fixes.map((f) => (
                  <button key={f.title} type="button" disabled={!current} onClick={() => (f.confirmation ? setConfirming(f) : void w.fix(f))}>
                    {f.confirmation ? `${f.title}…` : f.title}
                  </button>
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {confirming ? (
        <div className="confirm-fix" role="alertdialog" aria-label={`${confirming.title}?`}>
          <strong>{confirming.title}?</strong>
          <p>{confirming.confirmation}</p>
          <div className="actions">
            <button
              type="button"
              className="primary-inline"
              onClick={() => {
                void w.fix(confirming);
                setConfirming(null);
              }}
            >
              Apply
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
