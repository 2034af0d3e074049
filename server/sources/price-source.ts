import type { PriceBar, SeriesProvenance } from '../../src/domain/price-api.ts';

/** One symbol over an inclusive range of exchange-local dates; symbol and dates already validated. */
export interface SeriesRequest {
  symbol: string;
  from: string;
  to: string;
}

/** Daily bars of one symbol as a source delivers them, before the service labels them live/cache/snapshot. */
export interface SourceSeries {
  symbol: string;
  name: string;
  exchange: string;
  currency: string;
  exchangeTimezoneName: string;
  /** ISO timestamp of the fetch (snapshot: when it was built). */
  fetchedAt: string;
  provenance: SeriesProvenance;
  /** Trading days in [from, to], ascending, dates in the exchange's time zone. */
  bars: PriceBar[];
  /** Things the user should know about these bars (partial coverage, dropped rows). */
  warnings: string[];
}

/**
 * A provider of daily bars (in the spirit of ghostfolio's DataProviderInterface): the Yahoo
 * implementation fetches live, the snapshot implementation reads data/snapshot. Failures are the
 * proxy's own errors (server/errors.ts), never a bare Error.
 */
export interface PriceSource {
  fetchSeries(request: SeriesRequest): Promise<SourceSeries>;
}

/** `fetch` as the WHATWG/Node global has it; injected so tests replay recorded Yahoo answers. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
