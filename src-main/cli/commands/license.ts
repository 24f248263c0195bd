/**
 * `packwright license EXPR [--json] [--rules strict|packaging-26.2]`: check a PEP 639 license
 * expression and print its canonical form.
 *
 * Exit 0 with the canonical expression on stdout (warnings, e.g. deprecated ids, on stderr);
 * exit 1 with the error, its column and suggestions when packaging would reject it.
 * Several arguments are joined with spaces, so quoting is optional: `packwright license mit or apache-2.0`.
 */
import { Option, type Command } from 'commander';
import { checkLicenseExpression, parseLicenseExpression, type LicenseExpressionError, type LicenseRules } from '../../core/licenses/index';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';

/** Options of the license command. */
export interface LicenseCommandOptions {
  readonly json?: boolean;
  readonly rules?: LicenseRules;
}

function caret(raw: string, err: LicenseExpressionError): string {
  // Show the expression on one line with the problem underlined (control characters as spaces).
  const line = raw.replace(/\p{Cc}|\p{Zl}|\p{Zp}/gu, ' ');
  return `  ${line}\n  ${' '.repeat(err.offset)}${'^'.repeat(Math.max(1, err.length))}\n`;
}

/**
 * Run the command for one expression; returns the exit code. Writes to stdout/stderr.
 */
export function runLicenseCommand(expression: string, opts: LicenseCommandOptions = {}): number {
  const rules = opts.rules ?? 'strict';
  const result = checkLicenseExpression(expression, { rules });
  if (!result.ok) {
    const e = result.error;
    if (opts.json) {
      printJson({ error: { code: 'BAD_REQUEST', message: e.message, details: e.toJSON(), ...(e.hint ? { hint: e.hint } : {}) } });
    } else {
      process.stderr.write(`packwright: ${e.message}\n${caret(expression, e)}${e.hint ? `  hint: ${e.hint}\n` : ''}  packaging says: ${e.packagingMessage}\n`);
    }
    return EXIT.PROBLEMS;
  }
  if (opts.json) {
    const { ast } = parseLicenseExpression(expression, { rules });
    printJson({ canonical: result.canonical, changed: result.changed, rules, warnings: result.warnings, ast });
    return EXIT.OK;
  }
  process.stdout.write(`${result.canonical}\n`);
  for (const w of result.warnings) {
    if (w.code !== 'NORMALIZED') process.stderr.write(`packwright: warning: ${w.message}\n`);
  }
  return EXIT.OK;
}

/** Register `license` on the program. */
export function register(program: Command): void {
  program
    .command('license')
    .description('check a PEP 639 license expression (SPDX) and print its canonical form, as packaging.licenses would')
    .argument('<expression...>', 'the expression, e.g. "MIT OR Apache-2.0" (several words are joined with spaces)')
    .option('--json', 'print JSON for scripts (canonical form, warnings and the expression tree)')
    .addOption(new Option('--rules <rules>', 'strict: packaging after 26.3 (default); packaging-26.2: exactly packaging 26.2').choices(['strict', 'packaging-26.2']).default('strict'))
    .action((words: string[], opts: { json?: boolean; rules?: LicenseRules }) => {
      process.exitCode = runLicenseCommand(words.join(' '), { json: opts.json === true, rules: opts.rules ?? 'strict' });
    });
}
