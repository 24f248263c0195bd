import { chmod, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { merge3 } from './merge3';
import { contentHash, loadFile, saveFile } from './save-file';

let dir = '';
let file = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-save-'));
  file = join(dir, 'pyproject.toml');
  await writeFile(file, '[project]\nname = "a"\nversion = "1"\n');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const leftovers = async () => (await readdir(dir)).filter((n) => n.endsWith('.tmp'));

describe('saveFile', () => {
  it('writes atomically, keeps the file mode and leaves no temporary file', async () => {
    await chmod(file, 0o640);
    const loaded = await loadFile(file);
    const r = await saveFile(file, '[project]\nname = "b"\nversion = "1"\n', { expectedHash: loaded.hash });
    expect(r.kind).toBe('saved');
    expect(await readFile(file, 'utf8')).toContain('name = "b"');
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect(r.kind === 'saved' && r.hash).toBe(contentHash('[project]\nname = "b"\nversion = "1"\n'));
    expect(await leftovers()).toEqual([]);
  });

  it('refuses with CONFLICT when the file changed on disk, and loses nothing', async () => {
    const loaded = await loadFile(file);
    const ours = loaded.text.replace('version = "1"', 'version = "2"');
    const theirs = `# edited elsewhere\n${loaded.text}`;
    await writeFile(file, theirs);
    const r = await saveFile(file, ours, { expectedHash: loaded.hash });
    expect(r.kind).toBe('CONFLICT');
    if (r.kind !== 'CONFLICT') return;
    expect(r.diskText).toBe(theirs);
    expect(await readFile(file, 'utf8')).toBe(theirs);
    expect(await leftovers()).toEqual([]);
    // Merge, then save against what is on disk now: both edits survive.
    const merged = merge3(loaded.text, ours, r.diskText ?? '');
    expect(merged.clean).toBe(true);
    const again = await saveFile(file, merged.text, { expectedHash: r.diskHash ?? '' });
    expect(again.kind).toBe('saved');
    expect(await readFile(file, 'utf8')).toBe('# edited elsewhere\n[project]\nname = "a"\nversion = "2"\n');
  });

  it('reports a deleted file as CONFLICT', async () => {
    const loaded = await loadFile(file);
    await rm(file);
    const r = await saveFile(file, 'x = 1\n', { expectedHash: loaded.hash });
    expect(r).toMatchObject({ kind: 'CONFLICT', diskText: null });
  });

  it('uses the modification time when no hash is given', async () => {
    const loaded = await loadFile(file);
    await writeFile(file, 'changed = true\n');
    const future = new Date(Date.now() + 5000);
    const { utimes } = await import('node:fs/promises');
    await utimes(file, future, future);
    expect((await saveFile(file, 'x = 1\n', { expectedMtimeMs: loaded.mtimeMs })).kind).toBe('CONFLICT');
  });

  it('creates a new file and writes through symlinks', async () => {
    const fresh = join(dir, 'new.toml');
    expect((await saveFile(fresh, 'a = 1\n')).kind).toBe('saved');
    const link = join(dir, 'link.toml');
    await symlink(file, link);
    await saveFile(link, 'b = 2\n');
    expect(await readFile(file, 'utf8')).toBe('b = 2\n');
    expect((await stat(link)).isFile()).toBe(true);
  });

  it('cleans up the temporary file when the write fails', async () => {
    const before = await readFile(file, 'utf8');
    await expect(saveFile(file, 'a = 1\n', { beforeRename: () => Promise.reject(new Error('disk full')) })).rejects.toThrow('disk full');
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await leftovers()).toEqual([]);
  });

  it('catches a change made while it was writing (last look before the rename)', async () => {
    const loaded = await loadFile(file);
    const r = await saveFile(file, 'ours = 1\n', { expectedHash: loaded.hash, beforeRename: () => writeFile(file, 'theirs = 1\n') });
    expect(r).toMatchObject({ kind: 'CONFLICT', diskText: 'theirs = 1\n' });
    expect(await readFile(file, 'utf8')).toBe('theirs = 1\n');
    expect(await leftovers()).toEqual([]);
  });
});
