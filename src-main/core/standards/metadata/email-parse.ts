/**
 * The email-header format of core metadata (METADATA, PKG-INFO) and of WHEEL files, read the
 * way Python's `email.parser` does with the `compat32` policy — which is what pypa/packaging's
 * `parse_email` and installers use, so every edge case (folding, stray lines, a body that
 * starts early, undecodable bytes) gives the same fields.
 *
 * https://packaging.python.org/en/latest/specifications/core-metadata/ ("The standard file
 * format for metadata ... is based on the format of email headers").
 */

/** One header as written: name (case kept), value with folding kept, and whether it decoded. */
export interface EmailHeader {
  readonly name: string;
  readonly value: string;
  /** False when the value's bytes are not UTF-8 (value is then Latin-1 decoded, as packaging does). */
  readonly validEncoding: boolean;
}

export interface EmailMessage {
  readonly headers: readonly EmailHeader[];
  /** Everything after the header block ('' when there is none). */
  readonly body: string;
  readonly bodyValidEncoding: boolean;
  /** Non-fatal irregularities Python records as "defects". */
  readonly defects: readonly string[];
}

/** A header line: `From `, a printable-ASCII name (no `:` or space) and `:`, or a continuation. */
const HEADER_LINE = /^(?:From |[\x21-\x39\x3b-\x7e]*:|[\t ])/;

/** Split into lines keeping their endings; `\r`, `\n` and `\r\n` end lines (StringIO newline=''). */
export function splitLinesKeepEnds(text: string): string[] {
  const out: string[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(text.slice(start, m.index + m[0].length));
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

function stripLineEnds(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === '\r' || s[end - 1] === '\n')) end--;
  return s.slice(0, end);
}

function lstripSpaceTab(s: string): string {
  let i = 0;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return s.slice(i);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes held as a Latin-1 string → text: UTF-8 when valid, else Latin-1 (flagged). */
function decodeLatin1Bytes(s: string): { text: string; valid: boolean } {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(s)) return { text: s, valid: true };
  try {
    return { text: utf8.decode(Buffer.from(s, 'latin1')), valid: true };
  } catch {
    return { text: s, valid: false };
  }
}

interface RawParse {
  headers: [string, string][];
  bodyLines: string[];
  defects: string[];
}

/** The feedparser's header block logic (`_parsegen` + `_parse_headers`). */
function parseLines(lines: readonly string[]): RawParse {
  const defects: string[] = [];
  let i = 0;
  const headerLines: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!HEADER_LINE.test(line)) {
      if (/^[\r\n]/.test(line)) i++;
      else defects.push('MissingHeaderBodySeparatorDefect');
      break;
    }
    headerLines.push(line);
  }
  const bodyLines = lines.slice(i);
  const headers: [string, string][] = [];
  let last: string[] | null = null;
  const flush = (): void => {
    if (!last) return;
    const first = last[0] as string;
    const colon = first.indexOf(':');
    const value = lstripSpaceTab(first.slice(colon + 1)) + last.slice(1).join('');
    headers.push([first.slice(0, colon), stripLineEnds(value)]);
    last = null;
  };
  for (const [n, line] of headerLines.entries()) {
    if (line[0] === ' ' || line[0] === '\t') {
      if (last) last.push(line);
      else defects.push('FirstHeaderLineIsContinuationDefect');
      continue;
    }
    flush();
    if (line.startsWith('From ')) {
      if (n === 0) continue; // unix-from envelope line
      if (n === headerLines.length - 1) {
        // Probably the first line of the body; the blank line after it was already consumed.
        bodyLines.unshift(line);
        break;
      }
      defects.push('MisplacedEnvelopeHeaderDefect');
      continue;
    }
    if (line.indexOf(':') === 0) {
      defects.push('InvalidHeaderDefect: Missing header name');
      continue;
    }
    last = [line];
  }
  flush();
  return { headers, bodyLines, defects };
}

/**
 * Parse an email-header document. A string is taken as already-decoded text; bytes are
 * decoded per header (and for the body) as UTF-8, falling back to Latin-1 with
 * `validEncoding: false`, exactly as packaging's `parse_email` treats bytes input.
 */
export function parseEmailMessage(input: string | Uint8Array): EmailMessage {
  const isBytes = typeof input !== 'string';
  const text = isBytes ? Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1') : input;
  const { headers, bodyLines, defects } = parseLines(splitLinesKeepEnds(text));
  const rawBody = bodyLines.join('');
  if (!isBytes) {
    return { headers: headers.map(([name, value]) => ({ name, value, validEncoding: true })), body: rawBody, bodyValidEncoding: true, defects };
  }
  const body = decodeLatin1Bytes(rawBody);
  return {
    headers: headers.map(([name, value]) => {
      const d = decodeLatin1Bytes(value);
      return { name, value: d.text, validEncoding: d.valid };
    }),
    body: body.text,
    bodyValidEncoding: body.valid,
    defects,
  };
}
