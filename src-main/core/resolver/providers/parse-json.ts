/**
 * PEP 691 JSON project pages (`application/vnd.pypi.simple.v1+json`), with PEP 700 `size`,
 * `upload-time` and `versions`, PEP 714 `core-metadata` (falling back to the older
 * `dist-info-metadata`, and to the `data-dist-info-metadata` key PyPI once sent in JSON),
 * PEP 740 `provenance` and PEP 792 `project-status`. Unknown keys are ignored, as the spec
 * requires; a body that is not a JSON page at all is a typed MALFORMED_JSON error.
 */
import { checkApiVersion } from './api-version';
import { IndexError } from './errors';
import type { CoreMetadataRef, IndexFileEntry, ProjectPage, Yanked } from './model';
import { filenameOfUrl, resolveLink, toEntry } from './parse-common';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function hashesOf(v: unknown): Record<string, string> | null {
  if (!isObject(v)) return null;
  const out: Record<string, string> = {};
  for (const [k, h] of Object.entries(v)) {
    if (typeof h === 'string' && /^[0-9a-fA-F]+$/.test(h)) out[k.toLowerCase()] = h.toLowerCase();
  }
  return out;
}

function coreMetadataOf(file: Json, warnings: string[], filename: string): CoreMetadataRef {
  // PEP 714: `core-metadata` wins; older servers used `dist-info-metadata` (and PyPI briefly
  // `data-dist-info-metadata`).
  const key = ['core-metadata', 'dist-info-metadata', 'data-dist-info-metadata'].find((k) => k in file);
  if (key === undefined) return false;
  const v = file[key];
  if (v === true) return { hashes: {} };
  if (v === false || v === null) return false;
  const hashes = hashesOf(v);
  if (hashes) return { hashes };
  warnings.push(`${filename}: ignored ${key} of unexpected type`);
  return false;
}

function yankedOf(v: unknown): Yanked {
  // PEP 691: a boolean, or a string giving the reason (any string means yanked).
  if (v === true) return { reason: null };
  if (typeof v === 'string') return { reason: v.trim() === '' ? null : v };
  return false;
}

function statusOf(page: Json): { status: string; reason: string | null } {
  // PyPI puts project-status at the top level; the spec's example puts it in meta.
  const meta = isObject(page.meta) ? page.meta : {};
  const s = isObject(page['project-status']) ? page['project-status'] : isObject(meta['project-status']) ? meta['project-status'] : null;
  if (!s || typeof s.status !== 'string') return { status: 'active', reason: null };
  return { status: s.status, reason: typeof s.reason === 'string' ? s.reason : null };
}

/** Parse a PEP 691 project page for `project` (normalized). Throws IndexError. */
export function parseJsonProjectPage(body: Uint8Array | string, pageUrl: string, project: string): ProjectPage {
  let page: unknown;
  try {
    page = JSON.parse(typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (e) {
    throw new IndexError('MALFORMED_JSON', pageUrl, `Project page is not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(page) || !Array.isArray(page.files)) throw new IndexError('MALFORMED_JSON', pageUrl, 'Project page has no "files" list');
  const warnings: string[] = [];
  const meta = isObject(page.meta) ? page.meta : null;
  const apiVersion = meta && typeof meta['api-version'] === 'string' ? meta['api-version'] : null;
  if (!meta) warnings.push('Project page has no "meta"; assuming api-version 1.0');
  const versionWarning = checkApiVersion(apiVersion, pageUrl);
  if (versionWarning) warnings.push(versionWarning);
  const files: IndexFileEntry[] = [];
  for (const [i, raw] of page.files.entries()) {
    if (!isObject(raw) || typeof raw.filename !== 'string' || typeof raw.url !== 'string') {
      warnings.push(`skipped files[${i}]: needs "filename" and "url" strings`);
      continue;
    }
    const url = resolveLink(raw.url, pageUrl);
    if (!url) {
      warnings.push(`skipped ${raw.filename}: unusable URL ${JSON.stringify(raw.url)}`);
      continue;
    }
    if (filenameOfUrl(url) !== raw.filename) warnings.push(`${raw.filename}: URL ends in ${JSON.stringify(filenameOfUrl(url))}`);
    const hashes = hashesOf(raw.hashes);
    if (!hashes) warnings.push(`${raw.filename}: "hashes" is missing or not an object`);
    const size = typeof raw.size === 'number' && Number.isSafeInteger(raw.size) && raw.size >= 0 ? raw.size : null;
    const entry = toEntry(
      {
        filename: raw.filename,
        url,
        hashes: hashes ?? {},
        requiresPython: typeof raw['requires-python'] === 'string' ? raw['requires-python'] : null,
        yanked: yankedOf(raw.yanked),
        coreMetadata: coreMetadataOf(raw, warnings, raw.filename),
        size,
        uploadTime: typeof raw['upload-time'] === 'string' ? raw['upload-time'] : null,
        provenance: typeof raw.provenance === 'string' ? raw.provenance : null,
      },
      project,
      warnings,
    );
    if (entry) files.push(entry);
  }
  const versions = Array.isArray(page.versions) ? page.versions.filter((v): v is string => typeof v === 'string') : null;
  if (typeof page.name === 'string' && page.name !== project && page.name.toLowerCase().replace(/[-_.]+/g, '-') !== project) {
    warnings.push(`page is for ${JSON.stringify(page.name)}, not ${project}`);
  }
  return { url: pageUrl, format: 'json', apiVersion: apiVersion ?? '1.0', name: project, files, versions, status: statusOf(page), warnings };
}
