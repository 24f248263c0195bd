/**
 * Wheel compatibility tags (PEP 425) and compressed tag sets.
 *
 * A tag is the triple `{interpreter}-{abi}-{platform}`; a wheel file name carries a compressed
 * tag set where each component may hold several `.`-separated values, standing for their
 * cartesian product (https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/).
 * Components are lower-cased, as `packaging.tags.Tag` does.
 */

/** One compatibility tag. All three parts are lower-case. */
export interface Tag {
  readonly interpreter: string;
  readonly abi: string;
  readonly platform: string;
}

/** A compressed tag set as written: the values of each component, in written order. */
export interface TagSet {
  readonly interpreters: readonly string[];
  readonly abis: readonly string[];
  readonly platforms: readonly string[];
}

export type TagErrorCode = 'PARTS' | 'UNSORTED';

/**
 * A tag string that is not `{interpreter}-{abi}-{platform}`.
 *
 * `code` is PARTS (not exactly three `-`-separated parts) or UNSORTED (a compressed component
 * not in sorted order, checked only when asked, as PEP 425 requires sorted components).
 */
export class TagError extends Error {
  override readonly name = 'TagError';
  constructor(
    readonly code: TagErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Build a tag, lower-casing each part (packaging.tags.Tag semantics). */
export function makeTag(interpreter: string, abi: string, platform: string): Tag {
  return { interpreter: interpreter.toLowerCase(), abi: abi.toLowerCase(), platform: platform.toLowerCase() };
}

/** `cp312-cp312-manylinux_2_28_x86_64`. */
export function formatTag(tag: Tag): string {
  return `${tag.interpreter}-${tag.abi}-${tag.platform}`;
}

/** Same as formatTag: a stable key for maps and sets. */
export const tagKey = formatTag;

/** Two tags are equal when all three parts are. */
export function tagEquals(a: Tag, b: Tag): boolean {
  return a.interpreter === b.interpreter && a.abi === b.abi && a.platform === b.platform;
}

function isSorted(parts: readonly string[]): boolean {
  for (let i = 1; i < parts.length; i++) {
    // Python compares str by code point; JS `<` compares UTF-16 units, which orders the same
    // except across surrogate pairs vs. U+E000..U+FFFF — tags are ASCII in practice.
    if ((parts[i - 1] as string) > (parts[i] as string)) return false;
  }
  return true;
}

/**
 * Split a compressed tag set into its components, without expanding it.
 *
 * Throws TagError PARTS unless there are exactly three `-`-separated components; with
 * `validateOrder`, TagError UNSORTED when a component's values are not sorted (PEP 425).
 */
export function parseTagSet(text: string, opts: { validateOrder?: boolean } = {}): TagSet {
  const parts = text.split('-');
  if (parts.length !== 3) {
    throw new TagError('PARTS', `Invalid tag ${JSON.stringify(text)}: expected {interpreter}-{abi}-{platform}, found ${parts.length} part(s)`);
  }
  const [interpreters, abis, platforms] = parts.map((p) => p.split('.')) as [string[], string[], string[]];
  if (opts.validateOrder) {
    for (const [i, component] of [interpreters, abis, platforms].entries()) {
      if (!isSorted(component)) {
        throw new TagError('UNSORTED', `Tag component ${JSON.stringify(parts[i])} is not in sorted order per PEP 425`);
      }
    }
  }
  return { interpreters, abis, platforms };
}

function lowerUnique(values: readonly string[]): string[] {
  if (values.length === 1) return [(values[0] as string).toLowerCase()];
  return [...new Set(values.map((v) => v.toLowerCase()))];
}

/** Expand a tag set into its distinct tags, in component order (lower-cased). */
export function expandTagSet(set: TagSet): Tag[] {
  // Distinct values per component make every product distinct: no per-tag de-duplication.
  const is = lowerUnique(set.interpreters);
  const as = lowerUnique(set.abis);
  const ps = lowerUnique(set.platforms);
  const out: Tag[] = [];
  for (const interpreter of is) for (const abi of as) for (const platform of ps) out.push({ interpreter, abi, platform });
  return out;
}

/**
 * Parse a (possibly compressed) tag such as `py2.py3-none-any` into its distinct tags.
 *
 * Mirrors `packaging.tags.parse_tag`: empty components are kept as empty strings.
 */
export function parseTag(text: string, opts: { validateOrder?: boolean } = {}): Tag[] {
  return expandTagSet(parseTagSet(text, opts));
}

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/**
 * Format a tag set the way wheel builders do: each component lower-cased, de-duplicated and
 * sorted (PEP 425 "compressed tag sets").
 */
export function formatTagSet(set: TagSet): string {
  const fmt = (vals: readonly string[]): string => uniqueSorted(vals.map((v) => v.toLowerCase())).join('.');
  return `${fmt(set.interpreters)}-${fmt(set.abis)}-${fmt(set.platforms)}`;
}

/**
 * Compress a list of tags into tag-set strings. When the tags form a full cartesian product
 * the result is one string; otherwise one string per distinct tag (sorted).
 */
export function compressTags(tags: readonly Tag[]): string[] {
  const keys = new Set(tags.map(tagKey));
  const set: TagSet = {
    interpreters: uniqueSorted(tags.map((t) => t.interpreter)),
    abis: uniqueSorted(tags.map((t) => t.abi)),
    platforms: uniqueSorted(tags.map((t) => t.platform)),
  };
  if (keys.size === set.interpreters.length * set.abis.length * set.platforms.length) {
    return keys.size === 0 ? [] : [formatTagSet(set)];
  }
  return [...keys].sort();
}
