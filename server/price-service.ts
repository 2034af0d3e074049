import { addCalendarYears } from '../src/domain/calendar.ts';
import type { PriceFailure, PriceSeries, PriceSourceKind, PricesResponse } from '../src/domain/price-api.ts';
import type { CacheEntry, PriceCache } from './cache/price-cache.ts';
import { Coalescer } from './coalescer.ts';
import { ProxyError, UnknownSymbolError, UpstreamError, UpstreamInvalidResponseError } from './errors.ts';
import { MAX_RANGE_YEARS, type PricesQuery } from './request-validation.ts';
import type { PriceSource, SeriesRequest, SourceSeries } from './sources/price-source.ts';
import type { SnapshotSource } from './sources/snapshot-source.ts';
import { NO_FETCH_LOCK, type FetchLock } from './upstream/fetch-lock.ts';

export type PriceMode = PricesResponse['mode'];

/** Live results younger than this are served from the cache without asking Yahoo again. */
export const DEFAULT_CACHE_TTL_MS = 6 * 60 * 60 * 1000;
/** Resolved series kept in memory, so a repeated request reuses the very same objects. */
const MEMO_ENTRIES = 200;

/** The live source, which may say when a symbol that just failed will be asked again (the circuit breaker does). */
export type LiveSource = PriceSource & { nextAttemptMs?: (symbol: string) => Promise<number> };

export interface PriceServiceDeps {
  mode: PriceMode;
  snapshot: SnapshotSource;
  /** Required in live and auto mode. */
  live: LiveSource | undefined;
  /** Required in live and auto mode; never touched in snapshot mode. */
  cache: PriceCache | undefined;
  /** Who fetches a symbol when instances sharing the cache want it at once; none for one instance alone. */
  fetchLock?: FetchLock;
  now: () => Date;
  cacheTtlMs: number;
  log: (line: string) => void;
}

interface Resolved {
  series: PriceSeries;
  warnings: string[];
  /** Epoch ms until which this answer may be given again without asking anyone. */
  validUntil: number;
}

/**
 * Chooses where each symbol's bars come from. `snapshot`: the offline snapshot only. `live`: a
 * fresh cache entry covering the dates, else Yahoo; if Yahoo fails, the cache however old, flagged
 * stale. `auto`: as live, then the snapshot, flagged stale. Every fallback adds a warning saying
 * what failed and what was served instead; with nothing to fall back on, Yahoo's error stands.
 * Concurrent identical requests share one resolution (one upstream fetch per symbol and range);
 * instances that share one cache also share fetches through the fetch lock (server/upstream/fetch-lock.ts).
 *
 * The cache holds one entry per symbol, and its range grows: a miss asks Yahoo for the whole years
 * of the request joined with the range already cached (up to the 20-year limit), so requests for
 * nearby dates soon all fall inside one entry instead of each costing a call and a file.
 */
export class PriceService {
  private readonly coalescer = new Coalescer<Resolved>();
  /**
   * Answers that cannot change until `validUntil` (epoch ms): snapshot series forever, live and
   * fresh cached series until their cache lifetime ends, stale fallbacks until the live source
   * may be asked again. Reusing the objects lets serialisation be reused too.
   */
  private readonly memo = new Map<string, Resolved>();

  constructor(private readonly deps: PriceServiceDeps) {}

  /**
   * The series of every symbol that has one; a symbol that is unknown or fails upstream (with
   * nothing to fall back on) is listed in `failures` with its error's code and message, so one bad
   * symbol never costs the others their prices.
   * @throws the error of the first symbol when no symbol has a series (a one-symbol request keeps
   *   its own status, e.g. 404 UNKNOWN_SYMBOL); any error that is not one symbol's (the snapshot
   *   cannot be read, a bug) as it is.
   */
  async prices({ symbols, from, to }: PricesQuery): Promise<PricesResponse> {
    const settled = await Promise.all(
      symbols.map((symbol) =>
        this.resolve({ symbol, from, to }).then(
          (resolved) => ({ symbol, resolved, error: null }),
          (error: unknown) => ({ symbol, resolved: null, error: symbolError(error) }),
        ),
      ),
    );
    const resolved = settled.flatMap((item) => (item.resolved ? [item.resolved] : []));
    const failed = settled.flatMap((item) => (item.error ? [{ symbol: item.symbol, error: item.error }] : []));
    if (resolved.length === 0 && failed[0]) throw failed[0].error;
    return {
      mode: this.deps.mode,
      from,
      to,
      series: resolved.map((item) => item.series),
      warnings: resolved.flatMap((item) => item.warnings),
      failures: failed.map(({ symbol, error }): PriceFailure => ({ symbol, code: error.code, message: error.message })),
    };
  }

