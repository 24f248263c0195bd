/**
 * The RECORD file of a wheel's .dist-info (PEP 376 / the recording-installed-packages spec;
 * https://packaging.python.org/en/latest/specifications/binary-distribution-format/#the-dist-info-directory):
 * CSV rows `path,algorithm=urlsafe-base64-nopad-digest,size`. RECORD itself (and its
 * signatures RECORD.jws / RECORD.p7s) carry no hash.
 */
import { createHash, getHashes } from 'node:crypto';

/** One RECORD row. */
export interface RecordRow {
  readonly path: string;
  /** `sha256` etc., or null when the row has no hash. */
  readonly algorithm: string | null;
  /** urlsafe base64 digest without `=` padding, or null. */
  readonly digest: string | null;
  /** Declared size, or null when absent. */
  readonly size: number | null;
  /** 1-based line of the row. */
  readonly line: number;
}

export type RecordProblemCode =
  | 'BAD_ROW'
  | 'DUPLICATE_ROW'
  | 'UNKNOWN_HASH'
  | 'WEAK_HASH'
  | 'NO_HASH'
  | 'HASH_MISMATCH'
  | 'SIZE_MISMATCH'
  | 'NOT_IN_RECORD'
  | 'NOT_IN_ARCHIVE'
  /** Digests written in hex: they verify, but the spec asks for urlsafe base64. */
  | 'HEX_DIGEST';

/**
 * Problems that make installers refuse the wheel ("installation will fail if any file in the
 * archive is not both mentioned and correctly hashed in RECORD"); the others are warnings.
 */
export const RECORD_FAILURES: ReadonlySet<string> = new Set<RecordProblemCode>([
  'BAD_ROW', 'DUPLICATE_ROW', 'UNKNOWN_HASH', 'WEAK_HASH', 'NO_HASH', 'HASH_MISMATCH', 'SIZE_MISMATCH', 'NOT_IN_RECORD', 'NOT_IN_ARCHIVE',
]);

/** A finding about RECORD or about a file it lists. */
export interface RecordProblem {
  readonly code: RecordProblemCode;
  readonly path: string;
  readonly message: string;
}

/**
 * Parse CSV as Python's `csv.reader` does with the default dialect (what installers use):
 * `,` separators, `"` quoting with `""` escapes, line ends `\r\n`, `\n` or `\r` (also inside
 * quotes), a blank line giving an empty row.
 */
export function parseCsv(text: string): { fields: string[]; line: number }[] {
  const rows: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let started = false;
  let line = 1;
  let rowLine = 1;
  const endRow = (): void => {
    if (started) {
      fields.push(field);
      rows.push({ fields, line: rowLine });
    }
    fields = [];
    field = '';
    quoted = false;
    started = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (!started) {
      rowLine = line;
      if (c === '\r' || c === '\n') {
        // A blank line is an empty row, as csv.reader yields it.
        if (c === '\r' && text[i + 1] === '\n') i++;
        rows.push({ fields: [], line });
        line++;
        continue;
      }
      started = true;
    }
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
    } else if (c === '"' && field === '' && !quoted) {
      inQuotes = true;
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      quoted = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRow();
    } else field += c;
  }
  endRow();
  return rows;
}

/** Parse RECORD text into rows plus row-level problems (never throws). */
export function parseRecord(text: string): { rows: RecordRow[]; problems: RecordProblem[] } {
  const rows: RecordRow[] = [];
  const problems: RecordProblem[] = [];
  const seen = new Set<string>();
  for (const { fields, line } of parseCsv(text)) {
    if (fields.length === 0) continue;
    const [path = '', hash = '', size = ''] = fields;
    if (fields.length !== 3 || path === '') {
      problems.push({ code: 'BAD_ROW', path, message: `RECORD line ${line}: expected 3 fields (path, hash, size), found ${fields.length}` });
      if (path === '') continue;
    }
    if (seen.has(path)) problems.push({ code: 'DUPLICATE_ROW', path, message: `RECORD line ${line}: ${JSON.stringify(path)} listed twice` });
    seen.add(path);
    let algorithm: string | null = null;
    let digest: string | null = null;
    if (hash !== '') {
      const eq = hash.indexOf('=');
      if (eq <= 0) problems.push({ code: 'BAD_ROW', path, message: `RECORD line ${line}: hash ${JSON.stringify(hash)} is not algorithm=digest` });
      else {
        algorithm = hash.slice(0, eq);
        digest = hash.slice(eq + 1).replace(/=+$/, '');
      }
    }
    let sizeNum: number | null = null;
    if (size !== '') {
      if (/^[0-9]+$/.test(size)) sizeNum = Number(size);
      else problems.push({ code: 'BAD_ROW', path, message: `RECORD line ${line}: size ${JSON.stringify(size)} is not a number` });
    }
    rows.push({ path, algorithm, digest, size: sizeNum, line });
  }
  return { rows, problems };
}

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Write RECORD rows as CSV (Python csv.writer's minimal quoting, `\n` line ends). */
export function formatRecord(rows: readonly Pick<RecordRow, 'path' | 'algorithm' | 'digest' | 'size'>[]): string {
  return rows
    .map((r) => [r.path, r.algorithm && r.digest !== null ? `${r.algorithm}=${r.digest}` : '', r.size === null ? '' : String(r.size)].map(csvField).join(',') + '\n')
    .join('');
}

/** Python hashlib names → Node crypto names. */
const NODE_HASH: Readonly<Record<string, string>> = {
  sha224: 'sha224', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512',
  sha3_224: 'sha3-224', sha3_256: 'sha3-256', sha3_384: 'sha3-384', sha3_512: 'sha3-512',
  blake2b: 'blake2b512', blake2s: 'blake2s256', md5: 'md5', sha1: 'sha1',
};
/** The spec requires sha256 or stronger; md5 and sha1 are refused. */
const WEAK = new Set(['md5', 'sha1']);
const available = new Set(getHashes());

/**
 * Check an algorithm name from RECORD. Returns the Node hash name, or a problem code
 * (UNKNOWN_HASH, WEAK_HASH).
 */
export function recordHashAlgorithm(algorithm: string): { node: string } | { problem: 'UNKNOWN_HASH' | 'WEAK_HASH' } {
  const node = NODE_HASH[algorithm];
  if (!node || !available.has(node)) return { problem: 'UNKNOWN_HASH' };
  if (WEAK.has(algorithm)) return { problem: 'WEAK_HASH' };
  return { node };
}

/** A running hash of a file's bytes in RECORD form. */
export function recordHasher(algorithm: string): { update(chunk: Buffer): void; digest(): string } | null {
  const alg = recordHashAlgorithm(algorithm);
  if (!('node' in alg)) return null;
  const h = createHash(alg.node);
  return {
    update: (chunk) => void h.update(chunk),
    digest: () => h.digest('base64url'),
  };
}

/** `sha256=<urlsafe b64 nopad>` of some bytes, as RECORD writes it. */
export function recordHash(data: Uint8Array, algorithm = 'sha256'): string {
  const h = recordHasher(algorithm);
  if (!h) throw new Error(`Unsupported RECORD hash algorithm ${algorithm}`);
  h.update(Buffer.from(data));
  return `${algorithm}=${h.digest()}`;
}
