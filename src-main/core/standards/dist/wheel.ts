/**
 * Reading wheels (PEP 427, binary distribution format): the .dist-info directory, its WHEEL,
 * METADATA and RECORD files, and verification of every member against RECORD (hash and size;
 * members missing from RECORD; RECORD rows missing from the archive), as installers do.
 * https://packaging.python.org/en/latest/specifications/binary-distribution-format/
 */
import { basename } from 'node:path';
import { parseWheelFilename } from '../filenames';
import type { InvalidWheelFilenameError, WheelFilename } from '../filenames';
import { parseCoreMetadata } from '../metadata';
import type { ParsedCoreMetadata } from '../metadata';
import { normalizeName } from '../names';
import { tryParseVersion } from '../pep440';
import { tagKey } from '../tags';
import type { ArchiveLimits } from './archive-error';
import { parseRecord } from './record';
import type { RecordProblem, RecordRow } from './record';
import { verifyRecord } from './verify';
import { parseWheelFile } from './wheel-file';
import type { WheelFileInfo } from './wheel-file';
import { ZipArchive } from './zip';
import type { ZipEntry } from './zip';

export type WheelErrorCode = 'NO_DIST_INFO' | 'MULTIPLE_DIST_INFO' | 'NO_METADATA' | 'NO_WHEEL_FILE' | 'NO_RECORD' | 'UNSUPPORTED_WHEEL_VERSION';

