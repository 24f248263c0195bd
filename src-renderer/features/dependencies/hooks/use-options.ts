/** The input panel's choices: targets, the default matrix, the machine's local indexes. */
import { useQuery } from '@tanstack/react-query';
import { client } from '../../../api/client';

/** Query key of the options. */
export const optionsKey = ['dependencies', 'options'] as const;

/** The options query (loaded once). */
export function useDependenciesOptions() {
  return useQuery({ queryKey: optionsKey, queryFn: () => client.dependencies.options(), staleTime: Infinity });
}
