/**
 * Folder completion for the browser-mode path field: list sub-directories matching a prefix.
 *
 * `/home/me/pro` lists `/home/me` for entries starting with `pro`; `/home/me/` lists all of it.
 * Hidden folders appear only when the typed fragment starts with a dot.
 */
import { readdir } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';

export interface FolderCompletion {
  readonly base: string;
  readonly entries: string[];
}

export async function completeFolder(prefix: string, limit: number, home: string): Promise<FolderCompletion> {
  let p = prefix.startsWith('~') ? join(home, prefix.slice(1)) : prefix;
  if (!isAbsolute(p)) p = resolve(home, p);
  const endsWithSep = /[/\\]$/.test(prefix);
  const base = endsWithSep ? p : resolve(p, '..');
  const fragment = endsWithSep ? '' : (p.split(/[/\\]/).pop() ?? '');
  let names: string[];
  try {
    const dirents = await readdir(base, { withFileTypes: true });
    names = dirents.filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return { base, entries: [] };
  }
  const lower = fragment.toLowerCase();
  const entries = names
    .filter((n) => (fragment.startsWith('.') || !n.startsWith('.')) && n.toLowerCase().startsWith(lower))
    .sort((a, b) => a.localeCompare(b))
    .slice(0, limit)
    .map((n) => join(base, n));
  return { base, entries };
}
