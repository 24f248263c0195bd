/**
 * The contract over Electron IPC: one handler per procedure, each checking the sender frame
 * (trusted-senders.ts), then the payload against the procedure's zod schema, then calling the
 * same implementation the browser server uses. Replies are IpcEnvelopes; streams are pushed as
 * StreamMessages and end when the page unsubscribes or goes away.
 *
 * Only `import type` from electron here: unit tests run this with a replacement ipcMain.
 */
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { call } from '@orpc/server';
import type { AnyProcedure } from '@orpc/server';
import { z } from 'zod';
import { IPC, isStream, PROCEDURES, procedureAt, STREAMS, type IpcEnvelope, type StreamMessage } from '../contract';
import { toErrorShape } from '../contract/errors';
import { router, type ApiContext } from '../api/router';
import type { TrustedSenders } from './trusted-senders';
import { describeIssues } from '../api/validation';

export type IpcMainLike = Pick<IpcMain, 'handle' | 'on'>;
type AnyEvent = Pick<IpcMainInvokeEvent | IpcMainEvent, 'sender' | 'senderFrame'>;

export interface IpcLogger {
  warn(message: string): void;
}

const SubscribeSchema = z.object({ subId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/), path: z.string(), input: z.unknown() });
const UnsubscribeSchema = z.object({ subId: z.string() });

function lookup(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

/** Validate `input` against the contract's schema for `path`; a typed error envelope on failure. */
export async function checkInput(path: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: IpcEnvelope & { ok: false } }> {
  const proc = procedureAt(path) as { '~orpc'?: { inputSchema?: { '~standard': { validate(v: unknown): unknown } } } } | undefined;
  const schema = proc?.['~orpc']?.inputSchema;
  if (!schema) return { ok: true, value: input };
  const result = (await schema['~standard'].validate(input)) as { value?: unknown; issues?: readonly { message: string; path?: readonly unknown[] }[] };
  if (!result.issues) return { ok: true, value: result.value };
  const { message, details } = describeIssues(path, result.issues);
  return {
    ok: false,
    error: {
      ok: false,
      error: { code: 'BAD_REQUEST', message, details },
    },
  };
}

export function registerContract(ipcMain: IpcMainLike, trusted: TrustedSenders, context: ApiContext, log: IpcLogger): void {
  const refuse = (event: AnyEvent, what: string): IpcEnvelope | null => {
    const why = trusted.refusal(event.sender, event.senderFrame);
    if (!why) return null;
    log.warn(`IPC ${what} refused: ${why}`);
    return { ok: false, error: { code: 'FORBIDDEN', message: `IPC refused: ${why}` } };
  };

  for (const path of PROCEDURES) {
    if (isStream(path)) continue;
    ipcMain.handle(`${IPC.callPrefix}${path}`, async (event, input: unknown): Promise<IpcEnvelope> => {
      const refused = refuse(event, path);
      if (refused) return refused;
      const checked = await checkInput(path, input);
      if (!checked.ok) return checked.error;
      try {
        const value = await call(lookup(router, path) as AnyProcedure, checked.value, { context });
        return { ok: true, value };
      } catch (err) {
        return { ok: false, error: toErrorShape(err) };
      }
    });
  }

  const subscriptions = new Map<string, AbortController>();
  ipcMain.on(IPC.subscribe, (event, raw: unknown) => {
    const send = (subId: string, msg: StreamMessage) => {
      if (!event.sender.isDestroyed()) event.sender.send(IPC.streamMessage, { subId, msg });
    };
    const parsed = SubscribeSchema.safeParse(raw);
    if (refuse(event, 'subscribe') || !parsed.success) return;
    const { subId, path, input } = parsed.data;
    if (!(STREAMS as readonly string[]).includes(path)) {
      send(subId, { kind: 'error', error: { code: 'NOT_FOUND', message: `${path} is not a stream` } });
      return;
    }
    const key = `${event.sender.id}:${subId}`;
    const controller = new AbortController();
    subscriptions.get(key)?.abort();
    subscriptions.set(key, controller);
    event.sender.once('destroyed', () => controller.abort());
    void (async () => {
      const checked = await checkInput(path, input);
      if (!checked.ok) return send(subId, { kind: 'error', error: checked.error.error });
      try {
        const iter = (await call(lookup(router, path) as AnyProcedure, checked.value, { context, signal: controller.signal })) as AsyncIterable<unknown>;
        for await (const value of iter) {
          if (controller.signal.aborted) break;
          send(subId, { kind: 'event', value });
        }
        send(subId, { kind: 'end' });
      } catch (err) {
        if (!controller.signal.aborted) send(subId, { kind: 'error', error: toErrorShape(err) });
      } finally {
        if (subscriptions.get(key) === controller) subscriptions.delete(key);
      }
    })();
  });
  ipcMain.on(IPC.unsubscribe, (event, raw: unknown) => {
    const parsed = UnsubscribeSchema.safeParse(raw);
    if (refuse(event, 'unsubscribe') || !parsed.success) return;
    subscriptions.get(`${event.sender.id}:${parsed.data.subId}`)?.abort();
  });
}
