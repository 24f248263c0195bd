/**
 * The WHEEL file of a wheel's .dist-info (PEP 427;
 * https://packaging.python.org/en/latest/specifications/binary-distribution-format/#file-contents):
 * email-header format with `Wheel-Version` (required; installers must refuse a greater major
 * version), `Generator`, `Root-Is-Purelib` (`true` / `false`), one `Tag` per tag, optional `Build`.
 */
import { parseEmailMessage } from '../metadata';
import { parseTag } from '../tags';
import type { Tag } from '../tags';

export interface WheelFileInfo {
  /** `[1, 0]`, or null when missing or malformed. */
  readonly wheelVersion: readonly [number, number] | null;
  readonly generator: string | null;
  /** null when missing or neither `true` nor `false`. */
  readonly rootIsPurelib: boolean | null;
  /** The `Tag` values as written. */
  readonly tagLines: readonly string[];
  /** Their tags, expanded (a line may be a compressed tag set). */
  readonly tags: readonly Tag[];
  readonly build: string | null;
  /** All headers, lower-cased name → values. */
  readonly headers: Readonly<Record<string, string[]>>;
  /** Problems found in the file itself. */
  readonly problems: readonly string[];
}

/** Parse WHEEL text (never throws; problems are listed). */
export function parseWheelFile(input: string | Uint8Array): WheelFileInfo {
  const msg = parseEmailMessage(input);
  const headers: Record<string, string[]> = {};
  for (const h of msg.headers) (headers[h.name.toLowerCase()] ??= []).push(h.value.trim());
  const problems: string[] = [];
  const one = (name: string): string | null => {
    const v = headers[name];
    if (!v) return null;
    if (v.length > 1) problems.push(`${name} appears ${v.length} times`);
    return v[0] ?? null;
  };
  const wv = one('wheel-version');
  let wheelVersion: [number, number] | null = null;
  const m = wv === null ? null : /^(\d+)\.(\d+)$/.exec(wv);
  if (m) wheelVersion = [Number(m[1]), Number(m[2])];
  else problems.push(wv === null ? 'Wheel-Version is missing' : `Wheel-Version ${JSON.stringify(wv)} is not MAJOR.MINOR`);
  const purelib = one('root-is-purelib');
  const rootIsPurelib = purelib === null ? null : purelib.toLowerCase() === 'true' ? true : purelib.toLowerCase() === 'false' ? false : null;
  if (rootIsPurelib === null) problems.push(purelib === null ? 'Root-Is-Purelib is missing' : `Root-Is-Purelib ${JSON.stringify(purelib)} is neither true nor false`);
  const tagLines = headers.tag ?? [];
  const tags: Tag[] = [];
  for (const line of tagLines) {
    try {
      tags.push(...parseTag(line));
    } catch {
      problems.push(`Tag ${JSON.stringify(line)} is not {interpreter}-{abi}-{platform}`);
    }
  }
  if (tagLines.length === 0) problems.push('No Tag lines');
  return { wheelVersion, generator: one('generator'), rootIsPurelib, tagLines, tags, build: one('build'), headers, problems };
}
