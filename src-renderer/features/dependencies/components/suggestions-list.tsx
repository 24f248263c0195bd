/**
 * Verified fixes (each re-solved by the resolver): try one (re-resolve with it), or apply it to
 * where the requirement came from — the pyproject.toml editor buffer or the pasted text.
 */
import type { ResolutionOutcome, SuggestionDto } from '@contract';
import { useState } from 'react';
import { useNavStore } from '../../../app/nav-store';
import { ErrorMessage } from '../../../ui/error-message';
import { useApplyToPyproject } from '../hooks/use-apply-fix';
import { applyToPasted, pyprojectChanges } from '../run/build-input';
import { useDependenciesUi } from '../store';

/** The failure, its suggestions (null while searching), and where to apply them. */
export interface SuggestionsListProps {
  readonly outcome: Extract<ResolutionOutcome, { ok: false }>;
  readonly suggestions: readonly SuggestionDto[] | null;
  readonly projectFolder: string | null;
  readonly busy: boolean;
  readonly onTry: (s: SuggestionDto) => void;
}

function changesFor(outcome: SuggestionsListProps['outcome'], s: SuggestionDto) {
  if (s.requirementIndex === null) return { requirements: [], dropped: [] };
  const r = outcome.requirements[s.requirementIndex];
  if (!r) return { requirements: [], dropped: [] };
  return s.to === null ? { requirements: [], dropped: [r] } : { requirements: [{ ...r, text: s.to }], dropped: [] };
}

/** The list of verified fixes. */
export function SuggestionsList({ outcome, suggestions, projectFolder, busy, onTry }: SuggestionsListProps) {
  const apply = useApplyToPyproject();
  const show = useNavStore((s) => s.show);
  const [note, setNote] = useState<string | null>(null);
  return (
    <section className="deps-suggestions" aria-labelledby="deps-fixes-title" data-testid="deps-suggestions">
      <h3 id="deps-fixes-title">Fixes that resolve</h3>
      {suggestions === null ? (
        <p className="muted" role="status">
          Looking for the smallest changes that make it resolvable…
        </p>
      ) : suggestions.length === 0 ? (
        <p className="muted">No small change to your requirements resolves this within the time budget. Try editing them below.</p>
      ) : (
        <ul>
          {suggestions.map((s, i) => {
            const c = changesFor(outcome, s);
            const py = pyprojectChanges(c.requirements, c.dropped);
            const pasted = [...c.requirements, ...c.dropped].some((r) => r.origin?.kind === 'pasted');
            return (
              <li key={`${s.kind}-${i}`} className="deps-suggestion">
                <div>
                  <strong>{s.description}</strong>
                  <div className="muted small">leads to {s.pins.slice(0, 5).join(', ')}{s.pins.length > 5 ? `, … (${s.pins.length})` : ''}</div>
                </div>
                <div className="deps-actions">
                  <button type="button" disabled={busy} onClick={() => onTry(s)}>
                    Try it
                  </button>
                  {py.length > 0 && projectFolder ? (
                    <button
                      type="button"
                      disabled={apply.isPending}
                      onClick={() => apply.mutate({ folder: projectFolder, changes: py }, { onSuccess: () => setNote('pyproject.toml changed in the editor (not saved yet).') })}
                    >
                      Apply to pyproject.toml
                    </button>
                  ) : null}
                  {pasted ? (
                    <button
                      type="button"
                      onClick={() => {
                        const ui = useDependenciesUi.getState();
                        const next = applyToPasted(ui.pasted, c.requirements, c.dropped);
                        if (next !== null) ui.setForm({ pasted: next });
                        setNote(next === null ? 'The pasted text changed since; edit it by hand.' : 'Pasted requirements updated.');
                      }}
                    >
                      Apply to the pasted text
                    </button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {note ? (
        <p role="status">
          {note}{' '}
          {note.startsWith('pyproject') ? (
            <button type="button" className="link-inline" onClick={() => show('project')}>
              Review and save it
            </button>
          ) : null}
        </p>
      ) : null}
      {apply.isError ? <ErrorMessage error={apply.error} /> : null}
    </section>
  );
}
