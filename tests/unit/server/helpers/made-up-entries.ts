/**
 * MADE-UP TEST DATA, not market prices: cache entries with one bar per weekday, whose prices and
 * volume carry the number of the write that made them, so a test can tell which write a bar
 * survived from.
 */
import type { CacheEntry } from '../../../../server/cache/price-cache.ts';

const DAY_MS = 86_400_000;

/**
 * Every Monday-to-Friday date of [from, to].
 * @example weekdays('2024-11-01', '2024-11-05') // ['2024-11-01', '2024-11-04', '2024-11-05']
 */
export function weekdays(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS) {
    const day = new Date(ms).getUTCDay();
    if (day !== 0 && day !== 6) dates.push(new Date(ms).toISOString().slice(0, 10));
  }
  return dates;
}

/**
 * An entry of `symbol` over [from, to] as made by write number `write`: close = write + a fraction
 * with many digits (so a rounding store would show), volume = write.
 * @example madeUpEntry('7011.T', '2024-01-01', '2024-06-30', 1)
 */
export function madeUpEntry(symbol: string, from: string, to: string, write: number, fetchedAt = '2026-11-28T07:00:00.000Z'): CacheEntry {
  const bars = weekdays(from, to).map((date, index) => {
    const close = write + (index + 1) / 7;
    return { date, open: close, high: close + 0.5, low: close - 0.5, close, adjClose: close * 0.987654321, volume: write };
  });
  return {
    symbol,
    from,
    to,
    fetchedAt,
    series: {
      symbol,
      name: 'Made-up',
      exchange: 'Tokyo',
      currency: 'JPY',
      exchangeTimezoneName: 'Asia/Tokyo',
      fetchedAt,
      provenance: { source: `made-up write ${write}`, adjustment: 'none', defects: [] },
      bars,
      warnings: [],
    },
  };
}
