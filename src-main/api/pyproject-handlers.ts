/** Handlers for `pyproject.*`: load, save (atomic, conflict-checked) and merge. */
import { join } from 'node:path';
import { implement } from '@orpc/server';
import { contract } from '../contract';
import { loadFile, saveFile } from '../core/pyproject/save/save-file';
import { merge3 } from '../core/pyproject/save/merge3';
import { validatePyproject, validatePyprojectSync } from '../core/pyproject/validate';
import { completeAt, hoverAt } from '../core/editor-assist/assist';
import { checkFolder } from './folders';
import { guard } from './guard';
import type { ApiContext } from './context';

const os = implement(contract).$context<ApiContext>();

export const pyprojectRouter = {
  load: os.pyproject.load.handler(({ input }) =>
    guard(async () => {
      const file = join(await checkFolder(input.folder), 'pyproject.toml');
      try {
        const loaded = await loadFile(file);
        return { file, exists: true, text: loaded.text, hash: loaded.hash };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file, exists: false, text: '', hash: null };
        throw err;
      }
    }),
  ),
  save: os.pyproject.save.handler(({ input }) =>
    guard(async () => {
      const file = join(await checkFolder(input.folder), 'pyproject.toml');
      const result = await saveFile(file, input.text, input.baseHash === null ? { expectedHash: undefined } : { expectedHash: input.baseHash });
      if (result.kind === 'saved') return { kind: 'saved' as const, hash: result.hash };
      return { kind: 'conflict' as const, message: result.message, diskText: result.diskText, diskHash: result.diskHash };
    }),
  ),
  validate: os.pyproject.validate.handler(({ input }) =>
    guard(async () => {
      const t0 = performance.now();
      const diagnostics =
        input.depth === 'full'
          ? await validatePyproject(input.text, input.folder ? { projectDir: await checkFolder(input.folder) } : {})
          : validatePyprojectSync(input.text);
      return { diagnostics: diagnostics.map((d) => ({ ...d, path: [...d.path], fixes: d.fixes.map((f) => ({ ...f, edits: [...f.edits] })) })), elapsedMs: performance.now() - t0 };
    }),
  ),
  hover: os.pyproject.hover.handler(({ input }) => guard(async () => hoverAt(input.text, Math.min(input.offset, input.text.length)))),
  complete: os.pyproject.complete.handler(({ input }) =>
    guard(async () => completeAt(input.text, Math.min(input.offset, input.text.length)).map((c) => ({ ...c }))),
  ),
  merge: os.pyproject.merge.handler(({ input }) =>
    guard(async () => {
      const r = merge3(input.base, input.ours, input.theirs, { ours: 'your edits', theirs: 'on disk', base: 'when loaded' });
      return { text: r.text, conflicts: r.conflicts.length };
    }),
  ),
};
