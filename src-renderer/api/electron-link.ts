/**
 * oRPC link over the Electron preload: unwraps IPC envelopes into results or ORPCErrors, and
 * turns stream messages into an async iterator that unsubscribes when the consumer stops.
 */
import { ORPCError } from '@orpc/client';
import type { ClientLink, ClientOptions } from '@orpc/client';
import { isStream, type PreloadApi, type StreamMessage } from '@contract';

function fail(error: { code: string; message: string; details?: unknown; hint?: string }): never {
  throw new ORPCError(error.code, { message: error.message, data: { details: error.details, hint: error.hint } });
}

async function* streamOf(api: PreloadApi, path: string, input: unknown, signal?: AbortSignal): AsyncGenerator<unknown> {
  const queue: StreamMessage[] = [];
  let wake: (() => void) | null = null;
  const unsubscribe = api.subscribe(path, input, (msg) => {
    queue.push(msg);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  try {
    for (;;) {
      const msg = queue.shift();
      if (msg === undefined) {
        if (signal?.aborted) return;
        await new Promise<void>((r) => (wake = r));
        continue;
      }
      if (msg.kind === 'end') return;
      if (msg.kind === 'error') fail(msg.error);
      yield msg.value;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    unsubscribe();
  }
}

export class ElectronLink implements ClientLink<Record<never, never>> {
  constructor(private readonly api: PreloadApi) {}

  async call(path: readonly string[], input: unknown, options: ClientOptions<Record<never, never>>): Promise<unknown> {
    const key = path.join('.');
    if (isStream(key)) return streamOf(this.api, key, input, options.signal);
    const fn = this.api.call[key];
    if (!fn) fail({ code: 'NOT_FOUND', message: `Unknown procedure ${key}` });
    const reply = await fn(input);
    if (reply.ok) return reply.value;
    return fail(reply.error);
  }
}
