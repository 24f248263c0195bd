/**
 * Server state of the Releases workspace (react-query): the local index's status, polled while
 * the workspace is shown and the window visible, and its contents, fetched again only when the
 * status reports a new content revision (uploads by twine, yanks, sessions…).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LocalIndexStartInput } from '@contract';
import { client } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';

/** How often the status (a cheap call) is polled while visible. */
export const STATUS_POLL_MS = 1500;

export function useIndexStatus() {
  return useQuery({
    queryKey: queryKeys.releasesStatus,
    queryFn: () => client.releases.status(),
    refetchInterval: STATUS_POLL_MS,
    refetchIntervalInBackground: false,
  });
}

export function useIndexContents(url: string | null, revision: number) {
  return useQuery({
    queryKey: queryKeys.releasesContents(url ?? '', revision),
    queryFn: () => client.releases.contents(),
    enabled: url !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

export function useTokens(url: string | null) {
  return useQuery({
    queryKey: queryKeys.releasesTokens(url ?? ''),
    queryFn: () => client.releases.listTokens(),
    enabled: url !== null,
  });
}

/** Start or stop; the status answer replaces the cached one at once. */
export function useStartStop() {
  const qc = useQueryClient();
  const onSuccess = (status: Awaited<ReturnType<typeof client.releases.status>>) => {
    qc.setQueryData(queryKeys.releasesStatus, status);
  };
  return {
    start: useMutation({ mutationFn: (input: LocalIndexStartInput) => client.releases.start(input), onSuccess }),
    stop: useMutation({ mutationFn: () => client.releases.stop(), onSuccess }),
  };
}

/** A change to the index: afterwards the status (hence the contents) and tokens are refetched. */
export function useIndexAction<I>(fn: (input: I) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: queryKeys.releasesStatus }), qc.invalidateQueries({ queryKey: ['releases', 'tokens'] })]),
  });
}
