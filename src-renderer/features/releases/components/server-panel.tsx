/**
 * Start/stop the app's local index (loopback only): store folder (the app's data folder by
 * default, or one the user picks), port (empty: a free one), and the option to also serve the
 * machine's local PEP 503 tree read-only.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { LocalIndexStatus } from '@contract';
import { client } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import { ErrorMessage } from '../../../ui/error-message';
import { useStartStop } from '../hooks/use-local-index';

function StartForm({ status }: { readonly status: LocalIndexStatus }) {
  const info = useQuery({ queryKey: queryKeys.appInfo, queryFn: () => client.app.info(), staleTime: Infinity });
  const { start } = useStartStop();
  const [root, setRoot] = useState(status.settings.root);
  const [port, setPort] = useState(status.settings.port === null ? '' : String(status.settings.port));
  const [serveLocal, setServeLocal] = useState(status.settings.serveLocalIndex && status.localIndexes.length > 0);
  const [pickError, setPickError] = useState<unknown>(null);
  const portValue = port.trim() === '' ? 0 : Number(port);
  const portOk = Number.isInteger(portValue) && portValue >= 0 && portValue <= 65535;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!portOk) return;
    start.mutate({ root: root.trim(), port: portValue, serveLocalIndex: serveLocal });
  };
  const pick = () => {
    setPickError(null);
    client.project.pickFolder().then(
      ({ folder }) => folder && setRoot(folder),
      (err: unknown) => setPickError(err),
    );
  };

  return (
    <form className="index-start" onSubmit={submit} aria-label="Start the local index">
      <div className="form-row">
        <label htmlFor="index-root">Index folder</label>
        <div className="combo">
          <input id="index-root" value={root} onChange={(e) => setRoot(e.target.value)} spellCheck={false} />
          {info.data?.shell === 'electron' ? (
            <button type="button" onClick={pick}>
              Choose…
            </button>
          ) : null}
          {root !== status.defaultRoot ? (
            <button type="button" onClick={() => setRoot(status.defaultRoot)}>
              Default
            </button>
          ) : null}
        </div>
        <p className="muted small">An empty folder or an existing index folder. Default: the app&apos;s data folder.</p>
      </div>
      <div className="form-row">
        <label htmlFor="index-port">Port</label>
        <input id="index-port" className="port" inputMode="numeric" placeholder="automatic" value={port} onChange={(e) => setPort(e.target.value)} aria-invalid={!portOk} />
        {!portOk ? <p className="field-error">A port is a number from 1 to 65535 (empty: automatic).</p> : null}
      </div>
      <label className="check">
        <input type="checkbox" checked={serveLocal} disabled={status.localIndexes.length === 0} onChange={(e) => setServeLocal(e.target.checked)} />
        Also serve this machine&apos;s local package index (read-only)
        {status.localIndexes.length === 0 ? <span className="muted small"> — none found</span> : <span className="muted small path"> {status.localIndexes.join(', ')}</span>}
      </label>
      <div className="actions">
        <button type="submit" className="primary-inline" disabled={start.isPending || !portOk || root.trim() === ''}>
          {start.isPending ? 'Starting…' : 'Start local index'}
        </button>
      </div>
      {start.isError ? <ErrorMessage error={start.error} /> : null}
      {pickError ? <ErrorMessage error={pickError} /> : null}
    </form>
  );
}

export function ServerPanel({ status }: { readonly status: LocalIndexStatus }) {
  const { stop } = useStartStop();
  const server = status.server;
  return (
    <section className="panel" aria-labelledby="index-title">
      <div className="panel-title">
        <h1 id="index-title">Local package index</h1>
        {server ? (
          <span className="badge badge-ok" data-testid="index-state">
            Running
          </span>
        ) : (
          <span className="badge" data-testid="index-state">
            Stopped
          </span>
        )}
      </div>
      <p className="muted">
        A package index on this computer (loopback only) that pip, uv and twine accept: try uploads, yanks and staged releases (PEP 694) before anything is public.
      </p>
      {server ? (
        <div className="index-running">
          <dl className="summary">
            <dt>Address</dt>
            <dd className="path" data-testid="index-url">
              {server.url}
            </dd>
            <dt>Folder</dt>
            <dd className="path">{server.root}</dd>
            {server.mirrors.length > 0 ? (
              <>
                <dt>Read-only</dt>
                <dd className="path">{server.mirrors.join(', ')}</dd>
              </>
            ) : null}
            {server.recovered.temps + server.recovered.orphans > 0 ? (
              <>
                <dt>Recovered</dt>
                <dd>
                  {server.recovered.temps} interrupted upload(s) and {server.recovered.orphans} unreferenced file(s) removed at start
                </dd>
              </>
            ) : null}
          </dl>
          <button type="button" onClick={() => stop.mutate()} disabled={stop.isPending}>
            {stop.isPending ? 'Stopping…' : 'Stop'}
          </button>
          {stop.isError ? <ErrorMessage error={stop.error} /> : null}
        </div>
      ) : (
        <StartForm status={status} />
      )}
    </section>
  );
}
