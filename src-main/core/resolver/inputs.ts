/**
 * Where requirements come from: pip requirements files (pip's "Requirements File Format":
 * one requirement per line, `#` comments, `\` continuations, nested `-r`/`-c`, index options)
 * and a project's pyproject.toml (PEP 621 `[project] dependencies` and
 * `optional-dependencies`, PEP 735 `[dependency-groups]` with `include-group`).
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { normalizeName } from '../standards/names';

/** Requirements, constraints and index options gathered from files. */
export interface RequirementInputs {
  requirements: string[];
  constraints: string[];
  indexUrls: string[];
  findLinks: string[];
  prerelease: boolean;
  warnings: string[];
}

/** An empty set of inputs. */
export function emptyInputs(): RequirementInputs {
  return { requirements: [], constraints: [], indexUrls: [], findLinks: [], prerelease: false, warnings: [] };
}

function logicalLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let buf = '';
  let start = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    // A comment starts at `#` at line start or after whitespace (pip's rule).
    const noComment = raw.replace(/(^|\s)#.*$/, '');
    if (buf === '') start = i + 1;
    if (noComment.endsWith('\\')) {
      buf += noComment.slice(0, -1);
      return;
    }
    buf += noComment;
    if (buf.trim()) out.push({ line: start, text: buf.trim() });
    buf = '';
  });
  if (buf.trim()) out.push({ line: start, text: buf.trim() });
  return out;
}

function optionValue(line: string, names: readonly string[]): string | null {
  for (const n of names) {
    const m = new RegExp(`^${n}(?:\\s*=\\s*|\\s+)(.+)$`).exec(line);
    if (m?.[1]) return m[1].trim();
  }
  return null;
}

/**
 * Read a requirements file into `into` (`constraint` = read as a `-c` file). Relative nested
 * files are resolved against the including file; cycles are ignored.
 */
export async function readRequirementsFile(path: string, into: RequirementInputs = emptyInputs(), constraint = false, seen = new Set<string>()): Promise<RequirementInputs> {
  if (seen.has(path)) return into;
  seen.add(path);
  const text = await readFile(path, 'utf8');
  const rel = (p: string): string => (isAbsolute(p) || /^[a-z]+:\/\//i.test(p) ? p : join(dirname(path), p));
  for (const { line, text: l } of logicalLines(text)) {
    let v: string | null;
    if ((v = optionValue(l, ['-r', '--requirement']))) await readRequirementsFile(rel(v), into, constraint, seen);
    else if ((v = optionValue(l, ['-c', '--constraint']))) await readRequirementsFile(rel(v), into, true, seen);
    else if ((v = optionValue(l, ['-i', '--index-url']))) into.indexUrls.unshift(v);
    else if ((v = optionValue(l, ['--extra-index-url']))) into.indexUrls.push(v);
    else if ((v = optionValue(l, ['-f', '--find-links']))) into.findLinks.push(rel(v));
    else if (l === '--pre') into.prerelease = true;
    else if (l.startsWith('-e') || l.startsWith('--editable')) into.warnings.push(`${path}:${line}: editable requirements are not resolved from an index; skipped`);
    else if (l.startsWith('-')) into.warnings.push(`${path}:${line}: option ignored: ${l}`);
    else (constraint ? into.constraints : into.requirements).push(l);
  }
  return into;
}

type Table = Record<string, unknown>;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A dependency group's requirements, following `{include-group = "…"}` (PEP 735). */
function groupRequirements(groups: Table, name: string, stack: string[] = []): string[] {
  const key = Object.keys(groups).find((k) => normalizeName(k) === normalizeName(name));
  if (key === undefined) throw new Error(`no dependency group named ${JSON.stringify(name)}`);
  if (stack.includes(key)) throw new Error(`dependency group cycle: ${[...stack, key].join(' -> ')}`);
  const out: string[] = [];
  for (const item of Array.isArray(groups[key]) ? (groups[key] as unknown[]) : []) {
    if (typeof item === 'string') out.push(item);
    else if (item && typeof item === 'object' && typeof (item as Table)['include-group'] === 'string') out.push(...groupRequirements(groups, (item as Table)['include-group'] as string, [...stack, key]));
  }
  return out;
}

/**
 * A project's requirements from its pyproject.toml: `[project] dependencies`, plus the
 * requested extras (`optional-dependencies`) and dependency groups.
 */
export async function readProjectRequirements(pyprojectPath: string, extras: readonly string[] = [], groups: readonly string[] = []): Promise<string[]> {
  const doc = parseToml(await readFile(pyprojectPath, 'utf8')) as Table;
  const project = (doc.project ?? {}) as Table;
  const out = strings(project.dependencies);
  const optional = (project['optional-dependencies'] ?? {}) as Table;
  for (const e of extras) {
    const key = Object.keys(optional).find((k) => normalizeName(k) === normalizeName(e));
    if (key === undefined) throw new Error(`no optional-dependencies extra named ${JSON.stringify(e)}`);
    out.push(...strings(optional[key]));
  }
  const dg = (doc['dependency-groups'] ?? {}) as Table;
  for (const g of groups) out.push(...groupRequirements(dg, g));
  return out;
}
