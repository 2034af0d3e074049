/**
 * Wire types of the price proxy (`server/`), shared by the server and the app.
 * Dates are `YYYY-MM-DD` trading days in the exchange's own time zone.
 */

export type PriceSourceKind = 'live' | 'cache' | 'snapshot';

export interface PriceBar {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  adjClose: number | null;
  volume: number | null;
}

export interface SeriesProvenance {
  /** Human-readable origin, e.g. "J-Quants (JPX) daily bars via keroppa88/chart0" or "yahoo-finance2 chart(), fetched 2026-11-28T07:00:00Z". */
  source: string;
  repository?: string;
  commit?: string;
  path?: string;
  blob?: string;
  /** Split / dividend adjustment of close and adjClose. */
  adjustment: string;
  defects: string[];
  license?: string;
}

export interface PriceSeries {
  symbol: string;
  name: string;
  exchange: string;
  currency: string;
  exchangeTimezoneName: string;
  source: PriceSourceKind;
  /** True when a live fetch failed and this came from the cache or the snapshot instead. */
  stale: boolean;
  /** ISO timestamp of when these bars were fetched (snapshot: when the snapshot was built). */
  fetchedAt: string;
  provenance: SeriesProvenance;
  bars: PriceBar[];
}

export interface PricesResponse {
  mode: 'snapshot' | 'live' | 'auto';
  from: string;
  to: string;
  series: PriceSeries[];
  /** Messages about fallbacks, e.g. "7011.T: Yahoo answered 429, served the cached copy from …". */
  warnings: string[];
}

/** A run of trading days of a series' own exchange on which the series has no bar (a suspension, a day its source lacks). */
export interface SeriesGap {
  from: string;
  to: string;
  /** Trading days in the run. */
  days: number;
  reason: string;
}

export interface SymbolInfo {
  symbol: string;
  name: string;
  exchange: string;
  exchangeTimezoneName: string;
  currency: string;
  kind: 'equity' | 'index' | 'etf';
  /** Benchmark symbols suitable for this symbol, best first (empty for benchmarks). */
  benchmarks: string[];
  /** Coverage: the first and last date with a bar, and the trading days in between without one. */
  firstDate: string;
  lastDate: string;
  rows: number;
  gaps: SeriesGap[];
}

export interface SymbolsResponse {
  symbols: SymbolInfo[];
}

/** The body of GET /api/health. */
export interface HealthResponse {
  status: 'ok';
  mode: PricesResponse['mode'];
  version: string;
  node: string;
  yahooFinance2: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string };
}
