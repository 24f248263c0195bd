/**
 * The app's local package index: at most one Packwright index server per app, started and
 * stopped on request (the Releases workspace).
 *
 * It binds loopback only (127.0.0.1): the app never exposes an index to the network; the CLI's
 * `packwright index serve --host` is the way to do that deliberately. The store lives in
 * `<dataDir>/local-index` by default, or in a folder the user picks — which must be empty or an
 * existing index folder, because opening a store sweeps `files/` and `tmp/` of anything no row
 * references (crash recovery, see core/index-server/store.ts) and must never touch user files.
 * The last settings are remembered in `<dataDir>/local-index.json`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { startIndexServer, type RunningIndexServer } from '../index-server';
import type { IndexStore } from '../index-server/store';
import { discoverLocalIndexes, type LocalIndex } from '../local-index/discover';
import { notRunning, ReleasesError } from './errors';

/** How the local index is (or was last) started. */
export interface LocalIndexSettings {
  /** Absolute store folder. */
  readonly root: string;
  /** Fixed port, or null for a free one picked at start. */
  readonly port: number | null;
  /** Also serve the machine's local PEP 503 tree(s) read-only. */
  readonly serveLocalIndex: boolean;
}

/** Addresses and facts about the running server. */
export interface LocalIndexServerInfo {
  readonly url: string;
  readonly simpleUrl: string;
  /** Legacy upload endpoint (twine, `uv publish`). */
  readonly uploadUrl: string;
  /** PEP 694 root. */
  readonly upload2Url: string;
  readonly port: number;
  readonly root: string;
  readonly mirrors: readonly string[];
  readonly startedAt: string;
  /** What crash recovery removed when the store was opened. */
  readonly recovered: { readonly temps: number; readonly orphans: number };
}

export interface LocalIndexStatus {
  readonly running: boolean;
  readonly server: LocalIndexServerInfo | null;
  /** Current settings when running, otherwise the ones the next start uses by default. */
  readonly settings: LocalIndexSettings;
  readonly defaultRoot: string;
  /** The machine's local PEP 503 trees (what "serve the local index" adds). */
  readonly localIndexes: readonly string[];
  /** Changes whenever the served content may have changed (start, uploads, yanks, sessions…). */
  readonly revision: number;
}

export interface LocalIndexManagerDeps {
  readonly dataDir: string;
  /** Finds the machine's local indexes (injectable for tests). */
  readonly discover?: () => Promise<readonly LocalIndex[]>;
  readonly now?: () => Date;
}

interface Running {
  readonly server: RunningIndexServer;
  readonly info: LocalIndexServerInfo;
  readonly settings: LocalIndexSettings;
  readonly unsubscribe: () => void;
}

const HOST = '127.0.0.1';

/** Refuse folders whose content we did not create (see the module comment). */
function checkRootFolder(root: string): void {
  if (!existsSync(root)) return;
  if (!statSync(root).isDirectory()) throw new ReleasesError('NOT_A_DIRECTORY', `${root} is not a folder.`);
  const entries = readdirSync(root);
  if (entries.length > 0 && !entries.includes('index.db')) {
    throw new ReleasesError('BAD_REQUEST', `${root} is not empty and holds no Packwright index.`, 'Choose an empty folder or an existing index folder (one with index.db).');
  }
}

/** One local index server per app. */
export class LocalIndexManager {
  readonly defaultRoot: string;
  private readonly settingsFile: string;
  private running: Running | null = null;
  private starting: Promise<Running> | null = null;
  private stopping: Promise<void> | null = null;
  private discovered: Promise<readonly string[]> | null = null;
  private revision = 0;

  constructor(private readonly deps: LocalIndexManagerDeps) {
    this.defaultRoot = join(deps.dataDir, 'local-index');
    this.settingsFile = join(deps.dataDir, 'local-index.json');
  }

  /** The machine's local PEP 503 trees (looked up once). */
  localIndexes(): Promise<readonly string[]> {
    this.discovered ??= (this.deps.discover ?? discoverLocalIndexes)().then(
      (found) => found.map((i) => i.simpleDir),
      () => [],
    );
    return this.discovered;
  }

  /** The remembered settings (defaults when none were saved or the file is unreadable). */
  async savedSettings(): Promise<LocalIndexSettings> {
    const fallback: LocalIndexSettings = { root: this.defaultRoot, port: null, serveLocalIndex: false };
    try {
      const raw = JSON.parse(await readFile(this.settingsFile, 'utf8')) as Partial<LocalIndexSettings>;
      return {
        root: typeof raw.root === 'string' && isAbsolute(raw.root) ? raw.root : fallback.root,
        port: typeof raw.port === 'number' && Number.isInteger(raw.port) && raw.port > 0 && raw.port < 65536 ? raw.port : null,
        serveLocalIndex: raw.serveLocalIndex === true,
      };
    } catch {
      return fallback;
    }
  }

