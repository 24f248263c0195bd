/**
 * `packwright check [PATH] [--json]`: read a project's pyproject.toml, summarise it and print
 * every diagnostic of the layered validation as `file:line:col: severity: message [code]`.
 *
 * PATH is a project folder or a pyproject.toml file (default: the current folder). Exit 0 when
 * there is no error, 1 when there are errors, 3 when there is no such folder or file.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ProjectSummary } from '../../contract';
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../../core/pyproject/types';
import { validatePyproject } from '../../core/pyproject/validate';
import { readProjectSummary } from '../../core/project/summary';
import { EXIT } from '../exit-codes';
import { printError, printJson } from '../output';

function human(s: ProjectSummary): string {
  if (s.status === 'missing') return `${s.file}: no pyproject.toml here`;
  if (s.status === 'invalid-toml') return `${s.file}: not valid TOML`;
  const lines = [
    `${s.file}`,
    `  name            ${s.name ?? '(not set)'}${s.normalizedName && s.normalizedName !== s.name ? ` (normalized: ${s.normalizedName})` : ''}`,
    `  version         ${s.version ?? (s.dynamic.includes('version') ? '(dynamic)' : '(not set)')}`,
    `  requires-python ${s.requiresPython ?? '(not set)'}`,
    `  build backend   ${s.backend?.buildBackend ?? '(none: setuptools legacy)'}${s.backend?.family ? ` [${s.backend.family}]` : ''}`,
  ];
  return lines.join('\n');
}

async function target(path: string): Promise<string | null> {
  const abs = resolve(path);
  try {
    const s = await stat(abs);
    if (s.isDirectory()) return abs;
    if (s.isFile() && basename(abs) === 'pyproject.toml') return dirname(abs);
  } catch {
    return null;
  }
  return null;
}

export function register(program: Command): void {
  program
    .command('check')
    .description('check a project\'s pyproject.toml: summary, then every problem as file:line:col (exit 1 on errors)')
    .argument('[path]', 'project folder or pyproject.toml', '.')
    .option('--json', 'print JSON for scripts')
    .action(async (path: string, opts: { json?: boolean }) => {
      const json = opts.json === true;
      const folder = await target(path);
      if (folder === null) {
        printError({ code: 'NOT_FOUND', message: `No project folder or pyproject.toml at ${resolve(path)}.` }, json);
        process.exitCode = EXIT.NOT_FOUND;
        return;
      }
      const summary = await readProjectSummary(folder);
      const diagnostics: Diagnostic[] = summary.status === 'missing' ? [] : await validatePyproject(await readFile(summary.file, 'utf8'), { projectDir: folder });
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      if (json) printJson({ ...summary, diagnostics });
      else {
        process.stdout.write(`${human(summary)}\n`);
        for (const d of diagnostics) {
          process.stdout.write(`${summary.file}:${d.range.start.line}:${d.range.start.column}: ${d.severity}: ${d.message} [${d.code}]\n`);
        }
        if (summary.status !== 'missing') {
          const warnings = diagnostics.length - errors;
          process.stdout.write(diagnostics.length ? `${errors} error(s), ${warnings} warning(s) or note(s)\n` : 'No problems found.\n');
        }
      }
      process.exitCode = summary.status === 'missing' ? EXIT.NOT_FOUND : errors > 0 ? EXIT.PROBLEMS : EXIT.OK;
    });
}
