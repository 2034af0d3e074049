import {
  ProxyError,
  UnknownSymbolError,
  UpstreamInvalidResponseError,
  UpstreamRateLimitedError,
  UpstreamUnavailableError,
} from '../errors.ts';
import type { FetchLike } from './price-source.ts';

export interface GuardContext {
  symbol: string;
  /** Aborted (with the error to report as its reason) when the caller gives up, e.g. on timeout. */
  signal: AbortSignal;
  now: () => Date;
}

/**
 * Wraps the fetch that yahoo-finance2 calls, so that Yahoo's failures surface as the proxy's own
 * errors before yahoo-finance2 turns them into generic ones: 404 → UnknownSymbolError,
 * 429 → UpstreamRateLimitedError (with Retry-After), other non-2xx or a dropped connection →
 * UpstreamUnavailableError, a 2xx body that is not JSON → UpstreamInvalidResponseError. It also
 * gives up as soon as `signal` aborts, which frees yahoo-finance2's queue slot even when the
 * underlying fetch never settles.
 * @example yahooFinance.chart(symbol, options, { fetch: guardYahooFetch(fetch, { symbol, signal, now }) })
 */
export function guardYahooFetch(fetchImpl: FetchLike, context: GuardContext): FetchLike {
  return async (input, init) => {
    const { symbol, signal } = context;
    signal.throwIfAborted();
    const response = await untilAborted(fetchImpl(input, { ...init, signal }), signal).catch((error: unknown) => {
      throw asUpstreamError(error, symbol, signal);
    });
    if (response.status === 404) {
      throw new UnknownSymbolError(symbol, `Yahoo Finance does not know the symbol ${symbol} (HTTP 404).`);
    }
    if (response.status === 429) {
      throw new UpstreamRateLimitedError(symbol, retryAfterSeconds(response.headers.get('retry-after'), context.now()));
    }
    if (!response.ok) throw new UpstreamUnavailableError(symbol, `it answered HTTP ${response.status}`);
    const text = await untilAborted(response.text(), signal).catch((error: unknown) => {
      throw asUpstreamError(error, symbol, signal);
    });
    try {
      JSON.parse(text);
    } catch {
      throw new UpstreamInvalidResponseError(symbol, 'the body is not valid JSON (truncated or garbled)');
    }
    return new Response(text, { status: response.status, headers: { 'content-type': 'application/json' } });
  };
}

/**
 * Seconds to wait from a Retry-After header: either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * @example retryAfterSeconds('120', new Date()) // 120
 */
export function retryAfterSeconds(header: string | null, now: Date): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/**
 * Settles like `promise`, or rejects with `signal.reason` once `signal` aborts. The abandoned
 * promise gets a no-op handler so its late failure cannot become an unhandled rejection.
 * @example await untilAborted(fetch(url), AbortSignal.timeout(8000))
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function asUpstreamError(error: unknown, symbol: string, signal: AbortSignal): ProxyError {
  if (signal.aborted && signal.reason instanceof ProxyError) return signal.reason;
  if (error instanceof ProxyError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new UpstreamUnavailableError(symbol, `the connection failed: ${detail}`);
}
