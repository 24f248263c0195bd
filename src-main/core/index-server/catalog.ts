/**
 * What the Simple API shows: hosted projects, plus (for a stage URL) one publishing session's
 * completed files, plus read-only mirrored trees — merged per project, hosted files first.
 *
 * A stage view is the complete index as it would look once the session is published (PEP 694
 * "stage": `pip install --index-url <stage>` must resolve dependencies too).
 */
import { blobPath } from './digests';
import type { MirrorSet } from './mirror';
import type { IndexFile, ProjectListEntry, ProjectPage, ProjectStatus } from './model';
import { compareVersions, tryParseVersion } from './std';
import type { IndexStore, StoredFile } from './store';
import { stagedFiles, type SessionRow, type StagedRow } from './staging-store';

/** URL of a stored blob relative to a `simple/<project>/` page. */
export function blobUrl(path: string): string {
  return `../../files/${path.split('/').map(encodeURIComponent).join('/')}`;
}

function hostedFile(f: StoredFile): IndexFile {
  return {
    filename: f.filename,
    url: blobUrl(f.path),
    hashes: { sha256: f.sha256 },
    requiresPython: f.requiresPython,
    size: f.size,
    uploadTime: f.uploadTime,
    yanked: f.yanked ? f.yankedReason ?? '' : false,
    metadataSha256: f.metadataSha256,
    version: f.version,
  };
}

function stagedIndexFile(f: StagedRow, version: string): IndexFile {
  return {
    filename: f.filename,
    url: blobUrl(f.path ?? blobPath(f.blake2_256 ?? '', f.filename)),
    hashes: { sha256: f.sha256 ?? '' },
    requiresPython: f.requires_python,
    size: f.size ?? 0,
    uploadTime: f.upload_time,
    yanked: false,
    metadataSha256: f.metadata_sha256,
    version,
  };
}

/** Sort PEP 440 versions ascending; unparsable ones last, by text. */
export function sortVersions(versions: Iterable<string>): string[] {
  const parsed = [...new Set(versions)].map((v) => ({ v, p: tryParseVersion(v) }));
  return parsed
    .sort((a, b) => (a.p && b.p ? compareVersions(a.p, b.p) : a.p ? -1 : b.p ? 1 : a.v < b.v ? -1 : a.v > b.v ? 1 : 0))
    .map((x) => x.v);
}

export class Catalog {
  constructor(
    readonly store: IndexStore,
    readonly mirror: MirrorSet | null,
  ) {}

  /** The project list (for a stage: including the session's project). */
  projectList(stage: SessionRow | null = null): ProjectListEntry[] {
    const byName = new Map<string, ProjectListEntry>();
    for (const p of this.store.listProjects()) byName.set(p.name, p);
    if (stage && !byName.has(stage.project) && stagedFiles(this.store, stage.id).some((f) => f.status === 'completed')) {
      byName.set(stage.project, { name: stage.project, displayName: stage.display_name, lastSerial: this.store.projectSerial(stage.project) });
    }
    if (this.mirror) {
      for (const [name, displayName] of this.mirror.projects()) if (!byName.has(name)) byName.set(name, { name, displayName, lastSerial: 0 });
    }
    return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** A project page, or null when the project has no files anywhere (404). */
  projectPage(name: string, stage: SessionRow | null = null): ProjectPage | null {
    const row = this.store.project(name);
    const files: IndexFile[] = this.store.files(name).map(hostedFile);
    const versions: string[] = row ? this.store.releases(name).map((r) => r.version) : [];
    if (stage && stage.project === name) {
      for (const f of stagedFiles(this.store, stage.id)) {
        if (f.status === 'completed' && !files.some((x) => x.filename === f.filename)) files.push(stagedIndexFile(f, stage.version));
      }
      if (files.some((f) => f.version === stage.version)) versions.push(stage.version);
    }
    if (this.mirror) {
      const seen = new Set(files.map((f) => f.filename));
      for (const f of this.mirror.files(name)) {
        if (seen.has(f.filename)) continue;
        files.push(f);
        if (f.version) versions.push(f.version);
      }
    }
    if (files.length === 0) return null;
    const displayName = row?.display_name ?? this.mirror?.projects().get(name) ?? stage?.display_name ?? name;
    const status: ProjectStatus = row
      ? { status: row.status as ProjectStatus['status'], ...(row.status_reason ? { reason: row.status_reason } : {}) }
      : { status: 'active' };
    return { name, displayName, versions: sortVersions(versions), files, status, lastSerial: this.store.projectSerial(name) };
  }
}
