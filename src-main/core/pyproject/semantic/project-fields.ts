/**
 * The remaining `[project]` rules the schema cannot express
 * (https://packaging.python.org/en/latest/specifications/pyproject-toml/):
 * readme suffix and content type, one-line description, author names without commas, entry
 * point references (entry points spec), Project-URL labels (PEP 753: at most 32 characters).
 */
import { checkDescriptionContentType } from '../../standards/metadata';
import { makeFix } from '../diagnostic-builder';
import type { ErrorObject } from 'ajv';
import { replaceFix } from '../diagnostic-builder';
import { formatBasicString } from '../edit/format-value';
import { isPythonIdentifier, isUri } from '../schema/formats';
import type { DataPath } from '../toml/locate';
import { isTable, type CheckContext } from './context';

const RULE = 'pyproject.toml spec';

/** Content type implied by a readme file name (PEP 621: only .md and .rst are standard). */
export function readmeContentType(file: string): string | null {
  const lower = file.toLowerCase();
  if (lower.endsWith('.md')) return 'text/markdown';
  if (lower.endsWith('.rst')) return 'text/x-rst';
  return null;
}

export function checkReadme(c: CheckContext): void {
  const readme = c.project?.readme;
  const path = ['project', 'readme'];
  if (typeof readme === 'string') {
    if (readmeContentType(readme)) return;
    c.report({
      code: 'PW-README-001',
      severity: 'warning',
      message: `"${readme}" does not end in .md or .rst, the only suffixes every backend understands; give its content type with a table.`,
      path,
      rule: RULE,
      fixes: [makeFix(c.doc, 'Use a table with content-type = "text/plain"', [{ kind: 'set', path, value: { file: readme, 'content-type': 'text/plain' } }], { isPreferred: true })],
    });
    return;
  }
  if (!isTable(readme)) return;
  const hasFile = typeof readme.file === 'string';
  const hasText = typeof readme.text === 'string';
  if (!hasFile && !hasText) {
    if ('content-type' in readme) c.report({ code: 'PW-README-003', message: 'The readme table needs `file` (a path) or `text` (the description itself).', path, rule: RULE });
    return;
  }
  const ct = readme['content-type'];
  if (ct === undefined) {
    const guess = hasFile ? (readmeContentType(String(readme.file)) ?? 'text/plain') : 'text/plain';
    c.report({
      code: 'PW-README-002',
      message: 'A readme table must say its `content-type` (text/markdown, text/x-rst or text/plain).',
      path,
      part: 'value',
      rule: RULE,
      fixes: [makeFix(c.doc, `Add content-type = "${guess}"`, [{ kind: 'set', path: [...path, 'content-type'], value: guess }], { isPreferred: true })],
    });
  } else if (typeof ct === 'string') {
    const problem = checkDescriptionContentType(ct);
    if (problem) c.report({ code: 'PW-README-004', severity: 'warning', message: `PyPI will reject this readme content type: ${problem}.`, path: [...path, 'content-type'], rule: 'core metadata (Description-Content-Type)' });
  }
}

/** Entry point object reference `module.sub:obj.attr` (entry points spec; extras are deprecated). */
export function isEntryPointReference(ref: string): boolean {
  const [mod, obj, ...rest] = ref.replace(/\s*\[[^\]]*\]\s*$/, '').split(':');
  if (rest.length || mod === undefined) return false;
  const dotted = (s: string) => s.split('.').every((p) => isPythonIdentifier(p.trim()));
  return dotted(mod) && (obj === undefined || dotted(obj));
}

/** Entry point names (validate-pyproject `python-entrypoint-name`): no `[`, `=`, or edge spaces. */
const ENTRY_NAME = /^[^[\s=]([^=]*[^\s=])?$/u;

export function checkEntryPoints(c: CheckContext): void {
  const p = c.project;
  if (!p) return;
  const groups: [string[], unknown][] = [[['project', 'scripts'], p.scripts], [['project', 'gui-scripts'], p['gui-scripts']]];
  if (isTable(p['entry-points'])) for (const [g, v] of Object.entries(p['entry-points'])) groups.push([['project', 'entry-points', g], v]);
  for (const [base, table] of groups) {
    if (!isTable(table)) continue;
    for (const [name, ref] of Object.entries(table)) {
      if (!ENTRY_NAME.test(name)) {
        c.report({ code: 'PW-ENTRY-002', message: `"${name}" cannot be an entry point name: names may not contain \`=\`, start with \`[\` or begin or end with spaces.`, path: [...base, name], part: 'key', rule: 'Entry points specification' });
      }
      if (typeof ref !== 'string' || isEntryPointReference(ref)) continue;
      c.report({
        code: 'PW-ENTRY-001',
        message: `"${ref}" is not an object reference: write \`package.module:function\` (a dotted module path, then \`:\` and the object).`,
        path: [...base, name],
        rule: 'Entry points specification',
      });
    }
  }
}

/** URLs in [project.urls] are checked here (a missing scheme is only a warning, as in validate-pyproject). */
export function suppressUrlSchemaErrors(path: DataPath, e: ErrorObject): boolean {
  return path.length === 3 && path[0] === 'project' && path[1] === 'urls' && e.keyword === 'format';
}

export function checkPeopleAndText(c: CheckContext): void {
  const p = c.project;
  if (!p) return;
  for (const key of ['authors', 'maintainers']) {
    const list = p[key];
    if (!Array.isArray(list)) continue;
    list.forEach((person, i) => {
      if (isTable(person) && typeof person.name === 'string' && person.name.includes(',')) {
        c.report({ code: 'PW-AUTHOR-001', message: `An author name cannot contain a comma ("${person.name}"): core metadata separates people with commas. Give each person their own entry.`, path: ['project', key, i, 'name'], rule: RULE });
      }
    });
  }
  if (typeof p.description === 'string' && /[\r\n]/.test(p.description)) {
    c.report({ code: 'PW-DESCRIPTION-001', severity: 'warning', message: '`description` is the one-line summary (core metadata "Summary"); move longer text to the readme.', path: ['project', 'description'], rule: RULE });
  }
  if (isTable(p.urls)) {
    for (const [label, url] of Object.entries(p.urls)) {
      const path = ['project', 'urls', label];
      if (label.length > 32) c.report({ code: 'PW-URL-001', message: `The URL label "${label}" is longer than 32 characters (PEP 753); PyPI rejects it.`, path, part: 'key', rule: 'PEP 753' });
      if (typeof url !== 'string' || isUri(url)) continue;
      const whole = c.doc.index.span(path, 'value');
      if (isUri(`https://${url}`)) {
        c.report({ code: 'PW-URL-002', severity: 'warning', message: `"${url}" has no scheme; write the full URL (e.g. "https://${url}") so PyPI shows a working link.`, path, rule: RULE, fixes: [replaceFix(c.doc, `Change to "https://${url}"`, whole[0], whole[1], formatBasicString(`https://${url}`), { isPreferred: true })] });
      } else {
        c.report({ code: 'PW-URL-003', message: `"${url}" is not a valid URL.`, path, rule: RULE });
      }
    }
  }
}
