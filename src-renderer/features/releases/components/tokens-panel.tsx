/** Upload tokens: public id, scope, description, created/last used; create (shown once) and revoke. */
import { useState } from 'react';
import type { UploadToken } from '@contract';
import { client } from '../../../api/client';
import { ErrorMessage } from '../../../ui/error-message';
import { formatTime } from '../format';
import { useIndexAction, useTokens } from '../hooks/use-local-index';
import { useReleasesUi } from '../store';
import { Modal } from './modal';
import { TokenDialog } from './token-dialog';

function scopeOf(t: UploadToken): string {
  if (t.sessionId) return `staged release session ${t.sessionId.slice(0, 8)}…`;
  return t.projects ? t.projects.join(', ') : 'all projects';
}

function RevokeDialog({ token, onClose }: { readonly token: UploadToken; readonly onClose: () => void }) {
  const revoke = useIndexAction((id: string) => client.releases.revokeToken({ id }));
  return (
    <Modal title={`Revoke token ${token.id}?`} onClose={onClose} tone="danger">
      <p>Uploads with this token are refused from now on. This cannot be undone; create a new token if you need one.</p>
      {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
      <div className="actions">
        <button type="button" className="danger" disabled={revoke.isPending} onClick={() => revoke.mutate(token.id, { onSuccess: onClose })}>
          Revoke
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}

export function TokensPanel({ url, uploadUrl }: { readonly url: string; readonly uploadUrl: string }) {
  const tokens = useTokens(url);
  const { showRevoked, setShowRevoked } = useReleasesUi();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<UploadToken | null>(null);
  const all = tokens.data ?? [];
  const shown = all.filter((t) => showRevoked || !t.revoked);
  const revokedCount = all.filter((t) => t.revoked).length;
  return (
    <section className="panel" aria-labelledby="index-tokens-title">
      <div className="panel-title">
        <h2 id="index-tokens-title">Tokens</h2>
        <button type="button" className="primary-inline" onClick={() => setCreating(true)}>
          Create token…
        </button>
      </div>
      {tokens.isError ? <ErrorMessage error={tokens.error} /> : null}
      {shown.length === 0 ? <p className="muted">{revokedCount ? 'No active tokens.' : 'No tokens yet: uploads need one.'}</p> : null}
      {shown.length > 0 ? (
        <table className="tokens">
          <thead>
            <tr>
              <th>Id</th>
              <th>Scope</th>
              <th>Description</th>
              <th>Created</th>
              <th>Last used</th>
              <th>
                <span className="visually-hidden">State</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((t) => (
              <tr key={t.id} data-testid="token-row" data-token-id={t.id} className={t.revoked ? 'revoked' : ''}>
                <td>
                  <code>{t.id}</code>
                </td>
                <td>{scopeOf(t)}</td>
                <td>{t.description || <span className="muted">—</span>}</td>
                <td title={t.created}>{formatTime(t.created)}</td>
                <td title={t.lastUsed ?? ''}>{t.lastUsed ? formatTime(t.lastUsed) : <span className="muted">never</span>}</td>
                <td>
                  {t.revoked ? (
                    <span className="badge" data-testid="token-revoked" title={t.revoked}>
                      Revoked
                    </span>
                  ) : (
                    <button type="button" className="small-button" aria-label={`Revoke token ${t.id}`} onClick={() => setRevoking(t)}>
                      Revoke…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {revokedCount > 0 ? (
        <label className="check small">
          <input type="checkbox" checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)} />
          Show {revokedCount} revoked token{revokedCount === 1 ? '' : 's'}
        </label>
      ) : null}
      {creating ? <TokenDialog uploadUrl={uploadUrl} onClose={() => setCreating(false)} /> : null}
      {revoking ? <RevokeDialog token={revoking} onClose={() => setRevoking(null)} /> : null}
    </section>
  );
}
