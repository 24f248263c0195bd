/**
 * Find-links locations (pip's `--find-links`, uv's `--find-links`): a local folder of
 * distribution files, or an HTML page of links, searched for every project in addition to
 * the indexes. Files are matched to a project by their file name (wheel name, or an sdist
 * whose name part normalizes to the project).
 */
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { classifyFile } from './classify';
import { IndexError } from './errors';
import type { IndexClient } from './index-client';
import type { IndexFileEntry } from './model';
import { parseHtmlProjectPage } from './parse-html';

/** A find-links location as a URL (folders and paths become file:// URLs ending in `/`). */
export function findLinksUrl(location: string): string {
  if (/^(https?|file):/i.test(location)) return location;
  const path = isAbsolute(location) ? location : resolve(location);
  return pathToFileURL(path).href;
}

async function listFolder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile() || d.isSymbolicLink()).map((d) => d.name);
  } catch {
    return [];
  }
}

/** All links of one find-links location, unclassified: file name → URL. */
export class FindLinksLocation {
  private links: Promise<{ html: string | null; files: string[] }> | null = null;

  constructor(
    readonly url: string,
    private readonly client: IndexClient,
  ) {}

  private load(signal?: AbortSignal): Promise<{ html: string | null; files: string[] }> {
    this.links ??= (async () => {
      if (this.url.startsWith('file:')) {
        const path = fileURLToPath(this.url);
        const info = await stat(path).catch(() => null);
        if (info?.isDirectory()) return { html: null, files: await listFolder(path) };
      }
      const res = await this.client.fetcher.get(this.url, { maxBytes: this.client.limits.maxPageBytes, headers: { accept: 'text/html' }, variant: 'text/html', ...(signal ? { signal } : {}) });
      if (res.status !== 200) throw new IndexError(res.status === 404 ? 'NOT_FOUND' : 'HTTP_STATUS', this.url, `Find-links page answered HTTP ${res.status}`);
      return { html: res.body.toString('utf8'), files: [] };
    })();
    this.links.catch(() => {
      this.links = null;
    });
    return this.links;
  }

  /** The files of `project` (normalized) found here. */
  async filesFor(project: string, signal?: AbortSignal): Promise<IndexFileEntry[]> {
    const { html, files } = await this.load(signal);
    if (html !== null) return [...parseHtmlProjectPage(html, this.url, project).files].filter((f) => f.dist.kind !== 'other');
    const dir = fileURLToPath(this.url);
    const out: IndexFileEntry[] = [];
    for (const filename of files) {
      const { dist, version } = classifyFile(filename, project);
      if (dist.kind === 'other') continue;
      out.push({
        filename,
        url: pathToFileURL(join(dir, filename)).href,
        hashes: {},
        requiresPython: null,
        yanked: false,
        coreMetadata: false,
        size: null,
        uploadTime: null,
        provenance: null,
        dist,
        version,
      });
    }
    return out;
  }
}
