/**
 * Live diagnostics for the editor's text: a quick validation on every change (latest text
 * wins; older requests are cancelled), keeping the previous result on screen meanwhile.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client } from '../../../api/client';

export function useDiagnostics(folder: string, text: string | undefined) {
  return useQuery({
    queryKey: ['pyproject', 'validate', folder, text],
    queryFn: async ({ signal }) => {
      const t = text ?? '';
      const r = await client.pyproject.validate({ text: t, folder, depth: 'full' }, { signal });
      return { text: t, diagnostics: r.diagnostics, elapsedMs: r.elapsedMs };
    },
    enabled: text !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 10_000,
  });
}
