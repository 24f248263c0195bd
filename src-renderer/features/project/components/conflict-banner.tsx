/** The file changed on disk since it was loaded: merge (both sides kept) or, after asking, reload. */
import { useState } from 'react';
import { ErrorMessage } from '../../../ui/error-message';
import type { usePyprojectBuffer } from '../hooks/use-pyproject-buffer';

export function ConflictBanner({ buffer }: { readonly buffer: ReturnType<typeof usePyprojectBuffer> }) {
  const [confirmReload, setConfirmReload] = useState(false);
  const { merge, reload } = buffer;
  return (
    <div className="conflict" role="alert" data-testid="save-conflict">
      <strong>Not saved: {buffer.buffer?.conflict?.message}</strong>
      <p>Your edits are kept here. Merge them with the version on disk, or discard them and reload.</p>
      <div className="actions">
        <button type="button" onClick={() => merge.mutate()} disabled={merge.isPending}>
          Merge with disk version
        </button>
        {confirmReload ? (
          <>
            <span>Discard your unsaved edits?</span>
            <button type="button" onClick={() => (setConfirmReload(false), reload())}>
              Yes, discard and reload
            </button>
            <button type="button" onClick={() => setConfirmReload(false)}>
              Keep my edits
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmReload(true)}>
            Reload from disk…
          </button>
        )}
      </div>
      {merge.isError ? <ErrorMessage error={merge.error} /> : null}
    </div>
  );
}
