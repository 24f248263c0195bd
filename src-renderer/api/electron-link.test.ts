import { describe, expect, it } from 'vitest';
import type { PreloadApi, StreamMessage } from '@contract';
import { ElectronLink } from './electron-link';

function fakePreload(): PreloadApi & { unsubscribed: number; push(m: StreamMessage): void } {
  let listener: ((m: StreamMessage) => void) | null = null;
  const api = {
    unsubscribed: 0,
    call: {
      'app.info': async () => ({ ok: true as const, value: { name: 'Packwright' } }),
      'project.open': async () => ({ ok: false as const, error: { code: 'NOT_FOUND', message: 'No folder', hint: 'Check it' } }),
    },
    subscribe: (_path: string, _input: unknown, cb: (m: StreamMessage) => void) => {
      listener = cb;
      return () => {
        api.unsubscribed++;
      };
    },
    push: (m: StreamMessage) => listener?.(m),
  };
  return api;
}

describe('ElectronLink', () => {
  it('unwraps ok envelopes and turns errors into coded errors', async () => {
    const link = new ElectronLink(fakePreload());
    expect(await link.call(['app', 'info'], undefined, { context: {} })).toEqual({ name: 'Packwright' });
    await expect(link.call(['project', 'open'], { folder: '/x' }, { context: {} })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'No folder', data: { hint: 'Check it' } });
    await expect(link.call(['nope'], undefined, { context: {} })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('streams events and unsubscribes at the end', async () => {
    const api = fakePreload();
    const link = new ElectronLink(api);
    const iter = (await link.call(['ops', 'events'], { opId: 'op-1' }, { context: {} })) as AsyncGenerator<unknown>;
    const first = iter.next();
    api.push({ kind: 'event', value: 1 });
    expect(await first).toEqual({ done: false, value: 1 });
    api.push({ kind: 'event', value: 2 });
    api.push({ kind: 'end' });
    expect(await iter.next()).toEqual({ done: false, value: 2 });
    expect((await iter.next()).done).toBe(true);
    expect(api.unsubscribed).toBe(1);
  });

  it('surfaces a stream error as a coded error', async () => {
    const api = fakePreload();
    const iter = (await new ElectronLink(api).call(['ops', 'events'], {}, { context: {} })) as AsyncGenerator<unknown>;
    const next = iter.next();
    api.push({ kind: 'error', error: { code: 'OPERATION_NOT_FOUND', message: 'gone' } });
    await expect(next).rejects.toMatchObject({ code: 'OPERATION_NOT_FOUND' });
  });
});