  private async saveSettings(s: LocalIndexSettings): Promise<void> {
    await mkdir(this.deps.dataDir, { recursive: true });
    const tmp = `${this.settingsFile}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(s, null, 2)}\n`);
    await rename(tmp, this.settingsFile);
  }

  /** Running state, addresses, settings and the content revision. */
  async status(): Promise<LocalIndexStatus> {
    const r = this.running;
    // Commits by another process (e.g. `packwright index yank` on the same folder) bump the revision.
    r?.server.store.pollExternalChanges();
    return {
      running: r !== null,
      server: r?.info ?? null,
      settings: r?.settings ?? (await this.savedSettings()),
      defaultRoot: this.defaultRoot,
      localIndexes: await this.localIndexes(),
      revision: this.revision,
    };
  }

  /**
   * Start the index (or return the running one). Options left out come from the saved settings.
   * A second start while one is running or starting returns the same server; asking for another
   * folder or port then is an error (stop first).
   */
  async start(options: Partial<LocalIndexSettings> = {}): Promise<LocalIndexServerInfo> {
    if (this.stopping) await this.stopping;
    const current = this.running ?? (this.starting ? await this.starting : null);
    if (current) {
      const wantRoot = options.root !== undefined ? resolve(options.root) : current.settings.root;
      const wantPort = options.port ?? current.info.port;
      if (wantRoot !== current.settings.root || (wantPort !== 0 && wantPort !== current.info.port)) {
        throw new ReleasesError('BAD_REQUEST', `The local index is already running at ${current.info.url} (folder ${current.settings.root}).`, 'Stop it before starting it with other settings.');
      }
      return current.info;
    }
    this.starting = this.launch(options);
    try {
      this.running = await this.starting;
      this.revision++;
      return this.running.info;
    } finally {
      this.starting = null;
    }
  }

  private async launch(options: Partial<LocalIndexSettings>): Promise<Running> {
    if (options.root !== undefined && !isAbsolute(options.root)) throw new ReleasesError('BAD_REQUEST', 'The index folder must be an absolute path.');
    const saved = await this.savedSettings();
    const root = resolve(options.root ?? saved.root);
    const port = options.port === undefined ? saved.port : options.port === 0 ? null : options.port;
    const serveLocalIndex = options.serveLocalIndex ?? saved.serveLocalIndex;
    checkRootFolder(root);
    const mirrors = serveLocalIndex ? await this.localIndexes() : [];
    if (serveLocalIndex && mirrors.length === 0) {
      throw new ReleasesError('BAD_REQUEST', 'No local package index was found on this machine.', "Set PACKWRIGHT_LOCAL_INDEX or a file:// index-url in pip's configuration.");
    }
    let server: RunningIndexServer;
    try {
      server = await startIndexServer({ root, host: HOST, port: port ?? 0, mirrors });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new ReleasesError('BAD_REQUEST', `Port ${port} is already in use.`, 'Pick another port or leave it empty for a free one.');
      if (code === 'EACCES') throw new ReleasesError('FORBIDDEN', `Port ${port} may not be used here.`, 'Pick a port above 1023.');
      throw err;
    }
    const settings: LocalIndexSettings = { root, port, serveLocalIndex };
    await this.saveSettings(settings).catch(() => undefined);
    const unsubscribe = server.store.onChange(() => {
      this.revision++;
    });
    const { recovered } = server.store;
    return {
      server,
      settings,
      unsubscribe,
      info: {
        url: server.url,
        simpleUrl: `${server.url}simple/`,
        uploadUrl: `${server.url}legacy/`,
        upload2Url: `${server.url}upload/`,
        port: server.port,
        root,
        mirrors: [...mirrors],
        startedAt: (this.deps.now?.() ?? new Date()).toISOString(),
        recovered: { temps: recovered.temps, orphans: recovered.orphans.length },
      },
    };
  }

  /** Stop the index; false when it was not running. */
  async stop(): Promise<boolean> {
    if (this.stopping) {
      await this.stopping;
      return false;
    }
    const r = this.running ?? (this.starting ? await this.starting.catch(() => null) : null);
    if (!r) return false;
    this.stopping = (async () => {
      this.running = null;
      r.unsubscribe();
      await r.server.close();
      this.revision++;
    })();
    try {
      await this.stopping;
    } finally {
      this.stopping = null;
    }
    return true;
  }

  /** The running server's store and base URL; throws when the index is not running. */
  require(): { readonly store: IndexStore; readonly url: string } {
    if (!this.running) throw notRunning();
    return { store: this.running.server.store, url: this.running.server.url };
  }

  /** Stop on app shutdown. */
  dispose(): Promise<void> {
    return this.stop().then(() => undefined);
  }
}
