import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-client.ts';

/**
 * The app's QueryClient. A failed request is retried once, and only when the failure may be
 * passing (no answer, or a 5xx); a 4xx names a problem that asking again will not fix. The
 * error panel's Retry button covers everything else.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 1 && isPassing(error),
        retryDelay: 400,
        refetchOnWindowFocus: false,
      },
    },
  });
}

function isPassing(error: unknown): boolean {
  return error instanceof ApiError && (error.status === null || error.status >= 500);
}
