/**
 * What the engine needs to know of an exchange to place day 0: its clock and its regular close.
 * Which exchanges exist, and which symbol trades where, is the domain's registry
 * (src/domain/exchanges.ts); the engine takes a schedule as input and never guesses one.
 */
import { EventStudyError } from './errors';

export interface ExchangeSchedule {
  /** ISO 10383 market identifier code, e.g. XTKS. */
  code: string;
  name: string;
  /** IANA time zone of the exchange's local clock. */
  timeZone: string;
  /**
   * Regular closing time `HH:mm` (local), each effective from `from` (YYYY-MM-DD, inclusive) until the
   * next entry's `from`; sorted by `from`. The first entry covers every earlier date.
   */
  closes: readonly { from: string; close: string }[];
  /**
   * Single trading dates whose close differs from the regular one (Seoul's exam days close an
   * hour late); they win over `closes` on their date only.
   */
  specialCloses?: readonly { date: string; close: string }[];
}

/**
 * The closing time `HH:mm` of an exchange on a trading date (YYYY-MM-DD): the date's special close
 * if it has one, else the latest entry of `closes` in force on that date, or the first entry for a
 * date before every entry.
 * @throws {EventStudyError} INVALID_INPUT when the schedule lists no closing time.
 * @example closingTime({ code: 'XTKS', name: 'Tokyo', timeZone: 'Asia/Tokyo', closes: [{ from: '1900-01-01', close: '15:00' }, { from: '2024-11-05', close: '15:30' }] }, '2024-11-05') // '15:30'
 * @example closingTime({ code: 'XKRX', name: 'Korea', timeZone: 'Asia/Seoul', closes: [{ from: '1900-01-01', close: '15:30' }], specialCloses: [{ date: '2024-11-14', close: '16:30' }] }, '2024-11-14') // '16:30'
 */
export function closingTime(exchange: ExchangeSchedule, date: string): string {
  const first = exchange.closes[0];
  if (first === undefined) {
    throw new EventStudyError('INVALID_INPUT', `${exchange.name} has no closing time in its schedule`);
  }
  const special = exchange.specialCloses?.find((entry) => entry.date === date);
  if (special !== undefined) return special.close;
  let close = first.close;
  for (const entry of exchange.closes) {
    if (entry.from <= date) close = entry.close;
  }
  return close;
}
