/**
 * The open project's summary, kept live: a `project.watch` operation pushes a fresh summary on
 * every change to pyproject.toml, which replaces the cached query data.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ProjectSummarySchema } from '@contract';
import { client } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';

export function useProjectSummary(folder: string) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.summary(folder), queryFn: () => client.project.summary({ folder }) });

  useEffect(() => {
    const abort = new AbortController();
    let opId: string | null = null;
    void (async () => {
      try {
        ({ opId } = await client.project.watch({ folder }, { signal: abort.signal }));
        if (abort.signal.aborted) return;
        const events = await client.ops.events({ opId, after: -1 }, { signal: abort.signal });
        for await (const ev of events) {
          if (ev.kind === 'data') {
            const parsed = ProjectSummarySchema.safeParse(ev.payload);
            if (parsed.success) queryClient.setQueryData(queryKeys.summary(folder), parsed.data);
          }
        }
      } catch {
        // The watch ends when the view unmounts (abort) or the folder disappears; the
        // summary query still shows the last known state and its own errors.
      }
    })();
    return () => {
      abort.abort();
      if (opId) void client.ops.cancel({ opId }).catch(() => undefined);
    };
  }, [folder, queryClient]);

  return query;
}
