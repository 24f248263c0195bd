/**
 * License texts for writing a project's LICENSE file.
 *
 * Texts come from the spdx-license-list npm package (`licenses/<id>.json`, the SPDX list's
 * plain text), read lazily because all texts together are several megabytes. PEP 639
 * (`license-files`) expects the license text to ship with the distribution; the wizard writes
 * it and lists it in `license-files`.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { getLicenseInfo } from './catalog';

const requireFromHere = createRequire(import.meta.url);

/** The SPDX text of a license id (any case), or undefined when none is shipped. */
export async function licenseText(id: string): Promise<string | undefined> {
  const info = getLicenseInfo(id);
  if (!info) return undefined;
  try {
    const file = requireFromHere.resolve(`spdx-license-list/licenses/${info.id}.json`);
    const data = JSON.parse(await readFile(file, 'utf8')) as { licenseText?: unknown };
    return typeof data.licenseText === 'string' ? data.licenseText : undefined;
  } catch {
    return undefined;
  }
}

/** Who and when, for the copyright line. */
export interface CopyrightFields {
  readonly year: string;
  readonly holder: string;
}

/** A LICENSE file body and the template fields that were (or could not be) filled. */
export interface RenderedLicense {
  readonly id: string;
  readonly text: string;
  /** True when a copyright line was filled in. */
  readonly filled: boolean;
}

// Template fields in the copyright line at the top of the common permissive texts
// (MIT `<year> <copyright holders>`, BSD `<year> <owner>`, MIT-0 `<YEAR> <COPYRIGHT HOLDER>`,
// 0BSD `YEAR by AUTHOR EMAIL`). Only the first lines are touched: later placeholders (GPL's
// "How to Apply", Apache's appendix) are instructions, not fields of the license.
const YEAR = /<year>|<YEAR>|\[yyyy\]|\[year\]|\bYEAR\b/g;
const HOLDER = /<copyright holders?>|<COPYRIGHT HOLDERS?>|<owner>|\[fullname\]|\[name of copyright owner\]|\bAUTHOR EMAIL\b/g;
const HEAD_LINES = 6;
// ISC's SPDX text carries ISC's own notices where a template would have its field.
const SAMPLE_NOTICES: Readonly<Record<string, RegExp>> = {
  ISC: /^Copyright \(c\) .*Internet (Systems|Software) Consortium.*$/,
};

/**
 * The text for a LICENSE file, with the copyright line filled where the SPDX text has one.
 *
 * Returns undefined when no text is shipped for the id.
 */
export async function renderLicenseFile(id: string, fields: CopyrightFields): Promise<RenderedLicense | undefined> {
  const text = await licenseText(id);
  const info = getLicenseInfo(id);
  if (text === undefined || !info) return undefined;
  const lines = text.split('\n');
  let filled = false;
  const sample = SAMPLE_NOTICES[info.id];
  let replacedSample = false;
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i < HEAD_LINES && sample?.test(line)) {
      if (!replacedSample) out.push(`Copyright (c) ${fields.year} ${fields.holder}`);
      replacedSample = true;
      filled = true;
      return;
    }
    if (i < HEAD_LINES && (line.search(YEAR) !== -1 || line.search(HOLDER) !== -1)) {
      filled = true;
      out.push(line.replace(YEAR, fields.year).replace(HOLDER, fields.holder).trimEnd());
      return;
    }
    out.push(line);
  });
  return { id: info.id, text: `${out.join('\n').trimEnd()}\n`, filled };
}
