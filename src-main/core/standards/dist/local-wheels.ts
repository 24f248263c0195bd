/**
 * The distribution files of the machine's local PEP 503 index (for integration tests and
 * benches): every file linked from every project page, resolved to a path, de-duplicated.
 */
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { discoverLocalIndexes } from '../../local-index/discover';

export interface LocalDistFile {
  readonly path: string;
  readonly filename: string;
  /** The project folder (normalized name) that links it. */
  readonly project: string;
}

/** All files linked from the local indexes' project pages; empty when there is no local index. */
export async function listLocalIndexFiles(env: NodeJS.ProcessEnv = process.env): Promise<LocalDistFile[]> {
  const out = new Map<string, LocalDistFile>();
  for (const { simpleDir } of await discoverLocalIndexes(env)) {
    for (const project of readdirSync(simpleDir)) {
      const page = join(simpleDir, project, 'index.html');
      if (!existsSync(page)) continue;
      const html = readFileSync(page, 'utf8');
      for (const m of html.matchAll(/<a\s[^>]*href="([^"#]+)(?:#[^"]*)?"[^>]*>/gi)) {
        const href = decodeURIComponent((m[1] as string).replace(/&amp;/g, '&'));
        if (/^[a-z]+:/i.test(href)) continue; // only files inside the index
        const path = resolve(dirname(page), href);
        if (!existsSync(path)) continue;
        const real = realpathSync(path);
        if (!out.has(real)) out.set(real, { path: real, filename: real.slice(real.lastIndexOf('/') + 1), project });
      }
    }
  }
  return [...out.values()].sort((a, b) => a.filename.localeCompare(b.filename));
}
