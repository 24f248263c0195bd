/**
 * `packwright serve [--port N] [--open]`: browser mode on 127.0.0.1 with a per-launch token.
 *
 * Prints the URL (token in the fragment) and a ready line that scripts and tests wait for.
 * `--open` opens it in an installed Chromium/Chrome in app mode.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { resolveDataDir } from '../../core/paths/data-dir';
import { findChromiumSync } from '../../core/platform/find-browser';
import { locateRendererDir } from '../../core/platform/renderer-dir';
import { createServices } from '../../core/services';
import { startBrowserServer } from '../../server/server';
import { EXIT } from '../exit-codes';
import { printError, printJson } from '../output';

/** Open `url` as an app window; false when no browser (or, on Linux, no display) was found. */
export function openInAppWindow(url: string): boolean {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  const browser = findChromiumSync();
  if (!browser) return false;
  const profile = mkdtempSync(join(tmpdir(), 'packwright-browser-'));
  const child = spawn(browser, [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check', '--window-size=1280,800'], {
    stdio: 'ignore',
    detached: true,
  });
  child.on('error', () => undefined);
  child.unref();
  return true;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('run Packwright in your browser (loopback only, per-launch token)')
    .option('--port <n>', 'port to listen on (default: a free one)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port: "${v}" is not a port number`);
      return n;
    })
    .option('--open', 'open the app in an installed Chromium or Chrome')
    .option('--json', 'print the address as JSON')
    .action(async (opts: { port?: number; open?: boolean; json?: boolean }) => {
      const rendererDir = locateRendererDir();
      if (!rendererDir) {
        printError({ code: 'NOT_FOUND', message: 'The app is not built yet.', hint: 'Run `npm run build` first.' }, opts.json === true);
        process.exitCode = EXIT.NOT_FOUND;
        return;
      }
      const services = createServices({ dataDir: resolveDataDir() });
      const server = await startBrowserServer({ services, rendererDir, ...(opts.port !== undefined ? { port: opts.port } : {}) });
      if (opts.json) printJson({ url: server.url, origin: server.origin, port: server.port });
      else process.stdout.write(`Packwright is running at ${server.url}\n`);
      if (opts.open && !openInAppWindow(server.url)) {
        process.stdout.write('No Chromium/Chrome window could be opened here: open the address above in your browser.\n');
      }
      const stop = () => {
        services.dispose();
        void server.close().then(() => process.exit(EXIT.OK));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise<never>(() => undefined);
    });
}
