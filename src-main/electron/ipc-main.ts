/**
 * Binds the IPC adapter to Electron's real ipcMain. Kept apart from ipc.ts so unit tests can
 * load the adapter without the electron module.
 */
import { ipcMain } from 'electron';
import type { ApiContext } from '../api/router';
import { registerContract, type IpcLogger } from './ipc';
import type { TrustedSenders } from './trusted-senders';

export function registerContractOnIpcMain(trusted: TrustedSenders, context: ApiContext, log: IpcLogger): void {
  registerContract(ipcMain, trusted, context, log);
}
