/**
 * What the local index holds: projects → releases (newest first, PEP 592 yank state and reason)
 * → files (size, upload time, hashes, requires-python, PEP 658 metadata). Yank/unyank a release,
 * delete a release or a file.
 */
import { useState } from 'react';
import type { IndexFile, IndexProject, IndexRelease } from '@contract';
import { client } from '../../../api/client';
import { ErrorMessage } from '../../../ui/error-message';
import { formatSize, formatTime } from '../format';
import { useIndexAction } from '../hooks/use-local-index';
import { useReleasesUi } from '../store';
import { DeleteDialog, YankDialog, type ReleaseRef } from './release-dialogs';

type Dialog = { kind: 'yank'; release: ReleaseRef } | { kind: 'delete'; release: ReleaseRef; filenames: string[] | null; allFiles: string[] } | null;

function FileRow({ file, onDelete }: { readonly file: IndexFile; readonly onDelete: () => void }) {
  return (
    <tr data-testid="index-file" data-filename={file.filename}>
      <td>
        <a href={file.url} className="path" download>
          {file.filename}
        </a>
        <div className="hash">
          sha256 <code data-testid="file-sha256">{file.hashes.sha256}</code>
        </div>
        <details className="more-hashes">
          <summary>More hashes</summary>
          <div className="hash">
            blake2b-256 <code>{file.hashes.blake2_256}</code>
          </div>
          <div className="hash">
            md5 <code>{file.hashes.md5}</code>
          </div>
        </details>
      </td>
      <td>{file.packagetype === 'bdist_wheel' ? 'wheel' : file.packagetype}</td>
      <td className="nowrap" title={`${file.size} bytes`}>{formatSize(file.size)}</td>
      <td title={file.uploadTime}>{formatTime(file.uploadTime)}</td>
      <td className="path">{file.requiresPython ?? <span className="muted">any</span>}</td>
      <td title={file.coreMetadataSha256 ? `PEP 658 metadata sha256=${file.coreMetadataSha256}` : 'No PEP 658 metadata file (served for wheels only)'}>
        {file.coreMetadataSha256 ? 'yes' : <span className="muted">no</span>}
      </td>
      <td>
        <button type="button" className="small-button" aria-label={`Delete ${file.filename}`} onClick={onDelete}>
          Delete…
        </button>
      </td>
    </tr>
  );
}

function ReleaseBlock({ project, release, setDialog }: { readonly project: IndexProject; readonly release: IndexRelease; readonly setDialog: (d: Dialog) => void }) {
  const ref = { project: project.name, version: release.version };
  const unyank = useIndexAction((input: ReleaseRef) => client.releases.unyank(input));
  const allFiles = release.files.map((f) => f.filename);
  return (
    <div className={`release ${release.yanked ? 'yanked' : ''}`} data-testid="index-release" data-version={release.version}>
      <div className="release-head">
        <h4>{release.version}</h4>
        {release.yanked ? (
          <span className="badge badge-warn" data-testid="release-yanked">
            Yanked{release.yankedReason ? `: ${release.yankedReason}` : ''}
          </span>
        ) : null}
        <span className="muted small">created {formatTime(release.created)}</span>
        <span className="spacer" />
        {release.yanked ? (
          <button type="button" className="small-button" onClick={() => unyank.mutate(ref)} disabled={unyank.isPending}>
            Unyank
          </button>
        ) : (
          <button type="button" className="small-button" onClick={() => setDialog({ kind: 'yank', release: ref })}>
            Yank…
          </button>
        )}
        <button type="button" className="small-button" onClick={() => setDialog({ kind: 'delete', release: ref, filenames: null, allFiles })}>
          Delete release…
        </button>
      </div>
      {unyank.isError ? <ErrorMessage error={unyank.error} /> : null}
      {release.files.length === 0 ? (
        <p className="muted small">No files.</p>
      ) : (
        <table className="files">
          <thead>
            <tr>
              <th>File</th>
              <th>Type</th>
              <th>Size</th>
              <th>Uploaded</th>
              <th>Requires-Python</th>
              <th title="PEP 658 core metadata file">Metadata</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {release.files.map((f) => (
              <FileRow key={f.filename} file={f} onDelete={() => setDialog({ kind: 'delete', release: ref, filenames: [f.filename], allFiles })} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function ContentsPanel({ projects, loading }: { readonly projects: readonly IndexProject[]; readonly loading: boolean }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const { collapsed, toggle } = useReleasesUi();
  return (
    <section className="panel" aria-labelledby="index-contents-title">
      <h2 id="index-contents-title">Contents</h2>
      {projects.length === 0 ? (
        <p className="muted" data-testid="index-empty">
          {loading ? 'Loading…' : 'Nothing uploaded yet. Create a token below, then upload with twine or uv.'}
        </p>
      ) : null}
      {projects.map((p) => (
        <div className="index-project" key={p.name} data-testid="index-project" data-project={p.name}>
          <button type="button" className="project-toggle" aria-expanded={!collapsed.includes(p.name)} onClick={() => toggle(p.name)}>
            <h3>{p.displayName}</h3>
            <span className="muted small">
              {p.releases.length} release{p.releases.length === 1 ? '' : 's'}
              {p.status !== 'active' ? ` · ${p.status}` : ''}
            </span>
          </button>
          {collapsed.includes(p.name) ? null : p.releases.map((r) => <ReleaseBlock key={r.version} project={p} release={r} setDialog={setDialog} />)}
        </div>
      ))}
      {dialog?.kind === 'yank' ? <YankDialog release={dialog.release} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'delete' ? <DeleteDialog release={dialog.release} filenames={dialog.filenames} allFiles={dialog.allFiles} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
