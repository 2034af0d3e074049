import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';
import { pricesResponseSchema, type PricesResponse } from '../../../domain/price-api.ts';

export interface PricesParams {
  /** Securities and benchmarks together; sorted here so the same set is one cache entry. */
  symbols: readonly string[];
  from: string;
  to: string;
}

/**
 * The one query of daily prices: every selected security and benchmark over one date range. A
 * symbol the server has no prices for comes back in `failures` and drops out of the study alone.
 * Prices of past days do not change while the page is open, so they never go stale; changing a
 * window or a model recomputes from this cache without a request. With `queryClient`, a set of
 * symbols already held inside a larger cached answer (a security was unticked) is served from it.
 * @example useQuery(pricesQueryOptions({ symbols: ['7013.T', 'TOPIX'], from: '2021-09-01', to: '2025-02-28' }))
 */
export function pricesQueryOptions(params: PricesParams, queryClient?: QueryClient) {
  const symbols = [...new Set(params.symbols)].sort();
  return queryOptions({
    queryKey: ['prices', symbols.join(','), params.from, params.to] as const,
    queryFn: ({ signal }) => fetchPrices(symbols, params.from, params.to, signal),
    initialData: () => (queryClient ? cachedSubset(queryClient, symbols, params.from, params.to) : undefined),
    staleTime: Infinity,
    enabled: symbols.length > 0,
  });
}

/** The prices of `params` through react-query; see pricesQueryOptions. */
export function usePrices(params: PricesParams) {
  return useQuery(pricesQueryOptions(params, useQueryClient()));
}

function cachedSubset(queryClient: QueryClient, symbols: readonly string[], from: string, to: string): PricesResponse | undefined {
  for (const [key, data] of queryClient.getQueriesData<PricesResponse>({ queryKey: ['prices'] })) {
    if (!data || key[2] !== from || key[3] !== to) continue;
    if (!symbols.every((symbol) => data.series.some((series) => series.symbol === symbol) || data.failures.some((failure) => failure.symbol === symbol))) continue;
    return {
      ...data,
      series: data.series.filter((series) => symbols.includes(series.symbol)),
      failures: data.failures.filter((failure) => symbols.includes(failure.symbol)),
      // Server warnings start with the symbol they concern ("7011.T: …").
      warnings: data.warnings.filter((warning) => !data.series.some((series) => warning.startsWith(`${series.symbol}:`) && !symbols.includes(series.symbol))),
    };
  }
  return undefined;
}

function fetchPrices(symbols: readonly string[], from: string, to: string, signal: AbortSignal): Promise<PricesResponse> {
  return getJson('/api/prices', pricesResponseSchema, { symbols: symbols.join(','), from, to }, signal);
}
