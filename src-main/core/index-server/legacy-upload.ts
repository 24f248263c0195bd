/**
 * `POST /legacy/` — PyPI's legacy upload API (multipart, `:action=file_upload`), as twine uses it.
 *
 * Checks run in warehouse's order with its messages (reference index-apis.md §7): auth (A),
 * form (B), metadata (C), payload present (D), project and permission (E), then the file
 * (G1 name, G2 part type, G3 size, G4 digests, G5–G8 conflicts, G9–G11 archive, G12
 * attestations). Errors go in the reason phrase and the body. README rendering (F) is not
 * checked (no docutils/comrak in Node; see pep694-decisions.md). With a session-scoped token
 * the file goes into that PEP 694 session's stage instead of the public index.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { placeBlob, removeBlob } from './blobs';
import { nowIso } from './db';
import { blobPath, sha256Hex } from './digests';
import { validateDist } from './dist-validate';
import { abandonBody, megabytes, send, sendLegacyError } from './http-util';
import { canonicalizeVersion, normalizeName, normalizeRequiresPython } from './std';
import { checkFileConflicts, commitPublicUpload, fileExistsMessage, HELP, UploadRejection, type NewFile, type UploadTarget, type WritePolicy } from './store-write';
import type { IndexStore } from './store';
import { getSession, isLive, stagedByFilename, type SessionRow } from './staging-store';
import { tokenAllowsProject, type TokenInfo } from './tokens';
import { checkForm, checkMetadata, cleanFields, notAllowedMessage, releaseMetadataOf, tooSimilar } from './upload-checks';
import { parseUpload, type ParsedUpload } from './upload-form';

export interface UploadConfig {
  readonly maxFileSize: number;
  readonly maxProjectSize: number;
  readonly policy: WritePolicy;
}

const INVALID_AUTH = `Invalid or non-existent authentication information. See ${HELP}#invalid-auth for more information.`;
const FIELD_BUDGET = 8 * 1024 * 1024;

function checkFilename(filename: string, filetype: string): void {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(filename)) {
    throw new UploadRejection(400, 'Cannot upload a file with non-printable characters (ordinals 0-31) or the DEL character (ordinal 127) in the name.');
  }
  if (filename.includes('/') || filename.includes('\\')) throw new UploadRejection(400, "Cannot upload a file with '/' or '\\' in the name.");
  const m = /^.+?(\.(tar\.gz|zip|whl))$/i.exec(filename);
  if (!m) {
    throw new UploadRejection(
      400,
      'Invalid file extension: Use .tar.gz, .whl or .zip extension. See https://www.python.org/dev/peps/pep-0527 and https://peps.python.org/pep-0715/ for more information',
    );
  }
  const allowed: Record<string, string[]> = { sdist: ['.zip', '.tar.gz'], bdist_wheel: ['.whl'], bdist_egg: [] };
  if (!(allowed[filetype] ?? []).includes(m[1]!)) {
    throw new UploadRejection(400, `Invalid file extension: Extension ${m[1]} is invalid for filetype ${filetype}. See https://www.python.org/dev/peps/pep-0527 for more information.`);
  }
}

function projectSize(store: IndexStore, project: string): number {
  return (store.db.prepare('SELECT COALESCE(SUM(size), 0) AS s FROM files WHERE project = ?').get(project) as { s: number }).s;
}

/** Commit into a session's stage (legacy endpoint + session token). */
function commitStaged(store: IndexStore, s: SessionRow, target: UploadTarget, file: NewFile, policy: WritePolicy): 'stored' | 'identical' {
  let replaced: string | null = null;
  const outcome = store.db.transaction(() => {
    const existing = stagedByFilename(store, s.id, file.filename);
    if (existing && existing.sha256 === file.digests.sha256 && existing.status === 'completed') return 'identical' as const;
    const sameContent = store.db.prepare('SELECT filename FROM staged_files WHERE session_id = ? AND blake2_256 = ? AND filename != ?').get(s.id, file.digests.blake2_256, file.filename);
    if (sameContent) throw new UploadRejection(400, fileExistsMessage(file.filename, file.digests.blake2_256));
    if (checkFileConflicts(store, target, file, { ...policy, maxReleaseAgeDays: 0 }) === 'identical') return 'identical' as const;
    if (file.packagetype === 'sdist' && store.db.prepare("SELECT 1 FROM staged_files WHERE session_id = ? AND packagetype = 'sdist' AND filename != ?").get(s.id, file.filename)) {
      throw new UploadRejection(400, 'Only one sdist may be uploaded per release.');
    }
    if (existing) {
      replaced = existing.path;
      store.db.prepare('DELETE FROM staged_files WHERE id = ?').run(existing.id);
    }
    const path = blobPath(file.digests.blake2_256, file.filename);
    const id = `${Date.now().toString(16)}${Math.random().toString(16).slice(2, 10)}`;
    store.db
      .prepare(
        `INSERT INTO staged_files(id, session_id, filename, status, expires, packagetype, python_version, requires_python, size, md5, sha256, blake2_256,
         upload_time, path, metadata_sha256, core_metadata, release_metadata) VALUES (?, ?, ?, 'completed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        s.id,
        file.filename,
        s.expires,
        file.packagetype,
        file.pythonVersion,
        file.requiresPython,
        file.size,
        file.digests.md5,
        file.digests.sha256,
        file.digests.blake2_256,
        nowIso(),
        path,
        file.metadataSha256,
        file.coreMetadata,
        JSON.stringify(target.releaseMetadata),
      );
    placeBlob(store.layout, file.tmpPath, path);
    return 'stored' as const;
  }).immediate();
  if (replaced && replaced !== blobPath(file.digests.blake2_256, file.filename)) removeBlob(store.layout, replaced);
  store.changed([target.project]);
  return outcome;
}

/** Everything after the body was read; throws UploadRejection. */
async function runChecks(store: IndexStore, cfg: UploadConfig, token: TokenInfo, parsed: ParsedUpload, actionFromQuery: string | null): Promise<'stored' | 'identical'> {
  const fields = cleanFields(parsed.fields);
  const action = actionFromQuery ?? fields.get(':action')?.[0] ?? null;
  if (action !== 'file_upload') {
    if (action === 'submit' || action === 'submit_pkg_info') throw new UploadRejection(410, 'Project pre-registration is no longer required or supported, upload your files instead.');
    if (action === 'doc_upload') throw new UploadRejection(410, 'Uploading documentation is no longer supported, we recommend using https://readthedocs.org/.');
    // warehouse routes on `:action=file_upload`; anything else matches no view.
    throw new UploadRejection(404, 'Not Found');
  }
  checkForm(fields, parsed.fileFields);
  const meta = checkMetadata(fields);
  if (!parsed.content && !parsed.tooLarge) throw new UploadRejection(400, 'Upload payload does not have a file.');
  if (parsed.fieldTooLarge) throw new UploadRejection(400, 'A form field is too large.');
  const project = normalizeName(meta.name);
  const row = store.project(project);
  let session: SessionRow | null = null;
  if (token.sessionId) {
    session = getSession(store, token.sessionId);
    if (!session || !isLive(session) || session.project !== project) throw new UploadRejection(403, notAllowedMessage(row?.display_name ?? meta.name));
    if (canonicalizeVersion(meta.version) !== session.canonical_version) {
      throw new UploadRejection(400, `This token feeds the publishing session for ${session.display_name} ${session.version}; the upload is version ${meta.version.toString()}.`);
    }
  }
  if (!row && !session) {
    const others = store.db.prepare('SELECT name FROM projects').all() as { name: string }[];
    if (tooSimilar(meta.name, others.map((o) => o.name))) {
      throw new UploadRejection(400, `The name '${meta.name}' is too similar to an existing project. See ${HELP}#project-name for more information.`);
    }
  }
  if (!tokenAllowsProject(token, project) || (row && (row.status === 'archived' || row.status === 'quarantined'))) {
    throw new UploadRejection(403, notAllowedMessage(row?.display_name ?? meta.name));
  }
  const displayName = meta.name;
  const filetype = fields.get('filetype')![0]!;
  const filename = parsed.content?.filename ?? '';
  if (parsed.content || !parsed.tooLarge) checkFilename(filename, filetype);
  if (parsed.content && (!parsed.content.contentType || parsed.content.contentType.startsWith('image/'))) throw new UploadRejection(400, 'Invalid distribution file.');
  if (parsed.tooLarge) {
    throw new UploadRejection(
      400,
      `File too large. Limit for project '${row?.display_name ?? displayName}' is ${megabytes(cfg.maxFileSize)} MB. See https://docs.pypi.org/project-management/storage-limits#requesting-a-file-size-limit-increase for more information.`,
    );
  }
  const content = parsed.content!;
  if (content.size + projectSize(store, project) > cfg.maxProjectSize) {
    throw new UploadRejection(
      400,
      `Project size too large. Limit for project '${row?.display_name ?? displayName}' total size is ${Math.floor(cfg.maxProjectSize / 1024 ** 3)} GB. See https://docs.pypi.org/project-management/storage-limits#requesting-a-project-size-limit-increase`,
    );
  }
  const supplied: [string, string][] = [
    ['md5_digest', content.digests.md5],
    ['sha256_digest', content.digests.sha256],
    ['blake2_256_digest', content.digests.blake2_256],
  ];
  if (!supplied.every(([k, v]) => !fields.get(k) || fields.get(k)![0]!.toLowerCase() === v)) {
    throw new UploadRejection(400, 'The digest supplied does not match a digest calculated from the uploaded file.');
  }
  const version = meta.version.toString();
  const target: UploadTarget = { project, displayName, version, canonicalVersion: canonicalizeVersion(meta.version), releaseMetadata: releaseMetadataOf(meta.fields, version) };
  const packagetype = filetype === 'sdist' ? 'sdist' : 'bdist_wheel';
  const probe = { filename, digests: content.digests, packagetype } as const;
  if (!session && checkFileConflicts(store, target, probe, cfg.policy) === 'identical') return 'identical';
  const dist = await validateDist(
    { path: content.tmp.path, filename, filetype: packagetype, projectName: row?.display_name ?? displayName, metaName: meta.name, metaVersion: meta.version, licenseFiles: meta.fields.licenseFiles ?? [] },
    content.size,
  );
  if (fields.get('attestations')) {
    throw new UploadRejection(400, 'Invalid attestations supplied during upload: Attestations are only supported when using Trusted Publishing');
  }
  const coreMetadata = packagetype === 'bdist_wheel' ? dist.metadata : null;
  const file: NewFile = {
    filename,
    packagetype,
    pythonVersion: fields.get('pyversion')?.[0] ?? 'source',
    requiresPython: normalizeRequiresPython(meta.fields.requiresPython),
    size: content.size,
    digests: content.digests,
    tmpPath: content.tmp.path,
    coreMetadata,
    metadataSha256: coreMetadata ? sha256Hex(coreMetadata) : null,
    comment: fields.get('comment')?.[0] ?? null,
  };
  return session ? commitStaged(store, session, target, file, cfg.policy) : commitPublicUpload(store, target, file, cfg.policy);
}

/** Handle one legacy upload request. `token` is the verified API token, or null. */
export async function handleLegacyUpload(req: IncomingMessage, res: ServerResponse, store: IndexStore, cfg: UploadConfig, token: TokenInfo | null, query: URLSearchParams): Promise<void> {
  if (!token) {
    abandonBody(req, res);
    sendLegacyError(res, 403, INVALID_AUTH);
    return;
  }
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > cfg.maxFileSize + FIELD_BUDGET) {
    abandonBody(req, res, 0);
    sendLegacyError(res, 413, `Request body too large (limit ${megabytes(cfg.maxFileSize + FIELD_BUDGET)} MB).`);
    return;
  }
  let parsed: ParsedUpload | null = null;
  let answer: { status: number; message: string } | 'stored' | 'identical';
  try {
    if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) throw new UploadRejection(400, 'Upload payload does not have a file.');
    parsed = await parseUpload(req, store.layout, { maxFileSize: cfg.maxFileSize, maxFieldBytes: 4 * 1024 * 1024, maxFields: 1000 });
    if (parsed.tooLarge) abandonBody(req, res);
    answer = await runChecks(store, cfg, token, parsed, query.get(':action'));
  } catch (err) {
    if (!parsed) abandonBody(req, res);
    answer = err instanceof UploadRejection ? { status: err.status, message: err.message } : { status: 400, message: `Upload failed: ${(err as Error).message}` };
  }
  // The temp file is gone (moved into the store, or deleted) before the client hears back.
  if (parsed?.content) await parsed.content.tmp.discard();
  if (answer === 'stored' || answer === 'identical') send(res, 200, 'text/plain; charset=utf-8', answer === 'identical' ? 'OK (identical file already exists)\n' : 'OK\n');
  else if (!res.headersSent) sendLegacyError(res, answer.status, answer.message);
}
