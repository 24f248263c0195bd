/**
 * PEP 508 dependency specifiers in `[project]` dependencies and optional-dependencies,
 * `[dependency-groups]` (PEP 735) and `[build-system] requires` (PEP 518), plus extra-name
 * collisions (PEP 685: extras are compared after normalization).
 */
import { replaceFix } from '../diagnostic-builder';
import { InvalidRequirementError, parseRequirement, type Requirement } from '../../standards/pep508';
import { isValidName, normalizeExtra } from '../../standards/names';
import type { DataPath } from '../toml/locate';
import { isTable, spanInString, stringItems, type CheckContext } from './context';

/** Every requirement string of the file with its path and where it came from. */
export function requirementStrings(c: CheckContext): { path: DataPath; text: string; where: 'dependencies' | 'extra' | 'group' | 'build' }[] {
  const out: { path: DataPath; text: string; where: 'dependencies' | 'extra' | 'group' | 'build' }[] = [];
  const p = c.project;
  if (p) {
    for (const [i, s] of stringItems(p.dependencies)) out.push({ path: ['project', 'dependencies', i], text: s, where: 'dependencies' });
    if (isTable(p['optional-dependencies'])) {
      for (const [extra, list] of Object.entries(p['optional-dependencies'])) {
        for (const [i, s] of stringItems(list)) out.push({ path: ['project', 'optional-dependencies', extra, i], text: s, where: 'extra' });
      }
    }
  }
  const groups = c.doc.value['dependency-groups'];
  if (isTable(groups)) {
    for (const [g, list] of Object.entries(groups)) {
      for (const [i, s] of stringItems(list)) out.push({ path: ['dependency-groups', g, i], text: s, where: 'group' });
    }
  }
  if (c.buildSystem) for (const [i, s] of stringItems(c.buildSystem.requires)) out.push({ path: ['build-system', 'requires', i], text: s, where: 'build' });
  return out;
}

/** Parse a requirement, or null when invalid. */
export function tryRequirement(text: string): Requirement | null {
  try {
    return parseRequirement(text);
  } catch (err) {
    if (err instanceof InvalidRequirementError) return null;
    throw err;
  }
}

/** UTF-16 offset of a code-point index (PEP 508 errors count code points, like packaging). */
function cpToUtf16(s: string, cp: number): number {
  return Array.from(s).slice(0, cp).join('').length;
}

/** Poetry's caret constraint `^X.Y.Z` as a PEP 440 range (python-poetry docs, "Caret requirements"). */
export function caretToPep440(version: string): string | null {
  if (!/^\d+(\.\d+){0,2}$/.test(version)) return null;
  const parts = version.split('.').map(Number);
  const first = parts.findIndex((x) => x !== 0);
  const bump = first === -1 ? parts.length - 1 : first;
  const upper = parts.slice(0, bump + 1).map((x, i) => (i === bump ? x + 1 : x));
  while (upper.length < parts.length) upper.push(0);
  return `>=${version},<${upper.join('.')}`;
}

function hintFor(text: string): string {
  if (/^[^;@]*,\s*[A-Za-z]/.test(text) && !/[<>=!~]/.test(text.split(',')[0] ?? '')) return ' Put each requirement in its own string.';
  if (/\^|(?<![~=<>!])~(?!=)/.test(text)) return ' `^` and `~` are Poetry constraints; PEP 508 uses operators like `>=1.2,<2`.';
  if (/[^=!<>~]=[^=]/.test(text.split(';')[0] ?? '')) return ' Use `==` to pin a version.';
  return '';
}

export function checkRequirements(c: CheckContext): void {
  for (const { path, text, where } of requirementStrings(c)) {
    let req: Requirement;
    try {
      req = parseRequirement(text);
    } catch (err) {
      if (!(err instanceof InvalidRequirementError)) throw err;
      const caret = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*\(?\s*\^\s*([\d.]+)\s*\)?\s*$/.exec(text);
      const range = caret ? caretToPep440(caret[2] ?? '') : null;
      const whole = c.doc.index.span(path, 'value');
      const fix = caret && range ? replaceFix(c.doc, `Replace with "${caret[1]}${range}"`, whole[0], whole[1], JSON.stringify(`${caret[1]}${range}`), { isPreferred: true }) : null;
      c.report({
        code: 'PW-PEP508-001',
        message: `"${text}" is not a valid dependency specifier (PEP 508): ${err.reason} at character ${err.position + 1}.${hintFor(text)}`,
        path,
        span: spanInString(c, path, cpToUtf16(text, err.spanStart), cpToUtf16(text, err.position) + 1),
        rule: 'PEP 508',
        fixes: [fix],
      });
      continue;
    }
    if (req.url && (where === 'dependencies' || where === 'extra')) {
      c.report({
        code: 'PW-PEP508-002',
        severity: 'warning',
        message: `"${text}" is a direct URL reference: PyPI rejects uploads whose dependencies point at URLs; publish ${req.name} to an index and depend on a version instead.`,
        path,
        rule: 'PyPI upload rules',
      });
    }
  }
  checkExtraNames(c);
}

function checkExtraNames(c: CheckContext): void {
  const extras = c.project?.['optional-dependencies'];
  if (!isTable(extras)) return;
  const seen = new Map<string, string>();
  for (const name of Object.keys(extras)) {
    if (!isValidName(name)) {
      // SchemaStore lists a pattern for extra names but lets other keys through.
      c.report({ code: 'PW-EXTRA-002', message: `"${name}" is not a valid extra name: use letters, digits, \`.\`, \`_\` and \`-\`, starting and ending with a letter or digit.`, path: ['project', 'optional-dependencies', name], part: 'key', rule: 'PEP 685' });
      continue;
    }
    const norm = normalizeExtra(name);
    const first = seen.get(norm);
    if (first !== undefined) {
      c.report({
        code: 'PW-EXTRA-001',
        message: `The extras \`${first}\` and \`${name}\` are the same extra after normalization (\`${norm}\`, PEP 685); merge them.`,
        path: ['project', 'optional-dependencies', name],
        part: 'key',
        rule: 'PEP 685',
      });
    } else seen.set(norm, name);
  }
}
