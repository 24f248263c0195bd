import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';

/** Recently opened projects, most recent first. */
export function useRecentProjects() {
  return useQuery({ queryKey: queryKeys.recent, queryFn: () => client.project.recent() });
}

export function useForgetProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (folder: string) => client.project.forget({ folder }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.recent }),
  });
}
