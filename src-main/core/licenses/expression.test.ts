import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLicenseAst, parseLicenseExpression } from './ast';
import { completeLicenseExpression } from './complete';
import { canonicalizeLicenseExpression, checkLicenseExpression } from './expression';
import { LicenseExpressionError } from './expression-error';
import { pyRepr } from './py-text';
import { sharedPath } from '../../testing/shared-dir';

interface Vectors {
  license_expression_valid: { input: string; canonical: string }[];
  license_expression_invalid: string[];
  doctest_extra: ({ input: string; canonical: string } | { input: string; error: string })[];
}
const vectors = JSON.parse(readFileSync(sharedPath('data/license-expression-test-vectors.json'), 'utf8')) as Vectors;

function error(raw: string, rules?: 'strict' | 'packaging-26.2'): LicenseExpressionError {
  const r = checkLicenseExpression(raw, rules ? { rules } : {});
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be rejected, got ${r.canonical}`);
  return r.error;
}

describe('shared test vectors (packaging after 26.3), default strict rules', () => {
  it.each(vectors.license_expression_valid)('$input → $canonical', ({ input, canonical }) => {
    expect(canonicalizeLicenseExpression(input).canonical).toBe(canonical);
    expect(formatLicenseAst(parseLicenseExpression(input).ast)).toBe(canonical);
  });

  it.each(vectors.license_expression_invalid)('rejects %j', (input) => {
    expect(() => canonicalizeLicenseExpression(input)).toThrow(LicenseExpressionError);
  });

  it.each(vectors.doctest_extra)('doctest $input', (v) => {
    if ('error' in v) expect(error(v.input).packagingMessage).toBe(v.error);
    else expect(canonicalizeLicenseExpression(v.input).canonical).toBe(v.canonical);
  });
});

describe('errors name the problem and its column', () => {
  it('unknown license with a near match', () => {
    const e = error('MITT');
    expect(e.message).toBe("Unknown license 'MITT' at column 1 — did you mean 'MIT'?");
    expect(e.packagingMessage).toBe("Unknown license: 'mitt'");
    expect([e.code, e.column, e.length, e.suggestions[0]]).toEqual(['UNKNOWN_LICENSE', 1, 4, 'MIT']);
  });

  it('points at the token inside a longer expression', () => {
    const e = error('MIT OR Apache-2.O');
    expect([e.column, e.token, e.suggestions[0]]).toEqual([8, 'Apache-2.O', 'Apache-2.0']);
  });

  it.each([
    ['mit or', 'the end', "ends after 'OR'"],
    ['or mit', 'column 1', 'cannot start'],
    ['mit or or apache-2.0', 'column 8', 'two operators in a row'],
    ['(mit', 'column 1', 'never closed'],
    ['mit)', 'column 4', 'no matching'],
    ['mit ( apache-2.0 )', 'column 5', "join them with AND or OR"],
    ['mit and ( )', 'column 9', 'empty parentheses'],
    ['MIT Apache-2.0', 'column 5', 'no AND, OR or WITH'],
    ['(MIT) WITH Classpath-exception-2.0', 'column 7', 'single license on its left'],
    ['MIT WITH Classpath-exception-2.0 WITH GCC-exception-3.1', 'column 34', 'at most one exception'],
  ])('syntax: %j', (raw, where, what) => {
    const e = error(raw);
    expect(e.code).toBe('SYNTAX');
    expect(e.message).toContain(where);
    expect(e.message).toContain(what);
    expect(e.packagingMessage).toBe(`Invalid license expression: ${pyRepr(raw)}`);
  });

  it('suggests the id for a space instead of a dash', () => {
    expect(error('Apache 2.0').suggestions).toEqual(['Apache-2.0']);
  });

  it('explains exceptions used as licenses and licenses used as exceptions', () => {
    expect(error('Classpath-exception-2.0').hint).toMatch(/write it after WITH/);
    expect(error('MIT WITH Apache-2.0').hint).toMatch(/is a license, not an exception/);
    expect(error('GPL-2.0-only WITH Classpath-exception-2').suggestions[0]).toBe('Classpath-exception-2.0');
  });

  it('LicenseRef- forms', () => {
    expect(error('LicenseRef-Foo_Bar').packagingMessage).toBe("Invalid licenseref: 'licenseref-foo_bar'");
    expect(error('LicenseRef-Foo_Bar').suggestions).toEqual(['LicenseRef-Foo-Bar']);
    expect(error('LicenseRef-').packagingMessage).toBe("Invalid licenseref: 'licenseref-'");
    expect(error('DocumentRef-spdx:LicenseRef-x').hint).toMatch(/DocumentRef/);
    expect(canonicalizeLicenseExpression('LicenseRef-A OR licenseref-a').canonical).toBe('LicenseRef-a OR LicenseRef-a');
  });

  it('the empty string and whitespace only', () => {
    expect(error('').code).toBe('EMPTY');
    expect(error(' \t').packagingMessage).toBe("Invalid license expression: ' \\t'");
  });
});

describe('packaging-26.2 rules', () => {
  it('accept what 26.2 accepts', () => {
    const c = (s: string) => canonicalizeLicenseExpression(s, { rules: 'packaging-26.2' }).canonical;
    expect(c('(mit) WITH Classpath-exception-2.0')).toBe('(MIT) WITH Classpath-exception-2.0');
    expect(c('LicenseRef-')).toBe('LicenseRef-');
    expect(c('LicenseRef-a+ OR LicenseRef-A')).toBe('LicenseRef-A+ OR LicenseRef-A');
  });
  it('reject with the typed error where 26.2 crashes (KeyError)', () => {
    expect(error('LicenseRef-Foo+', 'packaging-26.2').code).toBe('INVALID_LICENSEREF');
  });
  it('reject nesting CPython cannot parse', () => {
    expect(canonicalizeLicenseExpression(`${'('.repeat(200)}MIT${')'.repeat(200)}`).canonical).toHaveLength(403);
    expect(error(`${'('.repeat(201)}MIT${')'.repeat(201)}`).code).toBe('TOO_DEEP');
    expect(error(`${'MIT OR ('.repeat(200)}MIT${')'.repeat(200)}`).code).toBe('TOO_DEEP');
  });
});

describe('warnings', () => {
  it('deprecated ids with their replacements', () => {
    const w = canonicalizeLicenseExpression('GPL-2.0+').warnings;
    expect(w.map((x) => [x.code, x.replacements])).toEqual([['DEPRECATED_ID', ['GPL-2.0-or-later']]]);
    expect(canonicalizeLicenseExpression('gpl-3.0').warnings.map((x) => x.code)).toEqual(['NORMALIZED', 'DEPRECATED_ID']);
  });
  it('an odd + suffix', () => {
    expect(canonicalizeLicenseExpression('MIT+').warnings.map((x) => x.code)).toEqual(['PLUS_SUFFIX']);
    expect(canonicalizeLicenseExpression('LGPL-2.1-only+').warnings[0]?.message).toMatch(/already states its version range/);
  });
  it('none for a canonical expression', () => {
    expect(canonicalizeLicenseExpression('MIT OR Apache-2.0').warnings).toEqual([]);
  });
});

describe('AST', () => {
  it('follows SPDX precedence: WITH, then AND, then OR', () => {
    const { ast } = parseLicenseExpression('MIT OR GPL-2.0-only WITH Classpath-exception-2.0 AND Zlib');
    expect(ast.kind).toBe('or');
    if (ast.kind !== 'or') return;
    expect(ast.operands[1]?.kind).toBe('and');
  });
  it('formats hand-built trees with the parentheses precedence needs', () => {
    const mit = { kind: 'license', id: 'MIT', plus: false, deprecated: false } as const;
    const apache = { kind: 'license', id: 'Apache-2.0', plus: false, deprecated: false } as const;
    const zlib = { kind: 'license', id: 'Zlib', plus: false, deprecated: false } as const;
    expect(formatLicenseAst({ kind: 'and', operands: [{ kind: 'or', operands: [mit, apache] }, zlib] })).toBe('(MIT OR Apache-2.0) AND Zlib');
  });
});

describe('autocomplete', () => {
  it('licenses where an operand goes, exceptions after WITH, operators after an operand', () => {
    expect(completeLicenseExpression('apa').items[0]?.label).toBe('Apache-2.0');
    expect(completeLicenseExpression('GPL-2.0-only WITH class').items.map((i) => i.label)).toContain('Classpath-exception-2.0');
    expect(completeLicenseExpression('MIT ').items.map((i) => i.label)).toEqual(['AND', 'OR', 'WITH']);
    expect(completeLicenseExpression('(MIT ').items.map((i) => i.label)).toEqual(['AND', 'OR', 'WITH', ')']);
    expect(completeLicenseExpression('MIT OR lic').items.map((i) => i.kind)).toContain('license-ref');
  });
});

describe('pyRepr matches Python repr()', () => {
  it.each([
    ['a', "'a'"],
    ["it's", '"it\'s"'],
    ['"\'', "'\"\\''"],
    ['\t\n\r\x0b\x85\u00a0', "'\\t\\n\\r\\x0b\\x85\\xa0'"],
    ['é\u2003\ud83d\ude00\ud800', "'é\\u2003😀\\ud800'"],
    ['back\\slash', "'back\\\\slash'"],
  ])('%j', (s, r) => expect(pyRepr(s)).toBe(r));
});
