/** The shell: header, workspace navigation and the active workspace; sets the readiness flag. */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { client } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { ErrorMessage } from '../ui/error-message';
import { useNavStore } from './nav-store';
import { WORKSPACES } from './workspaces';

export function App() {
  const info = useQuery({ queryKey: queryKeys.appInfo, queryFn: () => client.app.info(), staleTime: Infinity });
  const { workspace, show } = useNavStore();
  const available = WORKSPACES.filter((w) => info.data?.workspaces.includes(w.id));
  const active = available.find((w) => w.id === workspace) ?? available[0];

  useEffect(() => {
    const root = document.getElementById('root');
    if (root) root.dataset.appState = info.isSuccess ? 'ready' : info.isError ? 'error' : 'loading';
  }, [info.isSuccess, info.isError]);

  if (info.isError) {
    return (
      <main className="app-error">
        <h1>Packwright cannot reach its engine</h1>
        <ErrorMessage error={info.error} />
      </main>
    );
  }
  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">Packwright</span>
        {info.data ? <span className="muted">{info.data.version} · {info.data.shell === 'electron' ? 'desktop' : 'browser mode'}</span> : null}
      </header>
      <nav className="app-nav" aria-label="Workspaces">
        <ul>
          {available.map((w) => (
            <li key={w.id}>
              <button type="button" aria-current={w.id === active?.id ? 'page' : undefined} onClick={() => show(w.id)}>
                {w.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="app-main" id="main">
        {active ? active.render() : <p className="muted">Loading…</p>}
      </main>
    </div>
  );
}
