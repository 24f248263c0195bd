import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeFolder } from './complete-folder';
import { RecentProjects } from './recents';
import { resolveDataDir } from '../paths/data-dir';
import { mkdirSync } from 'node:fs';

describe('recent projects', () => {
  it('keeps the most recent first, without duplicates, across instances', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-rec-'));
    const a = new RecentProjects(dir);
    await Promise.all([a.touch('/x', 'x'), a.touch('/y', 'y')]);
    await a.touch('/x', 'x2');
    const b = new RecentProjects(dir);
    expect((await b.list()).map((p) => [p.folder, p.name])).toEqual([['/x', 'x2'], ['/y', 'y']]);
    expect(await b.forget('/y')).toBe(true);
    expect(await b.forget('/y')).toBe(false);
  });

  it('survives a corrupt state file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-rec-'));
    writeFileSync(join(dir, 'recent-projects.json'), '{not json');
    expect(await new RecentProjects(dir).list()).toEqual([]);
  });
});

describe('data folder', () => {
  it('honours PACKWRIGHT_DATA_DIR, then XDG', () => {
    expect(resolveDataDir({ PACKWRIGHT_DATA_DIR: '/d' }, 'linux')).toBe('/d');
    expect(resolveDataDir({ HOME: '/h', XDG_DATA_HOME: '/x' }, 'linux')).toBe('/x/packwright');
    expect(resolveDataDir({ HOME: '/h' }, 'linux')).toBe('/h/.local/share/packwright');
  });
});

describe('folder completion', () => {
  it('lists matching sub-folders, hiding dot-folders unless asked', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pw-cmp-'));
    for (const d of ['alpha', 'alpine', 'beta', '.hidden']) mkdirSync(join(root, d));
    writeFileSync(join(root, 'alfile'), '');
    expect((await completeFolder(`${root}/al`, 10, '/')).entries).toEqual([join(root, 'alpha'), join(root, 'alpine')]);
    expect((await completeFolder(`${root}/`, 10, '/')).entries).toEqual([join(root, 'alpha'), join(root, 'alpine'), join(root, 'beta')]);
    expect((await completeFolder(`${root}/.h`, 10, '/')).entries).toEqual([join(root, '.hidden')]);
    expect((await completeFolder('/no/such/dir/x', 10, '/')).entries).toEqual([]);
  });
});
