/** Sub-folders matching what the user typed (browser mode's replacement for a native dialog). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';

export function useFolderCompletion(prefix: string) {
  return useQuery({
    queryKey: queryKeys.folderCompletion(prefix),
    queryFn: ({ signal }) => client.fs.completeFolder({ prefix, limit: 30 }, { signal }),
    enabled: prefix.startsWith('/') || prefix.startsWith('~'),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}
