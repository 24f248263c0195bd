import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectSummarySchema, type OpEvent, type ProjectSummary } from '../../contract';
import { OperationRegistry } from '../ops/registry';
import { watchProject } from './watch';

/** Wait for the next data event that satisfies `pred`. */
async function nextSummary(iter: AsyncIterator<OpEvent>, pred: (s: ProjectSummary) => boolean): Promise<ProjectSummary> {
  for (;;) {
    const r = await iter.next();
    if (r.done) throw new Error('stream ended');
    if (r.value.kind === 'data') {
      const s = ProjectSummarySchema.parse(r.value.payload);
      if (pred(s)) return s;
    }
  }
}

describe('watchProject', () => {
  it('emits the current summary, then each change (in place and by rename), until cancelled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-watch-'));
    const file = join(dir, 'pyproject.toml');
    writeFileSync(file, '[project]\nname = "one"\nversion = "1"\n');
    const reg = new OperationRegistry();
    const opId = reg.start('project.watch', 'w', (ctx) => watchProject(dir, ctx));
    const iter = reg.events(opId)[Symbol.asyncIterator]();
    expect((await nextSummary(iter, () => true)).name).toBe('one');

    const t0 = Date.now();
    writeFileSync(file, '[project]\nname = "two"\nversion = "2"\n');
    expect((await nextSummary(iter, (s) => s.name === 'two')).version).toBe('2');
    expect(Date.now() - t0).toBeLessThan(1000);

    writeFileSync(join(dir, 'tmp.toml'), '[project\n');
    renameSync(join(dir, 'tmp.toml'), file);
    expect((await nextSummary(iter, (s) => s.status === 'invalid-toml')).tomlError?.line).toBe(1);

    reg.cancel(opId);
    let last: OpEvent | undefined;
    for (let r = await iter.next(); !r.done; r = await iter.next()) last = r.value;
    expect(last).toMatchObject({ kind: 'done', cancelled: true });
  });

  it('fails with a typed error when the folder does not exist', async () => {
    const reg = new OperationRegistry();
    const opId = reg.start('project.watch', 'w', (ctx) => watchProject('/no/such/folder/pw', ctx));
    const events: OpEvent[] = [];
    for await (const ev of reg.events(opId)) events.push(ev);
    expect(events.at(-1)).toMatchObject({ kind: 'error', error: { code: 'NOT_FOUND' } });
  });
});
