/**
 * The one PackwrightClient the UI uses; the transport is chosen at runtime in this file only:
 * the Electron preload when present, otherwise HTTP for calls and a WebSocket for streams.
 */
import { createORPCClient, DynamicLink } from '@orpc/client';
import { RPCLink as FetchLink } from '@orpc/client/fetch';
import { RPCLink as WebSocketLink } from '@orpc/client/websocket';
import { isStream, PRELOAD_GLOBAL, type PackwrightClient, type PreloadApi } from '@contract';
import { ElectronLink } from './electron-link';
import { takeToken } from './token';

function browserLink(token: string | null) {
  const origin = window.location.origin;
  const fetchLink = new FetchLink({ url: `${origin}/api`, headers: () => (token ? { authorization: `Bearer ${token}` } : {}) });
  let wsLink: WebSocketLink<Record<never, never>> | null = null;
  let socket: WebSocket | null = null;
  // A closed socket (server restart, sleep, proxy timeout) is replaced on the next stream call;
  // streams that were on it end, and their hooks resubscribe.
  const socketLink = () => {
    if (!wsLink || !socket || socket.readyState === WebSocket.CLOSING || socket.readyState === WebSocket.CLOSED) {
      socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/api/ws`, token ? [`packwright.token.${token}`] : []);
      wsLink = new WebSocketLink({ websocket: socket });
    }
    return wsLink;
  };
  return new DynamicLink((_opts, path) => (isStream(path.join('.')) ? socketLink() : fetchLink));
}

export function createClient(): PackwrightClient {
  const preload = (window as unknown as Record<string, PreloadApi | undefined>)[PRELOAD_GLOBAL];
  const link = preload ? new ElectronLink(preload) : browserLink(takeToken());
  return createORPCClient<PackwrightClient>(link);
}

export const client: PackwrightClient = createClient();
