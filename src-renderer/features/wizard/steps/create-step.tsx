/** The files of the new project, and creating them (never overwriting without asking). */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client } from '../../../api/client';
import { ErrorMessage } from '../../../ui/error-message';
import { useEditorStore } from '../../project/editor-store';
import { SyncedField } from '../components/synced-field';
import { useWizard } from '../hooks/use-wizard';

export function CreateStep() {
  const w = useWizard();
  const text = w.text ?? '';
  const { layout, tests, holder } = w.ui;
  const [exists, setExists] = useState<readonly string[] | null>(null);
  const preview = useQuery({ queryKey: ['wizard', 'preview', w.folder, text, layout, tests, holder], queryFn: () => client.wizard.preview({ folder: w.folder, text, layout, tests, ...(holder ? { holder } : {}) }), enabled: text !== '' });
  const errors = w.diagnostics.filter((d) => d.severity === 'error');
  const create = useMutation({
    mutationFn: (overwrite: boolean) => client.wizard.create({ folder: w.folder, text, layout, tests, overwrite, ...(holder ? { holder } : {}) }),
    onSuccess: (out) => {
      if (out.kind === 'exists') {
        setExists(out.files);
        return;
      }
      setExists(null);
      // pyproject.toml on disk now equals the buffer: the buffer is saved.
      if (out.pyprojectHash && useEditorStore.getState().buffers[w.folder]?.draft === text) useEditorStore.getState().saved(w.folder, out.pyprojectHash);
      w.setUi({ step: 'name' });
    },
  });
  return (
    <>
      <SyncedField label="Copyright holder" value={holder} onCommit={(s) => w.setUi({ holder: s })} hint="For the LICENSE text; defaults to the authors." />
      {preview.isError ? <ErrorMessage error={preview.error} /> : null}
      {preview.data ? (
        <>
          <ul className="wz-files" aria-label="Files to create">
            {preview.data.files.map((f) => (
              <li key={f.path}>
                <code>{f.path}</code> <span className={`wz-status ${f.status}`}>{f.status === 'new' ? 'new' : f.status === 'same' ? 'already there, identical' : 'exists — different content'}</span>
              </li>
            ))}
          </ul>
          {preview.data.warnings.map((m) => (
            <p key={m} className="wz-warn">
              {m}
            </p>
          ))}
        </>
      ) : null}
      {errors.length ? <p className="wz-warn">The file still has {errors.length} error{errors.length === 1 ? '' : 's'} (see the steps marked ⚠ and the Problems list). You can create the project anyway and fix them afterwards.</p> : null}
      {exists ? (
        <div className="conflict" role="alert">
          <p>These files already exist with other content: {exists.map((f) => <code key={f}>{f} </code>)}. Nothing was written.</p>
          <button type="button" onClick={() => create.mutate(true)}>
            Replace them
          </button>
        </div>
      ) : null}
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      <button type="button" className="primary" disabled={create.isPending || !text} onClick={() => create.mutate(false)}>
        Create project
      </button>
    </>
  );
}
