/**
 * Canonicalise a PEP 639 license expression the way packaging.licenses does.
 *
 * PEP 639 ("License-Expression"): tools MUST case-normalise the expression and SHOULD validate
 * it against the SPDX list; setuptools, hatchling and PyPI do both with
 * `packaging.licenses.canonicalize_license_expression`. This is our own implementation of its
 * rules (packaging 26.2, read from its source): empty input and grammar errors give
 * "Invalid license expression: <repr>"; ids are looked up case-insensitively in packaging's
 * SPDX 3.27.0 table and written in reference case; `LicenseRef-` idstrings keep the spelling of
 * their last occurrence and must match `[A-Za-z0-9.-]*`; a trailing `+` is set aside while
 * matching; operators are upper-cased; single spaces, none inside parentheses; nothing reordered.
 *
 * Two rule sets: `strict` (default) is packaging after 26.3 — it also rejects `LicenseRef-x+`
 * (pypa/packaging#1219), an empty `LicenseRef-`, chained `WITH` and `WITH` after a group
 * (#1266), as shared/data/license-expression-test-vectors.json expects; `packaging-26.2`
 * reproduces the installed packaging 26.2 exactly (it crashes with KeyError/MemoryError on a few
 * inputs — we reject those with the typed error).
 */
import { replacementsFor } from './deprecations';
import { LicenseExpressionError, type LicenseErrorCode } from './expression-error';
import { checkGrammar } from './grammar';
import { pyRepr } from './py-text';
import { exceptionByLowerId, licenseByLowerId } from './spdx-data';
import { repairLicenseRef, suggestExceptionIds, suggestLicenseIds } from './suggest';
import { tokenize, type Token } from './tokens';

/** Which packaging behaviour to reproduce. */
export type LicenseRules = 'strict' | 'packaging-26.2';

/** Options for canonicalisation. */
export interface CanonicalizeOptions {
  readonly rules?: LicenseRules;
}

/** A non-fatal finding about a valid expression (PEP 639: deprecated ids and changed text SHOULD warn). */
export interface LicenseWarning {
  readonly code: 'NORMALIZED' | 'DEPRECATED_ID' | 'PLUS_SUFFIX';
  readonly message: string;
  readonly offset: number;
  readonly length: number;
  readonly token: string;
  readonly replacements: readonly string[];
}

/** A valid expression, canonicalised. */
export interface CanonicalLicense {
  readonly canonical: string;
  /** True when the canonical text differs from the input. */
  readonly changed: boolean;
  readonly warnings: readonly LicenseWarning[];
  /** The tokens in canonical spelling, aligned with the input tokens. */
  readonly tokens: readonly CanonicalToken[];
}

/** A token of the input with its canonical spelling and role. */
export interface CanonicalToken {
  readonly source: Token;
  readonly canonical: string;
  readonly role: 'operator' | 'paren' | 'license' | 'license-ref' | 'exception';
  readonly plus: boolean;
  readonly deprecated: boolean;
}

const LICENSE_REF_PREFIX = 'licenseref-';
const LICENSE_REF_ALLOWED = /^[A-Za-z0-9.-]*$/;

function fail(code: LicenseErrorCode, raw: string, at: Token | undefined, message: string | (() => string), packagingMessage: string, extra: { suggestions?: readonly string[] | (() => readonly string[]); hint?: string } = {}): never {
  throw new LicenseExpressionError({
    code,
    message,
    packagingMessage,
    offset: at?.offset ?? raw.length,
    length: at === undefined ? 0 : at.end - at.offset,
    token: at?.text ?? '',
    ...extra,
  });
}

/** Compute once, on first use. */
function once<T>(f: () => T): () => T {
  let done = false;
  let value: T | undefined;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value as T;
  };
}

const didYouMean = (s: readonly string[]): string => (s.length === 0 ? '' : ` — did you mean ${s.map((x) => `'${x}'`).join(' or ')}?`);

/** `Apache 2.0` → `Apache-2.0`: two operands in a row that together spell an id. */
function joinedSuggestions(tokens: readonly Token[], at: number): string[] {
  const t = tokens[at];
  const prev = tokens[at - 1];
  if (t?.kind !== 'operand' || prev?.kind !== 'operand') return [];
  const exact = licenseByLowerId(`${prev.lower}-${t.lower}`);
  return exact ? [exact.id] : suggestLicenseIds(`${prev.text}-${t.text}`, 2);
}

