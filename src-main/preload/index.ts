/**
 * The preload: exposes `window.packwright` with one function per contract procedure and a
 * subscribe function limited to the contract's streams. Nothing generic, no Electron objects
 * (Electron security checklist §20). Bundled to CommonJS because the window is sandboxed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC, PRELOAD_GLOBAL, type IpcEnvelope, type PreloadApi, type StreamMessage } from '../contract/preload-api';
import { PROCEDURES, STREAMS } from '../contract/procedures';

const call: Record<string, (input: unknown) => Promise<IpcEnvelope>> = {};
for (const path of PROCEDURES) {
  if ((STREAMS as readonly string[]).includes(path)) continue;
  const channel = `${IPC.callPrefix}${path}`;
  call[path] = (input: unknown) => ipcRenderer.invoke(channel, input) as Promise<IpcEnvelope>;
}

const listeners = new Map<string, (msg: StreamMessage) => void>();
ipcRenderer.on(IPC.streamMessage, (_event, payload: { subId: string; msg: StreamMessage }) => {
  listeners.get(payload.subId)?.(payload.msg);
});
let counter = 0;

const api: PreloadApi = {
  call: Object.freeze(call),
  subscribe(path, input, onMessage) {
    if (!(STREAMS as readonly string[]).includes(path)) throw new Error(`${path} is not a stream`);
    const subId = `s${++counter}`;
    listeners.set(subId, onMessage);
    ipcRenderer.send(IPC.subscribe, { subId, path, input });
    return () => {
      listeners.delete(subId);
      ipcRenderer.send(IPC.unsubscribe, { subId });
    };
  },
};

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, api);
