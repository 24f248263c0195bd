/**
 * LICENSE file texts for new projects (the SPDX list's plain texts from spdx-license-list, with
 * the copyright line filled in).
 *
 * Adapter: core/licenses' `renderLicenseFile` does the same, but its module declares a top-level
 * `require`, which collides with the `require` shim electron-vite adds to ESM chunks (the bundled
 * server then dies at start with "Identifier 'require' has already been declared"). Until that
 * variable is renamed there, the wizard renders the text here with the same rules; its tests
 * compare both.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { getLicenseInfo } from '../licenses/catalog';

const resolveInPackages = createRequire(import.meta.url);

// Template fields of the copyright line at the top of the common permissive texts (MIT
// `<year> <copyright holders>`, BSD `<year> <owner>`, MIT-0 `<YEAR> <COPYRIGHT HOLDER>`, 0BSD
// `YEAR by AUTHOR EMAIL`); later placeholders (GPL's "How to Apply") are instructions, not fields.
const YEAR = /<year>|<YEAR>|\[yyyy\]|\[year\]|\bYEAR\b/g;
const HOLDER = /<copyright holders?>|<COPYRIGHT HOLDERS?>|<owner>|\[fullname\]|\[name of copyright owner\]|\bAUTHOR EMAIL\b/g;
const HEAD_LINES = 6;
// ISC's SPDX text carries ISC's own notice where a template would have its field.
const SAMPLE_NOTICES: Readonly<Record<string, RegExp>> = { ISC: /^Copyright \(c\) .*Internet (Systems|Software) Consortium.*$/ };

/** The LICENSE text for `id` with year and holder filled in; undefined when no text is shipped. */
export async function licenseFileText(id: string, fields: { readonly year: string; readonly holder: string }): Promise<string | undefined> {
  const info = getLicenseInfo(id);
  if (!info) return undefined;
  let text: string;
  try {
    const data = JSON.parse(await readFile(resolveInPackages.resolve(`spdx-license-list/licenses/${info.id}.json`), 'utf8')) as { licenseText?: unknown };
    if (typeof data.licenseText !== 'string') return undefined;
    text = data.licenseText;
  } catch {
    return undefined;
  }
  const sample = SAMPLE_NOTICES[info.id];
  let replacedSample = false;
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (i < HEAD_LINES && sample?.test(line)) {
      if (!replacedSample) out.push(`Copyright (c) ${fields.year} ${fields.holder}`);
      replacedSample = true;
    } else if (i < HEAD_LINES && (line.search(YEAR) !== -1 || line.search(HOLDER) !== -1)) {
      out.push(line.replace(YEAR, fields.year).replace(HOLDER, fields.holder).trimEnd());
    } else out.push(line);
  });
  return `${out.join('\n').trimEnd()}\n`;
}
