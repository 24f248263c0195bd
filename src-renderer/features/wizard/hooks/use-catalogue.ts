/** Static wizard data from the Node side (backends, license families): fetched once. */
import { useQuery } from '@tanstack/react-query';
import { client } from '../../../api/client';

export function useCatalogue() {
  return useQuery({ queryKey: ['wizard', 'catalogue'], queryFn: () => client.wizard.catalogue(), staleTime: Infinity });
}
