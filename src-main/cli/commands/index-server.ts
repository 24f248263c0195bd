/**
 * `packwright index …`: the Packwright package index (Simple/JSON APIs, legacy uploads, PEP 694
 * staged releases) and its admin commands.
 *
 *   index serve --root DIR [--host 127.0.0.1] [--port N] [--local-index] [--mirror DIR …]
 *   index token create|revoke|list --root DIR …
 *   index yank|unyank --root DIR PROJECT VERSION [--reason TEXT]
 *   index delete --root DIR PROJECT VERSION [--file NAME …]
 *
 * `serve` prints one ready line (`… listening on <url>`, or JSON with --json) and runs until
 * SIGINT/SIGTERM.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { discoverLocalIndexes } from '../../core/local-index/discover';
import { startIndexServer } from '../../core/index-server/server';
import { IndexStore } from '../../core/index-server/store';
import { deleteFiles, setYanked } from '../../core/index-server/store-write';
import { canonicalizeVersion, normalizeName } from '../../core/index-server/std';
import { createToken, listTokens, revokeToken } from '../../core/index-server/tokens';
import { EXIT } from '../exit-codes';
import { printError, printJson } from '../output';

/** Parse `100MB`, `1MiB`, `512k` or a byte count. */
export function parseSize(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)(i?b?)$/i.exec(v.trim());
  if (!m) throw new Error(`"${v}" is not a size (e.g. 100MB)`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.floor(Number(m[1]) * mult);
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port: "${v}" is not a port number`);
  return n;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

function withStore<T>(root: string, fn: (store: IndexStore) => T): T {
  const store = IndexStore.open(resolve(root));
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

function registerAdmin(index: Command): void {
  const token = index.command('token').description('manage upload tokens (shown once, stored hashed)');
  token
    .command('create')
    .requiredOption('--root <dir>', 'index store folder')
    .option('--project <name>', 'limit the token to a project (repeatable; default: all projects)', collect)
    .option('--description <text>', 'what the token is for', '')
    .option('--json', 'print JSON')
    .action((o: { root: string; project?: string[]; description: string; json?: boolean }) => {
      const { token: secret, info } = withStore(o.root, (s) => createToken(s.db, { projects: (o.project ?? []).map(normalizeName), description: o.description }));
      if (o.json) printJson({ token: secret, ...info });
      else process.stdout.write(`${secret}\n(id ${info.id}; scope: ${info.projects?.join(', ') ?? 'all projects'}; shown once, keep it safe)\n`);
    });
  token
    .command('revoke <id>')
    .requiredOption('--root <dir>', 'index store folder')
    .action((id: string, o: { root: string }) => {
      if (!withStore(o.root, (s) => revokeToken(s.db, id))) {
        printError({ code: 'NOT_FOUND', message: `No active token with id ${id}.` }, false);
        process.exitCode = EXIT.NOT_FOUND;
      }
    });
  token
    .command('list')
    .requiredOption('--root <dir>', 'index store folder')
    .option('--json', 'print JSON')
    .action((o: { root: string; json?: boolean }) => {
      const tokens = withStore(o.root, (s) => listTokens(s.db));
      if (o.json) return printJson(tokens);
      for (const t of tokens) {
        const scope = t.sessionId ? `session ${t.sessionId}` : (t.projects?.join(',') ?? 'all projects');
        process.stdout.write(`${t.id}  ${t.revoked ? 'revoked' : 'active '}  ${scope}  ${t.description}\n`);
      }
    });
  for (const yanked of [true, false]) {
    index
      .command(`${yanked ? 'yank' : 'unyank'} <project> <version>`)
      .description(yanked ? 'yank a release (PEP 592)' : 'undo a yank')
      .requiredOption('--root <dir>', 'index store folder')
      .option('--reason <text>', 'why (shown by installers)')
      .action((project: string, version: string, o: { root: string; reason?: string }) => {
        if (!withStore(o.root, (s) => setYanked(s, normalizeName(project), canonicalizeVersion(version), yanked, o.reason ?? null))) {
          printError({ code: 'NOT_FOUND', message: `No release ${project} ${version}.` }, false);
          process.exitCode = EXIT.NOT_FOUND;
        }
      });
  }
  index
    .command('delete <project> <version>')
    .description('delete a release or some of its files; deleted file names can never be reused')
    .requiredOption('--root <dir>', 'index store folder')
    .option('--file <name>', 'delete only this file (repeatable)', collect)
    .action((project: string, version: string, o: { root: string; file?: string[] }) => {
      const removed = withStore(o.root, (s) => deleteFiles(s, normalizeName(project), canonicalizeVersion(version), o.file ?? null));
      process.stdout.write(removed.length ? `Deleted ${removed.join(', ')}\n` : 'Nothing deleted.\n');
    });
}

export function register(program: Command): void {
  const index = program.command('index').description('the Packwright package index: serve it, manage tokens, yank and delete');
  index
    .command('serve')
    .description('serve the index (Simple/JSON APIs, uploads, PEP 694 stages); loopback only unless --host')
    .requiredOption('--root <dir>', 'index store folder (created if missing)')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--port <n>', 'port (default: a free one)', parsePort)
    .option('--local-index', "also serve this machine's local PEP 503 index read-only")
    .option('--mirror <dir>', 'also serve this PEP 503 simple/ folder read-only (repeatable)', collect)
    .option('--max-file-size <size>', 'largest upload accepted', parseSize)
    .option('--access-log <file>', 'access log file (default <root>/logs/access.log)')
    .option('--json', 'print the address as JSON')
    .action(async (o: { root: string; host: string; port?: number; localIndex?: boolean; mirror?: string[]; maxFileSize?: number; accessLog?: string; json?: boolean }) => {
      const mirrors = [...(o.mirror ?? []).map((d) => resolve(d))];
      if (o.localIndex) mirrors.push(...(await discoverLocalIndexes()).map((i) => i.simpleDir));
      const server = await startIndexServer({
        root: resolve(o.root),
        host: o.host,
        ...(o.port !== undefined ? { port: o.port } : {}),
        mirrors,
        ...(o.maxFileSize !== undefined ? { maxFileSize: o.maxFileSize } : {}),
        ...(o.accessLog ? { accessLog: resolve(o.accessLog) } : {}),
      });
      const { recovered } = server.store;
      if (o.json) printJson({ url: server.url, host: server.host, port: server.port, root: resolve(o.root), mirrors, recovered: { temps: recovered.temps, orphans: recovered.orphans.length } });
      else process.stdout.write(`Packwright index listening on ${server.url} (root ${resolve(o.root)})\n`);
      // A bug in one request must not take the index down: state changes are transactional.
      process.on('uncaughtException', (err) => process.stderr.write(`packwright index: unexpected error: ${err.stack ?? String(err)}\n`));
      const stop = () => void server.close().then(() => process.exit(EXIT.OK));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise<never>(() => undefined);
    });
  registerAdmin(index);
}
