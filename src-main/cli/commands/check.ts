/**
 * `packwright check [PATH] [--json]`: read a project's pyproject.toml and report it.
 *
 * PATH is a project folder or a pyproject.toml file (default: the current folder). Exit 0 when
 * the file reads, 1 when it has errors, 3 when there is no such folder or file.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ProjectSummary } from '../../contract';
import { readProjectSummary } from '../../core/project/summary';
import { EXIT } from '../exit-codes';
import { printError, printJson } from '../output';

function human(s: ProjectSummary): string {
  if (s.status === 'missing') return `${s.file}: no pyproject.toml here`;
  if (s.status === 'invalid-toml' && s.tomlError) {
    return `${s.file}:${s.tomlError.line}:${s.tomlError.column}: error: ${s.tomlError.message}`;
  }
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
    .description('read a project\'s pyproject.toml and report its name, version, requires-python and build backend')
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
      if (json) printJson(summary);
      else process.stdout.write(`${human(summary)}\n`);
      process.exitCode = summary.status === 'ok' ? EXIT.OK : summary.status === 'missing' ? EXIT.NOT_FOUND : EXIT.PROBLEMS;
    });
}