  private async resolve(request: SeriesRequest): Promise<Resolved> {
    const key = `${request.symbol}|${request.from}|${request.to}`;
    const now = this.deps.now().getTime();
    const memoized = this.memo.get(key);
    if (memoized && memoized.validUntil > now) return memoized;
    const resolved = await this.resolveAnew(key, request);
    // Whoever asks again gets the copy kept here, not a new fetch: say so.
    const kept = resolved.series.source === 'live' ? { ...resolved, series: { ...resolved.series, source: 'cache' as const } } : resolved;
    if (resolved.validUntil > now) this.remember(key, kept);
    return resolved;
  }

  private async resolveAnew(key: string, request: SeriesRequest): Promise<Resolved> {
    const { mode, live, cache } = this.deps;
    if (mode === 'snapshot' || !live || !cache) {
      const series = await this.deps.snapshot.fetchSeries(request);
      return { series: label(series, 'snapshot', false), warnings: series.warnings, validUntil: Number.POSITIVE_INFINITY };
    }
    return this.coalescer.run(key, () => this.resolveLive(request, live, cache));
  }

  private remember(key: string, resolved: Resolved): void {
    this.memo.delete(key);
    this.memo.set(key, resolved);
    if (this.memo.size > MEMO_ENTRIES) {
      const oldest = this.memo.keys().next().value;
      if (oldest !== undefined) this.memo.delete(oldest);
    }
  }

  private async resolveLive(request: SeriesRequest, live: LiveSource, cache: PriceCache): Promise<Resolved> {
    const stored = await cache.get(request.symbol);
    const fresh = await this.freshFromCache(request, stored);
    if (fresh) return fresh;
    // Another instance sharing the cache may be fetching this symbol: once it is done, its entry may answer.
    return (this.deps.fetchLock ?? NO_FETCH_LOCK).exclusive(request.symbol, async (cacheMayHaveChanged) => {
      const latest = cacheMayHaveChanged ? await cache.get(request.symbol) : stored;
      return (await this.freshFromCache(request, latest)) ?? this.fetchLive(request, live, cache, latest);
    });
  }

  private async freshFromCache(request: SeriesRequest, stored: CacheEntry | undefined): Promise<Resolved | undefined> {
    const cached = stored && covers(stored, request) ? narrow(stored, request) : undefined;
    if (!cached || !this.isFresh(cached)) return undefined;
    const series = await this.withCatalogNames(cached.series);
    return { series: label(series, 'cache', false), warnings: cached.series.warnings, validUntil: this.freshUntil(cached.fetchedAt) };
  }

  private async fetchLive(request: SeriesRequest, live: LiveSource, cache: PriceCache, stored: CacheEntry | undefined): Promise<Resolved> {
    const cached = stored && covers(stored, request) ? narrow(stored, request) : undefined;
    const range = fetchRange(request, stored);
    let fetched: SourceSeries;
    try {
      fetched = await live.fetchSeries({ symbol: request.symbol, ...range });
    } catch (error) {
      if (!(error instanceof UpstreamError || error instanceof UnknownSymbolError)) throw error;
      return this.fallback(request, error, cached, live);
    }
    const entry: CacheEntry = { symbol: request.symbol, ...range, fetchedAt: fetched.fetchedAt, series: fetched };
    await this.store(cache, entry);
    const asked = narrow(entry, request);
    if (asked.series.bars.length === 0) {
      const none = new UpstreamInvalidResponseError(request.symbol, `it holds no daily bars between ${request.from} and ${request.to}`, 'UPSTREAM_NO_DATA');
      return this.fallback(request, none, cached, live);
    }
    const series = await this.withCatalogNames(asked.series);
    return { series: label(series, 'live', false), warnings: fetched.warnings, validUntil: this.freshUntil(fetched.fetchedAt) };
  }

