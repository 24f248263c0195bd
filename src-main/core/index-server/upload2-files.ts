/**
 * PEP 694 file upload sessions: start (declare filename, size, hashes, mechanism), send the bytes
 * with `http-post-bytes`, complete (validate like a legacy upload, using the file's own
 * METADATA / PKG-INFO), delete. A completed file is visible only through the stage URL.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTemp, placeBlob } from './blobs';
import { blobPath, MultiDigest, sha256Hex } from './digests';
import { validateDist } from './dist-validate';
import { parseCoreMetadata, validateCoreMetadata } from '../standards/metadata';
import { canonicalizeVersion, normalizeName, normalizeRequiresPython, tryParseDistFilename, tryParseVersion } from './std';
import type { IndexStore } from './store';
import { completeStaged, insertPending, publicConflict, removeStaged, stagedByFilename, stagedFile, type SessionRow, type StagedRow } from './staging-store';
import { UploadRejection } from './store-write';
import { releaseMetadataOf } from './upload-checks';
import { ApiProblem, fileBody, readRequest, sendV2, type Links } from './upload2-common';

const HASH_RE = /^[0-9a-f]+$/i;

/** POST links.upload: declare a file (202 + Retry-After with the file upload session). */
export async function startFile(req: IncomingMessage, res: ServerResponse, store: IndexStore, s: SessionRow, links: Links, maxFileSize: number): Promise<void> {
  const body = await readRequest(req);
  const filename = body.filename;
  const size = body.size;
  const hashes = body.hashes as Record<string, unknown> | undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (typeof filename !== 'string' || !filename || /[/\\\u0000-\u001f\u007f]/.test(filename)) {
    throw new ApiProblem(400, 'Invalid filename', 'filename must be a distribution file name.', [{ source: 'filename', message: 'missing or invalid' }]);
  }
  const parsed = tryParseDistFilename(filename);
  // PEP 694: the filename MUST follow the sdist or wheel naming specification.
  if (!parsed || !(filename.endsWith('.whl') || filename.endsWith('.tar.gz'))) {
    throw new ApiProblem(400, 'The artifact used an invalid file name format', `'${filename}' is not a valid wheel or sdist (.tar.gz) file name.`, [{ source: 'filename', message: 'invalid' }]);
  }
  if (parsed.name !== s.project || canonicalizeVersion(parsed.version) !== s.canonical_version) {
    throw new ApiProblem(400, 'File does not belong to this session', `'${filename}' is not a file of ${s.display_name} ${s.version}.`, [{ source: 'filename', message: 'project or version mismatch' }]);
  }
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) throw new ApiProblem(400, 'Invalid size', 'size must be a non-negative integer.', [{ source: 'size', message: 'invalid' }]);
  if (size > maxFileSize) throw new ApiProblem(409, 'File too large', `The limit is ${maxFileSize} bytes.`, [{ source: 'size', message: 'too large' }]);
  if (!hashes || typeof hashes !== 'object' || typeof hashes.sha256 !== 'string' || !HASH_RE.test(hashes.sha256)) {
    throw new ApiProblem(400, 'Invalid hashes', 'hashes must include a hex sha256 digest.', [{ source: 'hashes', message: 'sha256 required' }]);
  }
  if ((body.mechanism ?? 'http-post-bytes') !== 'http-post-bytes') {
    throw new ApiProblem(422, 'Unsupported mechanism', `Supported mechanisms: http-post-bytes.`, [{ source: 'mechanism', message: 'unsupported' }]);
  }
  const conflict = publicConflict(store, filename, null);
  if (conflict) throw new ApiProblem(409, 'File conflicts with the index', conflict, [{ source: 'filename', message: conflict }]);
  const existing = stagedByFilename(store, s.id, filename);
  if (existing?.status === 'pending' || existing?.status === 'processing') {
    throw new ApiProblem(409, 'File upload in progress', `'${filename}' already has an upload in progress; delete it first.`);
  }
  if (existing) removeStaged(store, existing);
  const row = insertPending(store, s, filename, size, Object.fromEntries(Object.entries(hashes).map(([k, v]) => [k, String(v).toLowerCase()])));
  sendV2(res, 202, fileBody(s, row, links), { 'Retry-After': 1, Location: links.file(s, row.id) });
}

/** POST mechanism.file_url: the file's bytes (`http-post-bytes`), streamed to disk. */
export async function receiveBytes(req: IncomingMessage, res: ServerResponse, store: IndexStore, s: SessionRow, f: StagedRow): Promise<void> {
  if (f.status !== 'pending') throw new ApiProblem(409, 'File is not pending', `The file is ${f.status}.`);
  const declared = f.declared_size ?? 0;
  const length = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
  if (length !== null && length !== declared) throw new ApiProblem(400, 'Size mismatch', `Content-Length ${length} differs from the declared size ${declared}.`);
  const tmp = await createTemp(store.layout);
  const digest = new MultiDigest();
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      digest.update(chunk);
      if (digest.size > declared) throw new ApiProblem(400, 'Size mismatch', `More than the declared ${declared} bytes were sent.`);
      await tmp.write(chunk);
    }
    if (digest.size !== declared) throw new ApiProblem(400, 'Size mismatch', `${digest.size} bytes received, ${declared} declared.`);
    await tmp.finish();
    const d = digest.digest();
    const path = blobPath(d.blake2_256, f.filename);
    store.db.transaction(() => {
      store.db.prepare('UPDATE staged_files SET size = ?, md5 = ?, sha256 = ?, blake2_256 = ?, path = ? WHERE id = ?').run(digest.size, d.md5, d.sha256, d.blake2_256, path, f.id);
      placeBlob(store.layout, tmp.path, path);
    }).immediate();
    sendV2(res, 201, { status: 'pending', size: digest.size });
  } finally {
    await tmp.discard();
  }
}

