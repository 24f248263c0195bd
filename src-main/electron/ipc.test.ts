/**
 * The IPC wiring with the electron module replaced: a recording ipcMain and fake WebContents.
 * Checks the sender refusal, the payload schema check and streams, on the real router.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC, PROCEDURES, STREAMS, type IpcEnvelope, type StreamMessage } from '../contract';
import { createServices } from '../core/services';
import { registerContract, type IpcMainLike } from './ipc';
import { TrustedSenders } from './trusted-senders';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

class FakeContents extends EventEmitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  constructor(readonly id: number) {
    super();
  }
  isDestroyed() {
    return false;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
    this.emit('sent');
  }
}

function setup() {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, fn: Handler) => handlers.set(channel, fn),
    on: (channel: string, fn: Handler) => listeners.set(channel, fn),
  } as unknown as IpcMainLike;
  const warnings: string[] = [];
  const trusted = new TrustedSenders(['app://packwright']);
  const services = createServices({ dataDir: mkdtempSync(join(tmpdir(), 'pw-ipc-')) });
  registerContract(ipcMain, trusted, { services, shell: { kind: 'electron', pickFolder: async () => '/picked' } }, { warn: (m) => warnings.push(m) });
  const own = new FakeContents(1);
  trusted.add(own);
  const frame = { url: 'app://packwright/index.html', parent: null };
  const invoke = (channel: string, input: unknown, sender: unknown = own, senderFrame: unknown = frame) =>
    handlers.get(channel)?.({ sender, senderFrame }, input) as Promise<IpcEnvelope>;
  return { handlers, listeners, warnings, own, frame, invoke, trusted };
}

describe('Electron IPC adapter', () => {
  it('registers one handler per non-stream procedure and nothing else', () => {
    const { handlers, listeners } = setup();
    expect([...handlers.keys()].sort()).toEqual(PROCEDURES.filter((p) => !(STREAMS as readonly string[]).includes(p)).map((p) => `${IPC.callPrefix}${p}`).sort());
    expect([...listeners.keys()].sort()).toEqual([IPC.subscribe, IPC.unsubscribe].sort());
  });

  it('answers a trusted sender', async () => {
    const { invoke } = setup();
    const reply = await invoke(`${IPC.callPrefix}app.info`, undefined);
    expect(reply).toMatchObject({ ok: true, value: { shell: 'electron', name: 'Packwright' } });
    expect(await invoke(`${IPC.callPrefix}project.pickFolder`, undefined)).toEqual({ ok: true, value: { folder: '/picked' } });
  });

  it('refuses a sender that is not the app window, a sub-frame, or a foreign origin', async () => {
    const { invoke, warnings, frame } = setup();
    const stranger = new FakeContents(99);
    expect(await invoke(`${IPC.callPrefix}app.info`, undefined, stranger)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invoke(`${IPC.callPrefix}app.info`, undefined, undefined, { ...frame, parent: {} })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invoke(`${IPC.callPrefix}app.info`, undefined, undefined, { url: 'https://evil.example/', parent: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(warnings).toHaveLength(3);
  });

  it('answers a payload failing its schema with the typed error, without calling core', async () => {
    const { invoke } = setup();
    const reply = await invoke(`${IPC.callPrefix}project.open`, { folder: 42 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('folder') } });
    expect((await invoke(`${IPC.callPrefix}fs.completeFolder`, { prefix: '/', limit: 10_000 })).ok).toBe(false);
  });

  it('carries core errors as envelopes', async () => {
    const { invoke } = setup();
    expect(await invoke(`${IPC.callPrefix}project.open`, { folder: '/no/such/pw' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('streams operation events to a trusted sender and refuses others', async () => {
    const { invoke, listeners, own, frame } = setup();
    const dir = mkdtempSync(join(tmpdir(), 'pw-ipc-proj-'));
    writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "s"\n');
    const started = await invoke(`${IPC.callPrefix}project.watch`, { folder: dir });
    if (!started.ok) throw new Error('watch failed');
    const { opId } = started.value as { opId: string };

    const stranger = new FakeContents(7);
    listeners.get(IPC.subscribe)?.({ sender: stranger, senderFrame: frame }, { subId: 'x1', path: 'ops.events', input: { opId } });
    listeners.get(IPC.subscribe)?.({ sender: own, senderFrame: frame }, { subId: 'a1', path: 'ops.events', input: { opId } });
    await new Promise<void>((resolve) => own.on('sent', () => own.sent.some((s) => (s.payload as { msg: StreamMessage }).msg.kind === 'event') && resolve()));
    await invoke(`${IPC.callPrefix}ops.cancel`, { opId });
    await new Promise<void>((resolve) => {
      const check = () => own.sent.some((s) => (s.payload as { msg: StreamMessage }).msg.kind === 'end') && resolve();
      own.on('sent', check);
      check();
    });
    expect(stranger.sent).toEqual([]);
    const kinds = own.sent.map((s) => (s.payload as { msg: StreamMessage }).msg.kind);
    expect(kinds.at(-1)).toBe('end');

    listeners.get(IPC.subscribe)?.({ sender: own, senderFrame: frame }, { subId: 'a2', path: 'app.info', input: {} });
    expect(own.sent.at(-1)?.payload).toMatchObject({ subId: 'a2', msg: { kind: 'error', error: { code: 'NOT_FOUND' } } });
  });

  it('drops a WebContents from the trusted set when destroyed', async () => {
    const { invoke, own } = setup();
    own.emit('destroyed');
    expect(await invoke(`${IPC.callPrefix}app.info`, undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
