/** Printing helpers shared by sub-commands: human text by default, JSON with --json. */
import type { AppErrorShape } from '../contract/errors';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** One-line error for humans, `{ error: {...} }` for scripts; never a stack trace. */
export function printError(err: AppErrorShape, json: boolean): void {
  if (json) {
    printJson({ error: err });
    return;
  }
  process.stderr.write(`packwright: ${err.message}${err.hint ? `\n  hint: ${err.hint}` : ''}\n`);
}
