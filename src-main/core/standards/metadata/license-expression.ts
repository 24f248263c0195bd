/**
 * A fallback check for License-Expression (core metadata 2.4, PEP 639): SPDX expression
 * structure (ids joined by AND / OR / WITH, parentheses, `LicenseRef-`), license ids from the
 * SPDX list, case-insensitively. Exception ids after WITH are only checked for shape.
 *
 * The full port of `packaging.licenses` (canonical form, the exceptions list) belongs to the
 * license module; validateCoreMetadata accepts it through `checkLicenseExpression`.
 */
import spdx from 'spdx-license-list';

const LICENSE_IDS = new Set(Object.keys(spdx).map((k) => k.toLowerCase()));
const OPERATORS = new Set(['and', 'or', 'with']);

/** The problem with an SPDX license expression, or null when it looks valid. */
export function basicLicenseExpressionCheck(expr: string): string | null {
  const invalid = `Invalid license expression: ${JSON.stringify(expr)}`;
  const tokens = expr.replace(/\(/g, ' ( ').replace(/\)/g, ' ) ').toLowerCase().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return invalid;
  // Structure: operand (op operand)*, where an operand is an id or a parenthesized expression.
  let depth = 0;
  let expectOperand = true;
  for (const [i, t] of tokens.entries()) {
    if (t === '(') {
      if (!expectOperand) return invalid;
      depth++;
    } else if (t === ')') {
      if (expectOperand || --depth < 0) return invalid;
    } else if (OPERATORS.has(t)) {
      if (expectOperand) return invalid;
      expectOperand = true;
    } else {
      if (!expectOperand) return invalid;
      expectOperand = false;
      if (tokens[i - 1] === 'with') {
        if (!/^[a-z0-9.-]+$/.test(t)) return `Unknown license exception: ${JSON.stringify(t)}`;
        continue;
      }
      const id = t.endsWith('+') ? t.slice(0, -1) : t;
      if (id.startsWith('licenseref-')) {
        if (!/^[a-z0-9.-]*$/.test(id)) return `Invalid licenseref: ${JSON.stringify(t)}`;
      } else if (!LICENSE_IDS.has(id)) return `Unknown license: ${JSON.stringify(t)}`;
    }
  }
  return depth === 0 && !expectOperand ? null : invalid;
}
