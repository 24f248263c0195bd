/**
 * What the Electron preload exposes to the page: one function per procedure and a subscribe
 * function for streams, nothing generic (Electron security checklist §20, context isolation).
 *
 * Every reply is an envelope, because across IPC only an Error's message would survive.
 */
import type { AppErrorShape } from './errors';

export type IpcEnvelope = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: AppErrorShape };

export type StreamMessage =
  | { readonly kind: 'event'; readonly value: unknown }
  | { readonly kind: 'end' }
  | { readonly kind: 'error'; readonly error: AppErrorShape };

export interface PreloadApi {
  /** Keyed by procedure path (`project.open`); streams are not here. */
  readonly call: Readonly<Record<string, (input: unknown) => Promise<IpcEnvelope>>>;
  /** Streams only (`ops.events`); returns an unsubscribe function. */
  subscribe(path: string, input: unknown, onMessage: (msg: StreamMessage) => void): () => void;
}

/** IPC channel names, shared by the preload and the main-process adapter. */
export const IPC = {
  callPrefix: 'pw:call:',
  subscribe: 'pw:sub',
  unsubscribe: 'pw:unsub',
  streamMessage: 'pw:stream',
} as const;

/** The global the preload defines; absent in browser mode. */
export const PRELOAD_GLOBAL = 'packwright';