function fail(store: IndexStore, f: StagedRow, message: string, status = 400): never {
  store.db.prepare("UPDATE staged_files SET status = 'error', error = ? WHERE id = ?").run(message, f.id);
  store.db.prepare("UPDATE sessions SET status = 'error' WHERE id = ? AND status = 'open'").run(f.session_id);
  throw new ApiProblem(status, 'File upload failed', message, [{ source: f.filename, message }]);
}

/** POST links.complete: validate the received file; 201 when it is staged. */
export async function completeFile(res: ServerResponse, store: IndexStore, s: SessionRow, f: StagedRow, links: Links): Promise<void> {
  if (f.status === 'completed') return sendV2(res, 201, fileBody(s, f, links));
  if (f.status !== 'pending' && f.status !== 'error') throw new ApiProblem(409, 'File is not pending', `The file is ${f.status}.`);
  if (!f.path || f.size === null) fail(store, f, 'No bytes were received for this file.', 409);
  const declared = JSON.parse(f.declared_hashes ?? '{}') as Record<string, string>;
  const actual: Record<string, string> = { sha256: f.sha256 ?? '', md5: f.md5 ?? '', blake2b_256: f.blake2_256 ?? '' };
  for (const [k, v] of Object.entries(declared)) {
    if (k in actual && actual[k] !== v) fail(store, f, 'The digest supplied does not match a digest calculated from the uploaded file.');
  }
  const conflict = publicConflict(store, f.filename, f.blake2_256);
  if (conflict) fail(store, f, conflict, 409);
  if (store.db.prepare('SELECT 1 FROM staged_files WHERE session_id = ? AND blake2_256 = ? AND id != ? AND status = ?').get(s.id, f.blake2_256, f.id, 'completed')) {
    fail(store, f, `File already exists ('${f.filename}', with blake2_256 hash '${f.blake2_256}').`, 409);
  }
  const packagetype = f.filename.endsWith('.whl') ? 'bdist_wheel' : 'sdist';
  if (packagetype === 'sdist' && store.db.prepare("SELECT 1 FROM staged_files WHERE session_id = ? AND packagetype = 'sdist' AND status = 'completed' AND id != ?").get(s.id, f.id)) {
    fail(store, f, 'Only one sdist may be uploaded per release.', 409);
  }
  const abs = `${store.layout.filesDir}/${f.path}`;
  const parsedName = tryParseDistFilename(f.filename)!;
  let dist;
  try {
    dist = await validateDist(
      { path: abs, filename: f.filename, filetype: packagetype, projectName: s.display_name, metaName: parsedName.nameAsWritten, metaVersion: parsedName.version, licenseFiles: [] },
      f.size,
    );
  } catch (err) {
    if (err instanceof UploadRejection) fail(store, f, err.message);
    throw err;
  }
  if (!dist.metadata) fail(store, f, `${packagetype === 'sdist' ? 'PKG-INFO' : 'METADATA'} could not be read from ${f.filename}.`);
  const meta = parseCoreMetadata(dist.metadata);
  const problems = validateCoreMetadata(meta);
  if (problems.length) fail(store, f, `Invalid core metadata in ${f.filename}: ${problems[0]!.message}`);
  const version = tryParseVersion(meta.fields.version!)!;
  if (normalizeName(meta.fields.name!) !== s.project || canonicalizeVersion(version) !== s.canonical_version) {
    fail(store, f, `${f.filename} contains ${meta.fields.name} ${meta.fields.version}, not ${s.display_name} ${s.version}.`);
  }
  const coreMetadata = packagetype === 'bdist_wheel' ? dist.metadata : null;
  completeStaged(store, f.id, {
    filename: f.filename,
    packagetype,
    pythonVersion: packagetype === 'sdist' ? 'source' : f.filename.slice(0, -4).split('-').slice(-3)[0]!,
    requiresPython: normalizeRequiresPython(meta.fields.requiresPython),
    size: f.size,
    digests: { md5: f.md5!, sha256: f.sha256!, blake2_256: f.blake2_256! },
    path: f.path,
    coreMetadata,
    metadataSha256: coreMetadata ? sha256Hex(coreMetadata) : null,
    releaseMetadata: releaseMetadataOf(meta.fields, version.toString()),
  });
  sendV2(res, 201, fileBody(s, stagedFile(store, s.id, f.id)!, links));
}
