/**
 * Test helper: decide whether a test that needs a system tool runs.
 *
 * Locally a missing tool skips the test with a one-line reason; under CI=true a missing
 * tool is a failure, because CI installs everything the tests need.
 */
import { execFileSync } from 'node:child_process';

export interface ToolCheck {
  readonly available: boolean;
  readonly reason: string;
}

/** Run `cmd args`; available when it exits 0. */
export function probeTool(label: string, cmd: string, args: readonly string[]): ToolCheck {
  try {
    execFileSync(cmd, args, { stdio: 'ignore', timeout: 30_000 });
    return { available: true, reason: '' };
  } catch {
    return { available: false, reason: `${label} is not available (${cmd} ${args.join(' ')} failed)` };
  }
}

/**
 * Returns true when the test should be skipped; throws under CI=true so CI fails loudly.
 * Prints the one-line reason once per label.
 */
const announced = new Set<string>();
export function skipUnless(check: ToolCheck): boolean {
  if (check.available) return false;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(`CI=true but ${check.reason}`);
  }
  if (!announced.has(check.reason)) {
    announced.add(check.reason);
    console.warn(`skipped: ${check.reason}`);
  }
  return true;
}

/** The Python used as an oracle: PACKWRIGHT_PYTHON or python3, which must import packaging >= 26. */
export function pythonWithPackaging(): { python: string; check: ToolCheck } {
  const python = process.env.PACKWRIGHT_PYTHON ?? 'python3';
  const check = probeTool(
    'python3 with packaging>=26',
    python,
    ['-c', 'import packaging, sys; sys.exit(0 if int(packaging.__version__.split(".")[0]) >= 26 else 1)'],
  );
  return { python, check };
}
