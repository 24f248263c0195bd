/**
 * Phrases for incompatibilities, in the style of uv's reports: external facts ("a<=1.0.0
 * depends on b==1.0.0", "you require c", "only a<=1.0.0 is available", "a==1.0.0 was
 * yanked") and derived conclusions ("a>=2 cannot be used", "you require b==1.0.0", "your
 * requirements are unsatisfiable"). Each phrase records the packages and user requirements it
 * names, so explanation sentences can point at graph nodes.
 */
import type { VersionSet } from '../../standards/pep440';
import { parseRequirement } from '../../standards/pep508';
import { baseName, ROOT, type PackageKey } from '../solver/package-key';
import type { UnavailableReason } from '../solver/incompatibility';
import type { FailureReport, TreeNode, TreeTerm } from './failure';
import { rangeAlternatives, simplifyRange, termText, tightenRange } from './ranges';

/** A piece of text and the things it names. */
export interface Phrase {
  readonly text: string;
  readonly pkgs: readonly PackageKey[];
  readonly reqs: readonly number[];
}

function phrase(text: string, pkgs: PackageKey[] = [], reqs: number[] = []): Phrase {
  return { text, pkgs, reqs };
}

/** A requirement as shown: without its marker, spaces removed (`b>=2.0.0,<3.0.0`). */
export function requirementDisplay(text: string): string {
  try {
    const r = parseRequirement(text);
    const extras = r.extras.length > 0 ? `[${r.extras.join(',')}]` : '';
    const spec = text.slice(text.indexOf(r.name) + r.name.length).split(';')[0]?.replace(/\[[^\]]*\]/, '').replace(/\s+/g, '') ?? '';
    return `${r.name}${extras}${spec}`;
  } catch {
    return text.split(';')[0]?.trim() ?? text;
  }
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`;
}

/** Words for the resolver's facts and conclusions about one failure. */
export class Describer {
  constructor(private readonly report: FailureReport) {}

  private available(pkg: PackageKey) {
    return this.report.available.get(baseName(pkg));
  }

  /** `a<=1.0.0` (collapsed onto listed versions) or `all versions of a`. */
  versionsOf(pkg: PackageKey, set: VersionSet, simplify = true): string {
    const s = simplify ? simplifyRange(set, this.available(pkg)) : set;
    return s.isAny ? `all versions of ${pkg}` : termText(pkg, s);
  }

  /** Indices of the user's requirements among `texts`. */
  private reqIndices(texts: readonly string[]): number[] {
    return texts.map((t) => this.report.rootRequirements.indexOf(t)).filter((i) => i >= 0);
  }

  /** An external incompatibility as a fact. */
  external(node: TreeNode): Phrase {
    const c = node.cause;
    const t0 = node.terms[0] as TreeTerm;
    switch (c.kind) {
      case 'root':
        return phrase('the root requirements must hold');
      case 'dependency': {
        const dep = node.terms.find((t) => t.pkg === c.dependency && !t.positive);
        const depText = dep && !dep.set.isEmpty ? termText(c.dependency, dep.set) : joinAnd(c.requirements.map(requirementDisplay));
        if (c.dependent === ROOT) {
          return phrase(`you require ${joinAnd(c.requirements.map(requirementDisplay))}`, [c.dependency], this.reqIndices(c.requirements));
        }
        const from = node.terms.find((t) => t.pkg === c.dependent);
        const who = from ? this.versionsOf(c.dependent, from.set) : c.dependent;
        const verb = who.startsWith('all versions of') ? 'depend on' : 'depends on';
        return phrase(`${who} ${verb} ${depText}`, [c.dependent, c.dependency]);
      }
      case 'constraint':
        return phrase(`your constraints allow only ${joinAnd(c.requirements.map(requirementDisplay))}`, [t0.pkg]);
      case 'not-found':
        return phrase(`${baseName(t0.pkg)} was not found in the package registry`, [t0.pkg]);
      case 'no-versions':
        return phrase(this.noVersions(t0.pkg, t0.set), [t0.pkg]);
      case 'unavailable':
        return phrase(this.unavailable(t0.pkg, t0.set, c.reason), [t0.pkg]);
    }
    return phrase('(derived)');
  }

  private noVersions(pkg: PackageKey, set: VersionSet): string {
    const avail = this.available(pkg) ?? [];
    if (avail.length === 0) return `there are no versions of ${pkg}`;
    const only = tightenRange(set.complement(), avail);
    const alts = rangeAlternatives(only);
    const exact = set.intervals.length === 1 && rangeAlternatives(set)[0]?.startsWith('==') === true;
    if (exact || alts.length === 0) return `there is no version of ${termText(pkg, set)}`;
    if (alts.length === 1) return `only ${termText(pkg, only)} is available`;
    return `only the following versions of ${pkg} are available: ${alts.map((a) => `${pkg}${a}`).join(', ')}`;
  }

  private unavailable(pkg: PackageKey, set: VersionSet, r: UnavailableReason): string {
    const who = termText(pkg, set);
    switch (r.type) {
      case 'yanked':
        return `${who} was yanked${r.reason ? ` (reason: ${r.reason})` : ''}`;
      case 'requires-python':
        return `${who} depends on Python${r.specifier} but the target Python version (${r.python}) does not satisfy it`;
      case 'no-matching-wheel':
        return `${who} has no wheels with a matching ${r.mismatch === 'python' ? 'Python implementation' : r.mismatch === 'abi' ? 'Python ABI' : 'platform'} tag (e.g., \`${r.example}\`)`;
      case 'no-wheels-no-build':
        return `${who} has no usable wheels`;
      case 'no-sdist-no-binary':
        return `${who} has no source distribution`;
      case 'invalid-metadata':
        return `${who} has invalid metadata (${r.message})`;
      case 'metadata-unavailable':
        return `the metadata of ${who} could not be read (${r.message})`;
    }
  }

  /** What a derived incompatibility concludes. */
  conclusion(node: TreeNode): Phrase {
    const terms = node.terms.filter((t) => !(t.pkg === ROOT && t.positive));
    if (terms.length === 0) return phrase('your requirements are unsatisfiable');
    const pkgs = terms.map((t) => t.pkg);
    if (terms.length === 1) {
      const t = terms[0] as TreeTerm;
      if (t.positive) return phrase(`${this.versionsOf(t.pkg, t.set)} cannot be used`, pkgs);
      return phrase(`you require ${this.needed(t.pkg, t.set)}`, pkgs);
    }
    const pos = terms.filter((t) => t.positive);
    const neg = terms.filter((t) => !t.positive);
    if (pos.length === 1 && neg.length === 1) {
      const who = this.versionsOf((pos[0] as TreeTerm).pkg, (pos[0] as TreeTerm).set);
      const verb = who.startsWith('all versions of') ? 'depend on' : 'depends on';
      return phrase(`${who} ${verb} ${this.needed((neg[0] as TreeTerm).pkg, (neg[0] as TreeTerm).set)}`, pkgs);
    }
    const needs = neg.map((t) => this.needed(t.pkg, t.set));
    if (neg.length === 0) return phrase(`${joinAnd(pos.map((t) => this.versionsOf(t.pkg, t.set)))} are incompatible`, pkgs);
    if (pos.length === 0) return phrase(`you require one of: ${needs.join('; ')}`, pkgs);
    const who = joinAnd(pos.map((t) => this.versionsOf(t.pkg, t.set)));
    return phrase(`${who} ${pos.length > 1 ? 'together require' : 'requires'} one of: ${needs.join('; ')}`, pkgs);
  }

  /**
   * A required range in a conclusion: as derived when it is one interval (`b==1.0.0`,
   * `c>=0.4`), collapsed onto listed versions when it is a union (`b<=1.0.0 or b>=3.0.0`).
   */
  needed(pkg: PackageKey, set: VersionSet): string {
    const s = set.intervals.length > 1 ? simplifyRange(set, this.available(pkg)) : set;
    return termText(pkg, s);
  }

  /** A version set of `pkg` without simplification (for hints). */
  plain(pkg: PackageKey, set: VersionSet): string {
    return set.isAny ? pkg : termText(pkg, set);
  }
}

