/**
 * Event timing: which trading session of an exchange is day 0 for an event.
 * Time-zone arithmetic uses Intl.DateTimeFormat only, so this file stays pure (no clock, no Node).
 */
import { isCalendarDate } from './calendar-date';
import { EventStudyError } from './errors';
import { closingTime, type ExchangeSchedule } from './exchange-schedule';

/**
 * When an event happened: a local date, optionally a local time `HH:mm`, in an IANA time zone.
 * Without a time the event counts as during that date's session (the time is unknown).
 */
export interface EventTime {
  date: string;
  time?: string;
  timeZone?: string;
}

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE_MS = 60_000;

/**
 * Day 0 of an event on an exchange: the first trading session that closes strictly after the event
 * instant, so an event on a holiday, a weekend or after the close moves to the next session. A bare
 * date (no time) counts as during that date's session: day 0 is that date when it is one of
 * `tradingDays`, else the next trading day. Closing times come from `exchange.closes`.
 * @param tradingDays the exchange's trading calendar, ascending YYYY-MM-DD (from the price data).
 * @throws {EventStudyError} UNKNOWN_TIME_ZONE for a time zone Intl does not know; INVALID_INPUT for a
 *   malformed date or time, a time without a time zone, or an unsorted calendar; EVENT_OUTSIDE_DATA
 *   when the event falls before the first or after the last trading day's close.
 * @example dayZero({ date: '2024-11-05', time: '19:00', timeZone: 'America/New_York' }, tokyoSchedule,
 *   ['2024-11-05', '2024-11-06']) // '2024-11-06' (09:00 in Tokyo, before the 15:30 close; tokyoSchedule = EXCHANGE_REGISTRY.XTKS of src/domain/exchanges.ts)
 */
export function dayZero(
  event: EventTime,
  exchange: ExchangeSchedule,
  tradingDays: readonly string[],
): string {
  checkCalendar(tradingDays);
  checkDate(event.date, 'event date');
  if (event.timeZone !== undefined) formatterFor(event.timeZone);
  if (event.time === undefined) return sessionOnOrAfter(event.date, event, tradingDays);

  const eventInstant = instantOf(event.date, checkTime(event.time, 'event time'), requireZone(event));
  const localDate = localDateOf(eventInstant, exchange.timeZone);
  const session = sessionOnOrAfter(localDate, event, tradingDays);
  if (session !== localDate || eventInstant < closeInstant(exchange, session)) return session;
  const next = tradingDays[tradingDays.indexOf(session) + 1];
  if (next === undefined) throw outsideData(event, tradingDays);
  return next;
}

/**
 * The first trading day on or after a local date. A date before the first trading day is outside
 * the data: the calendar cannot tell whether sessions it does not list happened in between.
 */
function sessionOnOrAfter(date: string, event: EventTime, tradingDays: readonly string[]): string {
  const index = firstIndexOnOrAfter(date, tradingDays);
  const session = tradingDays[index];
  if (session === undefined || (index === 0 && date < session)) throw outsideData(event, tradingDays);
  return session;
}

/** UTC milliseconds of a local wall-clock minute in a time zone. */
function instantOf(date: string, time: string, timeZone: string): number {
  const wallClock = wallClockMs(date, time);
  // The zone's offset at the wall-clock time read as UTC is off by at most one transition; a second
  // pass corrects it. A wall time skipped by a DST jump (02:30 on a spring-forward night) lands on
  // the first pass's offset, which no exchange session is near.
  const firstGuess = wallClock - offsetMs(wallClock, timeZone);
  const secondOffset = offsetMs(firstGuess, timeZone);
  const secondGuess = wallClock - secondOffset;
  return offsetMs(secondGuess, timeZone) === secondOffset ? secondGuess : firstGuess;
}

function closeInstant(exchange: ExchangeSchedule, date: string): number {
  const close = checkTime(closingTime(exchange, date), `${exchange.name} closing time`);
  return instantOf(date, close, exchange.timeZone);
}

/** Offset of a time zone from UTC at an instant: local wall clock read as UTC, minus the instant. */
function offsetMs(instant: number, timeZone: string): number {
  const parts = wallClockParts(instant, timeZone);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return asUtc - Math.floor(instant / MINUTE_MS) * MINUTE_MS;
}

function localDateOf(instant: number, timeZone: string): string {
  const { year, month, day } = wallClockParts(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function wallClockParts(instant: number, timeZone: string) {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
  } catch {
    throw new EventStudyError(
      'UNKNOWN_TIME_ZONE',
      `Unknown time zone "${timeZone}": use an IANA name such as Asia/Tokyo or America/New_York`,
    );
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

function wallClockMs(date: string, time: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
}

/** Binary search: index of the first trading day >= date (tradingDays.length when none). */
function firstIndexOnOrAfter(date: string, tradingDays: readonly string[]): number {
  let low = 0;
  let high = tradingDays.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((tradingDays[middle] ?? '') < date) low = middle + 1;
    else high = middle;
  }
  return low;
}

function outsideData(event: EventTime, tradingDays: readonly string[]): EventStudyError {
  const first = tradingDays[0];
  const last = tradingDays[tradingDays.length - 1];
  const span = first === undefined ? 'no trading days at all' : `trading days from ${first} to ${last}`;
  return new EventStudyError(
    'EVENT_OUTSIDE_DATA',
    `The event of ${describe(event)} has no trading session in the data (${span})`,
  );
}

function describe(event: EventTime): string {
  const time = event.time === undefined ? '' : ` ${event.time}`;
  const zone = event.timeZone === undefined ? '' : ` ${event.timeZone}`;
  return `${event.date}${time}${zone}`;
}

function requireZone(event: EventTime): string {
  if (event.timeZone === undefined || event.timeZone === '') {
    throw new EventStudyError(
      'INVALID_INPUT',
      `The event time ${event.time ?? ''} on ${event.date} needs a time zone (e.g. Asia/Tokyo)`,
    );
  }
  return event.timeZone;
}

function checkCalendar(tradingDays: readonly string[]): void {
  for (let index = 0; index < tradingDays.length; index += 1) {
    const day = tradingDays[index] ?? '';
    checkDate(day, 'trading day');
    if (index > 0 && day <= (tradingDays[index - 1] ?? '')) {
      throw new EventStudyError(
        'INVALID_INPUT',
        `Trading days must be in ascending order without repeats; ${day} follows ${tradingDays[index - 1]}`,
      );
    }
  }
}

function checkDate(text: string, label: string): void {
  if (!isCalendarDate(text)) {
    throw new EventStudyError('INVALID_INPUT', `The ${label} "${text}" is not a date of the form YYYY-MM-DD`);
  }
}

function checkTime(text: string, label: string): string {
  if (!CLOCK_TIME.test(text)) {
    throw new EventStudyError('INVALID_INPUT', `The ${label} "${text}" is not a time of the form HH:mm (00:00–23:59)`);
  }
  return text;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
