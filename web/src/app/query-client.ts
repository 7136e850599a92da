import { QueryClient } from '@tanstack/react-query';
import { HooklineApiError } from '../../../src/client/api-error';

/** Client errors (4xx) are answers, not glitches: retrying them only delays the error state. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (count, error) =>
          !(error instanceof HooklineApiError && error.status < 500) && count < 2,
      },
    },
  });
}
