import type { PriceSeries, PriceSourceKind, PricesResponse } from '../src/domain/price-api.ts';
import type { CacheEntry, DiskCache } from './cache/disk-cache.ts';
import { Coalescer } from './coalescer.ts';
import { ProxyError, UnknownSymbolError, UpstreamError } from './errors.ts';
import type { PricesQuery } from './request-validation.ts';
import type { PriceSource, SeriesRequest, SourceSeries } from './sources/price-source.ts';
import type { SnapshotSource } from './sources/snapshot-source.ts';

export type PriceMode = PricesResponse['mode'];

/** Live results younger than this are served from the cache without asking Yahoo again. */
export const DEFAULT_CACHE_TTL_MS = 6 * 60 * 60 * 1000;
/** Resolved series kept in memory, so a repeated request reuses the very same objects. */
const MEMO_ENTRIES = 200;

export interface PriceServiceDeps {
  mode: PriceMode;
  snapshot: SnapshotSource;
  /** Required in live and auto mode. */
  live: PriceSource | undefined;
  cache: DiskCache;
  now: () => Date;
  cacheTtlMs: number;
  log: (line: string) => void;
}

interface Resolved {
  series: PriceSeries;
  warnings: string[];
}

/**
 * Chooses where each symbol's bars come from. `snapshot`: the offline snapshot only. `live`: a
 * fresh disk-cache entry, else Yahoo; if Yahoo fails, the cache however old, flagged stale.
 * `auto`: as live, then the snapshot, flagged stale. Every fallback adds a warning saying what
 * failed and what was served instead; with nothing to fall back on, Yahoo's error stands.
 * Concurrent identical requests share one resolution (one upstream fetch per symbol and range).
 */
export class PriceService {
  private readonly coalescer = new Coalescer<Resolved>();
  /**
   * Answers that cannot change until `validUntil` (epoch ms): snapshot series forever, live and
   * fresh cached series until their cache lifetime ends; stale fallbacks are never kept, so the
   * next request tries Yahoo again. Reusing the objects lets serialisation be reused too.
   */
  private readonly memo = new Map<string, { resolved: Resolved; validUntil: number }>();

  constructor(private readonly deps: PriceServiceDeps) {}

  async prices({ symbols, from, to }: PricesQuery): Promise<PricesResponse> {
    const resolved = await Promise.all(symbols.map((symbol) => this.resolve({ symbol, from, to })));
    return {
      mode: this.deps.mode,
      from,
      to,
      series: resolved.map((item) => item.series),
      warnings: resolved.flatMap((item) => item.warnings),
    };
  }

  private async resolve(request: SeriesRequest): Promise<Resolved> {
    const key = `${request.symbol}|${request.from}|${request.to}`;
    const now = this.deps.now().getTime();
    const memoized = this.memo.get(key);
    if (memoized && memoized.validUntil > now) return memoized.resolved;
    const resolved = await this.resolveAnew(key, request);
    const validUntil = this.validUntil(resolved.series);
    // Whoever asks again gets the copy kept here, not a new fetch: say so.
    const kept = resolved.series.source === 'live' ? { ...resolved, series: { ...resolved.series, source: 'cache' as const } } : resolved;
    if (validUntil > now) this.remember(key, kept, validUntil);
    return resolved;
  }

  private async resolveAnew(key: string, request: SeriesRequest): Promise<Resolved> {
    const { mode, live } = this.deps;
    if (mode === 'snapshot' || !live) {
      const series = await this.deps.snapshot.fetchSeries(request);
      return { series: label(series, 'snapshot', false), warnings: series.warnings };
    }
    return this.coalescer.run(key, () => this.resolveLive(request, live));
  }

  private validUntil(series: PriceSeries): number {
    if (series.stale) return 0;
    if (series.source === 'snapshot') return Number.POSITIVE_INFINITY;
    return Date.parse(series.fetchedAt) + this.deps.cacheTtlMs;
  }

  private remember(key: string, resolved: Resolved, validUntil: number): void {
    this.memo.delete(key);
    this.memo.set(key, { resolved, validUntil });
    if (this.memo.size > MEMO_ENTRIES) {
      const oldest = this.memo.keys().next().value;
      if (oldest !== undefined) this.memo.delete(oldest);
    }
  }

  private async resolveLive(request: SeriesRequest, live: PriceSource): Promise<Resolved> {
    const cached = await this.deps.cache.find(request.symbol, request.from, request.to);
    if (cached && this.isFresh(cached)) {
      const series = await this.withCatalogNames(cached.series);
      return { series: label(series, 'cache', false), warnings: cached.series.warnings };
    }
    let fetched: SourceSeries;
    try {
      fetched = await live.fetchSeries(request);
    } catch (error) {
      if (!(error instanceof UpstreamError || error instanceof UnknownSymbolError)) throw error;
      this.deps.log(`upstream: ${error.message}`);
      return this.fallback(request, error, cached);
    }
    await this.store(request, fetched);
    const series = await this.withCatalogNames(fetched);
    return { series: label(series, 'live', false), warnings: fetched.warnings };
  }

  private async fallback(request: SeriesRequest, error: ProxyError, cached: CacheEntry | undefined): Promise<Resolved> {
    if (cached) {
      const series = await this.withCatalogNames(cached.series);
      const note = `${request.symbol}: ${error.message} Served the cached copy fetched ${cached.fetchedAt} instead.`;
      return { series: label(series, 'cache', true), warnings: [note, ...cached.series.warnings] };
    }
    if (this.deps.mode === 'auto') {
      const snapshot = await this.deps.snapshot.fetchSeries(request).catch(() => undefined);
      if (snapshot) {
        const note = `${request.symbol}: ${error.message} Served the offline snapshot (built ${snapshot.fetchedAt}) instead.`;
        return { series: label(snapshot, 'snapshot', true), warnings: [note, ...snapshot.warnings] };
      }
    }
    throw error;
  }

  private async store(request: SeriesRequest, series: SourceSeries): Promise<void> {
    try {
      await this.deps.cache.write({ ...request, fetchedAt: series.fetchedAt, series });
    } catch (error) {
      // The answer is still good; only the next request loses the shortcut.
      this.deps.log(`cache: could not write ${request.symbol} (${error instanceof Error ? error.message : String(error)})`);
    }
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
