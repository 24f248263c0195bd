import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { ArchiveError } from './archive-error';
import { recordHash } from './record';
import { readSdist } from './sdist';
import { buildZip, demoWheelEntries } from './test-zip';
import { WheelError, readWheel, readWheelMetadata } from './wheel';

const hash = (d: Buffer): string => recordHash(d).slice('sha256='.length);
const wheel = buildZip(demoWheelEntries(hash, [{ name: 'demo/data.bin', data: Buffer.alloc(3000, 7) }]));

async function sdist(): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: unknown) => void chunks.push(c as Buffer));
  const done = new Promise<void>((r) => p.on('end', () => r()));
  p.entry({ name: 'demo-1.0/PKG-INFO' }, 'Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n');
  p.entry({ name: 'demo-1.0/setup.py' }, 'print(1)\n');
  p.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

/** Byte edits: overwrite, cut or insert at positions derived from the input length. */
const edits = fc.array(fc.tuple(fc.constantFrom('set', 'cut', 'insert'), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 });

function mutate(buf: Buffer, ops: readonly (readonly ['set' | 'cut' | 'insert', number, number])[]): Buffer {
  let b = Buffer.from(buf);
  for (const [op, at, byte] of ops) {
    const i = Math.min(b.length - 1, Math.floor(at * b.length));
    if (op === 'set') b[i] = byte;
    else if (op === 'cut') b = b.subarray(0, i);
    else b = Buffer.concat([b.subarray(0, i), Buffer.from([byte]), b.subarray(i)]);
    if (b.length === 0) break;
  }
  return b;
}

function typed(e: unknown): boolean {
  return e instanceof ArchiveError || e instanceof WheelError;
}

describe('archive readers on corrupted input (property)', () => {
  it('readWheel / readWheelMetadata: a result or a typed error, quickly', async () => {
    expect((await readWheel(wheel, { filename: 'demo-1.0-py3-none-any.whl' })).problems).toEqual([]);
    await fc.assert(
      fc.asyncProperty(edits, async (ops) => {
        const bytes = mutate(wheel, ops);
        const t0 = performance.now();
        for (const read of [() => readWheel(bytes, { filename: 'demo-1.0-py3-none-any.whl' }), () => readWheelMetadata(bytes)]) {
          try {
            await read();
          } catch (e) {
            if (!typed(e)) throw e;
          }
        }
        expect(performance.now() - t0).toBeLessThan(2000);
      }),
      { numRuns: 400 },
    );
  });

  it('readSdist: a result or a typed error, quickly', async () => {
    const base = await sdist();
    expect((await readSdist(base)).problems).toEqual([]);
    await fc.assert(
      fc.asyncProperty(edits, async (ops) => {
        const bytes = mutate(base, ops);
        try {
          await readSdist(bytes);
        } catch (e) {
          if (!(e instanceof ArchiveError)) throw e;
        }
      }),
      { numRuns: 400 },
    );
  });
});
