import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT } from '../exit-codes';
import { main } from '../main';
import { captureOutput } from '../../testing/capture-output';
import { register, runLicenseCommand } from './license';

const capture = captureOutput;

/** Run `packwright license ...argv` through commander with only this command registered. */
async function run(argv: string[]): Promise<number> {
  const program = new Command('packwright').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  register(program);
  process.exitCode = undefined;
  try {
    await program.parseAsync(['license', ...argv], { from: 'user' });
  } catch {
    return EXIT.USAGE;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : EXIT.OK;
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('packwright license', () => {
  it('prints the canonical expression and exits 0', async () => {
    const io = capture();
    expect(await run(['mit and (apache-2.0 or bsd-2-clause)'])).toBe(EXIT.OK);
    expect(io.out()).toBe('MIT AND (Apache-2.0 OR BSD-2-Clause)\n');
    expect(io.err()).toBe('');
  });

  it('joins several words, so quoting is optional', async () => {
    const io = capture();
    expect(await run(['mit', 'or', 'apache-2.0'])).toBe(EXIT.OK);
    expect(io.out()).toBe('MIT OR Apache-2.0\n');
  });

  it('prints the error with its column, a caret and packaging\'s message, and exits 1', async () => {
    const io = capture();
    expect(await run(['MIT OR MITT'])).toBe(EXIT.PROBLEMS);
    expect(io.out()).toBe('');
    expect(io.err()).toBe(
      "packwright: Unknown license 'MITT' at column 8 — did you mean 'MIT'?\n" +
        '  MIT OR MITT\n' +
        '         ^^^^\n' +
        "  packaging says: Unknown license: 'mitt'\n",
    );
  });

  it('warns on stderr about deprecated ids but still succeeds', async () => {
    const io = capture();
    expect(await run(['GPL-2.0+'])).toBe(EXIT.OK);
    expect(io.out()).toBe('GPL-2.0+\n');
    expect(io.err()).toMatch(/warning: 'GPL-2.0\+' is a deprecated SPDX id.*'GPL-2.0-or-later'/);
  });

  it('--json: canonical form, warnings and the tree; errors as { error }', async () => {
    let io = capture();
    expect(await run(['mit', '--json'])).toBe(EXIT.OK);
    expect(JSON.parse(io.out())).toMatchObject({ canonical: 'MIT', changed: true, rules: 'strict', ast: { kind: 'license', id: 'MIT' } });
    vi.restoreAllMocks();
    io = capture();
    expect(await run(['(mit', '--json'])).toBe(EXIT.PROBLEMS);
    expect(JSON.parse(io.out())).toMatchObject({ error: { details: { code: 'SYNTAX', column: 1, packagingMessage: "Invalid license expression: '(mit'" } } });
  });

  it('--rules packaging-26.2 reproduces packaging 26.2; the default is stricter', async () => {
    const io = capture();
    expect(await run(['--rules', 'packaging-26.2', '(MIT) WITH Classpath-exception-2.0'])).toBe(EXIT.OK);
    expect(await run(['(MIT) WITH Classpath-exception-2.0'])).toBe(EXIT.PROBLEMS);
    expect(io.out()).toBe('(MIT) WITH Classpath-exception-2.0\n');
  });

  it('usage errors exit 2', async () => {
    capture();
    expect(await run([])).toBe(EXIT.USAGE);
    expect(await run(['--rules', 'bogus', 'MIT'])).toBe(EXIT.USAGE);
  });

  it('runLicenseCommand returns the exit code directly', () => {
    capture();
    expect(runLicenseCommand('')).toBe(EXIT.PROBLEMS);
    expect(runLicenseCommand('0bsd')).toBe(EXIT.OK);
  });

  it('is registered in the packwright CLI', async () => {
    const io = capture();
    expect(await main(['license', 'Apache-2.0 WITH LLVM-exception'])).toBe(EXIT.OK);
    expect(io.out()).toBe('Apache-2.0 WITH LLVM-exception\n');
  });
});
