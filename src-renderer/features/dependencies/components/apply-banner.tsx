/**
 * After a "what if" run: what differs from the project's (or the pasted) requirements, and a
 * button to write it back — into the pyproject.toml editor buffer (unsaved; the user reviews
 * and saves it in the Project workspace) or into the pasted text.
 */
import type { RootRequirement } from '@contract';
import { useState } from 'react';
import { useNavStore } from '../../../app/nav-store';
import { ErrorMessage } from '../../../ui/error-message';
import { useApplyToPyproject } from '../hooks/use-apply-fix';
import { applyToPasted, pyprojectChanges } from '../run/build-input';
import { useDependenciesUi } from '../store';

/** The run's requirements and what was dropped, and where they came from. */
export interface ApplyBannerProps {
  readonly requirements: readonly RootRequirement[];
  /** Constraints of the run (pip-style; not written anywhere). */
  readonly constraints: readonly string[];
  readonly dropped: readonly RootRequirement[];
  readonly projectFolder: string | null;
  /** What the buttons say happened ("the resolution" / "this fix"). */
  readonly subject: string;
}

/** What a "what if" changed, and the buttons that write it back. */
export function ApplyBanner({ requirements, constraints, dropped, projectFolder, subject }: ApplyBannerProps) {
  const apply = useApplyToPyproject();
  const show = useNavStore((s) => s.show);
  const [pastedDone, setPastedDone] = useState<'done' | 'stale' | null>(null);
  const changes = pyprojectChanges(requirements, dropped);
  const pastedChanged = requirements.filter((r) => r.origin?.kind === 'pasted' && r.origin.text !== r.text);
  const pastedDropped = dropped.filter((r) => r.origin?.kind === 'pasted');
  const pastedEdits = pastedChanged.length + pastedDropped.length;
  const typed = requirements.filter((r) => r.origin === null);
  if (changes.length === 0 && pastedEdits === 0 && typed.length === 0 && constraints.length === 0) return null;
  const described = [
    ...changes.map((c) => (c.to === null ? `removed ${c.from}` : `${c.from} → ${c.to}`)),
    ...pastedChanged.map((r) => `${r.origin?.text ?? ''} → ${r.text}`),
    ...pastedDropped.map((r) => `removed ${r.text}`),
    ...typed.map((r) => `added ${r.text}`),
  ];
  return (
    <div className="deps-apply" role="region" aria-label="Apply the changes">
      <p>
        <strong>Changed from your input:</strong>{' '}
        {described.join('; ') || 'nothing in the requirements'}
      </p>
      {constraints.length > 0 ? (
        <p className="small">
          With the constraints {constraints.join(', ')} — they limit versions without adding packages; pyproject.toml has no standard place for them, so add them to
          your requirements (or a constraints file) yourself.
        </p>
      ) : null}
      {changes.length > 0 && projectFolder ? (
        <div className="deps-apply-actions">
          <button type="button" className="primary-inline" disabled={apply.isPending} onClick={() => apply.mutate({ folder: projectFolder, changes })}>
            Apply {subject} to pyproject.toml
          </button>
          {apply.isSuccess ? (
            <span role="status">
              pyproject.toml changed in the editor (not saved yet).{' '}
              <button type="button" className="link-inline" onClick={() => show('project')}>
                Review and save it
              </button>
            </span>
          ) : null}
        </div>
      ) : null}
      {apply.isError ? <ErrorMessage error={apply.error} /> : null}
      {pastedEdits > 0 ? (
        <div className="deps-apply-actions">
          <button
            type="button"
            onClick={() => {
              const ui = useDependenciesUi.getState();
              const next = applyToPasted(ui.pasted, requirements, dropped);
              if (next === null) setPastedDone('stale');
              else {
                ui.setForm({ pasted: next });
                setPastedDone('done');
              }
            }}
          >
            Update the pasted requirements
          </button>
          {pastedDone === 'done' ? <span role="status">Pasted requirements updated.</span> : null}
          {pastedDone === 'stale' ? <span role="alert">The pasted text changed since; edit it by hand.</span> : null}
        </div>
      ) : null}
    </div>
  );
}
