/**
 * PEP 639 `license-files` globs
 * (https://packaging.python.org/en/latest/specifications/pyproject-toml/#license-files):
 * letters, digits, `_ - .` and space, `*`, `?`, `**`, `[...]` ranges of verbatim characters;
 * `/` is the only separator; no leading `/`, no `..`. Each pattern MUST match at least one
 * file (checked when the project folder is known, in ../environment.ts).
 */
import { stringItems, type CheckContext } from './context';

const VERBATIM = /[\p{L}\p{N}\p{M}\p{Pc} .-]/u;

/** Why `pattern` is not a valid license-files glob, or null when it is. */
export function licenseGlobProblem(pattern: string): string | null {
  if (pattern === '') return 'the pattern is empty';
  if (pattern.startsWith('/')) return 'patterns are relative to the folder of pyproject.toml, so they cannot start with `/`';
  if (pattern.includes('\\')) return 'use `/` as the path separator, not `\\`';
  if (pattern.split('/').includes('..')) return '`..` (parent folder) is not allowed: license files must be inside the project';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) return `the \`[\` at character ${i + 1} is never closed`;
      const inner = pattern.slice(i + 1, close);
      if (inner === '' || ![...inner].every((x) => VERBATIM.test(x))) return `\`[${inner}]\` may only hold letters, digits, \`_\`, \`.\` and \`-\` ranges`;
      i = close;
    } else if (ch === ']') return `the \`]\` at character ${i + 1} has no \`[\``;
    else if (ch !== '*' && ch !== '?' && ch !== '/' && !VERBATIM.test(ch)) return `${JSON.stringify(ch)} (character ${i + 1}) is not allowed in license-files patterns`;
  }
  return null;
}

/**
 * A RegExp for a valid pattern, matched against `/`-separated relative paths: `**` spans folders,
 * `*`/`?` stay within one name and, as in Python's glob, do not match a leading dot.
 */
export function licenseGlobRegExp(pattern: string): RegExp {
  let re = '';
  const segs = pattern.split('/');
  segs.forEach((seg, k) => {
    const last = k === segs.length - 1;
    if (seg === '**') {
      re += last ? '(?:[^/.][^/]*(?:/[^/.][^/]*)*)?' : '(?:[^/.][^/]*/)*';
      return;
    }
    let s = '';
    for (let i = 0; i < seg.length; i++) {
      const ch = seg[i] as string;
      if (ch === '*') s += i === 0 ? '(?![.])[^/]*' : '[^/]*';
      else if (ch === '?') s += i === 0 ? '[^/.]' : '[^/]';
      else if (ch === '[') {
        const close = seg.indexOf(']', i + 1);
        s += `[${seg.slice(i + 1, close).replace(/[\\\]^]/g, '\\$&')}]`;
        i = close;
      } else s += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    re += s + (last ? '' : '/');
  });
  return new RegExp(`^${re}$`, 'u');
}

export function checkLicenseFileSyntax(c: CheckContext): void {
  for (const [i, pattern] of stringItems(c.project?.['license-files'])) {
    const problem = licenseGlobProblem(pattern);
    if (problem) {
      c.report({ code: 'PW-LICENSE-007', message: `"${pattern}" is not a valid license-files pattern: ${problem}.`, path: ['project', 'license-files', i], rule: 'PEP 639' });
    }
  }
}
