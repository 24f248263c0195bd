/**
 * Browser-mode security and transport, against the real server on loopback with a real
 * WebSocket client.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createORPCClient } from '@orpc/client';
import { RPCLink as WebSocketLink } from '@orpc/client/websocket';
import { RPCLink as FetchLink } from '@orpc/client/fetch';
import type { PackwrightClient } from '../contract';
import { createServices } from '../core/services';
import { startBrowserServer, type BrowserServer } from './server';

let server: BrowserServer;
let project: string;

function raw(path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function wsOutcome(headers: Record<string, string>, protocols: string[]): Promise<'open' | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/ws`, protocols, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
}

beforeAll(async () => {
  const renderer = mkdtempSync(join(tmpdir(), 'pw-renderer-'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  project = mkdtempSync(join(tmpdir(), 'pw-proj-'));
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'pyproject.toml'), '[project]\nname = "demo"\nversion = "1.0"\n');
  server = await startBrowserServer({ services: createServices({ dataDir: mkdtempSync(join(tmpdir(), 'pw-data-')) }), rendererDir: renderer });
});
afterAll(() => server.close());

describe('browser-mode security', () => {
  const post = (headers: Record<string, string>) => raw('/api/app/info', { 'content-type': 'application/json', host: `127.0.0.1:${server.port}`, ...headers }, 'POST', '{}');

  it('refuses API calls without the token (401) and with a wrong one', async () => {
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: 'Bearer nope' })).status).toBe(401);
    expect((await post({ authorization: `Bearer ${server.token}` })).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    expect((await post({ host: `evil.example:${server.port}`, authorization: `Bearer ${server.token}` })).status).toBe(421);
    expect((await raw('/', { host: 'attacker.test' })).status).toBe(421);
    expect((await raw('/', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses a cross-origin API call', async () => {
    expect((await post({ authorization: `Bearer ${server.token}`, origin: 'https://evil.example' })).status).toBe(403);
  });

  it('refuses a WebSocket from a foreign Origin, without the token, or with a foreign Host', async () => {
    const token = `packwright.token.${server.token}`;
    expect(await wsOutcome({ origin: 'https://evil.example' }, [token])).toBe(403);
    expect(await wsOutcome({ origin: server.origin }, [])).toBe(401);
    expect(await wsOutcome({ origin: server.origin, host: `evil.example:${server.port}` }, [token])).toBe(421);
    expect(await wsOutcome({ origin: server.origin }, [token])).toBe('open');
  });

  it('serves static files without traversal', async () => {
    const host = `127.0.0.1:${server.port}`;
    expect((await raw('/', { host })).status).toBe(200);
    expect((await raw('/../../etc/passwd', { host })).status).not.toBe(200);
    expect((await raw('/%2e%2e/%2e%2e/etc/passwd', { host })).status).toBe(404);
    expect((await raw('/assets/..%2f..%2f..%2f..%2fetc%2fpasswd', { host })).status).toBe(403);
  });
});

describe('contract over HTTP and WebSocket', () => {
  it('answers calls, returns typed errors, and streams a watch operation', async () => {
    const http = createORPCClient<PackwrightClient>(new FetchLink({ url: `${server.origin}/api`, headers: { authorization: `Bearer ${server.token}` } }));
    const summary = await http.project.open({ folder: project });
    expect(summary.name).toBe('demo');
    await expect(http.project.open({ folder: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('folder') });
    await expect(http.project.open({ folder: '/no/such/pw' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(http.project.pickFolder()).rejects.toMatchObject({ code: 'UNSUPPORTED' });

    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/ws`, [`packwright.token.${server.token}`], { headers: { origin: server.origin } });
    await new Promise((r) => ws.once('open', r));
    const client = createORPCClient<PackwrightClient>(new WebSocketLink({ websocket: ws as unknown as globalThis.WebSocket }));
    const { opId } = await client.project.watch({ folder: project });
    const events = await client.ops.events({ opId, after: -1 });
    const seen: string[] = [];
    for await (const ev of events) {
      seen.push(ev.kind);
      if (ev.kind === 'data' && seen.filter((k) => k === 'data').length === 1) {
        writeFileSync(join(project, 'pyproject.toml'), '[project]\nname = "demo2"\n');
      } else if (ev.kind === 'data') {
        expect((ev.payload as { name: string }).name).toBe('demo2');
        await client.ops.cancel({ opId });
      }
      if (ev.kind === 'done') expect(ev.cancelled).toBe(true);
    }
    expect(seen.filter((k) => k === 'data')).toHaveLength(2);
    expect(seen.at(-1)).toBe('done');
    ws.close();
  });
});
