/**
 * Rendering of the Simple Repository API pages: PEP 503 HTML and PEP 691 JSON.
 *
 * HTML (PEP 503, 629, 592, 658/714, 700 via JSON only, 792): `pypi:repository-version` and
 * `pypi:project-status` meta tags, one anchor per file with `#sha256=` fragment,
 * `data-requires-python` (HTML-escaped), `data-yanked`, and both `data-dist-info-metadata` and
 * `data-core-metadata` (PEP 714 keeps the old name for older pips).
 * JSON (PEP 691, 700, 714, 740, 792): `meta.api-version`, `versions`, `size`, `upload-time`,
 * `core-metadata` ONLY — a `dist-info-metadata` dict crashes pip 23.0.1 (pypa/pip#12042).
 */
import { SIMPLE_API_VERSION, type IndexFile, type ProjectListEntry, type ProjectPage } from './model';

/** Escape text for HTML element content and double-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function fileHref(f: IndexFile): string {
  const sha = f.hashes.sha256;
  return sha ? `${f.url}#sha256=${sha}` : f.url;
}

function anchor(f: IndexFile): string {
  const attrs = [`href="${escapeHtml(fileHref(f))}"`];
  if (f.requiresPython) attrs.push(`data-requires-python="${escapeHtml(f.requiresPython)}"`);
  if (f.yanked !== false) attrs.push(f.yanked ? `data-yanked="${escapeHtml(f.yanked)}"` : 'data-yanked=""');
  if (f.metadataSha256) {
    attrs.push(`data-dist-info-metadata="sha256=${f.metadataSha256}"`, `data-core-metadata="sha256=${f.metadataSha256}"`);
  }
  return `    <a ${attrs.join(' ')}>${escapeHtml(f.filename)}</a><br />`;
}

function statusMeta(page: ProjectPage): string[] {
  const lines = [`    <meta name="pypi:project-status" content="${escapeHtml(page.status.status)}">`];
  if (page.status.reason) lines.push(`    <meta name="pypi:project-status-reason" content="${escapeHtml(page.status.reason)}">`);
  return lines;
}

/** PEP 503 project page. */
export function renderProjectHtml(page: ProjectPage): string {
  return [
    '<!DOCTYPE html>',
    '<html>',
    '  <head>',
    `    <meta name="pypi:repository-version" content="${SIMPLE_API_VERSION}">`,
    ...statusMeta(page),
    `    <title>Links for ${escapeHtml(page.name)}</title>`,
    '  </head>',
    '  <body>',
    `    <h1>Links for ${escapeHtml(page.name)}</h1>`,
    ...page.files.map(anchor),
    '  </body>',
    '</html>',
    `<!--SERIAL ${page.lastSerial}-->`,
    '',
  ].join('\n');
}

function fileJson(f: IndexFile): Record<string, unknown> {
  return {
    filename: f.filename,
    url: f.url,
    hashes: f.hashes,
    'requires-python': f.requiresPython,
    size: f.size,
    ...(f.uploadTime ? { 'upload-time': f.uploadTime } : {}),
    // PEP 592 in JSON: a reason string, or true when yanked without one.
    yanked: f.yanked === false ? false : f.yanked || true,
    'core-metadata': f.metadataSha256 ? { sha256: f.metadataSha256 } : false,
    provenance: null,
  };
}

/** PEP 691 project detail. */
export function renderProjectJson(page: ProjectPage): string {
  return JSON.stringify({
    meta: { 'api-version': SIMPLE_API_VERSION, '_last-serial': page.lastSerial },
    name: page.name,
    versions: page.versions,
    files: page.files.map(fileJson),
    // PyPI sends project-status at the top level (PEP 792 text); the PEP's example has it in meta.
    'project-status': page.status.reason ? { status: page.status.status, reason: page.status.reason } : { status: page.status.status },
  });
}

/** PEP 503 project list (hrefs relative to `/simple/`). */
export function renderIndexHtml(projects: readonly ProjectListEntry[], lastSerial: number): string {
  return [
    '<!DOCTYPE html>',
    '<html>',
    '  <head>',
    `    <meta name="pypi:repository-version" content="${SIMPLE_API_VERSION}">`,
    '    <title>Simple index</title>',
    '  </head>',
    '  <body>',
    ...projects.map((p) => `    <a href="${escapeHtml(p.name)}/">${escapeHtml(p.displayName)}</a><br />`),
    '  </body>',
    '</html>',
    `<!--SERIAL ${lastSerial}-->`,
    '',
  ].join('\n');
}

/** PEP 691 project list. */
export function renderIndexJson(projects: readonly ProjectListEntry[], lastSerial: number): string {
  return JSON.stringify({
    meta: { 'api-version': SIMPLE_API_VERSION, '_last-serial': lastSerial },
    projects: projects.map((p) => ({ name: p.displayName, '_last-serial': p.lastSerial })),
  });
}
