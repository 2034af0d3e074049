import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';
import { healthResponseSchema } from '../../../domain/price-api.ts';

/**
 * The server's mode: the free-text Yahoo symbol field only makes sense when it can fetch live.
 * @example useQuery(healthQueryOptions())
 */
export function healthQueryOptions() {
  return queryOptions({
    queryKey: ['health'] as const,
    queryFn: ({ signal }) => getJson('/api/health', healthResponseSchema, {}, signal),
    staleTime: Infinity,
  });
}

/** The server's health through react-query; see healthQueryOptions. */
export function useHealth() {
  return useQuery(healthQueryOptions());
}
