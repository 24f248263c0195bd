#!/usr/bin/env node
// `packwright` launcher: runs the bundled CLI (out/main/packwright.js), built by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('../../out/main/packwright.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('packwright: the CLI is not built yet; run `npm run build` first.\n');
  process.exit(4);
}
await import(pathToFileURL(entry).href);
