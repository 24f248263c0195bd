/**
 * Read-only serving of existing PEP 503 file trees (such as the machine's local package index,
 * found with `discoverLocalIndexes()`), merged into the Simple API next to hosted projects.
 *
 * A tree is `<root>/simple/<project>/index.html` whose anchors point at files somewhere under
 * `<root>` (typically `../../files/x.whl#sha256=…`). Each tree is served under `/mirror/<i>/`,
 * and only regular files inside its root are ever served (no traversal, no symlink escape).
 * Mirrored files carry no PEP 658 metadata (see pep694-decisions.md, "Mirrored trees").
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IndexFile } from './model';
import { normalizeName, tryParseDistFilename } from './std';

export interface MirrorTree {
  readonly index: number;
  readonly simpleDir: string;
  /** Real path of the folder containing `simple/`: nothing outside it is served. */
  readonly rootDir: string;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeHtml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITY[e.toLowerCase()] ?? m;
  });
}

/** Anchors of a PEP 503 page: attributes (lower-case names, unescaped values) and text. */
export function parseAnchors(html: string): { attrs: Record<string, string | null>; text: string }[] {
  const out: { attrs: Record<string, string | null>; text: string }[] = [];
  const re = /<a\s([^>]*)>([\s\S]*?)<\/a\s*>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const attrs: Record<string, string | null> = {};
    const attrRe = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
    for (let a = attrRe.exec(m[1]!); a; a = attrRe.exec(m[1]!)) {
      const value = a[2] ?? a[3] ?? a[4];
      attrs[a[1]!.toLowerCase()] = value === undefined ? null : unescapeHtml(value);
    }
    out.push({ attrs, text: unescapeHtml(m[2]!.replace(/<[^>]*>/g, '')).trim() });
  }
  return out;
}

/** A set of read-only trees. */
export class MirrorSet {
  readonly trees: readonly MirrorTree[];
  private names: Map<string, string> | null = null;
  private readonly pages = new Map<string, IndexFile[]>();

  constructor(simpleDirs: readonly string[]) {
    this.trees = simpleDirs
      .filter((d) => existsSync(d) && statSync(d).isDirectory())
      .map((d, index) => ({ index, simpleDir: realpathSync(d), rootDir: realpathSync(dirname(d)) }));
  }

  /** Normalized name → display name, over all trees (first tree wins). */
  projects(): ReadonlyMap<string, string> {
    if (!this.names) {
      const names = new Map<string, string>();
      for (const t of this.trees) {
        for (const e of readdirSync(t.simpleDir, { withFileTypes: true })) {
          if (!e.isDirectory() || !existsSync(join(t.simpleDir, e.name, 'index.html'))) continue;
          const n = normalizeName(e.name);
          if (!names.has(n)) names.set(n, e.name);
        }
      }
      this.names = names;
    }
    return this.names;
  }

  /** Files listed for a project in every tree (cached; the trees are read-only). */
  files(name: string): IndexFile[] {
    const cached = this.pages.get(name);
    if (cached) return cached;
    const files: IndexFile[] = [];
    const seen = new Set<string>();
    for (const t of this.trees) {
      const page = join(t.simpleDir, name, 'index.html');
      if (!existsSync(page)) continue;
      const base = pathToFileURL(join(t.simpleDir, name) + '/');
      for (const { attrs, text } of parseAnchors(readFileSync(page, 'utf8'))) {
        const f = this.toFile(t, base, attrs, text);
        if (f && !seen.has(f.filename)) {
          seen.add(f.filename);
          files.push(f);
        }
      }
    }
    this.pages.set(name, files);
    return files;
  }

  private toFile(t: MirrorTree, base: URL, attrs: Record<string, string | null>, text: string): IndexFile | null {
    const href = attrs.href;
    if (!href) return null;
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      return null;
    }
    if (url.protocol !== 'file:') return null;
    const abs = this.resolve(t.index, relative(t.rootDir, fileURLToPath(new URL(url.pathname, 'file://'))).split(sep).join('/'));
    if (!abs) return null;
    const rel = relative(t.rootDir, abs).split(sep).join('/');
    const filename = decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf('/') + 1)) || text;
    const hashes: Record<string, string> = {};
    const frag = /^#([a-z0-9_]+)=([0-9a-f]+)$/i.exec(url.hash);
    if (frag) hashes[frag[1]!.toLowerCase()] = frag[2]!.toLowerCase();
    const st = statSync(abs);
    const yanked = 'data-yanked' in attrs ? attrs['data-yanked'] ?? '' : false;
    return {
      filename,
      url: `../../mirror/${t.index}/${rel.split('/').map(encodeURIComponent).join('/')}`,
      hashes,
      requiresPython: attrs['data-requires-python'] || null,
      size: st.size,
      uploadTime: st.mtime.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z'),
      yanked,
      metadataSha256: null,
      version: tryParseDistFilename(filename)?.version.toString() ?? null,
    };
  }

  /** Absolute path of `rel` inside tree `index`, or null (missing, not a file, or escaping the root). */
  resolve(index: number, rel: string): string | null {
    const t = this.trees[index];
    if (!t || rel.includes('\0')) return null;
    const parts = rel.split('/');
    if (parts.some((p) => p === '' || p === '.' || p === '..')) return null;
    const candidate = join(t.rootDir, ...parts);
    try {
      const real = realpathSync(candidate);
      const back = relative(t.rootDir, real);
      if (back === '' || back.startsWith('..') || back.split(sep).includes('..')) return null;
      return statSync(real).isFile() ? real : null;
    } catch {
      return null;
    }
  }
}
