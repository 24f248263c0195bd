/**
 * The raw pyproject.toml in Monaco (loaded lazily: Monaco is the heaviest part of the bundle),
 * with Save, and the conflict choices when the file changed on disk meanwhile: merge (both
 * sides kept, conflict markers where they overlap) or, after confirmation, reload.
 */
import { lazy, Suspense, useState } from 'react';
import { ErrorMessage } from '../../../ui/error-message';
import { usePyprojectBuffer } from '../hooks/use-pyproject-buffer';

const CodeEditor = lazy(() => import('../../editor/code-editor').then((m) => ({ default: m.CodeEditor })));

export function PyprojectEditor({ folder, diskVersion }: { readonly folder: string; readonly diskVersion: string | null }) {
  const { load, buffer, dirty, edit, save, merge, reload } = usePyprojectBuffer(folder, diskVersion);
  const [confirmReload, setConfirmReload] = useState(false);

  if (load.isError) return <ErrorMessage error={load.error} />;
  if (!buffer) return <p className="muted">Loading pyproject.toml…</p>;
  return (
    <section className="editor-pane" aria-label="pyproject.toml editor">
      <div className="editor-toolbar">
        <span className="muted" data-testid="editor-state">{dirty ? 'Unsaved changes' : 'Saved'}</span>
        <button type="button" className="primary-inline" onClick={() => save.mutate()} disabled={!dirty || save.isPending || buffer.conflict !== null}>
          Save
        </button>
      </div>
      {save.isError ? <ErrorMessage error={save.error} /> : null}
      {buffer.conflict ? (
        <div className="conflict" role="alert" data-testid="save-conflict">
          <strong>Not saved: {buffer.conflict.message}</strong>
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
      ) : null}
      <Suspense fallback={<p className="muted">Loading editor…</p>}>
        <div
          className="editor-frame"
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key === 's') {
              e.preventDefault();
              if (dirty && !buffer.conflict) save.mutate();
            }
          }}
        >
          <CodeEditor value={buffer.draft} language="toml" ariaLabel="pyproject.toml" onChange={edit} />
        </div>
      </Suspense>
    </section>
  );
}
