import type { AggregateTests, DayRange, StudyResult, SecurityResult } from '../../../core/types.ts';
import { caarVariance, carBand } from '../../../application/confidence-band.ts';

/** The relative days every chart spans: the event window, widened to include the rebasing day −1. */
export function chartDays(eventWindow: DayRange): number[] {
  const from = Math.min(eventWindow.from, -1);
  return Array.from({ length: eventWindow.to - from + 1 }, (_, index) => from + index);
}

export interface PriceLine {
  key: string;
  /** The trading calendar the line's relative days count on. */
  dates: readonly string[];
  dayZero: string;
  /** Adjusted close by date; null or absent = no price that day. */
  closes: ReadonlyMap<string, number | null>;
}

export type ChartRow = { day: number; date: string | null } & Record<string, unknown>;

/**
 * Prices rebased to 100 at day −1: 100·P(t)/P(−1) on each line's own calendar. A line without a
 * price on day −1 cannot be rebased and stays empty rather than being rebased elsewhere.
 * @example priceRows([{ key: 'a', dates: ['d1', 'd2'], dayZero: 'd2', closes: new Map([['d1', 50], ['d2', 55]]) }], [-1, 0])[1].a // 110
 */
export function priceRows(lines: readonly PriceLine[], days: readonly number[]): ChartRow[] {
  const rows: ChartRow[] = days.map((day) => ({ day, date: null }));
  for (const line of lines) {
    const zeroIndex = line.dates.indexOf(line.dayZero);
    const baseDate = line.dates[zeroIndex - 1];
    const base = baseDate === undefined ? null : (line.closes.get(baseDate) ?? null);
    days.forEach((day, index) => {
      const row = rows[index];
      const date = zeroIndex < 0 ? undefined : line.dates[zeroIndex + day];
      if (!row || date === undefined) return;
      row.date ??= date;
      const close = line.closes.get(date) ?? null;
      row[line.key] = base === null || base === 0 || close === null ? null : (100 * close) / base;
    });
  }
  return rows;
}

/**
 * One security's daily AR, its CAR from the start of the event window, and the CAR's 95% band.
 * @example abnormalReturnRows(security, [-5, 0])[1].ar // the day-0 abnormal return
 */
export function abnormalReturnRows(security: SecurityResult, days: readonly number[]): ChartRow[] {
  const byDay = new Map(security.days.map((day) => [day.relativeDay, day]));
  return days.map((day) => {
    const entry = byDay.get(day);
    const band = entry ? carBand(entry.car, entry.carVariance) : null;
    return {
      day,
      date: entry?.date ?? null,
      ar: entry?.ar ?? null,
      car: entry?.car ?? null,
      band: band ? [band.low, band.high] : null,
    };
  });
}

/**
 * The portfolio's AAR, CAAR, the CAAR's 95% band and each day's p-value under `test`. The band
 * is drawn only where every security counted in the day's n has a CAR variance, so it never
 * mixes a different set of securities than the CAAR itself.
 */
export function portfolioRows(result: StudyResult, test: keyof AggregateTests, days: readonly number[]): ChartRow[] {
  const byDay = new Map(result.aggregate.days.map((day) => [day.relativeDay, day]));
  return days.map((day) => {
    const entry = byDay.get(day);
    if (!entry) return { day, date: null, aar: null, caar: null, band: null, pValue: null };
    const variances = result.securities.map((security) => security.days.find((item) => item.relativeDay === day)?.carVariance ?? null).filter((value) => value !== null);
    const variance = variances.length === entry.n ? caarVariance(variances) : null;
    const band = variance === null ? null : carBand(entry.caar, variance);
    return {
      day,
      date: entry.date,
      aar: entry.aar,
      caar: entry.caar,
      band: band ? [band.low, band.high] : null,
      pValue: entry.tests[test].pValue,
    };
  });
}
