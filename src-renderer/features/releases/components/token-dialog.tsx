/**
 * Create an upload token. The secret is shown ONCE, here: it lives only in this dialog's local
 * state (not in react-query's caches, not in a store, never logged) and is gone when the dialog
 * closes. The index keeps only a salted hash.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { client } from '../../../api/client';
import { ErrorMessage } from '../../../ui/error-message';
import { CopyText } from './copy-text';
import { Modal } from './modal';

/** Split "a, b c" into project names. */
function parseProjects(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function TokenDialog({ uploadUrl, onClose }: { readonly uploadUrl: string; readonly onClose: () => void }) {
  const qc = useQueryClient();
  const [scope, setScope] = useState<'all' | 'listed'>('all');
  const [projects, setProjects] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<{ token: string; id: string; scope: string } | null>(null);
  const listed = parseProjects(projects);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    // A direct call, not a mutation: react-query would keep the result (the secret) in its cache.
    client.releases
      .createToken({ projects: scope === 'all' ? [] : listed, description })
      .then(({ token, info }) => {
        setCreated({ token, id: info.id, scope: info.projects?.join(', ') ?? 'all projects' });
        void qc.invalidateQueries({ queryKey: ['releases', 'tokens'] });
      }, setError)
      .finally(() => setBusy(false));
  };

  if (created) {
    return (
      <Modal title="Token created" onClose={onClose}>
        <p className="warning-text">
          <strong>Copy it now: this is the only time the token is shown.</strong> The index stores only a hash of it.
        </p>
        <CopyText label="Token" value={created.token} testId="new-token" />
        <p className="muted small">
          id {created.id} · scope: {created.scope}. Use <code>__token__</code> as the user name and the token as the password, e.g.{' '}
          <code>twine upload --repository-url {uploadUrl} -u __token__ dist/*</code>.
        </p>
        <div className="actions">
          <button type="button" className="primary-inline" onClick={onClose}>
            Done
          </button>
        </div>
      </Modal>
    );
  }
  return (
    <Modal title="Create an upload token" onClose={onClose}>
      <form onSubmit={submit} aria-label="Create an upload token">
        <fieldset className="scope">
          <legend>Scope</legend>
          <label className="check">
            <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            All projects
          </label>
          <label className="check">
            <input type="radio" name="scope" checked={scope === 'listed'} onChange={() => setScope('listed')} />
            Only these projects
          </label>
          {scope === 'listed' ? (
            <input aria-label="Projects (separated by commas or spaces)" placeholder="project-a, project-b" value={projects} onChange={(e) => setProjects(e.target.value)} autoFocus />
          ) : null}
        </fieldset>
        <label htmlFor="token-description">Description (optional)</label>
        <input id="token-description" value={description} maxLength={200} onChange={(e) => setDescription(e.target.value)} />
        {error ? <ErrorMessage error={error} /> : null}
        <div className="actions">
          <button type="submit" className="primary-inline" disabled={busy || (scope === 'listed' && listed.length === 0)}>
            Create token
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
