import type { SourceSeries } from '../sources/price-source.ts';

/** Live bars of one symbol over [from, to] as fetched in one call, plus when. */
export interface CacheEntry {
  symbol: string;
  from: string;
  to: string;
  fetchedAt: string;
  series: SourceSeries;
}

/**
 * Where live results are kept between requests: ONE entry per symbol (its range grows as the price
 * service merges new fetches into it), bounded in size, least recently used evicted first. The
 * disk implementation (disk-cache.ts) serves one process; a shared one (Redis) can take its place
 * behind the same three calls.
 */
export interface PriceCache {
  /** The entry of `symbol`, whatever range it covers, or undefined. Never rejects: an unreadable entry is a miss. */
  get(symbol: string): Promise<CacheEntry | undefined>;
  /** Replaces the entry of `entry.symbol`. Rejects when the store refuses; the caller's answer stands. */
  put(entry: CacheEntry): Promise<void>;
  /** Start-up housekeeping (leftovers of interrupted writes). Never rejects; problems are logged. */
  tidy(): Promise<void>;
}
