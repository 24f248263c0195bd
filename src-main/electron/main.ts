/**
 * Electron main process: lifecycle, single instance, the app:// protocol, one secure window,
 * and the contract over IPC. Domain logic lives in core; this file only wires the shell.
 */
import { app, BrowserWindow, dialog, protocol, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '../core/paths/data-dir';
import { createServices } from '../core/services';
import { registerContractOnIpcMain } from './ipc-main';
import { APP_ORIGIN, APP_SCHEME, registerAppProtocol } from './protocol';
import { TrustedSenders } from './trusted-senders';
import { guardContents, windowOptions } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const devUrl = process.env.ELECTRON_RENDERER_URL;
const appOrigin = devUrl ? new URL(devUrl).origin : APP_ORIGIN;

// Tests and portable setups isolate the profile: userData follows PACKWRIGHT_DATA_DIR.
if (process.env.PACKWRIGHT_DATA_DIR) app.setPath('userData', join(process.env.PACKWRIGHT_DATA_DIR, 'electron'));

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

const isOwnUrl = (url: string) => {
  try {
    const u = new URL(url);
    return (u.protocol === `${APP_SCHEME}:` ? `${u.protocol}//${u.host}` : u.origin) === appOrigin;
  } catch {
    return false;
  }
};

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  registerAppProtocol(protocol, rendererDir);
  app.on('web-contents-created', (_e, contents) => guardContents(contents, isOwnUrl));

  const services = createServices({ dataDir: resolveDataDir() });
  const trusted = new TrustedSenders([appOrigin]);
  let win: BrowserWindow | null = null;
  registerContractOnIpcMain(
    trusted,
    {
      services,
      shell: {
        kind: 'electron',
        pickFolder: async () => {
          const r = win
            ? await dialog.showOpenDialog(win, { properties: ['openDirectory'], title: 'Open a Python project' })
            : await dialog.showOpenDialog({ properties: ['openDirectory'], title: 'Open a Python project' });
          return r.canceled ? null : (r.filePaths[0] ?? null);
        },
      },
    },
    { warn: (m) => console.warn(m) },
  );

  win = new BrowserWindow(windowOptions(join(here, '..', 'preload')));
  trusted.add(win.webContents);
  win.once('ready-to-show', () => win?.show());
  await win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('window-all-closed', () => {
    services.dispose();
    app.quit();
  });
}

start().catch((err: unknown) => {
  console.error(`Packwright could not start: ${err instanceof Error ? err.message : String(err)}`);
  app.exit(1);
});
