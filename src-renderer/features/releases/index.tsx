/**
 * The Releases workspace (public entry of the feature): the app's local package index — start
 * and stop it, its addresses, its contents, upload tokens and PEP 694 staged releases.
 */
import { ErrorMessage } from '../../ui/error-message';
import { AddressPanel } from './components/address-panel';
import { ContentsPanel } from './components/contents-panel';
import { ServerPanel } from './components/server-panel';
import { SessionsPanel } from './components/sessions-panel';
import { TokensPanel } from './components/tokens-panel';
import { useIndexContents, useIndexStatus } from './hooks/use-local-index';

export function ReleasesWorkspace() {
  const status = useIndexStatus();
  const server = status.data?.server ?? null;
  const contents = useIndexContents(server?.url ?? null, status.data?.revision ?? 0);
  if (status.isError && !status.data) return <ErrorMessage error={status.error} />;
  if (!status.data) return <p className="muted">Loading…</p>;
  return (
    <div className="releases">
      <ServerPanel status={status.data} />
      {server ? (
        <>
          <AddressPanel server={server} />
          {contents.isError ? <ErrorMessage error={contents.error} /> : null}
          <ContentsPanel projects={contents.data?.projects ?? []} loading={contents.isPending} />
          <SessionsPanel sessions={contents.data?.sessions ?? []} upload2Url={server.upload2Url} />
          <TokensPanel url={server.url} uploadUrl={server.uploadUrl} />
        </>
      ) : null}
    </div>
  );
}
