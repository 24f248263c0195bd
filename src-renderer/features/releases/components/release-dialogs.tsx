/**
 * Yank (PEP 592: reversible, installers skip the release unless pinned, and show the reason)
 * and delete (irreversible: PyPI's rule that a deleted filename can never be used again).
 */
import { useState } from 'react';
import { client } from '../../../api/client';
import { ErrorMessage } from '../../../ui/error-message';
import { useIndexAction } from '../hooks/use-local-index';
import { Modal } from './modal';

export interface ReleaseRef {
  readonly project: string;
  readonly version: string;
}

export function YankDialog({ release, onClose }: { readonly release: ReleaseRef; readonly onClose: () => void }) {
  const [reason, setReason] = useState('');
  const yank = useIndexAction((input: { project: string; version: string; reason: string }) => client.releases.yank(input));
  return (
    <Modal title={`Yank ${release.project} ${release.version}`} onClose={onClose}>
      <p>
        Installers skip a yanked release unless a requirement pins it exactly (<code>==</code>), and show the reason when they install it. You can undo a yank.
      </p>
      <label htmlFor="yank-reason">Reason (shown by pip)</label>
      <input id="yank-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} autoFocus />
      {yank.isError ? <ErrorMessage error={yank.error} /> : null}
      <div className="actions">
        <button type="button" className="primary-inline" disabled={yank.isPending} onClick={() => yank.mutate({ ...release, reason }, { onSuccess: onClose })}>
          Yank release
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}

/** Delete a whole release (`filenames` null) or the listed files, after an explicit acknowledgement. */
export function DeleteDialog({ release, filenames, allFiles, onClose }: {
  readonly release: ReleaseRef;
  readonly filenames: readonly string[] | null;
  readonly allFiles: readonly string[];
  readonly onClose: () => void;
}) {
  const [understood, setUnderstood] = useState(false);
  const del = useIndexAction((input: { project: string; version: string; filenames?: string[] }) => client.releases.delete(input));
  const names = filenames ?? [];
  const what = filenames ? (names.length === 1 ? names[0]! : `${names.length} files of ${release.project} ${release.version}`) : `${release.project} ${release.version}`;
  return (
    <Modal title={`Delete ${what}?`} onClose={onClose} tone="danger">
      <p className="danger-text" data-testid="delete-warning">
        <strong>Deleting cannot be undone, and a deleted filename can never be uploaded again</strong> — not even the same file. To replace a release, upload a new version; to
        discourage one, yank it instead (reversible).
      </p>
      <ul className="path">
        {(filenames ?? allFiles).map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      {filenames === null ? <p>The release and all its files are deleted.</p> : null}
      <label className="check">
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
        I understand these filenames can never be reused
      </label>
      {del.isError ? <ErrorMessage error={del.error} /> : null}
      <div className="actions">
        <button
          type="button"
          className="danger"
          disabled={!understood || del.isPending}
          onClick={() => del.mutate({ ...release, ...(filenames ? { filenames: [...filenames] } : {}) }, { onSuccess: onClose })}
        >
          Delete permanently
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
