/**
 * The wire schemas of the price server's JSON answers (`server/`): the server types the answers it
 * builds with these, and the page checks every answer it reads against them (src/lib/api-client.ts),
 * so a malformed answer becomes a message, never a crash deep in a chart. Types are inferred from
 * the schemas, so the two cannot drift apart. Dates are `YYYY-MM-DD` trading days in the
 * exchange's own time zone.
 */
import { z } from 'zod';
import { ISO_DATE_PATTERN } from './calendar.ts';
import { seriesProvenanceSchema } from './provenance.ts';

export type { SeriesProvenance } from './provenance.ts';

const isoDate = z.string().regex(ISO_DATE_PATTERN);

/**
 * The dates a price request may name: no price source holds a bar outside them (Yahoo's history
 * starts in the 1960s, the snapshot in 2021), and inside them every date arithmetic of the project
 * stays in four-digit years.
 */
export const PRICE_DATES = { earliest: '1900-01-01', latest: '2100-12-31' } as const;
const nullableNumber = z.number().nullable();

export const priceSourceKindSchema = z.enum(['live', 'cache', 'snapshot']);
export type PriceSourceKind = z.infer<typeof priceSourceKindSchema>;

/** The server's PRICE_SOURCE mode. */
export const priceModeSchema = z.enum(['snapshot', 'live', 'auto']);

export const priceBarSchema = z.object({
  date: isoDate,
  open: nullableNumber,
  high: nullableNumber,
  low: nullableNumber,
  close: nullableNumber,
  adjClose: nullableNumber,
  volume: nullableNumber,
});
export type PriceBar = z.infer<typeof priceBarSchema>;

export const priceSeriesSchema = z.object({
  symbol: z.string(),
  name: z.string(),
  /** The exchange as the source names it: the snapshot's MIC, or Yahoo's exchange name live. */
  exchange: z.string(),
  currency: z.string(),
  exchangeTimezoneName: z.string(),
  source: priceSourceKindSchema,
  /** True when a live fetch failed and this came from the cache or the snapshot instead. */
  stale: z.boolean(),
  /** ISO timestamp of when these bars were fetched (snapshot: when the snapshot was built). */
  fetchedAt: z.string(),
  provenance: seriesProvenanceSchema,
  bars: z.array(priceBarSchema),
});
export type PriceSeries = z.infer<typeof priceSeriesSchema>;

/**
 * A symbol of a price request that has no series in the answer, with the server's own error code
 * (UNKNOWN_SYMBOL, UPSTREAM_NO_DATA, UPSTREAM_UNAVAILABLE, …) and message naming the symbol.
 */
export const priceFailureSchema = z.object({
  symbol: z.string(),
  code: z.string(),
  message: z.string(),
});
export type PriceFailure = z.infer<typeof priceFailureSchema>;

/**
 * The body of GET /api/prices. One symbol that is unknown, has no bars or fails upstream does not
 * fail the request: it is listed in `failures` and the other symbols' series are answered.
 */
export const pricesResponseSchema = z.object({
  mode: priceModeSchema,
  from: isoDate,
  to: isoDate,
  series: z.array(priceSeriesSchema),
  /** Messages about fallbacks, e.g. "7011.T: Yahoo answered 429, served the cached copy from …". */
  warnings: z.array(z.string()),
  /** The requested symbols that have no series here, each with why; in the order requested. */
  failures: z.array(priceFailureSchema),
});
export type PricesResponse = z.infer<typeof pricesResponseSchema>;

/** A run of trading days of a series' own exchange on which the series has no bar (a suspension, a day its source lacks). */
export const seriesGapSchema = z.object({
  from: isoDate,
  to: isoDate,
  /** Trading days in the run. */
  days: z.number().int().positive(),
  reason: z.string(),
});
export type SeriesGap = z.infer<typeof seriesGapSchema>;

export const symbolInfoSchema = z.object({
  symbol: z.string(),
  name: z.string(),
  exchange: z.string(),
  exchangeTimezoneName: z.string(),
  currency: z.string(),
  kind: z.enum(['equity', 'index', 'etf']),
  /** Benchmark symbols suitable for this symbol, best first (empty for benchmarks). */
  benchmarks: z.array(z.string()),
  /** Coverage: the first and last date with a bar, and the trading days in between without one. */
  firstDate: isoDate,
  lastDate: isoDate,
  rows: z.number().int().nonnegative(),
  gaps: z.array(seriesGapSchema),
});
export type SymbolInfo = z.infer<typeof symbolInfoSchema>;

/** The body of GET /api/symbols. */
export const symbolsResponseSchema = z.object({ symbols: z.array(symbolInfoSchema) });
export type SymbolsResponse = z.infer<typeof symbolsResponseSchema>;

/** The body of GET /api/health. */
export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  mode: priceModeSchema,
  version: z.string(),
  node: z.string(),
  yahooFinance2: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** Every error answer of the server. */
export const apiErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
