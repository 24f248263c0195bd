/**
 * PEP 503 HTML project pages (with PEP 592 `data-yanked`, PEP 629 `pypi:repository-version`,
 * PEP 658/714 `data-core-metadata` / `data-dist-info-metadata`, PEP 792 `pypi:project-status`).
 *
 * Links are resolved against `<base href>` when present (as pip does), else the page URL;
 * the file hash comes from the URL fragment; attribute values are HTML-unescaped
 * (`data-requires-python="&gt;=3.8"`).
 */
import { checkApiVersion } from './api-version';
import { IndexError } from './errors';
import { HtmlSyntaxError, elementText, scanTags } from './html-tokens';
import type { CoreMetadataRef, IndexFileEntry, ProjectPage, Yanked } from './model';
import { filenameOfUrl, parseHashPair, resolveLink, toEntry } from './parse-common';

const TAGS = new Set(['a', 'meta', 'base']);

/** PEP 658/714: any value means "metadata available"; `name=hex` also gives its hash. */
function coreMetadataOf(attrs: ReadonlyMap<string, string>): CoreMetadataRef {
  // PEP 714: prefer data-core-metadata, fall back to the older data-dist-info-metadata.
  const value = attrs.get('data-core-metadata') ?? attrs.get('data-dist-info-metadata');
  if (value === undefined) return false;
  const pair = parseHashPair(value);
  return { hashes: pair ? { [pair.name]: pair.hex } : {} };
}

function yankedOf(attrs: ReadonlyMap<string, string>): Yanked {
  const value = attrs.get('data-yanked');
  if (value === undefined) return false;
  return { reason: value.trim() === '' ? null : value };
}

/** Decode page bytes as UTF-8 (PEP 503 pages are UTF-8); invalid bytes are a malformed page. */
export function decodeHtml(body: Uint8Array, url: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    if (text.includes('\u0000')) throw new Error('NUL character');
    return text;
  } catch (e) {
    throw new IndexError('MALFORMED_HTML', url, `Project page is not UTF-8 HTML: ${(e as Error).message}`);
  }
}

/** Parse a PEP 503 project page for `project` (normalized). Throws IndexError. */
export function parseHtmlProjectPage(body: Uint8Array | string, pageUrl: string, project: string): ProjectPage {
  const html = typeof body === 'string' ? body : decodeHtml(body, pageUrl);
  let tags;
  try {
    tags = scanTags(html, TAGS);
  } catch (e) {
    if (e instanceof HtmlSyntaxError) throw new IndexError('MALFORMED_HTML', pageUrl, `Malformed project page: ${e.message}`);
    throw e;
  }
  const warnings: string[] = [];
  let apiVersion: string | null = null;
  let status = 'active';
  let statusReason: string | null = null;
  let base = pageUrl;
  const files: IndexFileEntry[] = [];
  for (const tag of tags) {
    if (tag.name === 'meta') {
      const name = tag.attrs.get('name')?.toLowerCase();
      const content = tag.attrs.get('content') ?? '';
      if (name === 'pypi:repository-version') apiVersion = content;
      else if (name === 'pypi:project-status') status = content.trim() || 'active';
      else if (name === 'pypi:project-status-reason') statusReason = content;
      continue;
    }
    if (tag.name === 'base') {
      const href = tag.attrs.get('href');
      const resolved = href === undefined ? null : resolveLink(href, pageUrl);
      if (resolved) base = resolved.href;
      continue;
    }
    const href = tag.attrs.get('href');
    if (href === undefined) continue;
    const url = resolveLink(href, base);
    if (!url) {
      warnings.push(`skipped a link with an unusable URL: ${JSON.stringify(href)}`);
      continue;
    }
    const fragment = parseHashPair(decodeURIComponentSafe(url.hash.slice(1)));
    const filename = filenameOfUrl(url) || elementText(html, tag.end, 'a');
    const entry = toEntry(
      {
        filename,
        url,
        hashes: fragment ? { [fragment.name]: fragment.hex } : {},
        requiresPython: tag.attrs.get('data-requires-python') ?? null,
        yanked: yankedOf(tag.attrs),
        coreMetadata: coreMetadataOf(tag.attrs),
        size: null,
        uploadTime: null,
        provenance: tag.attrs.get('data-provenance') ?? null,
      },
      project,
      warnings,
    );
    if (entry) files.push(entry);
  }
  const warning = checkApiVersion(apiVersion, pageUrl);
  if (warning) warnings.unshift(warning);
  return { url: pageUrl, format: 'html', apiVersion: apiVersion?.trim() || '1.0', name: project, files, versions: null, status: { status, reason: statusReason }, warnings };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