  private async fallback(request: SeriesRequest, error: ProxyError, cached: CacheEntry | undefined, live: LiveSource): Promise<Resolved> {
    // Until the live source may be asked again, the same fallback is the answer: keep it till then.
    const validUntil = (await live.nextAttemptMs?.(request.symbol)) ?? 0;
    if (cached) {
      const series = await this.withCatalogNames(cached.series);
      const note = `${request.symbol}: ${error.message} Served the cached copy fetched ${cached.fetchedAt} instead.`;
      return { series: label(series, 'cache', true), warnings: [note, ...cached.series.warnings], validUntil };
    }
    if (this.deps.mode === 'auto') {
      const snapshot = await this.deps.snapshot.fetchSeries(request).catch(() => undefined);
      if (snapshot) {
        const note = `${request.symbol}: ${error.message} Served the offline snapshot (built ${snapshot.fetchedAt}) instead.`;
        return { series: label(snapshot, 'snapshot', true), warnings: [note, ...snapshot.warnings], validUntil };
      }
    }
    throw error;
  }

  private async store(cache: PriceCache, entry: CacheEntry): Promise<void> {
    try {
      await cache.put(entry);
    } catch (error) {
      // The answer is still good; only the next request loses the shortcut.
      this.deps.log(`cache: could not write ${entry.symbol} (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  private freshUntil(fetchedAt: string): number {
    return Date.parse(fetchedAt) + this.deps.cacheTtlMs;
  }

  private isFresh(entry: CacheEntry): boolean {
    const age = this.deps.now().getTime() - Date.parse(entry.fetchedAt);
    return age >= 0 && age < this.deps.cacheTtlMs;
  }

  /** Live series of symbols the snapshot knows carry its names, so the dashboard labels agree. */
  private async withCatalogNames(series: SourceSeries): Promise<SourceSeries> {
    const entry = await this.deps.snapshot.describe(series.symbol).catch(() => undefined);
    return entry ? { ...series, name: entry.name, exchange: entry.exchange } : series;
  }
}

/**
 * True when every series of an answer comes from the snapshot and none as a stale fallback: such an
 * answer changes only with the snapshot, so it may be revalidated by its ETag.
 * @example restsOnSnapshot(await service.prices(query)) // true in snapshot mode
 */
export function restsOnSnapshot(prices: PricesResponse): boolean {
  return prices.series.every((series) => series.source === 'snapshot' && !series.stale);
}

function covers(entry: CacheEntry, request: SeriesRequest): boolean {
  return entry.from <= request.from && entry.to >= request.to;
}

function narrow(entry: CacheEntry, { from, to }: SeriesRequest): CacheEntry {
  const bars = entry.series.bars.filter((bar) => bar.date >= from && bar.date <= to);
  return { ...entry, from, to, series: { ...entry.series, bars } };
}

/**
 * The dates to ask Yahoo for on a miss: the whole calendar years of the request, joined with the
 * range already cached for the symbol, so the one entry per symbol grows to cover what is asked
 * around it. Beyond the 20-year limit the cached range is let go, and then the whole years; the
 * request itself is never longer than that.
 */
function fetchRange(request: SeriesRequest, stored: CacheEntry | undefined): { from: string; to: string } {
  const years = { from: `${request.from.slice(0, 4)}-01-01`, to: `${request.to.slice(0, 4)}-12-31` };
  const candidates = [years, { from: request.from, to: request.to }];
  if (stored) candidates.unshift({ from: minText(years.from, stored.from), to: maxText(years.to, stored.to) });
  return candidates.find((range) => range.to <= addCalendarYears(range.from, MAX_RANGE_YEARS)) ?? request;
}

function minText(a: string, b: string): string {
  return a < b ? a : b;
}

function maxText(a: string, b: string): string {
  return a > b ? a : b;
}

// One symbol's failures: unknown to the source, or Yahoo failing with nothing to fall back on.
// Anything else concerns every symbol alike and fails the request.
function symbolError(error: unknown): UnknownSymbolError | UpstreamError {
  if (error instanceof UnknownSymbolError || error instanceof UpstreamError) return error;
  throw error;
}

function label(series: SourceSeries, source: PriceSourceKind, stale: boolean): PriceSeries {
  return {
    symbol: series.symbol,
    name: series.name,
    exchange: series.exchange,
    currency: series.currency,
    exchangeTimezoneName: series.exchangeTimezoneName,
    source,
    stale,
    fetchedAt: series.fetchedAt,
    provenance: series.provenance,
    bars: series.bars,
  };
}
