// `npm start`: the desktop app when the Electron runtime is installed; otherwise one line saying
// so, then browser mode in an app-mode Chromium/Chrome window (or the URL, when none is found).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';
import { ensureBuilt } from './ensure-built.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

if (!ensureBuilt()) {
  process.stderr.write('packwright: the build failed (see above); fix it and run `npm start` again.\n');
  process.exit(1);
}

const electron = electronBinary();
if (electron) {
  const child = spawn(electron, [join(root, 'out/main/main.js')], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write('Electron runtime not installed (Electron downloads it on first launch, which needs the internet): starting Packwright in browser mode.\n');
  const args = [join(root, 'resources/bin/packwright.mjs'), 'serve', '--open', ...process.argv.slice(2)];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
