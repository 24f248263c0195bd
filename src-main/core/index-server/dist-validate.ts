/**
 * Archive checks on an uploaded distribution, in warehouse's order (reference §7 G 9–11):
 * G9 "Invalid distribution file. <msg>" (zip/tar sanity, compression ratio, WHEEL / PKG-INFO
 * present, ZIP framing), G10 sdist filename rules (PEP 625), G11 wheel filename rules (PEP 427,
 * platform tags), License-File presence, RECORD and METADATA present. Returns the wheel's
 * METADATA bytes (PEP 658) or the sdist's PKG-INFO.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { ArchiveError } from '../standards/dist/archive-error';
import { ZipArchive } from '../standards/dist/zip';
import { isPypiPlatformTag, normalizeName, parseSdistFilename, parseWheelFilename, type Version } from './std';
import { UploadRejection } from './store-write';
import { RandomAccess, readCentralDirectory, validateZipFraming, ZipFormatError } from './zip-checks';

const RATIO_MIN = 64 * 1024 * 1024;
const RATIO = 50;
const MAX_MEMBER = 16 * 1024 * 1024;

export interface DistInput {
  readonly path: string;
  readonly filename: string;
  readonly filetype: 'sdist' | 'bdist_wheel';
  /** Display name of the project (as stored). */
  readonly projectName: string;
  /** Metadata Name and Version of the upload. */
  readonly metaName: string;
  readonly metaVersion: Version;
  readonly licenseFiles: readonly string[];
}

export interface DistResult {
  /** METADATA of a wheel (served as PEP 658 `<file>.metadata`), PKG-INFO of an sdist. */
  readonly metadata: Buffer | null;
}

const invalid = (msg: string | null) => new UploadRejection(400, `Invalid distribution file. ${msg ?? 'None'}`);

