/**
 * The wizard's look-ups on the configured index: the name step (validity, PEP 503 normalized
 * form, import name, availability and PyPI's "too similar" rule), version suggestions for a
 * dependency, and the licenses the declared dependencies state (for the license step's hints).
 */
import { canonicalizeLicenseExpression, familyOfExpression, proposeLicenseMigration, type LicenseFamily } from '../licenses';
import { findInvalidNamePosition, normalizeName } from '../standards/names';
import { parseRequirement } from '../standards/pep508';
import type { IndexAccess } from './index-access';
import { importNameFor, importNameProblem } from './model';

export interface NameCheck {
  readonly name: string;
  readonly valid: boolean;
  /** Why the name is invalid (PEP 508 names), null when valid. */
  readonly problem: string | null;
  /** PEP 503 normalized form (how installers and PyPI know it). */
  readonly normalized: string;
  readonly importName: string | null;
  readonly importProblem: string | null;
  /** Null when no index is configured or it could not be read. */
  readonly availability: { readonly exists: boolean; readonly similar: readonly string[]; readonly indexLabel: string } | null;
}

/** Everything the name step shows about `name`. */
export async function checkProjectName(name: string, index: IndexAccess | null): Promise<NameCheck> {
  const bad = findInvalidNamePosition(name);
  const valid = bad < 0 && name !== '';
  const ch = name[bad];
  const problem = valid
    ? null
    : name === ''
      ? 'A project name is required.'
      : `${JSON.stringify(ch)} at character ${bad + 1} is not allowed: names use ASCII letters, digits, ".", "_" and "-", and start and end with a letter or digit.`;
  let availability: NameCheck['availability'] = null;
  if (valid && index) {
    try {
      availability = await index.checkName(name);
    } catch {
      availability = null;
    }
  }
  return {
    name,
    valid,
    problem,
    normalized: valid ? normalizeName(name) : '',
    importName: valid ? importNameFor(name) : null,
    importProblem: valid ? importNameProblem(name) : null,
    availability,
  };
}

export interface VersionSuggestions {
  readonly project: string;
  /** Newest first; empty when the index does not list the project. */
  readonly versions: readonly string[];
  readonly latest: string | null;
  /** Requirement strings to offer, each with why. */
  readonly suggestions: readonly { readonly requirement: string; readonly why: string }[];
  readonly indexLabel: string;
}

/** Versions of `project` on the index and requirement strings built from the newest release. */
export async function suggestVersions(project: string, index: IndexAccess, signal?: AbortSignal): Promise<VersionSuggestions> {
  const name = project.trim();
  const all = (await index.versions(name, signal)) ?? [];
  const stable = all.filter((v) => !v.isPrerelease && !v.isDevrelease);
  const latest = stable[0] ?? all[0] ?? null;
  const suggestions: { requirement: string; why: string }[] = [];
  if (latest) {
    const [major = 0, minor = 0] = latest.release;
    suggestions.push({ requirement: `${name}>=${major}.${minor}`, why: `at least the current ${major}.${minor} series, any later release (the usual choice for a library)` });
    if (major >= 1) suggestions.push({ requirement: `${name}>=${major}.${minor},<${major + 1}`, why: `stay on major version ${major} (semantic versioning: no breaking changes)` });
    suggestions.push({ requirement: `${name}==${latest.toString()}`, why: 'exactly this release (for applications; libraries should not pin exactly)' });
  }
  suggestions.push({ requirement: name, why: 'any version' });
  return { project: name, versions: all.slice(0, 50).map((v) => v.toString()), latest: latest?.toString() ?? null, suggestions, indexLabel: index.config.label };
}

export interface DependencyLicense {
  readonly requirement: string;
  readonly project: string;
  readonly version: string | null;
  /** A PEP 639 expression (from License-Expression, or a license classifier that maps exactly). */
  readonly expression: string | null;
  /** Where the answer came from, or why there is none. */
  readonly source: 'License-Expression' | 'classifier' | 'License' | 'unknown' | 'not-found';
  /** The free-text License field when that is all there is (not an SPDX expression). */
  readonly text: string | null;
  readonly family: LicenseFamily | null;
}

function expressionOf(value: string): string | null {
  try {
    return canonicalizeLicenseExpression(value.trim()).canonical;
  } catch {
    return null;
  }
}

/** The licenses the latest release of each dependency declares (where the index tells). */
export async function dependencyLicenses(requirements: readonly string[], index: IndexAccess, signal?: AbortSignal): Promise<DependencyLicense[]> {
  return Promise.all(
    requirements.map(async (requirement): Promise<DependencyLicense> => {
      let project: string;
      try {
        project = parseRequirement(requirement).name;
      } catch {
        return { requirement, project: requirement, version: null, expression: null, source: 'unknown', text: null, family: null };
      }
      const none = (source: DependencyLicense['source'], version: string | null = null): DependencyLicense => ({ requirement, project, version, expression: null, source, text: null, family: null });
      try {
        const versions = await index.versions(project, signal);
        const latest = versions?.find((v) => !v.isPrerelease) ?? versions?.[0];
        if (!latest) return none('not-found');
        const md = await index.metadata(project, latest, signal);
        const version = latest.toString();
        if (!md) return none('unknown', version);
        const f = md.fields;
        const fromField = f.licenseExpression ? expressionOf(f.licenseExpression) : null;
        const proposal = fromField ? null : proposeLicenseMigration({ classifiers: f.classifiers ?? [] });
        const fromClassifier = proposal?.status === 'proposed' ? proposal.expression : null;
        const fromLicense = !fromField && !fromClassifier && f.license ? expressionOf(f.license.split('\n')[0] ?? '') : null;
        const expression = fromField ?? fromClassifier ?? fromLicense;
        const source = fromField ? 'License-Expression' : fromClassifier ? 'classifier' : fromLicense ? 'License' : 'unknown';
        return { requirement, project, version, expression, source, text: expression ? null : (f.license?.split('\n')[0]?.slice(0, 120) ?? null), family: expression ? (familyOfExpression(expression) ?? null) : null };
      } catch {
        return none('unknown');
      }
    }),
  );
}
