/**
 * How a shared cache joins a write with the entry already there. MADE-UP TEST DATA throughout:
 * one bar per weekday whose prices tell which write it came from, only to see what is kept.
 */
import { describe, expect, it } from 'vitest';
import { mergeCacheEntries } from '../../../server/cache/merge-cache-entries.ts';
import type { CacheEntry } from '../../../server/cache/price-cache.ts';
import { madeUpEntry, weekdays } from './helpers/made-up-entries.ts';

const closes = (entry: CacheEntry) => entry.series.bars.map((bar) => [bar.date, bar.close]);

describe('merging a write into the stored entry of the same symbol', () => {
  it('keeps the write alone when it covers the stored range (what one instance always writes)', () => {
    const stored = madeUpEntry('7011.T', '2024-03-01', '2024-03-31', 1);
    const incoming = madeUpEntry('7011.T', '2024-01-01', '2024-12-31', 2);
    expect(mergeCacheEntries(stored, incoming)).toBe(incoming);
    expect(mergeCacheEntries(undefined, incoming)).toBe(incoming);
  });

  it('joins ranges that touch: the union, each bar from the write that covers it, the older fetch time, both provenances', () => {
    const stored = madeUpEntry('7011.T', '2024-01-01', '2024-06-30', 1, '2026-11-28T07:00:00.000Z');
    const incoming = madeUpEntry('7011.T', '2024-07-01', '2024-12-31', 2, '2026-11-28T07:00:05.000Z');
    const merged = mergeCacheEntries(stored, incoming);
    expect([merged.from, merged.to]).toEqual(['2024-01-01', '2024-12-31']);
    expect(merged.series.bars.map((bar) => bar.date)).toEqual(weekdays('2024-01-01', '2024-12-31'));
    expect(closes(merged)).toEqual([...closes(stored), ...closes(incoming)]);
    expect(merged.fetchedAt).toBe('2026-11-28T07:00:00.000Z');
    expect(merged.series.fetchedAt).toBe('2026-11-28T07:00:00.000Z');
    expect(merged.series.provenance.source).toBe('made-up write 2; outside 2024-07-01 to 2024-12-31: made-up write 1');
  });

  it('over an overlap takes the bars of the write, and keeps the stored ones beyond it', () => {
    const stored = madeUpEntry('7011.T', '2024-01-01', '2024-06-30', 1);
    const incoming = madeUpEntry('7011.T', '2024-05-01', '2024-08-31', 2);
    const merged = mergeCacheEntries(stored, incoming);
    expect([merged.from, merged.to]).toEqual(['2024-01-01', '2024-08-31']);
    expect(merged.series.bars.map((bar) => bar.date)).toEqual(weekdays('2024-01-01', '2024-08-31'));
    for (const bar of merged.series.bars) expect(bar.volume).toBe(bar.date >= '2024-05-01' ? 2 : 1);
  });

  it('lets the write win when a gap separates the ranges (one range could not say which days are missing)', () => {
    const stored = madeUpEntry('7011.T', '2024-01-01', '2024-03-31', 1);
    const incoming = madeUpEntry('7011.T', '2024-04-02', '2024-06-30', 2);
    expect(mergeCacheEntries(stored, incoming)).toBe(incoming);
    const touching = madeUpEntry('7011.T', '2024-04-01', '2024-06-30', 2);
    expect(mergeCacheEntries(stored, touching).from).toBe('2024-01-01');
  });

  it('lets the write win when the union would pass the 20-year request limit', () => {
    const stored = madeUpEntry('7011.T', '2004-01-01', '2004-12-31', 1);
    const incoming = madeUpEntry('7011.T', '2005-01-01', '2024-01-02', 2);
    expect(mergeCacheEntries(stored, incoming)).toBe(incoming);
    const within = madeUpEntry('7011.T', '2005-01-01', '2024-01-01', 2);
    expect(mergeCacheEntries(stored, within).from).toBe('2004-01-01');
  });

  it('never mixes symbols', () => {
    const incoming = madeUpEntry('7013.T', '2024-07-01', '2024-12-31', 2);
    expect(mergeCacheEntries(madeUpEntry('7011.T', '2024-01-01', '2024-06-30', 1), incoming)).toBe(incoming);
  });
});
