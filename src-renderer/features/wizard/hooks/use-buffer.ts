/**
 * The wizard edits the same unsaved buffer the Monaco editor shows (the project feature's editor
 * store), so both always hold the same text. Edits are serialized per folder and computed on the
 * latest text: if the user typed in the editor while an edit was on its way, it is recomputed.
 */
import { useEditorStore } from '../../project/editor-store';

const queues = new Map<string, Promise<unknown>>();

/** The current draft of `folder` (undefined before the buffer is loaded). */
export function draftOf(folder: string): string | undefined {
  return useEditorStore.getState().buffers[folder]?.draft;
}

/** Start a buffer for a project that has no pyproject.toml yet (new-project mode). */
export function startBuffer(folder: string, text: string): void {
  const s = useEditorStore.getState();
  if (!s.buffers[folder]) s.loaded(folder, '', null);
  useEditorStore.getState().edit(folder, text);
}

/** Replace the draft by `fn(draft)`, in order with other wizard edits of the folder. */
export function transformBuffer(folder: string, fn: (text: string) => Promise<string> | string): Promise<void> {
  const prev = queues.get(folder) ?? Promise.resolve();
  const next = prev
    .catch(() => undefined)
    .then(async () => {
      for (let attempt = 0; attempt < 3; attempt++) {
        const base = draftOf(folder);
        if (base === undefined) throw new Error('pyproject.toml is not loaded yet.');
        const out = await fn(base);
        if (draftOf(folder) === base) {
          if (out !== base) useEditorStore.getState().edit(folder, out);
          return;
        }
      }
      throw new Error('The file kept changing while the wizard edited it; try again.');
    });
  queues.set(folder, next);
  return next;
}

/** The draft text, re-rendering on change. */
export function useDraft(folder: string): string | undefined {
  return useEditorStore((s) => s.buffers[folder]?.draft);
}
