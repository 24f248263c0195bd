/**
 * Write changes to where the requirements came from. pyproject.toml: the format-preserving
 * editor (Node side) edits the Project editor's buffer text — the single source of truth for
 * unsaved edits — and the new text goes back into that buffer; the user reviews and saves it
 * there. Nothing is written to disk behind the user's unsaved edits. Pasted text: the lines are
 * edited in the form.
 */
import { useMutation } from '@tanstack/react-query';
import { client } from '../../../api/client';
import { useEditorStore } from '../../project/editor-store';
import type { PyprojectChange } from '../run/build-input';

async function bufferText(folder: string): Promise<string> {
  const existing = useEditorStore.getState().buffers[folder];
  if (existing) return existing.draft;
  const loaded = await client.pyproject.load({ folder });
  useEditorStore.getState().loaded(folder, loaded.text, loaded.hash);
  return useEditorStore.getState().buffers[folder]?.draft ?? loaded.text;
}

/** Apply changes to the project's buffer; resolves with the number of changed items. */
export async function applyToBuffer(folder: string, changes: readonly PyprojectChange[]): Promise<number> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const text = await bufferText(folder);
    const r = await client.dependencies.applyFix({ text, changes: changes.map((c) => ({ ...c, path: [...c.path] })) });
    // The buffer may have changed while the edit was computed: only replace what we edited.
    if (useEditorStore.getState().buffers[folder]?.draft !== text) continue;
    useEditorStore.getState().edit(folder, r.text);
    return changes.length;
  }
  throw new Error('The pyproject.toml buffer kept changing; try again.');
}

/** A mutation that applies changes to a project's pyproject.toml buffer. */
export function useApplyToPyproject() {
  return useMutation({ mutationFn: ({ folder, changes }: { folder: string; changes: readonly PyprojectChange[] }) => applyToBuffer(folder, changes) });
}
