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
  // The watch below pushes every change, so the query never needs to refetch on its own.
  const query = useQuery({ queryKey: queryKeys.summary(folder), queryFn: () => client.project.summary({ folder }), staleTime: Infinity });

  useEffect(() => {
    const abort = new AbortController();
    let opId: string | null = null;
    const key = queryKeys.summary(folder);
    void (async () => {
      // Resubscribe whenever the stream ends without us asking (a dropped socket, a restarted
      // server): a watch that silently stopped would show a stale file.
      for (let attempt = 0; !abort.signal.aborted; attempt++) {
        try {
          ({ opId } = await client.project.watch({ folder }, { signal: abort.signal }));
          if (abort.signal.aborted) return;
          const events = await client.ops.events({ opId, after: -1 }, { signal: abort.signal });
          for await (const ev of events) {
            if (ev.kind !== 'data') continue;
            const parsed = ProjectSummarySchema.safeParse(ev.payload);
            if (!parsed.success) continue;
            // A pushed summary is newer than any fetch still in flight.
            await queryClient.cancelQueries({ queryKey: key });
            queryClient.setQueryData(key, parsed.data);
            attempt = 0;
          }
        } catch {
          // Folder gone or connection lost: the summary query shows its own error; retry below.
        }
        if (abort.signal.aborted) return;
        if (opId) void client.ops.cancel({ opId }).catch(() => undefined);
        await new Promise((r) => setTimeout(r, Math.min(5_000, 250 * 2 ** attempt)));
        void queryClient.invalidateQueries({ queryKey: key });
      }
    })();
    return () => {
      abort.abort();
      if (opId) void client.ops.cancel({ opId }).catch(() => undefined);
    };
  }, [folder, queryClient]);

  return query;
}