function unknownLicense(raw: string, t: Token, lowerId: string): never {
  const bare = t.text.endsWith('+') ? t.text.slice(0, -1) : t.text;
  const suggestions = once(() => suggestLicenseIds(bare));
  let hint: string | undefined;
  if (exceptionByLowerId(lowerId)) hint = `'${bare}' is a license exception: write it after WITH, e.g. 'GPL-2.0-or-later WITH ${exceptionByLowerId(lowerId)?.id}'`;
  else if (lowerId.startsWith('documentref-')) hint = 'packaging does not accept DocumentRef- references; use a LicenseRef- id instead';
  else if (t.text.includes(',') || t.text.includes('/')) hint = "combine licenses with AND or OR, not ',' or '/'";
  fail('UNKNOWN_LICENSE', raw, t, () => `Unknown license '${bare}' at column ${t.offset + 1}${didYouMean(suggestions())}`, `Unknown license: ${pyRepr(lowerId)}`, { suggestions, ...(hint ? { hint } : {}) });
}

function unknownException(raw: string, t: Token): never {
  const suggestions = once(() => suggestExceptionIds(t.text));
  const asLicense = licenseByLowerId(t.lower);
  const hint = asLicense ? `'${asLicense.id}' is a license, not an exception: combine licenses with AND or OR` : undefined;
  fail('UNKNOWN_EXCEPTION', raw, t, () => `Unknown license exception '${t.text}' at column ${t.offset + 1}${didYouMean(suggestions())}`, `Unknown license exception: ${pyRepr(t.lower)}`, { suggestions, ...(hint ? { hint } : {}) });
}

function invalidRef(raw: string, t: Token, quoted: string, why: string): never {
  const repaired = repairLicenseRef(t.text);
  fail('INVALID_LICENSEREF', raw, t, `Invalid LicenseRef '${t.text}' at column ${t.offset + 1}: ${why}${didYouMean(repaired ? [repaired] : [])}`, `Invalid licenseref: ${pyRepr(quoted)}`, {
    suggestions: repaired ? [repaired] : [],
    hint: "after 'LicenseRef-' use one or more letters, digits, '.' or '-' (SPDX idstring), and no '+'",
  });
}

/**
 * Canonicalise `raw`, throwing LicenseExpressionError when packaging would reject it.
 *
 * Never throws anything else, for any string.
 */
