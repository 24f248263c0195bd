/** Open a folder: the Node side checks it, remembers it in recents, and returns its summary. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import { useProjectUi } from '../store';

export function useOpenProject() {
  const queryClient = useQueryClient();
  const setFolder = useProjectUi((s) => s.setFolder);
  return useMutation({
    mutationFn: (folder: string) => client.project.open({ folder }),
    onSuccess: (summary) => {
      queryClient.setQueryData(queryKeys.summary(summary.folder), summary);
      void queryClient.invalidateQueries({ queryKey: queryKeys.recent });
      setFolder(summary.folder);
    },
  });
}
