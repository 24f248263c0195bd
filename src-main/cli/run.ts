/** Process entry for the `packwright` CLI (bundled to out/cli/packwright.js; run by tsx in tests). */
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`packwright: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 4;
  },
);
