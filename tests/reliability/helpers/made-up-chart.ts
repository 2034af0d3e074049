/**
 * MADE-UP TEST DATA, not market prices: a Yahoo chart answer with one bar per weekday over many
 * years (prices count up from 1000), only to make a cache entry large enough that writing it
 * takes measurable time. The envelope (meta) is the constructed 7011.T fixture's, relabelled.
 */
import { chartBody, TOKYO_FIXTURES } from '../../unit/server/helpers/yahoo-fake.ts';

const DAY_SECONDS = 86_400;

interface FixtureBody {
  chart: { result: [{ meta: Record<string, unknown> }] };
}

/**
 * A chart body for `symbol` with a bar at 00:00 UTC (09:00 Tokyo) on every weekday of [from, to].
 * @example madeUpChart('BIG.T', '2004-11-09', '2024-11-08').chart.result[0].timestamp.length // 5218
 */
export function madeUpChart(symbol: string, from: string, to: string) {
  const timestamps: number[] = [];
  for (let seconds = Date.parse(`${from}T00:00:00Z`) / 1000; seconds <= Date.parse(`${to}T00:00:00Z`) / 1000; seconds += DAY_SECONDS) {
    const weekday = new Date(seconds * 1000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) timestamps.push(seconds);
  }
  const prices = timestamps.map((_, index) => 1000 + index / 4);
  const fixtureMeta = (structuredClone(chartBody(TOKYO_FIXTURES['7011.T'] ?? '')) as FixtureBody).chart.result[0].meta;
  return {
    chart: {
      result: [
        {
          meta: { ...fixtureMeta, symbol, longName: 'Made-up Big Series', shortName: 'Made-up Big Series' },
          timestamp: timestamps,
          indicators: {
            quote: [{ open: prices, high: prices.map((price) => price + 1), low: prices.map((price) => price - 1), close: prices, volume: prices.map((price) => price * 100) }],
            adjclose: [{ adjclose: prices }],
          },
        },
      ],
      error: null,
    },
  };
}
