/** Every diagnostic of the file, in order, with its position, its rule and its quick fixes. */
import type { DiagnosticDto, QuickFixDto } from '@contract';
import { FixButtons } from '../../../ui/fix-buttons';

export interface ProblemsListProps {
  readonly diagnostics: readonly DiagnosticDto[];
  /** False while the editor text differs from what was validated (fixes would be stale). */
  readonly fixesCurrent: boolean;
  readonly onReveal: (d: DiagnosticDto) => void;
  readonly onFix: (fix: QuickFixDto) => void;
}

const LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export function ProblemsList({ diagnostics, fixesCurrent, onReveal, onFix }: ProblemsListProps) {
  if (diagnostics.length === 0) {
    return (
      <p className="problems-empty" role="status" data-testid="problems-empty">
        No problems found.
      </p>
    );
  }
  return (
    <ul className="problems" aria-label="Problems" data-testid="problems">
      {diagnostics.map((d, i) => (
        <li key={`${d.code}-${d.range.start.offset}-${i}`} className={`problem ${d.severity}`}>
          <button type="button" className="link problem-where" onClick={() => onReveal(d)} aria-label={`${LABEL[d.severity]} at line ${d.range.start.line}: ${d.message}`}>
            <span className="sev">{LABEL[d.severity]}</span>
            <span className="pos">
              {d.range.start.line}:{d.range.start.column}
            </span>
          </button>
          <span className="problem-message">{d.message}</span>
          <span className="muted small problem-code">
            {d.code}
            {d.rule ? ` · ${d.rule}` : ''}
          </span>
          <FixButtons fixes={d.fixes} disabled={!fixesCurrent} onFix={onFix} className="problem-fixes" />
        </li>
      ))}
    </ul>
  );
}
