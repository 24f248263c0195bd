/**
 * Browser mode: the built renderer and the contract over HTTP + WebSocket on loopback.
 *
 * Every request passes the Host allow-list; API calls need the per-launch token (bearer header
 * over HTTP, sub-protocol on the socket); sockets must come from our own origin.
 * Static files carry no secret and are served without the token, so the page can load and then
 * read the token from the URL fragment (which browsers never send to servers).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { RPCHandler as HttpRpcHandler } from '@orpc/server/node';
import { RPCHandler as WsRpcHandler } from '@orpc/server/ws';
import { WebSocketServer } from 'ws';
import type { ApiContext, ShellAdapter } from '../api/router';
import { router } from '../api/router';
import { validationInterceptor } from '../api/validation';
import type { Services } from '../core/services';
import { bearerToken, hostAllowed, newToken, originAllowed, tokenFromProtocols, tokenMatches, WS_TOKEN_PREFIX } from './security';
import { serveStatic } from './static-files';

export const API_PREFIX = '/api';
export const WS_PATH = '/api/ws';
const MAX_BODY = 1024 * 1024;

export interface BrowserServerOptions {
  readonly services: Services;
  readonly rendererDir: string;
  readonly port?: number;
  readonly token?: string;
  /** Shell capabilities (browser mode has no native dialogs). */
  readonly shell?: ShellAdapter;
}

export interface BrowserServer {
  readonly port: number;
  readonly token: string;
  /** Origin, e.g. http://127.0.0.1:43123 */
  readonly origin: string;
  /** URL to open: the token travels in the fragment. */
  readonly url: string;
  close(): Promise<void>;
}

function reject(socket: Socket, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const token = opts.token ?? newToken();
  const context: ApiContext = { services: opts.services, shell: opts.shell ?? { kind: 'browser' } };
  const http = new HttpRpcHandler(router, { clientInterceptors: [validationInterceptor] });
  const wsHandler = new WsRpcHandler(router, { clientInterceptors: [validationInterceptor] });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_BODY,
    handleProtocols: (protocols) => [...protocols].find((p) => p.startsWith(WS_TOKEN_PREFIX)) ?? false,
  });
  let port = 0;

  const server: Server = createServer(async (req, res) => {
    if (!hostAllowed(req.headers.host, port)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Host not allowed');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)) {
      if (!tokenMatches(token, bearerToken(req.headers.authorization))) {
        res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
        res.end(JSON.stringify({ code: 'UNAUTHORIZED', message: 'Missing or wrong token: open the URL printed by `packwright serve`.' }));
        return;
      }
      if (req.headers.origin !== undefined && !originAllowed(req.headers.origin, port)) {
        res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'FORBIDDEN', message: 'Foreign origin.' }));
        return;
      }
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
        res.writeHead(413).end();
        return;
      }
      const { matched } = await http.handle(req, res, { prefix: API_PREFIX, context });
      if (!matched) res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'NOT_FOUND', message: 'No such procedure.' }));
      return;
    }
    await serveStatic(opts.rendererDir, req, res, url.pathname);
  });

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (!hostAllowed(req.headers.host, port)) return reject(socket, 421, 'Misdirected Request');
    if (pathname !== WS_PATH) return reject(socket, 404, 'Not Found');
    if (!originAllowed(req.headers.origin, port)) return reject(socket, 403, 'Forbidden');
    if (!tokenMatches(token, tokenFromProtocols(req.headers['sec-websocket-protocol']))) return reject(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      void wsHandler.upgrade(ws, { context });
    });
  });

  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    token,
    origin,
    url: `${origin}/#token=${token}`,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
