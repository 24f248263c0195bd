/**
 * `packwright` CLI entry: human output by default, `--json` for scripts, exit codes in exit-codes.ts.
 */
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index';
import { EXIT } from './exit-codes';
import { printError } from './output';
import { APP_VERSION } from '../core/app-version';

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('packwright')
    .description('A packaging assistant for Python projects')
    .version(APP_VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });
  const name = argv.find((a) => !a.startsWith('-'));
  const only = name !== undefined ? COMMANDS[name] : undefined;
  for (const load of only ? [only] : Object.values(COMMANDS)) (await load()).register(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    printError({ code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) }, argv.includes('--json'));
    return EXIT.INTERNAL;
  }
}
