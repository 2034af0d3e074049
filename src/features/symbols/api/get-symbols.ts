import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';
import { symbolsResponseSchema } from '../../../domain/price-api.ts';

/**
 * The symbols the server offers (the snapshot's series, with names and suitable benchmarks).
 * They change only when the server is rebuilt, so they never go stale in a session.
 * @example useQuery(symbolsQueryOptions())
 */
export function symbolsQueryOptions() {
  return queryOptions({
    queryKey: ['symbols'] as const,
    queryFn: ({ signal }) => getJson('/api/symbols', symbolsResponseSchema, {}, signal),
    staleTime: Infinity,
  });
}

/** The symbol list through react-query; see symbolsQueryOptions. */
export function useSymbols() {
  return useQuery(symbolsQueryOptions());
}
