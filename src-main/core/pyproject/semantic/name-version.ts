/**
 * `project.name` (PEP 508 names, PEP 503 normalization) and `project.version` (PEP 440),
 * https://packaging.python.org/en/latest/specifications/name-normalization/ and
 * https://packaging.python.org/en/latest/specifications/version-specifiers/.
 */
import type { ErrorObject } from 'ajv';
import { findInvalidNamePosition, normalizeName } from '../../standards/names';
import { InvalidVersionError, parseVersion } from '../../standards/pep440';
import { replaceFix } from '../diagnostic-builder';
import { formatBasicString } from '../edit/format-value';
import type { DataPath } from '../toml/locate';
import { spanInString, type CheckContext } from './context';

/** The schema's name/version patterns are reported here with positions and fixes instead. */
export function suppressNameVersionSchemaErrors(path: DataPath, e: ErrorObject): boolean {
  return path.length === 2 && path[0] === 'project' && (path[1] === 'name' || path[1] === 'version') && e.keyword === 'pattern';
}

/** A valid name close to an invalid one: other characters become `-`, edges trimmed. */
export function repairName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[._-]+|[._-]+$/g, '');
}

export function checkNameAndVersion(c: CheckContext): void {
  const p = c.project;
  if (!p) return;
  const name = p.name;
  if (typeof name === 'string') {
    const path = ['project', 'name'];
    const whole = c.doc.index.span(path, 'value');
    const bad = findInvalidNamePosition(name);
    if (bad >= 0) {
      const repaired = repairName(name);
      const ch = name[bad];
      c.report({
        code: 'PW-NAME-001',
        message: name === ''
          ? 'The project name is empty.'
          : `"${name}" is not a valid project name: ${ch === undefined ? 'it is empty' : `${JSON.stringify(ch)} at character ${bad + 1} is not allowed there`}. Names use ASCII letters, digits, \`.\`, \`_\` and \`-\`, and start and end with a letter or digit.`,
        path,
        span: name === '' ? whole : spanInString(c, path, bad, bad + 1),
        rule: 'PEP 508 names',
        fixes: repaired ? [replaceFix(c.doc, `Rename to "${repaired}"`, whole[0], whole[1], formatBasicString(repaired), { isPreferred: true })] : [],
      });
    } else if (normalizeName(name) !== name) {
      c.report({
        code: 'PW-NAME-002',
        severity: 'info',
        message: `Installers and PyPI know this project as "${normalizeName(name)}" (PEP 503 normalization: lower case, runs of \`-_.\` become \`-\`).`,
        path,
        rule: 'PEP 503',
      });
    }
  }
  const version = p.version;
  if (typeof version === 'string') {
    const path = ['project', 'version'];
    const whole = c.doc.index.span(path, 'value');
    try {
      const v = parseVersion(version);
      const normal = v.toString();
      if (normal !== version) {
        c.report({
          code: 'PW-VERSION-002',
          severity: 'info',
          message: `Tools write this version as "${normal}" (its PEP 440 normal form); writing it that way avoids surprises in file names and on PyPI.`,
          path,
          rule: 'PEP 440',
          fixes: [replaceFix(c.doc, `Change to "${normal}"`, whole[0], whole[1], formatBasicString(normal), { isPreferred: true })],
        });
      }
    } catch (err) {
      if (!(err instanceof InvalidVersionError)) throw err;
      c.report({
        code: 'PW-VERSION-001',
        message: `"${version}" is not a valid PEP 440 version (${err.reason} at character ${err.position + 1}). Use a form such as \`1.0\`, \`2.1.0rc1\`, \`0.3.post1\` or \`1.0.dev2\`.`,
        path,
        span: spanInString(c, path, err.position, err.position + 1),
        rule: 'PEP 440',
      });
    }
  }
}
