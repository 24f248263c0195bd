/**
 * The open project's pyproject.toml as an editable buffer: loaded through the contract, kept in
 * the editor store, saved atomically with a conflict check, reloaded or merged on request.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { client } from '../../../api/client';
import { isDirty, useEditorStore } from '../editor-store';

export const pyprojectKey = (folder: string) => ['pyproject', 'load', folder] as const;

export function usePyprojectBuffer(folder: string, diskVersion: string | null) {
  const load = useQuery({ queryKey: [...pyprojectKey(folder), diskVersion], queryFn: () => client.pyproject.load({ folder }) });
  const store = useEditorStore();
  const buffer = store.buffers[folder];

  useEffect(() => {
    if (load.data) store.loaded(folder, load.data.text, load.data.hash);
    // store actions are stable; only new disk data matters here
  }, [load.data, folder]);

  const save = useMutation({
    mutationFn: () => {
      const b = useEditorStore.getState().buffers[folder];
      if (!b) throw new Error('Nothing loaded to save.');
      return client.pyproject.save({ folder, text: b.draft, baseHash: b.baseHash });
    },
    onSuccess: (outcome) => {
      if (outcome.kind === 'saved') store.saved(folder, outcome.hash);
      else store.conflicted(folder, { message: outcome.message, diskText: outcome.diskText, diskHash: outcome.diskHash });
    },
  });

  const merge = useMutation({
    mutationFn: () => {
      const b = useEditorStore.getState().buffers[folder];
      if (!b?.conflict) throw new Error('There is nothing to merge.');
      return client.pyproject.merge({ base: b.baseText, ours: b.draft, theirs: b.conflict.diskText ?? '' });
    },
    onSuccess: (r) => store.merged(folder, r.text),
  });

  /** Discard the user's edits and take the disk version (the UI asks for confirmation first). */
  const reload = () => {
    const b = useEditorStore.getState().buffers[folder];
    const disk = b?.conflict;
    useEditorStore.setState((s) => {
      const rest = { ...s.buffers };
      delete rest[folder];
      return { buffers: rest };
    });
    if (disk) store.loaded(folder, disk.diskText ?? '', disk.diskHash);
    else void load.refetch();
  };

  return { load, buffer, dirty: isDirty(buffer), edit: (t: string) => store.edit(folder, t), save, merge, reload };
}
