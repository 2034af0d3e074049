import { addCalendarDays, isCalendarDate } from '../domain/calendar.ts';
import type { StudyEvent } from '../domain/study-event.ts';

/**
 * Calendar years of prices fetched before the earliest event: about 750 trading days, room for
 * estimation windows three times the default [−250, −11].
 */
const YEARS_BEFORE = 3;
/** Calendar days after the latest event: about 60 trading days of event window. */
const DAYS_AFTER = 92;

/**
 * The one date range of prices a study uses, derived from every known event (not only the
 * selected ones), so ticking an event on or off never refetches. Rounded to whole months so nearby
 * ranges share a cache entry. The page and the server's /api/study.csv both use it: the range
 * decides the first day whose return is missing, so it must be the same for the same numbers.
 * @throws never
 * @example priceRange([{ date: '2024-09-27' }, { date: '2024-11-07' }]) // { from: '2021-09-01', to: '2025-02-28' }
 */
export function priceRange(events: readonly Pick<StudyEvent, 'date'>[]): { from: string; to: string } | null {
  const dates = events.map((event) => event.date).filter(isCalendarDate).sort();
  const first = dates[0];
  const last = dates.at(-1);
  if (first === undefined || last === undefined) return null;
  return { from: `${Number(first.slice(0, 4)) - YEARS_BEFORE}-${first.slice(5, 7)}-01`, to: endOfMonth(addCalendarDays(last, DAYS_AFTER)) };
}

function endOfMonth(isoDate: string): string {
  const nextMonthStart = addCalendarDays(`${isoDate.slice(0, 7)}-01`, 32).slice(0, 7);
  return addCalendarDays(`${nextMonthStart}-01`, -1);
}
