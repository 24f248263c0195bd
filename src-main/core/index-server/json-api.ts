/**
 * PyPI's JSON API (not standardized; reference index-apis.md §3): `/pypi/<project>/json` with the
 * latest release (non-yanked first, then non-prerelease, then highest version) and every release,
 * `/pypi/<project>/<version>/json` for one release. Key sets follow the pypi-json-* fixtures.
 */
import type { ReleaseMetadata, IndexStore, ReleaseRow, StoredFile } from './store';
import { canonicalizeVersion, compareVersions, tryParseVersion } from './std';

function fileJson(f: StoredFile, base: string): Record<string, unknown> {
  const [date] = f.uploadTime.split('.');
  return {
    comment_text: f.comment ?? '',
    ...(f.metadataSha256 ? { 'core-metadata': { sha256: f.metadataSha256 } } : {}),
    digests: { blake2b_256: f.blake2_256, md5: f.md5, sha256: f.sha256 },
    downloads: -1,
    filename: f.filename,
    has_sig: false,
    md5_digest: f.md5,
    packagetype: f.packagetype,
    python_version: f.pythonVersion,
    requires_python: f.requiresPython,
    size: f.size,
    upload_time: date,
    upload_time_iso_8601: f.uploadTime,
    url: `${base}/files/${f.path.split('/').map(encodeURIComponent).join('/')}`,
    yanked: f.yanked,
    yanked_reason: f.yanked ? f.yankedReason || null : null,
  };
}

function listOrNull<T>(v: readonly T[] | null | undefined): readonly T[] | null {
  return v && v.length ? v : null;
}

function info(release: ReleaseRow, displayName: string, base: string): Record<string, unknown> {
  const m = JSON.parse(release.metadata) as ReleaseMetadata;
  const urls = m.project_urls && Object.keys(m.project_urls).length ? m.project_urls : null;
  return {
    author: m.author ?? null,
    author_email: m.author_email ?? null,
    bugtrack_url: null,
    classifiers: m.classifiers ?? [],
    description: m.description ?? '',
    description_content_type: m.description_content_type ?? null,
    docs_url: null,
    download_url: m.download_url ?? null,
    downloads: { last_day: -1, last_month: -1, last_week: -1 },
    dynamic: listOrNull(m.dynamic),
    home_page: m.home_page ?? null,
    keywords: m.keywords ?? null,
    license: m.license ?? null,
    license_expression: m.license_expression ?? null,
    license_files: listOrNull(m.license_files),
    maintainer: m.maintainer ?? null,
    maintainer_email: m.maintainer_email ?? null,
    name: displayName,
    package_url: `${base}/project/${displayName}/`,
    platform: m.platform ?? null,
    project_url: `${base}/project/${displayName}/`,
    project_urls: urls,
    provides_extra: listOrNull(m.provides_extra),
    release_url: `${base}/project/${displayName}/${release.version}/`,
    requires_dist: listOrNull(m.requires_dist),
    requires_python: m.requires_python ?? null,
    summary: m.summary ?? null,
    version: release.version,
    yanked: release.yanked !== 0,
    yanked_reason: release.yanked ? release.yanked_reason || null : null,
  };
}

/** PyPI's "latest": non-yanked first, then non-prerelease, then the highest version. */
export function latestRelease(releases: readonly ReleaseRow[]): ReleaseRow | null {
  let best: ReleaseRow | null = null;
  const key = (r: ReleaseRow) => [r.yanked ? 0 : 1, tryParseVersion(r.version)?.isPrerelease ? 0 : 1] as const;
  for (const r of releases) {
    if (!best) {
      best = r;
      continue;
    }
    const [a, b] = [key(r), key(best)];
    if (a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : compareVersions(r.version, best.version) > 0) best = r;
  }
  return best;
}

/** The JSON document, or null for 404. `version` null = project endpoint. */
export function renderJsonApi(store: IndexStore, project: string, version: string | null, base: string): Record<string, unknown> | null {
  const row = store.project(project);
  if (!row) return null;
  const releases = store.releases(project);
  const files = store.files(project);
  const release = version === null ? latestRelease(releases) : (releases.find((r) => r.canonical_version === canonicalizeVersion(version)) ?? null);
  if (!release) return null;
  const doc: Record<string, unknown> = {
    info: info(release, row.display_name, base),
    last_serial: store.projectSerial(project),
  };
  if (version === null) {
    const byVersion: Record<string, unknown[]> = {};
    for (const r of [...releases].sort((a, b) => compareVersions(a.version, b.version))) byVersion[r.version] = [];
    for (const f of files) byVersion[f.version]?.push(fileJson(f, base));
    doc.releases = byVersion;
  }
  doc.urls = files.filter((f) => f.canonicalVersion === release.canonical_version).map((f) => fileJson(f, base));
  doc.vulnerabilities = [];
  doc.ownership = { organization: null, roles: [] };
  return doc;
}
