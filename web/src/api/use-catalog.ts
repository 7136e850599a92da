import { useQuery } from '@tanstack/react-query';
import { useApi } from '../session/session-context';
import type { CatalogEvent } from './types';

/** The event catalog (types, schemas, samples); it changes only with the server, so cache long. */
export function useCatalog() {
  const api = useApi();
  return useQuery({
    queryKey: ['event-catalog'],
    staleTime: Infinity,
    queryFn: async () => {
      const body = (await api.GET('/api/v1/event-catalog')) as unknown as { data: CatalogEvent[] };
      return body.data;
    },
  });
}
