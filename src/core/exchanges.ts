/**
 * Trading-session schedules of the exchanges the project covers: enough to decide which session
 * first closes after an event, nothing more (no holiday lists: holidays come from the price data's
 * own trading calendar).
 */
import { EventStudyError } from './errors';

export interface ExchangeSchedule {
  /** ISO 10383 market identifier code. */
  code: 'XTKS' | 'XNYS';
  name: string;
  /** IANA time zone of the exchange's local clock. */
  timeZone: string;
  /**
   * Regular closing time `HH:mm` (local), each effective from `from` (YYYY-MM-DD, inclusive) until the
   * next entry's `from`; sorted by `from`. The first entry covers every earlier date.
   */
  closes: readonly { from: string; close: string }[];
}

/**
 * Tokyo: the afternoon session closed at 15:00 until the TSE extended its trading hours on
 * 2024-11-05 to close at 15:30. The 15:00 entry stands for every earlier date the project's data
 * reach (2018 onwards); older history is not modelled.
 */
const TOKYO: ExchangeSchedule = {
  code: 'XTKS',
  name: 'Tokyo Stock Exchange',
  timeZone: 'Asia/Tokyo',
  closes: [
    { from: '1900-01-01', close: '15:00' },
    { from: '2024-11-05', close: '15:30' },
  ],
};

/**
 * New York: 16:00 local all year; the time zone carries the EST/EDT switch. Early closes (13:00 on
 * some days around Independence Day, Thanksgiving and Christmas) are deliberately ignored: an event
 * between 13:00 and 16:00 on such a day would get that day as day 0 instead of the next session.
 */
const NEW_YORK: ExchangeSchedule = {
  code: 'XNYS',
  name: 'New York Stock Exchange',
  timeZone: 'America/New_York',
  closes: [{ from: '1900-01-01', close: '16:00' }],
};

/**
 * Every exchange schedule the project knows, by market identifier code.
 * @example EXCHANGES.XTKS.timeZone // 'Asia/Tokyo'
 */
export const EXCHANGES: Readonly<Record<ExchangeSchedule['code'], ExchangeSchedule>> = {
  XTKS: TOKYO,
  XNYS: NEW_YORK,
};

const TOKYO_INDEX_SYMBOLS = new Set(['^N225', 'TOPIX', '^TOPX']);

/**
 * The exchange whose sessions a symbol trades in: Yahoo's `.T` suffix and the Nikkei 225 and TOPIX
 * indices are Tokyo; every other symbol is taken to be New York (the only other market covered).
 * @throws never
 * @example exchangeForSymbol('7011.T').code // 'XTKS'
 * @example exchangeForSymbol('^GSPC').code // 'XNYS'
 */
export function exchangeForSymbol(symbol: string): ExchangeSchedule {
  const upper = symbol.trim().toUpperCase();
  if (upper.endsWith('.T') || TOKYO_INDEX_SYMBOLS.has(upper)) return TOKYO;
  return NEW_YORK;
}

/**
 * The regular closing time `HH:mm` of an exchange on a trading date (YYYY-MM-DD): the latest entry of
 * `closes` in force on that date, or the first entry for a date before every entry.
 * @throws {EventStudyError} INVALID_INPUT when the schedule lists no closing time.
 * @example closingTime(EXCHANGES.XTKS, '2024-11-01') // '15:00'
 * @example closingTime(EXCHANGES.XTKS, '2024-11-05') // '15:30'
 */
export function closingTime(exchange: ExchangeSchedule, date: string): string {
  const first = exchange.closes[0];
  if (first === undefined) {
    throw new EventStudyError('INVALID_INPUT', `${exchange.name} has no closing time in its schedule`);
  }
  let close = first.close;
  for (const entry of exchange.closes) {
    if (entry.from <= date) close = entry.close;
  }
  return close;
}
