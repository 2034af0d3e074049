import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, getJson } from '../../../lib/api-client.ts';
import type { PricesResponse } from '../../../shared/price-api.ts';

export interface PricesParams {
  /** Securities and benchmarks together; sorted here so the same set is one cache entry. */
  symbols: readonly string[];
  from: string;
  to: string;
}

const nullableNumber = z.number().nullable();

// Checked at the boundary so a malformed answer becomes a message, not a crash deep in a chart.
const pricesResponseSchema = z.object({
  mode: z.enum(['snapshot', 'live', 'auto']),
  from: z.string(),
  to: z.string(),
  warnings: z.array(z.string()),
  series: z.array(
    z.object({
      symbol: z.string(),
      name: z.string(),
      exchange: z.string(),
      currency: z.string(),
      exchangeTimezoneName: z.string(),
      source: z.enum(['live', 'cache', 'snapshot']),
      stale: z.boolean(),
      fetchedAt: z.string(),
      provenance: z.object({
        source: z.string(),
        repository: z.string().optional(),
        commit: z.string().optional(),
        path: z.string().optional(),
        blob: z.string().optional(),
        adjustment: z.string(),
        defects: z.array(z.string()),
        license: z.string().optional(),
      }),
      bars: z.array(
        z.object({
          date: z.string(),
          open: nullableNumber,
          high: nullableNumber,
          low: nullableNumber,
          close: nullableNumber,
          adjClose: nullableNumber,
          volume: nullableNumber,
        }),
      ),
    }),
  ),
});

/**
 * The one query of daily prices: every selected security and benchmark over one date range.
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
    if (!symbols.every((symbol) => data.series.some((series) => series.symbol === symbol))) continue;
    return {
      ...data,
      series: data.series.filter((series) => symbols.includes(series.symbol)),
      // Server warnings start with the symbol they concern ("7011.T: …").
      warnings: data.warnings.filter((warning) => !data.series.some((series) => warning.startsWith(`${series.symbol}:`) && !symbols.includes(series.symbol))),
    };
  }
  return undefined;
}

async function fetchPrices(symbols: readonly string[], from: string, to: string, signal: AbortSignal): Promise<PricesResponse> {
  const body = await getJson<unknown>('/api/prices', { symbols: symbols.join(','), from, to }, signal);
  const parsed = pricesResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError('BAD_RESPONSE', 'The server sent prices in a shape this page does not understand; reload the page, and if it persists the server and page versions differ.', 200);
  }
  return parsed.data;
}
