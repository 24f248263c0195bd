/**
 * Custom JSON Schema `format`s used by the bundled schemas.
 *
 * SchemaStore's tool schemas use taplo's integer formats (`uint`, `uint8`, `uint16`, `int`) and,
 * in partial-setuptools.json (derived from validate-pyproject), the Python-side formats of
 * validate-pyproject's `formats.py` (`python-identifier`, `pep508-identifier`, …). Unknown
 * formats would otherwise be ignored silently.
 */
import type Ajv from 'ajv';

/** Python's str.isidentifier(), approximated with Unicode categories (PEP 3131 XID_Start/Continue). */
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;

export function isPythonIdentifier(s: string): boolean {
  return IDENTIFIER.test(s);
}

/** Dotted identifiers, e.g. a module path (validate-pyproject `python-qualified-identifier`). */
export function isQualifiedIdentifier(s: string): boolean {
  return s.length > 0 && s.split('.').every(isPythonIdentifier);
}

/** PEP 508 names: `^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$`, case-insensitive. */
const PEP508_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;

const intRange = (min: number, max: number) => ({
  type: 'number' as const,
  validate: (n: number) => Number.isInteger(n) && n >= min && n <= max,
});

/**
 * Email addresses as validate-pyproject's `idn-email` accepts them: non-ASCII local parts and
 * domains are fine (ajv-formats' `email` is ASCII-only).
 */
export function isEmail(s: string): boolean {
  return /^[^\s@",:;<>()[\]\\]+@[^\s@",:;<>()[\]\\]+\.[^\s@",:;<>()[\]\\.]+$/u.test(s) && !s.includes('..');
}

/** An absolute URL: a scheme and something after it, no whitespace, parseable (WHATWG URL). */
export function isUri(s: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/u.test(s)) return false;
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

/** Register every custom format on an Ajv instance (after ajv-formats: these replace two of its). */
export function addCustomFormats(ajv: Ajv): void {
  ajv.addFormat('email', isEmail);
  ajv.addFormat('idn-email', isEmail);
  ajv.addFormat('uri', isUri);
  ajv.addFormat('uint', intRange(0, Number.MAX_SAFE_INTEGER));
  ajv.addFormat('uint8', intRange(0, 0xff));
  ajv.addFormat('uint16', intRange(0, 0xffff));
  ajv.addFormat('uint32', intRange(0, 0xffffffff));
  ajv.addFormat('uint64', intRange(0, Number.MAX_SAFE_INTEGER));
  ajv.addFormat('int', intRange(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
  ajv.addFormat('python-identifier', isPythonIdentifier);
  ajv.addFormat('python-qualified-identifier', isQualifiedIdentifier);
  ajv.addFormat('python-module-name', isQualifiedIdentifier);
  ajv.addFormat('pep508-identifier', (s: string) => PEP508_NAME.test(s));
  // PEP 561: a stub-only package is `<module>-stubs`, optionally with sub-packages.
  ajv.addFormat('pep561-stub-name', (s: string) => {
    const [top, ...rest] = s.split('.');
    return !!top && top.endsWith('-stubs') && isQualifiedIdentifier([top.slice(0, -6), ...rest].join('.'));
  });
}
