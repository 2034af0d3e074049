import { SnapshotBuildError } from './raw-price-file.ts';

/** A run of trading days of a series' exchange on which the series has no bar. */
export interface SeriesGap {
  from: string;
  to: string;
  /** Trading days in the run. */
  days: number;
  reason: string;
}

export interface SeriesDays {
  symbol: string;
  exchange: string;
  /** Dates of the series' bars, ascending. */
  dates: readonly string[];
  /** Why the series lacks a day: the days it is known to lack, date → reason. */
  explained: ReadonlyMap<string, string>;
}

/**
 * The gaps of each series: trading days of its exchange (a day on which any series of the same
 * exchange has a bar) inside the series' own first..last span on which it has none, merged into
 * runs of consecutive trading days with the same reason. Every such day must be explained, and every
 * explained day must be such a day, so no gap goes unnoticed and no claimed gap is untrue.
 * @throws SnapshotBuildError naming the series and day of an unexplained gap or a wrong claim.
 * @example exchangeGaps([{ symbol: '^KS11', exchange: 'XKRX', dates, explained }, …]).get('^KS11') // [{ from: '2024-08-30', to: '2024-08-30', days: 1, reason: '…' }, …]
 */
export function exchangeGaps(series: readonly SeriesDays[]): Map<string, SeriesGap[]> {
  const tradingDays = new Map<string, string[]>();
  for (const { exchange, dates } of series) {
    tradingDays.set(exchange, [...new Set([...(tradingDays.get(exchange) ?? []), ...dates])].sort());
  }
  const gaps = new Map<string, SeriesGap[]>();
  for (const { symbol, exchange, dates, explained } of series) {
    const first = dates[0] ?? '';
    const last = dates.at(-1) ?? '';
    const own = new Set(dates);
    const days = (tradingDays.get(exchange) ?? []).filter((date) => date >= first && date <= last);
    for (const date of explained.keys()) {
      if (own.has(date) || !days.includes(date)) {
        throw new SnapshotBuildError(`${symbol} is said to lack ${date}, but ${own.has(date) ? 'it has a bar that day' : `no series of ${exchange} has one`}`);
      }
    }
    const runs: SeriesGap[] = [];
    let previousMissing = false;
    for (const date of days) {
      if (own.has(date)) {
        previousMissing = false;
        continue;
      }
      const reason = explained.get(date);
      if (reason === undefined) {
        throw new SnapshotBuildError(`${symbol} has no bar on ${date}, a trading day of ${exchange} (another of its series has one); explain the gap in the series' spec or fix the source`);
      }
      const run = runs.at(-1);
      if (previousMissing && run && run.reason === reason) {
        run.to = date;
        run.days += 1;
      } else {
        runs.push({ from: date, to: date, days: 1, reason });
      }
      previousMissing = true;
    }
    gaps.set(symbol, runs);
  }
  return gaps;
}
