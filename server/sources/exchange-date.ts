const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * True when `timeZone` is an IANA zone this Node.js build knows (e.g. Asia/Tokyo).
 * @example isKnownTimeZone('Asia/Tokyo') // true
 */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date (`YYYY-MM-DD`) of an instant on the wall clock of `timeZone`. Yahoo stamps a
 * Tokyo daily bar at 09:00 JST, which is 00:00 UTC: reading it in UTC would be right by luck and
 * reading it in New York would slip a day, so the exchange's own zone decides.
 * @throws RangeError for a time zone Intl does not know (check with isKnownTimeZone first).
 * @example exchangeLocalDate(Date.parse('2024-11-06T00:00:00Z'), 'Asia/Tokyo') // '2024-11-06'
 */
export function exchangeLocalDate(epochMs: number, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
