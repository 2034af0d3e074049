import { addCalendarDays, addCalendarYears } from '../../src/domain/calendar.ts';
import { MAX_RANGE_YEARS } from '../request-validation.ts';
import type { CacheEntry } from './price-cache.ts';

/**
 * The entry a shared cache keeps when `incoming` is written over `existing` (the same symbol). The
 * price service asks Yahoo for the cached range joined with the request's, so one process's write
 * normally covers what was there, and then it simply replaces it. Two instances, though, can each
 * fetch a different range of one symbol at the same moment; the second write must not throw away
 * what the first one brought. So, when the two ranges overlap or touch and together span at most
 * the 20-year request limit (the limit the price service keeps one entry to), the result is their
 * union: the incoming bars over the incoming range, the existing bars outside it. Its fetch time is
 * the older of the two, so the entry is fresh only while all of its bars are, and its provenance
 * names both fetches. Otherwise (a gap
 * between the ranges, which one range cannot describe, or too long a span) the incoming entry wins,
 * as it would in one process.
 * @example mergeCacheEntries(entryOf('2024-01-01', '2024-12-31'), entryOf('2025-01-01', '2025-12-31')).from // '2024-01-01'
 */
export function mergeCacheEntries(existing: CacheEntry | undefined, incoming: CacheEntry): CacheEntry {
  if (!existing || existing.symbol !== incoming.symbol) return incoming;
  if (existing.from >= incoming.from && existing.to <= incoming.to) return incoming;
  const touches = existing.from <= addCalendarDays(incoming.to, 1) && existing.to >= addCalendarDays(incoming.from, -1);
  const from = existing.from < incoming.from ? existing.from : incoming.from;
  const to = existing.to > incoming.to ? existing.to : incoming.to;
  if (!touches || to > addCalendarYears(from, MAX_RANGE_YEARS)) return incoming;
  const kept = existing.series.bars.filter((bar) => bar.date < incoming.from || bar.date > incoming.to);
  const bars = [...kept, ...incoming.series.bars].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const fetchedAt = existing.fetchedAt < incoming.fetchedAt ? existing.fetchedAt : incoming.fetchedAt;
  const warnings = [...new Set([...incoming.series.warnings, ...existing.series.warnings])];
  const older = existing.series.provenance;
  const provenance = {
    ...incoming.series.provenance,
    source: `${incoming.series.provenance.source}; outside ${incoming.from} to ${incoming.to}: ${older.source}`,
    defects: [...new Set([...incoming.series.provenance.defects, ...older.defects])],
  };
  return { symbol: incoming.symbol, from, to, fetchedAt, series: { ...incoming.series, fetchedAt, provenance, bars, warnings } };
}
