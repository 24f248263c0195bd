/**
 * Differential test: our canonicaliser against packaging.licenses in the machine's python3
 * (packaging 26.2), one batched Python call for the whole corpus.
 *
 * Rules `packaging-26.2` must agree on every input: the same canonical text, or the same
 * InvalidLicenseExpression message; where packaging crashes (KeyError on `LicenseRef-x+`,
 * MemoryError from CPython's parser stack) we must reject with our typed error.
 * Rules `strict` (the default, packaging after 26.3) may differ only by rejecting more, in the
 * categories pypa/packaging#1219 and #1266 fixed; every such difference is counted and printed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import spdxList from 'spdx-license-list/spdx.json' with { type: 'json' };
import { runPythonBatch } from '../../testing/python-oracle';
import { pythonWithPackaging, skipUnless } from '../../testing/require-tool';
import { deepExpressions, mutatedExpressions, randomStrings, validExpressions } from './expression-corpus';
import { checkLicenseExpression, type LicenseCheckResult } from './expression';
import { pyRepr } from './py-text';
import { allExceptionEntries, allLicenseEntries } from './spdx-data';
import { sharedPath } from '../../testing/shared-dir';

type Oracle = ({ canonical: string } | { error: string; message: string }) & { unassigned?: number[]; unicode?: string };

const ORACLE = fileURLToPath(new URL('./expression.oracle.py', import.meta.url));
const { python, check } = pythonWithPackaging();
const skip = skipUnless(check);

interface Vectors {
  license_expression_valid: { input: string; canonical: string }[];
  license_expression_invalid: string[];
  doctest_extra: { input: string }[];
}

function corpus(): { name: string; inputs: string[] }[] {
  const vectors = JSON.parse(readFileSync(sharedPath('data/license-expression-test-vectors.json'), 'utf8')) as Vectors;
  const listIds = Object.keys(spdxList as Record<string, unknown>);
  const idCases = [
    ...allLicenseEntries().flatMap((e) => [e.id, e.id.toLowerCase(), `${e.id.toUpperCase()}+`]),
    ...allExceptionEntries().flatMap((e) => [`MIT WITH ${e.id}`, `gpl-2.0-or-later with ${e.id.toLowerCase()}`, e.id]),
    ...listIds.flatMap((id) => [id, `${id} WITH Classpath-exception-2.0`]),
  ];
  return [
    { name: 'test vectors', inputs: [...vectors.license_expression_valid.map((v) => v.input), ...vectors.license_expression_invalid, ...vectors.doctest_extra.map((v) => v.input)] },
    { name: 'every SPDX id (packaging table and spdx-license-list)', inputs: idCases },
    { name: 'generated valid', inputs: validExpressions(639, 2500) },
    { name: 'generated mutated', inputs: mutatedExpressions(2024, 3500) },
    { name: 'parser-depth boundary', inputs: deepExpressions(7, 250) },
    { name: 'random strings (fast-check)', inputs: randomStrings(42, 3000) },
  ];
}

/** Python's repr() escape of one code point (as used for non-printable characters). */
const pyEscape = (cp: number): string => (cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`);

/**
 * packaging's message with the escapes of code points unassigned in Python's Unicode database
 * (but assigned in Node's newer one) replaced by the characters, or undefined if there are none.
 */
function unescapeUnassigned(theirs: Oracle, message: string): string | undefined {
  if (!theirs.unassigned) return undefined;
  let text = message;
  for (const cp of theirs.unassigned) {
    // Only code points this runtime's Unicode data knows as printable (newer than Python's).
    if (!pyRepr(String.fromCodePoint(cp)).includes('\\')) text = text.replaceAll(pyEscape(cp), String.fromCodePoint(cp));
  }
  return text;
}

type Verdict = 'same' | 'crash-rejected' | 'unicode-version' | 'DIFFERENT';

function agree26(ours: LicenseCheckResult, theirs: Oracle): Verdict {
  if ('canonical' in theirs) return ours.ok && ours.canonical === theirs.canonical ? 'same' : 'DIFFERENT';
  if (ours.ok) return 'DIFFERENT';
  if (theirs.error !== 'InvalidLicenseExpression') return 'crash-rejected';
  if (ours.error.packagingMessage === theirs.message) return 'same';
  return unescapeUnassigned(theirs, theirs.message) === ours.error.packagingMessage ? 'unicode-version' : 'DIFFERENT';
}

describe.skipIf(skip)('license expressions vs packaging.licenses (python3)', () => {
  const sections = corpus();
  const all = sections.flatMap((s) => s.inputs);
  let oracle: Oracle[] = [];

  beforeAll(async () => {
    oracle = await runPythonBatch<string, Oracle>(ORACLE, all, { python });
  });

  it('has at least 5,000 generated expressions', () => {
    const generated = sections.filter((s) => s.name.startsWith('generated')).reduce((n, s) => n + s.inputs.length, 0);
    expect(generated).toBeGreaterThanOrEqual(5000);
  });

  it('rules packaging-26.2: same canonical form or the same rejection on every input', () => {
    const lines: string[] = [];
    const mismatches: string[] = [];
    let offset = 0;
    for (const section of sections) {
      const counts = { valid: 0, rejected: 0, crash: 0, unicode: 0 };
      section.inputs.forEach((input, i) => {
        const theirs = oracle[offset + i] as Oracle;
        const verdict = agree26(checkLicenseExpression(input, { rules: 'packaging-26.2' }), theirs);
        if (verdict === 'DIFFERENT') mismatches.push(`${JSON.stringify(input)}: packaging ${JSON.stringify(theirs)}`);
        else if (verdict === 'crash-rejected') counts.crash += 1;
        else if (verdict === 'unicode-version') counts.unicode += 1;
        else if ('canonical' in theirs) counts.valid += 1;
        else counts.rejected += 1;
      });
      offset += section.inputs.length;
      const unicode = counts.unicode ? `, ${counts.unicode} rejected with a message that differs only in escaping code points unassigned in Python's Unicode ${oracle.find((o) => o.unicode)?.unicode ?? '?'}` : '';
      lines.push(`  ${section.name}: ${section.inputs.length} (${counts.valid} valid, ${counts.rejected} rejected with the same message, ${counts.crash} packaging crashes we reject${unicode})`);
    }
    console.log(`license differential vs packaging 26.2, ${all.length} inputs, ${mismatches.length} mismatches:\n${lines.join('\n')}`);
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  it('rules strict: differs from packaging 26.2 only by rejecting the forms fixed after 26.3', () => {
    const categories = new Map<string, number>();
    const unexpected: string[] = [];
    all.forEach((input, i) => {
      const theirs = oracle[i] as Oracle;
      const ours = checkLicenseExpression(input);
      if ('canonical' in theirs) {
        if (ours.ok) {
          if (ours.canonical !== theirs.canonical) unexpected.push(`${JSON.stringify(input)}: ${ours.canonical} vs ${theirs.canonical}`);
          return;
        }
        const e = ours.error;
        const why = e.code === 'SYNTAX' && /WITH/.test(e.message) ? 'WITH on a group or chained WITH (#1266)'
          : e.code === 'INVALID_LICENSEREF' && /\+/.test(e.packagingMessage) ? "LicenseRef-x+ (#1219)"
          : e.code === 'INVALID_LICENSEREF' && e.packagingMessage === "Invalid licenseref: 'licenseref-'" ? 'empty LicenseRef- (#1266)'
          : undefined;
        if (why === undefined) unexpected.push(`${JSON.stringify(input)}: we reject (${e.message}), packaging accepts`);
        else categories.set(why, (categories.get(why) ?? 0) + 1);
      } else if (ours.ok) {
        unexpected.push(`${JSON.stringify(input)}: we accept, packaging rejects (${theirs.message})`);
      } else if (theirs.error === 'InvalidLicenseExpression' && ours.error.packagingMessage !== theirs.message && unescapeUnassigned(theirs, theirs.message) !== ours.error.packagingMessage) {
        categories.set('rejected by both, message differs (a strict check fired first)', (categories.get('rejected by both, message differs (a strict check fired first)') ?? 0) + 1);
      }
    });
    console.log(`strict rules vs packaging 26.2: ${[...categories].map(([k, v]) => `${v} × ${k}`).join('; ') || 'no differences'}`);
    expect(unexpected.slice(0, 20)).toEqual([]);
  });

  it('uses exactly the SPDX table packaging ships', async () => {
    const [table] = await runPythonBatch<null, { licenses: Record<string, { id: string; deprecated: boolean }>; exceptions: Record<string, { id: string; deprecated: boolean }> }>(ORACLE, [null], { python, args: ['--spdx-table'] });
    const ours = (entries: readonly { id: string; deprecated: boolean }[]) => Object.fromEntries(entries.map((e) => [e.id.toLowerCase(), { id: e.id, deprecated: e.deprecated }]));
    expect(ours(allLicenseEntries())).toEqual(table?.licenses);
    expect(ours(allExceptionEntries())).toEqual(table?.exceptions);
  });
});
