/**
 * Pieces shared by the HTML (PEP 503) and JSON (PEP 691) page parsers: link resolution,
 * hash fragments, file names from URLs, and turning one link into an IndexFileEntry.
 */
import { classifyFile } from './classify';
import type { CoreMetadataRef, IndexFileEntry, Yanked } from './model';

/** Hash names pip and uv accept in `#<name>=<hex>` fragments and `hashes` (hashlib names). */
const HEX = /^[0-9a-fA-F]+$/;

/** Parse `name=hex` (a PEP 503 fragment or a PEP 658 attribute value); null when not that shape. */
export function parseHashPair(text: string): { name: string; hex: string } | null {
  const eq = text.indexOf('=');
  if (eq <= 0) return null;
  const name = text.slice(0, eq).trim().toLowerCase();
  const hex = text.slice(eq + 1).trim();
  if (!/^[a-z0-9_]+$/.test(name) || !HEX.test(hex)) return null;
  return { name, hex: hex.toLowerCase() };
}

/** Resolve `href` against `base`; null when it is not a usable URL. */
export function resolveLink(href: string, base: string): URL | null {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'file:' ? url : null;
  } catch {
    return null;
  }
}

/** The file name a URL points at: its last path segment, percent-decoded (pip's Link.filename). */
export function filenameOfUrl(url: URL): string {
  const last = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The raw facts about one link, before classification. */
export interface RawLink {
  readonly filename: string;
  readonly url: URL;
  readonly hashes: Record<string, string>;
  readonly requiresPython: string | null;
  readonly yanked: Yanked;
  readonly coreMetadata: CoreMetadataRef;
  readonly size: number | null;
  readonly uploadTime: string | null;
  readonly provenance: string | null;
}

/** Classify a link for `project`; null (with a warning pushed) when it is not usable. */
export function toEntry(link: RawLink, project: string, warnings: string[]): IndexFileEntry | null {
  if (link.filename === '' || link.filename.includes('/')) {
    warnings.push(`skipped a link without a file name: ${link.url.href}`);
    return null;
  }
  const { dist, version, reason } = classifyFile(link.filename, project);
  if (reason) warnings.push(`skipped ${link.filename}: ${reason}`);
  if (dist.kind === 'other' && reason) return null;
  const href = link.url.href;
  const hash = href.indexOf('#');
  return {
    filename: link.filename,
    url: hash < 0 ? href : href.slice(0, hash),
    hashes: link.hashes,
    requiresPython: link.requiresPython === null || link.requiresPython.trim() === '' ? null : link.requiresPython.trim(),
    yanked: link.yanked,
    coreMetadata: link.coreMetadata,
    size: link.size,
    uploadTime: link.uploadTime,
    provenance: link.provenance,
    dist,
    version,
  };
}
