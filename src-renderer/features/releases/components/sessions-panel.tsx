/**
 * PEP 694 staged releases: each live publishing session with its private stage URL (a complete
 * index: `pip install --index-url <stage> name==version` tries the release before it is public)
 * and its files; publish (every file becomes public at once) or cancel (nothing remains).
 */
import { useState } from 'react';
import type { StagedSession } from '@contract';
import { client } from '../../../api/client';
import { ErrorMessage } from '../../../ui/error-message';
import { formatSize, formatTime, shellQuote } from '../format';
import { useIndexAction } from '../hooks/use-local-index';
import { CopyText } from './copy-text';
import { Modal } from './modal';

function ConfirmSession({ session, action, onClose }: { readonly session: StagedSession; readonly action: 'publish' | 'cancel'; readonly onClose: () => void }) {
  const run = useIndexAction((sessionId: string) => (action === 'publish' ? client.releases.publishSession({ sessionId }) : client.releases.cancelSession({ sessionId })));
  const n = session.files.length;
  const title = action === 'publish' ? `Publish ${session.project} ${session.version}?` : `Cancel the staged ${session.project} ${session.version}?`;
  return (
    <Modal title={title} onClose={onClose} tone={action === 'cancel' ? 'danger' : 'normal'}>
      {action === 'publish' ? (
        <p>
          {n === 0
            ? 'The session has no files: publishing only registers the project name.'
            : `All ${n} file${n === 1 ? '' : 's'} become public at once, or nothing changes if one cannot be published. Published files can then only be yanked or deleted.`}
        </p>
      ) : (
        <p>Every staged file is deleted and the stage URL stops working. Nothing was public, so nothing else changes.</p>
      )}
      {run.isError ? <ErrorMessage error={run.error} /> : null}
      <div className="actions">
        <button type="button" className={action === 'publish' ? 'primary-inline' : 'danger'} disabled={run.isPending} onClick={() => run.mutate(session.id, { onSuccess: onClose })}>
          {action === 'publish' ? 'Publish' : 'Cancel session'}
        </button>
        <button type="button" onClick={onClose}>
          Back
        </button>
      </div>
    </Modal>
  );
}

function SessionCard({ session, onAction }: { readonly session: StagedSession; readonly onAction: (a: 'publish' | 'cancel') => void }) {
  return (
    <div className="session" data-testid="staged-session" data-session={session.id}>
      <div className="release-head">
        <h3>
          {session.project} {session.version}
        </h3>
        <span className={`badge ${session.status === 'error' ? 'badge-warn' : ''}`}>{session.status}</span>
        <span className="muted small" title={session.expiresAt}>
          expires {formatTime(session.expiresAt)}
        </span>
        <span className="spacer" />
        <button type="button" className="small-button primary-inline" onClick={() => onAction('publish')}>
          Publish…
        </button>
        <button type="button" className="small-button" onClick={() => onAction('cancel')}>
          Cancel…
        </button>
      </div>
      <CopyText label="Stage URL" value={session.stageUrl} />
      <CopyText label="Try it" value={`pip install --index-url ${session.stageUrl} ${shellQuote(`${session.project}==${session.version}`)}`} />
      {session.files.length === 0 ? (
        <p className="muted small">No files staged yet.</p>
      ) : (
        <table className="files">
          <thead>
            <tr>
              <th>File</th>
              <th>Status</th>
              <th>Size</th>
            </tr>
          </thead>
          <tbody>
            {session.files.map((f) => (
              <tr key={f.filename}>
                <td>
                  <span className="path">{f.filename}</span>
                  {f.sha256 ? (
                    <div className="hash">
                      sha256 <code>{f.sha256}</code>
                    </div>
                  ) : null}
                  {f.error ? <div className="field-error">{f.error}</div> : null}
                </td>
                <td>{f.status}</td>
                <td>{f.size === null ? '—' : formatSize(f.size)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function SessionsPanel({ sessions, upload2Url }: { readonly sessions: readonly StagedSession[]; readonly upload2Url: string }) {
  const [confirm, setConfirm] = useState<{ session: StagedSession; action: 'publish' | 'cancel' } | null>(null);
  return (
    <section className="panel" aria-labelledby="index-sessions-title">
      <h2 id="index-sessions-title">Staged releases</h2>
      {sessions.length === 0 ? (
        <p className="muted">
          No open publishing sessions. A PEP 694 client creates one at <code>{upload2Url}</code>; its files stay private until published.
        </p>
      ) : null}
      {sessions.map((s) => (
        <SessionCard key={s.id} session={s} onAction={(action) => setConfirm({ session: s, action })} />
      ))}
      {confirm ? <ConfirmSession session={confirm.session} action={confirm.action} onClose={() => setConfirm(null)} /> : null}
    </section>
  );
}
