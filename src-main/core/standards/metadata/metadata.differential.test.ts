import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runPythonBatch } from '../../../testing/python-oracle';
import { pythonWithPackaging, skipUnless } from '../../../testing/require-tool';
import { readWheelMetadata } from '../dist/wheel';
import { listLocalIndexFiles } from '../dist/local-wheels';
import { FIELD_BY_KEY } from './fields';
import type { CoreMetadataFields } from './fields';
import { generatedMetadataDocs, mutateMetadata } from './metadata-corpus';
import { parseCoreMetadata } from './parse';
import { validateCoreMetadata } from './validate';

const oracle = fileURLToPath(new URL('./metadata.oracle.py', import.meta.url));
const { python, check } = pythonWithPackaging();

interface Answer {
  raw?: Record<string, unknown>;
  unparsed?: Record<string, string[]>;
  valid?: boolean;
  errors?: string[];
  crash?: string;
  crash_validate?: string;
}

function toRaw(fields: CoreMetadataFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[FIELD_BY_KEY.get(k as keyof CoreMetadataFields)?.rawKey ?? k] = v;
  return out;
}

function mine(doc: Buffer | string): Answer {
  const parsed = parseCoreMetadata(doc);
  const problems = validateCoreMetadata(parsed);
  return { raw: toRaw(parsed.fields), unparsed: { ...parsed.unparsed }, valid: problems.length === 0, errors: [...new Set(problems.map((p) => p.field))].sort() };
}

describe('core metadata vs packaging.metadata', () => {
  it.skipIf(skipUnless(check))('parses and validates like parse_email / Metadata.from_email', { timeout: 180_000 }, async () => {
    const docs: { label: string; doc: Buffer | string }[] = [];
    const files = (await listLocalIndexFiles()).filter((f) => f.filename.endsWith('.whl'));
    if (files.length === 0 && (process.env.CI === 'true' || process.env.CI === '1')) throw new Error('CI=true but no local package index was found');
    const real: Buffer[] = [];
    for (const f of files) {
      const { metadataBytes } = await readWheelMetadata(f.path);
      real.push(metadataBytes);
      docs.push({ label: f.filename, doc: metadataBytes });
    }
    real.slice(0, 300).forEach((d, k) => docs.push({ label: `mutation ${k}`, doc: mutateMetadata(d, k) }));
    generatedMetadataDocs(3000).forEach((d, k) => docs.push({ label: `generated ${k}`, doc: k % 4 === 0 ? d.toString('utf8') : d }));
    const answers = await runPythonBatch<{ b64?: string; text?: string }, Answer>(
      oracle,
      docs.map(({ doc }) => (typeof doc === 'string' ? { text: doc } : { b64: doc.toString('base64') })),
      { python, timeoutMs: 170_000 },
    );
    let compared = 0;
    let realValid = 0;
    const crashes: string[] = [];
    for (const [i, { label, doc }] of docs.entries()) {
      const theirs = answers[i] as Answer;
      if (theirs.crash) {
        crashes.push(`${label}: ${theirs.crash}`);
        continue;
      }
      const ours = mine(doc);
      if (theirs.crash_validate) {
        // packaging's validation raised instead of reporting (e.g. a folded
        // Description-Content-Type): same parse, and we call it invalid.
        crashes.push(`${label}: ${theirs.crash_validate} in validation`);
        expect({ label, raw: ours.raw, unparsed: ours.unparsed, valid: ours.valid }).toEqual({ label, raw: theirs.raw, unparsed: theirs.unparsed, valid: false });
        continue;
      }
      expect({ label, ...ours }).toEqual({ label, raw: theirs.raw, unparsed: theirs.unparsed, valid: theirs.valid, errors: theirs.errors });
      compared++;
      if (i < real.length && ours.valid) realValid++;
    }
    console.log(`metadata: ${compared} documents identical to packaging (${real.length} METADATA from the local index, ${realValid} valid); packaging raised instead of answering on ${crashes.length}: ${crashes.slice(0, 5).join('; ')}`);
  });
});
