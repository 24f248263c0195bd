/**
 * The open project's dependencies, extras and dependency groups, read from the editor's buffer
 * when the user has one (unsaved edits included), else from disk.
 */
import { useQuery } from '@tanstack/react-query';
import { client } from '../../../api/client';
import { useEditorStore } from '../../project/editor-store';
import { useProjectUi } from '../../project/store';

/** Query key of a project's inputs for a buffer text. */
export const projectInputsKey = (folder: string, text: string | undefined) => ['dependencies', 'projectInputs', folder, text ?? null] as const;

/** The open project folder and its buffer text (undefined when not loaded in the editor). */
export function useOpenProject(): { folder: string | null; text: string | undefined } {
  const folder = useProjectUi((s) => s.folder);
  const text = useEditorStore((s) => (folder ? s.buffers[folder]?.draft : undefined));
  return { folder, text };
}

/** The project's dependencies, extras and groups (disabled without a folder). */
export function useProjectInputs(folder: string | null, text: string | undefined) {
  return useQuery({
    queryKey: projectInputsKey(folder ?? '', text),
    queryFn: () => client.dependencies.projectInputs({ folder: folder as string, ...(text !== undefined ? { text } : {}) }),
    enabled: folder !== null,
    placeholderData: (prev) => prev,
  });
}