/** A zip that is not a usable wheel (its container is fine; see ArchiveError for that). */
export class WheelError extends Error {
  override readonly name = 'WheelError';
  constructor(
    readonly code: WheelErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type WheelProblemCode = RecordProblem['code'] | 'DIST_INFO_MISMATCH' | 'NAME_MISMATCH' | 'VERSION_MISMATCH' | 'TAG_MISMATCH' | 'WHEEL_FILE' | 'NEWER_WHEEL_VERSION' | 'SYMLINK_ENTRY';

/** A non-fatal finding about a wheel. */
export interface WheelProblem {
  readonly code: WheelProblemCode;
  readonly message: string;
  readonly path?: string;
}

export interface ReadWheelOptions {
  /** File name for the name checks (default: the path's base name; required for buffers). */
  readonly filename?: string;
  /** Hash every member against RECORD (default true). */
  readonly verify?: boolean;
  readonly limits?: Partial<ArchiveLimits>;
  readonly signal?: AbortSignal;
}

/** Everything read from a wheel. */
export interface WheelContents {
  readonly filename: WheelFilename | null;
  readonly filenameError: InvalidWheelFilenameError | null;
  /** `name-1.0.dist-info`. */
  readonly distInfo: string;
  readonly wheel: WheelFileInfo;
  /** METADATA exactly as stored (served as PEP 658 `.metadata`). */
  readonly metadataBytes: Buffer;
  readonly metadata: ParsedCoreMetadata;
  readonly record: readonly RecordRow[];
  readonly entries: readonly ZipEntry[];
  /** Files hashed and bytes read, when verified. */
  readonly verified: { readonly files: number; readonly bytes: number } | null;
  readonly problems: readonly WheelProblem[];
}

function parseName(source: string | Buffer, filename?: string): { filename: WheelFilename | null; error: InvalidWheelFilenameError | null } {
  const name = filename ?? (typeof source === 'string' ? basename(source) : undefined);
  if (name === undefined) return { filename: null, error: null };
  try {
    return { filename: parseWheelFilename(name), error: null };
  } catch (e) {
    return { filename: null, error: e as InvalidWheelFilenameError };
  }
}

/** The root `.dist-info` directory (pip's rule: exactly one, else matching the file name). */
export function findDistInfo(entries: readonly ZipEntry[], filename: WheelFilename | null): string {
  const dirs = new Set<string>();
  for (const e of entries) {
    const slash = e.name.indexOf('/');
    const top = slash < 0 ? null : e.name.slice(0, slash);
    if (top?.endsWith('.dist-info')) dirs.add(top);
  }
  if (dirs.size === 0) throw new WheelError('NO_DIST_INFO', 'Wheel has no .dist-info directory');
  if (dirs.size === 1) return [...dirs][0] as string;
  const matching = filename ? [...dirs].filter((d) => normalizeName(d.slice(0, d.indexOf('-') < 0 ? 0 : d.indexOf('-'))) === filename.name) : [];
  if (matching.length === 1) return matching[0] as string;
  throw new WheelError('MULTIPLE_DIST_INFO', `Wheel has ${dirs.size} .dist-info directories: ${[...dirs].sort().join(', ')}`);
}

function consistency(fn: WheelFilename | null, distInfo: string, wheel: WheelFileInfo, md: ParsedCoreMetadata): WheelProblem[] {
  const out: WheelProblem[] = [];
  for (const p of wheel.problems) out.push({ code: 'WHEEL_FILE', message: p, path: `${distInfo}/WHEEL` });
  if (wheel.wheelVersion && wheel.wheelVersion[1] > 0) out.push({ code: 'NEWER_WHEEL_VERSION', message: `Wheel-Version ${wheel.wheelVersion.join('.')} is newer than 1.0` });
  if (!fn) return out;
  const stem = distInfo.slice(0, -'.dist-info'.length);
  const dash = stem.lastIndexOf('-');
  const diVersion = tryParseVersion(stem.slice(dash + 1));
  if (dash < 0 || normalizeName(stem.slice(0, dash)) !== fn.name || String(diVersion) !== fn.version) {
    out.push({ code: 'DIST_INFO_MISMATCH', message: `${distInfo} does not match the file name's ${fn.name} ${fn.version}` });
  }
  const { name, version } = md.fields;
  if (name !== undefined && normalizeName(name) !== fn.name) out.push({ code: 'NAME_MISMATCH', message: `METADATA Name ${JSON.stringify(name)} does not match the file name's ${JSON.stringify(fn.name)}` });
  if (version !== undefined && String(tryParseVersion(version)) !== fn.version) out.push({ code: 'VERSION_MISMATCH', message: `METADATA Version ${JSON.stringify(version)} does not match the file name's ${JSON.stringify(fn.version)}` });
  const fromName = new Set(fn.tags.map(tagKey));
  const fromWheel = new Set(wheel.tags.map(tagKey));
  if (wheel.tags.length > 0 && (fromName.size !== fromWheel.size || [...fromName].some((t) => !fromWheel.has(t)))) {
    out.push({ code: 'TAG_MISMATCH', message: `WHEEL tags (${[...fromWheel].sort().join(', ')}) differ from the file name's (${[...fromName].sort().join(', ')})` });
  }
  return out;
}

async function readRequired(zip: ZipArchive, path: string, code: WheelErrorCode, what: string): Promise<Buffer> {
  const entry = zip.get(path);
  if (!entry) throw new WheelError(code, `Wheel has no ${what} (${path})`);
  return zip.read(entry);
}

/**
 * Read and check a wheel (path or bytes): file name, WHEEL, METADATA, RECORD and, unless
 * `verify: false`, every member's hash and size against RECORD. Throws ArchiveError for a
 * hostile or broken zip and WheelError when required files are missing; everything else is
 * reported in `problems`.
 */
export async function readWheel(source: string | Buffer, opts: ReadWheelOptions = {}): Promise<WheelContents> {
  const { filename, error } = parseName(source, opts.filename);
  const zip = await ZipArchive.open(source, { limits: opts.limits ?? {} });
  try {
    const entries = zip.entries;
    const distInfo = findDistInfo(entries, filename);
    const wheel = parseWheelFile(await readRequired(zip, `${distInfo}/WHEEL`, 'NO_WHEEL_FILE', 'WHEEL file'));
    if (wheel.wheelVersion && wheel.wheelVersion[0] > 1) throw new WheelError('UNSUPPORTED_WHEEL_VERSION', `Wheel-Version ${wheel.wheelVersion.join('.')} is not supported`);
    const metadataBytes = await readRequired(zip, `${distInfo}/METADATA`, 'NO_METADATA', 'METADATA file');
    const metadata = parseCoreMetadata(metadataBytes);
    const recordPath = `${distInfo}/RECORD`;
    const record = parseRecord((await readRequired(zip, recordPath, 'NO_RECORD', 'RECORD file')).toString('utf8'));
    const problems: WheelProblem[] = [...consistency(filename, distInfo, wheel, metadata), ...record.problems];
    for (const e of entries) if (e.isSymlink) problems.push({ code: 'SYMLINK_ENTRY', message: 'Member is a symbolic link', path: e.name });
    let verified: WheelContents['verified'] = null;
    if (opts.verify ?? true) {
      const v = await verifyRecord(zip, record.rows, recordPath, opts.signal);
      problems.push(...v.problems);
      verified = { files: v.files, bytes: v.bytes };
    }
    return { filename, filenameError: error, distInfo, wheel, metadataBytes, metadata, record: record.rows, entries, verified, problems };
  } finally {
    await zip.close();
  }
}

/**
 * Read just METADATA from a wheel: the central directory plus one member (for PEP 658
 * `.metadata` files and for resolvers). Throws ArchiveError / WheelError.
 */
export async function readWheelMetadata(
  source: string | Buffer,
  opts: { filename?: string; limits?: Partial<ArchiveLimits> } = {},
): Promise<{ distInfo: string; metadataBytes: Buffer; metadata: ParsedCoreMetadata }> {
  const { filename } = parseName(source, opts.filename);
  const zip = await ZipArchive.open(source, { limits: opts.limits ?? {} });
  try {
    const distInfo = findDistInfo(zip.entries, filename);
    const metadataBytes = await readRequired(zip, `${distInfo}/METADATA`, 'NO_METADATA', 'METADATA file');
    return { distInfo, metadataBytes, metadata: parseCoreMetadata(metadataBytes) };
  } finally {
    await zip.close();
  }
}
