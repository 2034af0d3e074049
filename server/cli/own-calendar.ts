/**
 * Each security's own trading calendar in an input file that may hold several markets, each with its
 * own trading days (Tokyo's holidays, Tel Aviv's Sunday sessions): event time counts the security's
 * trading days, never the file's rows.
 *
 * The rule (README, "Command-line tool"):
 * - the security's days are the rows where it has a value;
 * - its market's days are the rows where its benchmark has a value, the benchmark standing for the
 *   market as it does in the dashboard (each exchange on its benchmark's calendar), but only on the
 *   weekdays the security trades at all in the file: a Monday–Friday benchmark adds no Fridays to a
 *   Sunday–Thursday market;
 * - the calendar runs from the security's first value to its last and holds every row that is a
 *   day of the security or of its market. A market day without the security's value is a missing
 *   day of the security (its return is missing, never filled); a day of the security without the
 *   benchmark's value is a day the benchmark misses. Both are counted and reported as lost days.
 *   A row that is neither (another market's day, a holiday of this one) is not on the calendar.
 * A blank cannot say by itself whether the market was closed or the value is missing; this rule
 * lets the benchmark say it, so a benchmark on the security's own market tells them apart exactly.
 */

export interface OwnCalendar {
  /** Rows of the file on the security's calendar, ascending. */
  rows: number[];
  /** Days of its market on which the security has no value. */
  securityMissing: number;
  /** Days of the security on which the benchmark has no value. */
  benchmarkMissing: number;
}

/**
 * The calendar of one security measured against one benchmark, as rows of the file.
 * @param weekdays each row's day of the week (0 = Sunday), from {@link weekdaysOf}.
 * @throws never
 * @example ownCalendar(weekdaysOf(dates), securityValues, benchmarkValues).rows.map((row) => dates[row])
 */
export function ownCalendar(
  weekdays: Uint8Array,
  security: readonly (number | null)[],
  benchmark: readonly (number | null)[],
): OwnCalendar {
  let first = -1;
  let last = -1;
  let tradedWeekdays = 0;
  for (let row = 0; row < security.length; row += 1) {
    if (security[row] === null) continue;
    if (first === -1) first = row;
    last = row;
    tradedWeekdays |= 1 << (weekdays[row] as number);
  }
  const rows: number[] = [];
  let securityMissing = 0;
  let benchmarkMissing = 0;
  if (first === -1) return { rows, securityMissing, benchmarkMissing };
  for (let row = first; row <= last; row += 1) {
    const hasSecurity = security[row] !== null;
    const marketDay = benchmark[row] !== null && (tradedWeekdays & (1 << (weekdays[row] as number))) !== 0;
    if (!hasSecurity && !marketDay) continue;
    rows.push(row);
    if (!hasSecurity) securityMissing += 1;
    else if (benchmark[row] === null) benchmarkMissing += 1;
  }
  return { rows, securityMissing, benchmarkMissing };
}

/**
 * The day of the week of each YYYY-MM-DD date, 0 = Sunday (Date.UTC as a day counter only, so no
 * reader's time zone shifts a date).
 * @throws never
 * @example weekdaysOf(['2024-11-06'])[0] // 3 (a Wednesday)
 */
export function weekdaysOf(dates: readonly string[]): Uint8Array {
  const weekdays = new Uint8Array(dates.length);
  dates.forEach((date, index) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    weekdays[index] = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  });
  return weekdays;
}
