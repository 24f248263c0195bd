import { describe, expect, it } from 'vitest';
import type { OpEvent } from '../../contract';
import { OperationNotFoundError, OperationRegistry } from './registry';

async function collect(iter: AsyncIterable<OpEvent>): Promise<OpEvent[]> {
  const out: OpEvent[] = [];
  for await (const ev of iter) out.push(ev);
  return out;
}

describe('OperationRegistry', () => {
  it('streams progress, logs and data, then done with the result', async () => {
    const reg = new OperationRegistry();
    const opId = reg.start('project.watch', 't', async (ctx) => {
      ctx.progress('half', 0.5);
      ctx.log('hello');
      ctx.data({ n: 1 });
      return 42;
    });
    const events = await collect(reg.events(opId));
    expect(events.map((e) => e.kind)).toEqual(['progress', 'log', 'data', 'done']);
    expect(events.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    expect(events.at(-1)).toMatchObject({ kind: 'done', cancelled: false, result: 42 });
    expect(reg.list()[0]?.state).toBe('done');
  });

  it('cancelling is an outcome, not an error', async () => {
    const reg = new OperationRegistry();
    const opId = reg.start('project.watch', 't', (ctx) =>
      new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve())),
    );
    const pending = collect(reg.events(opId));
    await new Promise((r) => setTimeout(r, 10));
    expect(reg.cancel(opId)).toBe(true);
    const events = await pending;
    expect(events.at(-1)).toMatchObject({ kind: 'done', cancelled: true });
    expect(reg.cancel(opId)).toBe(false);
  });

  it('a failing operation ends with a typed error event', async () => {
    const reg = new OperationRegistry();
    const opId = reg.start('project.watch', 't', async () => {
      throw Object.assign(new Error('no such folder'), { code: 'NOT_FOUND' });
    });
    const events = await collect(reg.events(opId));
    expect(events).toEqual([{ opId, seq: 0, kind: 'error', error: { code: 'NOT_FOUND', message: 'no such folder' } }]);
  });

  it('a late subscriber replays from `after`', async () => {
    const reg = new OperationRegistry();
    const opId = reg.start('project.watch', 't', async (ctx) => {
      for (let i = 0; i < 5; i++) ctx.log(`line ${i}`);
    });
    await collect(reg.events(opId));
    const late = await collect(reg.events(opId, 2));
    expect(late.map((e) => e.seq)).toEqual([3, 4, 5]);
  });

  it('bounds the replay buffer', async () => {
    const reg = new OperationRegistry({ bufferSize: 10 });
    const opId = reg.start('project.watch', 't', async (ctx) => {
      for (let i = 0; i < 100; i++) ctx.log(`line ${i}`);
    });
    await collect(reg.events(opId));
    const replay = await collect(reg.events(opId));
    expect(replay).toHaveLength(10);
    expect(replay.at(-1)?.kind).toBe('done');
  });

  it('a subscriber that goes away stops its stream but not the operation', async () => {
    const reg = new OperationRegistry();
    const opId = reg.start('project.watch', 't', (ctx) =>
      new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve())),
    );
    const sub = new AbortController();
    const pending = collect(reg.events(opId, -1, sub.signal));
    sub.abort();
    expect(await pending).toEqual([]);
    expect(reg.list()[0]?.state).toBe('running');
    reg.cancelAll();
  });

  it('unknown ids are a typed error', async () => {
    const reg = new OperationRegistry();
    await expect(collect(reg.events('op-nope'))).rejects.toBeInstanceOf(OperationNotFoundError);
    expect(() => reg.cancel('op-nope')).toThrow(OperationNotFoundError);
  });
});