export function canonicalizeLicenseExpression(raw: string, options: CanonicalizeOptions = {}): CanonicalLicense {
  const strict = (options.rules ?? 'strict') === 'strict';
  const invalid = (): string => `Invalid license expression: ${pyRepr(raw)}`;
  if (raw === '') fail('EMPTY', raw, undefined, 'The license expression is empty', invalid());
  const tokens = tokenize(raw);
  const issue = checkGrammar(tokens, strict);
  if (issue) {
    const at = tokens[issue.at];
    const where = at ? ` at column ${at.offset + 1}` : ' at the end';
    const detail = issue.detail;
    if (at?.kind === 'operand' && tokens[issue.at - 1]?.kind === 'operand') {
      // `Apache 2.0`: two operands in a row that may spell one id.
      const joined = once(() => joinedSuggestions(tokens, issue.at));
      fail(issue.code, raw, at, () => `Invalid license expression${where}: ${detail}${didYouMean(joined())}`, invalid(), { suggestions: joined, hint: 'put AND, OR or WITH between two licenses; an SPDX id itself contains no spaces' });
    }
    fail(issue.code, raw, at, `Invalid license expression${where}: ${detail}`, invalid());
  }
  // packaging maps each lower-cased LicenseRef- token to the spelling of its LAST occurrence.
  const refSpelling = new Map<string, string>();
  for (const t of tokens) {
    if (t.lower.startsWith(LICENSE_REF_PREFIX)) refSpelling.set(t.lower, `LicenseRef-${t.text.slice(LICENSE_REF_PREFIX.length)}`);
  }
  const out: CanonicalToken[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (t.kind !== 'operand') {
      out.push({ source: t, canonical: t.text.toUpperCase(), role: t.kind === 'lparen' || t.kind === 'rparen' ? 'paren' : 'operator', plus: false, deprecated: false });
    } else if (prev?.canonical === 'WITH') {
      const exc = exceptionByLowerId(t.lower) ?? unknownException(raw, t);
      out.push({ source: t, canonical: exc.id, role: 'exception', plus: false, deprecated: exc.deprecated });
    } else {
      const plus = t.lower.endsWith('+');
      const lowerId = plus ? t.lower.slice(0, -1) : t.lower;
      if (lowerId.startsWith(LICENSE_REF_PREFIX)) {
        if (!LICENSE_REF_ALLOWED.test(lowerId)) invalidRef(raw, t, lowerId, 'it holds characters other than letters, digits, . and -');
        if (strict && plus) invalidRef(raw, t, t.lower, "a LicenseRef- id takes no '+' suffix");
        if (strict && lowerId === LICENSE_REF_PREFIX) invalidRef(raw, t, t.lower, "the id after 'LicenseRef-' is empty");
        const spelled = refSpelling.get(lowerId);
        // packaging 26.2 raises KeyError here (`LicenseRef-x+` without a plain `LicenseRef-x`).
        if (spelled === undefined) invalidRef(raw, t, lowerId, "a LicenseRef- id takes no '+' suffix");
        out.push({ source: t, canonical: spelled + (plus ? '+' : ''), role: 'license-ref', plus, deprecated: false });
      } else {
        const lic = licenseByLowerId(lowerId) ?? unknownLicense(raw, t, lowerId);
        out.push({ source: t, canonical: lic.id + (plus ? '+' : ''), role: 'license', plus, deprecated: lic.deprecated });
      }
    }
  }
  const canonical = out.map((t) => t.canonical).join(' ').replaceAll('( ', '(').replaceAll(' )', ')');
  return { canonical, changed: canonical !== raw, warnings: warningsFor(raw, canonical, out), tokens: out };
}

function warningsFor(raw: string, canonical: string, tokens: readonly CanonicalToken[]): LicenseWarning[] {
  const warnings: LicenseWarning[] = [];
  for (const t of tokens) {
    const at = { offset: t.source.offset, length: t.source.end - t.source.offset, token: t.source.text };
    if (t.deprecated) {
      const bareId = t.plus ? t.canonical.slice(0, -1) : t.canonical;
      const replacements = replacementsFor(t.canonical).length > 0 ? replacementsFor(t.canonical) : replacementsFor(bareId);
      const use = replacements.length > 0 ? `; use ${replacements.map((r) => `'${r}'`).join(' or ')}` : '';
      warnings.push({ code: 'DEPRECATED_ID', message: `'${t.canonical}' is a deprecated SPDX id (PyPI may reject it)${use}`, replacements, ...at });
    } else if (t.plus && t.role === 'license') {
      const bareId = t.canonical.slice(0, -1);
      const gnu = /^(A?GPL|LGPL|GFDL)-\d\.\d$/.test(bareId) ? [`${bareId}-or-later`] : [];
      const why = /-(only|or-later)$/.test(bareId)
        ? `'${bareId}' already states its version range, so '+' contradicts or repeats it`
        : `'+' means "this version or any later one"${gnu.length ? `; SPDX spells that '${gnu[0]}'` : ''}`;
      warnings.push({ code: 'PLUS_SUFFIX', message: `'${t.canonical}': ${why}`, replacements: gnu, ...at });
    }
  }
  if (canonical !== raw) {
    warnings.unshift({ code: 'NORMALIZED', message: `Normalised to '${canonical}' (PEP 639: tools write the canonical form)`, offset: 0, length: raw.length, token: raw, replacements: [canonical] });
  }
  return warnings;
}

/** Result of a non-throwing check. */
export type LicenseCheckResult = ({ readonly ok: true } & CanonicalLicense) | { readonly ok: false; readonly error: LicenseExpressionError };

/** Like canonicalizeLicenseExpression, but returns the error instead of throwing it. */
export function checkLicenseExpression(raw: string, options: CanonicalizeOptions = {}): LicenseCheckResult {
  try {
    return { ok: true, ...canonicalizeLicenseExpression(raw, options) };
  } catch (err) {
    if (err instanceof LicenseExpressionError) return { ok: false, error: err };
    throw err;
  }
}
