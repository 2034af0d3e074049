import { ProxyError, UnknownSymbolError, UpstreamBackedOffError, UpstreamError, UpstreamRateLimitedError } from '../errors.ts';
import type { PriceSource, SeriesRequest, SourceSeries } from '../sources/price-source.ts';
import { WHOLE_UPSTREAM, type UpstreamBlock, type UpstreamState } from './upstream-state.ts';

/** First back-off after a symbol fails; it doubles with each failure in a row. */
export const DEFAULT_BACKOFF_MS = 30_000;
/** Longest back-off of one symbol. */
export const MAX_BACKOFF_MS = 10 * 60_000;
/** Pause after a 429 that names no Retry-After. */
export const DEFAULT_RATE_LIMIT_PAUSE_SECONDS = 60;
/** Longest pause honoured, so an absurd Retry-After cannot switch live data off for days. */
export const MAX_RATE_LIMIT_PAUSE_SECONDS = 3_600;

export interface CircuitBreakerOptions {
  state: UpstreamState;
  now: () => Date;
  log: (line: string) => void;
  /** First back-off after a failure, in ms; 0 remembers no failure (each request asks again). */
  backoffMs?: number;
}

/**
 * The live source with a memory of Yahoo's failures, so that an outage costs one upstream call
 * per symbol and back-off period instead of one per request. A symbol whose call failed (Yahoo
 * unreachable, 5xx, timeout, unusable answer, unknown symbol) is not asked again for the back-off
 * (30 s, doubling per failure in a row up to 10 min): requests in that time get the remembered
 * failure at once, as UpstreamBackedOffError with the same code, and the price service falls back
 * to the cache or the snapshot. After a 429 no symbol is asked until Retry-After has passed (60 s
 * when Yahoo names none, at most an hour): asking a rate-limiting Yahoo again only prolongs the
 * block. Each change of state (a symbol blocked, blocked again, answering again; a pause begun)
 * is logged once, never each request it turns away.
 * @example const live = new CircuitBreaker(new YahooPriceSource({ now }), { state: new MemoryUpstreamState(() => Date.now()), now, log })
 */
export class CircuitBreaker implements PriceSource {
  private readonly backoffMs: number;

  constructor(
    private readonly source: PriceSource,
    private readonly options: CircuitBreakerOptions,
  ) {
    this.backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  }

  async fetchSeries(request: SeriesRequest): Promise<SourceSeries> {
    const { symbol } = request;
    const nowMs = this.options.now().getTime();
    const pause = await this.options.state.get(WHOLE_UPSTREAM);
    if (pause && pause.untilMs > nowMs) throw new UpstreamRateLimitedError(symbol, secondsUntil(pause.untilMs, nowMs));
    const block = await this.options.state.get(symbol);
    if (block && block.untilMs > nowMs) throw new UpstreamBackedOffError(symbol, block.code, block.message, secondsUntil(block.untilMs, nowMs));
    try {
      const series = await this.source.fetchSeries(request);
      if (block && (await this.options.state.clear(symbol))) this.options.log(`upstream: ${symbol} answers again`);
      return series;
    } catch (error) {
      if (error instanceof UpstreamRateLimitedError) await this.pause(error);
      else if (isRemembered(error)) await this.block(symbol, error);
      throw error;
    }
  }

  /** Epoch ms from which `symbol` may be asked again (0 when it may be asked now). */
  async nextAttemptMs(symbol: string): Promise<number> {
    const [pause, block] = await Promise.all([this.options.state.get(WHOLE_UPSTREAM), this.options.state.get(symbol)]);
    return Math.max(pause?.untilMs ?? 0, block?.untilMs ?? 0);
  }

  private async pause(error: UpstreamRateLimitedError): Promise<void> {
    const nowMs = this.options.now().getTime();
    const seconds = Math.min(error.retryAfterSeconds ?? DEFAULT_RATE_LIMIT_PAUSE_SECONDS, MAX_RATE_LIMIT_PAUSE_SECONDS);
    const untilMs = nowMs + seconds * 1000;
    const current = await this.options.state.get(WHOLE_UPSTREAM);
    if (current && current.untilMs >= untilMs) return;
    await this.options.state.set(WHOLE_UPSTREAM, { untilMs, code: error.code, message: error.message, failures: 1 }, untilMs);
    if (!current || current.untilMs <= nowMs) this.options.log(`upstream: Yahoo answered 429 (rate limit); asking it nothing for ${seconds} s`);
  }

  private async block(symbol: string, error: ProxyError): Promise<void> {
    if (this.backoffMs === 0) return;
    const nowMs = this.options.now().getTime();
    const current = await this.options.state.get(symbol);
    // Several requests for one symbol can fail together: the first one blocks it, the rest see that.
    if (current && current.untilMs > nowMs) return;
    const failures = (current?.failures ?? 0) + 1;
    const waitMs = Math.min(this.backoffMs * 2 ** (failures - 1), MAX_BACKOFF_MS);
    const block: UpstreamBlock = { untilMs: nowMs + waitMs, code: error.code, message: error.message, failures };
    await this.options.state.set(symbol, block, block.untilMs + MAX_BACKOFF_MS);
    const again = failures > 1 ? ' again' : '';
    this.options.log(`upstream: ${symbol} failed${again} (${error.code}); not asked again for ${Math.round(waitMs / 1000)} s: ${error.message}`);
  }
}

function isRemembered(error: unknown): error is ProxyError {
  return (error instanceof UpstreamError && !(error instanceof UpstreamBackedOffError)) || error instanceof UnknownSymbolError;
}

function secondsUntil(untilMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((untilMs - nowMs) / 1000));
}
