import { ISO_DATE_PATTERN } from './calendar-date';
import { EventStudyError } from './errors';
import { returnsFromPrices } from './returns';
import type { ReturnKind, StudyUnit } from './types';

export interface PricePoint {
  date: string;
  adjClose: number | null;
  /** Shares traded, null where the source has none; the unit carries volumes when its security's points have this field. */
  volume?: number | null;
}

export interface StudyUnitInput {
  id: string;
  symbol: string;
  benchmark: string;
  eventId?: string;
  securityPrices: readonly PricePoint[];
  benchmarkPrices: readonly PricePoint[];
  dayZero: string;
  returnKind: ReturnKind;
}


/**
 * One security on one event, ready for {@link runStudy}: both return series on the benchmark's
 * trading calendar. The calendar is the benchmark's dates (the security's own exchange, in
 * practice); a security price on a date outside it is ignored. A day's return exists only when
 * that day's and the previous calendar day's adjusted closes both exist: nothing is filled, so a
 * missing price makes two returns missing (the day's and the next day's), and the study counts
 * them in `lostDays`. When the security's price points carry `volume`, the unit carries its volumes
 * on the same calendar (null on a day without a bar or without a volume; never filled), for the
 * abnormal-volume analysis.
 *
 * @throws EventStudyError INVALID_INPUT for a date that is not YYYY-MM-DD, dates out of order or
 *   repeated, or a price that is not a positive number; EVENT_OUTSIDE_DATA when day 0 is not one of
 *   the benchmark's trading days.
 * @example buildStudyUnit({ id: '7011.T@us-election', symbol: '7011.T', benchmark: '^N225', securityPrices, benchmarkPrices, dayZero: '2024-11-06', returnKind: 'simple' }).returns
 */
export function buildStudyUnit(input: StudyUnitInput): StudyUnit {
  const { symbol, benchmark, dayZero, returnKind } = input;
  const dates = input.benchmarkPrices.map((point) => point.date);
  requireCalendar(dates, `${benchmark} prices`);
  requireCalendar(
    input.securityPrices.map((point) => point.date),
    `${symbol} prices`,
  );
  if (!dates.includes(dayZero)) {
    throw new EventStudyError(
      'EVENT_OUTSIDE_DATA',
      `${symbol}: day 0 (${dayZero}) is not a trading day in the ${benchmark} data (${dates[0] ?? 'none'} to ${dates.at(-1) ?? 'none'}).`,
    );
  }
  const securityByDate = new Map(input.securityPrices.map((point) => [point.date, point.adjClose]));
  const securityPrices = dates.map((date) => securityByDate.get(date) ?? null);
  const benchmarkPrices = input.benchmarkPrices.map((point) => point.adjClose);
  const volumes = volumesOn(dates, input.securityPrices);
  return {
    id: input.id,
    symbol,
    benchmark,
    ...(input.eventId === undefined ? {} : { eventId: input.eventId }),
    dates,
    returns: returnsFromPrices(securityPrices, returnKind, symbol),
    marketReturns: returnsFromPrices(benchmarkPrices, returnKind, benchmark),
    dayZero,
    returnKind,
    ...(volumes === null ? {} : { volumes }),
  };
}

/** The security's volumes on the calendar, or null when its points carry no volume field. */
function volumesOn(dates: readonly string[], points: readonly PricePoint[]): (number | null)[] | null {
  if (!points.some((point) => point.volume !== undefined)) return null;
  const byDate = new Map(points.map((point) => [point.date, point.volume ?? null]));
  return dates.map((date) => byDate.get(date) ?? null);
}

function requireCalendar(dates: readonly string[], seriesName: string): void {
  dates.forEach((date, index) => {
    if (!ISO_DATE_PATTERN.test(date)) {
      throw new EventStudyError('INVALID_INPUT', `${seriesName}: "${date}" is not a date written YYYY-MM-DD.`);
    }
    const previous = dates[index - 1];
    if (previous !== undefined && previous >= date) {
      throw new EventStudyError(
        'INVALID_INPUT',
        `${seriesName}: dates must be in increasing order without repeats, but ${date} follows ${previous}.`,
      );
    }
  });
}