/** Python's os.path.commonprefix: the longest common character prefix. */
function commonPrefix(names: readonly string[]): string {
  if (!names.length) return '';
  let p = names[0]!;
  for (const n of names) while (!n.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function joinPath(a: string, b: string): string {
  return a === '' || a.endsWith('/') ? `${a}${b}` : `${a}/${b}`;
}

async function zipChecks(input: DistInput): Promise<void> {
  const ra = await RandomAccess.open(input.path);
  try {
    let entries;
    try {
      entries = await readCentralDirectory(ra);
    } catch (err) {
      if (err instanceof ZipFormatError) throw invalid(err.message === 'File is not a zip file' ? 'File is not a zipfile' : null);
      throw err;
    }
    const unpacked = entries.reduce((s, e) => s + e.size, 0);
    if (unpacked > RATIO_MIN && unpacked / Math.max(ra.size, 1) > RATIO) throw invalid(`File exceeds compression ratio of ${RATIO}`);
    if (entries.some((e) => e.method !== 0 && e.method !== 8)) throw invalid('File does not use a supported compression type');
    const names = entries.map((e) => e.name);
    if (input.filename.endsWith('.zip')) {
      const top = commonPrefix(names);
      if (['.', '/', ''].includes(top)) throw invalid('Incorrect number of top-level directories in sdist');
      if (!names.includes(joinPath(top, 'PKG-INFO'))) throw invalid(`PKG-INFO not found at ${joinPath(top, 'PKG-INFO')}`);
    } else {
      const parts = input.filename.split('-');
      if (parts.length < 3) throw invalid('Unable to parse name and version from wheel filename');
      const target = `${parts[0]}-${parts[1]}.dist-info/WHEEL`;
      if (!names.includes(target)) throw invalid(`WHEEL not found at ${target}`);
    }
    const framing = await validateZipFraming(ra, entries);
    if (framing) throw invalid(`ZIP archive not accepted: ${framing}. See https://docs.pypi.org/archives for more information`);
  } finally {
    await ra.close();
  }
}

/** Read a .tar.gz: member names and the PKG-INFO candidates (`<top>/PKG-INFO`). */
async function readTarGz(path: string, compressedSize: number): Promise<{ names: string[]; pkgInfo: Map<string, Buffer> } | { error: string | null }> {
  const head = await RandomAccess.open(path).then(async (ra) => {
    const b = await ra.read(0, 512 + 2);
    await ra.close();
    return b;
  });
  if (!(head[0] === 0x1f && head[1] === 0x8b)) {
    // tarfile.is_tarfile accepts an uncompressed tar; "r:gz" then fails without a message.
    return { error: head.length >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar' ? null : 'File is not a tarfile' };
  }
  return new Promise((resolve) => {
    const names: string[] = [];
    const pkgInfo = new Map<string, Buffer>();
    let unpacked = 0;
    let done = false;
    const finish = (v: { names: string[]; pkgInfo: Map<string, Buffer> } | { error: string | null }) => {
      if (done) return;
      done = true;
      src.destroy();
      resolve(v);
    };
    const src = createReadStream(path);
    const gunzip = createGunzip();
    const extract = tar.extract();
    extract.on('entry', (header, stream, next) => {
      names.push(header.name.replace(/\/$/, ''));
      const chunks: Buffer[] = [];
      let keep = /^[^/]+\/PKG-INFO$/.test(header.name) && (header.size ?? 0) <= MAX_MEMBER;
      stream.on('data', (c: unknown) => {
        if (keep) chunks.push(c as Buffer);
      });
      stream.on('end', () => {
        if (keep) pkgInfo.set(header.name, Buffer.concat(chunks));
        keep = false;
        next();
      });
    });
    gunzip.on('data', (c: Buffer) => {
      unpacked += c.length;
      // Not a PyPI rule for tar (warehouse leaves a TODO): the zip rule guards against bombs.
      if (unpacked > RATIO_MIN && unpacked / Math.max(compressedSize, 1) > RATIO) finish({ error: `File exceeds compression ratio of ${RATIO}` });
    });
    extract.on('finish', () => finish({ names, pkgInfo }));
    extract.on('error', () => finish({ error: null }));
    gunzip.on('error', () => finish({ error: null }));
    src.on('error', () => finish({ error: null }));
    src.pipe(gunzip).pipe(extract);
  });
}

async function readWheelMember(path: string, name: string): Promise<Buffer | null> {
  const zip = await ZipArchive.open(path);
  try {
    const e = zip.get(name);
    return e ? await zip.read(e, MAX_MEMBER) : null;
  } finally {
    await zip.close();
  }
}

/** Run G9–G11 on the stored temp file; throws UploadRejection(400). */
export async function validateDist(input: DistInput, size: number): Promise<DistResult> {
  const normalized = normalizeName(input.projectName);
  const underscored = normalized.replace(/-/g, '_');
  let pkgInfo: Buffer | null = null;
  if (input.filename.endsWith('.whl') || input.filename.endsWith('.zip')) {
    await zipChecks(input);
  } else if (input.filename.endsWith('.tar.gz')) {
    const r = await readTarGz(input.path, size);
    if ('error' in r) throw invalid(r.error);
    const top = commonPrefix(r.names);
    if (['.', '/', ''].includes(top)) throw invalid('Incorrect number of top-level directories in sdist');
    pkgInfo = r.pkgInfo.get(joinPath(top, 'PKG-INFO')) ?? null;
    if (!r.names.includes(joinPath(top, 'PKG-INFO'))) throw invalid(`PKG-INFO not found at ${joinPath(top, 'PKG-INFO')}`);
    for (const lf of input.licenseFiles) {
      if (!r.names.includes(joinPath(top, lf))) {
        throw new UploadRejection(400, `License-File ${lf} does not exist in distribution file ${input.filename} at ${joinPath(top, lf)}`);
      }
    }
  }
  if (input.filetype === 'sdist') {
    let parsed;
    try {
      parsed = parseSdistFilename(input.filename);
    } catch {
      throw new UploadRejection(400, `Invalid source distribution filename: ${input.filename}`);
    }
    if (parsed.name !== normalized) throw new UploadRejection(400, `Start filename for '${input.projectName}' with '${underscored}'.`);
    // PEP 625: `{normalized name with _}-{version}.tar.gz`.
    const expected = `${underscored}-${input.metaVersion.toString()}.tar.gz`;
    if (input.filename !== expected) throw new UploadRejection(400, `Filename '${input.filename}' is invalid, should be '${expected}'.`);
    return { metadata: pkgInfo };
  }
  let wheel;
  try {
    wheel = parseWheelFilename(input.filename);
  } catch (err) {
    throw new UploadRejection(400, (err as Error).message);
  }
  for (const plat of wheel.platforms) {
    if (!isPypiPlatformTag(plat)) throw new UploadRejection(400, `Binary wheel '${input.filename}' has an unsupported platform tag '${plat}'.`);
  }
  const canonical = normalizeName(input.metaName);
  if (canonical !== wheel.name) throw new UploadRejection(400, `Start filename for '${input.projectName}' with '${canonical.replace(/-/g, '_')}'.`);
  const nameFromFile = input.filename.split('-')[0]!;
  if (nameFromFile !== underscored) {
    throw new UploadRejection(400, `Filename '${input.filename}' should contain the normalized project name '${underscored}', not '${nameFromFile}'.`);
  }
  if (input.metaVersion.toString() !== wheel.version.toString()) {
    throw new UploadRejection(400, `Version in filename should be '${input.metaVersion.toString()}' not '${wheel.version.toString()}'.`);
  }
  const [name, version] = input.filename.split('-') as [string, string];
  const distInfo = `${name}-${version}.dist-info`;
  try {
    const zip = await ZipArchive.open(input.path);
    try {
      for (const lf of input.licenseFiles) {
        if (!zip.get(`${distInfo}/licenses/${lf}`)) {
          throw new UploadRejection(400, `License-File ${lf} does not exist in distribution file ${input.filename} at ${distInfo}/licenses/${lf}`);
        }
      }
      if (!zip.get(`${distInfo}/RECORD`)) throw new UploadRejection(400, `Wheel '${input.filename}' does not contain the required RECORD file: ${distInfo}/RECORD`);
    } finally {
      await zip.close();
    }
    const metadata = await readWheelMember(input.path, `${distInfo}/METADATA`);
    if (!metadata) throw new UploadRejection(400, `Wheel '${input.filename}' does not contain the required METADATA file: ${distInfo}/METADATA`);
    // warehouse writes `<file>.metadata` next to the file; a name the filesystem refuses fails there.
    if (Buffer.byteLength(`${input.filename}.metadata`) > 255) throw new UploadRejection(400, `Filename is too long: '${input.filename}'`);
    return { metadata };
  } catch (err) {
    if (err instanceof ArchiveError) throw invalid(err.message);
    throw err;
  }
}
