import type { PriceBar } from '../../src/domain/price-api.ts';
import { UpstreamInvalidResponseError } from '../errors.ts';
import { exchangeLocalDate, isKnownTimeZone } from './exchange-date.ts';

/** The part of yahoo-finance2's `chart()` array result that the proxy reads. */
export interface ChartQuote {
  date: Date;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  adjclose?: number | null;
  volume: number | null;
}

export interface ChartBarsResult {
  bars: PriceBar[];
  warnings: string[];
}

/**
 * Turns chart() quotes into daily bars dated on the exchange's own calendar (via
 * `meta.exchangeTimezoneName`), keeping only from ≤ date ≤ to. Rows with no price at all are
 * dropped (Yahoo emits them for some closed days and they would add a fake trading day); when two
 * rows fall on one local date (Yahoo's live bar for the current session) the later one wins.
 * @throws UpstreamInvalidResponseError for an unknown time zone or a non-finite number.
 * @example chartBars('7011.T', quotes, 'Asia/Tokyo', '2024-10-28', '2024-11-08')
 */
export function chartBars(
  symbol: string,
  quotes: readonly ChartQuote[],
  timeZone: string,
  from: string,
  to: string,
): ChartBarsResult {
  if (!isKnownTimeZone(timeZone)) {
    throw new UpstreamInvalidResponseError(symbol, `its exchange time zone ${JSON.stringify(timeZone)} is unknown`);
  }
  const byDate = new Map<string, PriceBar>();
  let emptyRows = 0;
  for (const quote of [...quotes].sort((a, b) => a.date.getTime() - b.date.getTime())) {
    const bar = toBar(symbol, quote, timeZone);
    if (bar.date < from || bar.date > to) continue;
    if ([bar.open, bar.high, bar.low, bar.close, bar.adjClose].every((value) => value === null)) emptyRows += 1;
    else byDate.set(bar.date, bar);
  }
  const bars = [...byDate.values()];
  const warnings = emptyRows > 0 ? [`${symbol}: Yahoo sent ${emptyRows} day(s) without any price; they were left out.`] : [];
  if (bars.length > 0 && bars.every((bar) => bar.adjClose === null)) {
    warnings.push(`${symbol}: Yahoo sent no adjusted closes, so returns cannot be computed from this series.`);
  }
  return { bars, warnings };
}

function toBar(symbol: string, quote: ChartQuote, timeZone: string): PriceBar {
  const epochMs = quote.date.getTime();
  if (!Number.isFinite(epochMs)) throw new UpstreamInvalidResponseError(symbol, 'a bar has no valid timestamp');
  const where = exchangeLocalDate(epochMs, timeZone);
  return {
    date: where,
    open: checked(symbol, quote.open, where),
    high: checked(symbol, quote.high, where),
    low: checked(symbol, quote.low, where),
    close: checked(symbol, quote.close, where),
    adjClose: checked(symbol, quote.adjclose ?? null, where),
    volume: checked(symbol, quote.volume, where),
  };
}

function checked(symbol: string, value: number | null, date: string): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new UpstreamInvalidResponseError(symbol, `the bar of ${date} holds ${String(value)} instead of a number`);
  }
  return value;
}
