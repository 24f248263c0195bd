/**
 * Test helper: a structural comparison of two failure explanations (ours and uv's), as the
 * reference recommends (resolver.md §4.3): which packages each names, and which of the
 * scenario's versions each named range covers — not the wording.
 */
import { normalizeName } from '../../standards/names';
import { tryParseVersion, VersionSet, type Version } from '../../standards/pep440';

/** A package named with a range, and the listed versions that range covers. */
export interface Mention {
  readonly pkg: string;
  readonly spec: string;
  readonly covers: string;
}

const SPEC = String.raw`(?:(?:===|==|!=|<=|>=|~=|<|>)[A-Za-z0-9.*+!_]+(?:,\s?(?:===|==|!=|<=|>=|~=|<|>)[A-Za-z0-9.*+!_]+)*)?`;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** The mentions of `names` in `text` (English articles and uv's fixed phrases ignored). */
export function extractMentions(text: string, names: readonly string[], available: ReadonlyMap<string, readonly Version[]>): Mention[] {
  const cleaned = text
    .replace(/\ba (?=(?:matching|different|higher|lower|newer)\b)/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/Python(?:===|==|!=|<=|>=|~=|<|>)[\w.*]+/g, '');
  const alts = [...names].sort((a, b) => b.length - a.length).map(escape).join('|');
  const re = new RegExp(String.raw`(?<![\w.\-\[])(${alts})(\[[\w,.\-]+\])?(${SPEC})(?![\w\-])`, 'g');
  const out: Mention[] = [];
  for (const m of cleaned.matchAll(re)) {
    const pkg = normalizeName(m[1] as string);
    // uv prints `a<=1.2.3.post1+local`, which PEP 440 does not allow: compare without the label.
    const spec = (m[3] ?? '').replace(/\s+/g, '').replace(/(<=|>=|<|>)([^,+]+)\+[\w.]+/g, '$1$2');
    let set: VersionSet;
    try {
      set = spec === '' ? VersionSet.any() : VersionSet.fromSpecifierSet(spec);
    } catch {
      continue;
    }
    // One mention per interval: `a!=2.0.0` names the same versions as uv's "a<2.0.0, a>2.0.0".
    const pieces = set.intervals.length > 1 ? set.intervals.map(([lo, hi]) => VersionSet.from(lo, hi)) : [set];
    for (const piece of pieces) {
      const vs = (available.get(pkg) ?? []).filter((v) => piece.contains(v)).map((v) => v.toString());
      out.push({ pkg, spec, covers: vs.join(' ') });
    }
  }
  return out;
}

/** Per package: the distinct sets of listed versions its mentions cover. */
export function coverage(mentions: readonly Mention[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of mentions) {
    let s = out.get(m.pkg);
    if (!s) out.set(m.pkg, (s = new Set()));
    s.add(m.covers);
  }
  return out;
}

/** Parse listed version strings (invalid ones skipped), ascending order not required. */
export function versionsOf(list: readonly string[]): Version[] {
  return list.map((v) => tryParseVersion(v)).filter((v): v is Version => v !== null);
}
