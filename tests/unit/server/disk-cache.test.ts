import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFileName, parseCacheFileName } from '../../../server/cache/cache-file-name.ts';
import { DiskCache, type CacheEntry } from '../../../server/cache/disk-cache.ts';
import { InvalidRequestError } from '../../../server/errors.ts';
import { tempDir } from './helpers/temp-snapshot.ts';

/** MADE-UP TEST DATA: a two-bar entry with round prices, only to exercise the cache. */
function entry(overrides: Partial<CacheEntry> = {}): CacheEntry {
  return {
    symbol: '7011.T',
    from: '2024-11-05',
    to: '2024-11-06',
    fetchedAt: '2026-11-28T07:00:00.000Z',
    series: {
      symbol: '7011.T',
      name: 'Made-up',
      exchange: 'Tokyo',
      currency: 'JPY',
      exchangeTimezoneName: 'Asia/Tokyo',
      fetchedAt: '2026-11-28T07:00:00.000Z',
      provenance: { source: 'made-up', adjustment: 'none', defects: [] },
      bars: [
        { date: '2024-11-05', open: 1, high: 2, low: 1, close: 2, adjClose: 2, volume: 10 },
        { date: '2024-11-06', open: 2, high: 3, low: 2, close: 3, adjClose: 3, volume: null },
      ],
      warnings: [],
    },
    ...overrides,
  };
}

describe('cache file names', () => {
  it('encode every character outside [A-Z0-9-], so no dot or slash reaches the file system', () => {
    expect(cacheFileName('7011.T', '2024-10-28', '2024-11-08')).toBe('7011_2eT__2024-10-28__2024-11-08.json');
    expect(cacheFileName('^N225', '2024-01-01', '2024-12-31')).toBe('_5eN225__2024-01-01__2024-12-31.json');
    expect(cacheFileName('JPY=X', '2024-01-01', '2024-12-31')).toBe('JPY_3dX__2024-01-01__2024-12-31.json');
  });

  it('read back into symbol and range', () => {
    expect(parseCacheFileName('_5eN225__2024-01-01__2024-12-31.json')).toEqual({ symbol: '^N225', from: '2024-01-01', to: '2024-12-31' });
    expect(parseCacheFileName('7011_2eT__2024-10-28__2024-11-08.json.123.tmp')).toBeUndefined();
    expect(parseCacheFileName('notes.txt')).toBeUndefined();
  });

  it('refuse unvalidated text instead of turning it into a path', () => {
    expect(() => cacheFileName('../../etc/passwd', '2024-01-01', '2024-12-31')).toThrow(InvalidRequestError);
    expect(() => cacheFileName('7011.T', '../x', '2024-12-31')).toThrow(InvalidRequestError);
  });
});

describe('DiskCache', () => {
  it('writes one file per symbol and range, leaves no temporary file, and reads it back in a new process', async () => {
    const directory = await tempDir('cache');
    await new DiskCache(directory).write(entry());
    expect(await readdir(directory)).toEqual(['7011_2eT__2024-11-05__2024-11-06.json']);
    const reread = await new DiskCache(directory).find('7011.T', '2024-11-05', '2024-11-06');
    expect(reread).toEqual(entry());
  });

  it('replaces a file by rename: a reader never sees a half-written file', async () => {
    const directory = await tempDir('cache');
    const cache = new DiskCache(directory);
    const target = path.join(directory, '7011_2eT__2024-11-05__2024-11-06.json');
    await cache.write(entry({ fetchedAt: '2026-11-28T07:00:00.000Z' }));
    // Large enough (about 1 MB) that a non-atomic write would be caught half done.
    const manyBars = Array.from({ length: 10_000 }, (_, index) => ({ date: '2024-11-05', open: index, high: index, low: index, close: index, adjClose: index, volume: index }));
    const newer = entry({ fetchedAt: '2026-11-28T08:00:00.000Z' });
    newer.series.bars = manyBars;
    // Read the target continuously while it is rewritten; every read must parse completely.
    let reads = 0;
    let broken = 0;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        try {
          JSON.parse(await readFile(target, 'utf8'));
        } catch {
          broken += 1;
        }
        reads += 1;
      }
    })();
    for (let round = 0; round < 20; round += 1) await cache.write(newer);
    writing = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    expect(broken).toBe(0);
    expect(JSON.parse(await readFile(target, 'utf8')).entry.fetchedAt).toBe('2026-11-28T08:00:00.000Z');
  });

  it('finds the newest entry whose range covers the request and cuts its bars', async () => {
    const directory = await tempDir('cache');
    const cache = new DiskCache(directory);
    await cache.write(entry({ from: '2024-11-01', to: '2024-11-30', fetchedAt: '2026-11-27T00:00:00.000Z' }));
    await cache.write(entry({ from: '2024-11-04', to: '2024-11-10', fetchedAt: '2026-11-28T00:00:00.000Z' }));
    const found = await new DiskCache(directory).find('7011.T', '2024-11-06', '2024-11-06');
    expect(found?.fetchedAt).toBe('2026-11-28T00:00:00.000Z');
    expect(found?.series.bars.map((bar) => bar.date)).toEqual(['2024-11-06']);
    expect(await cache.find('7011.T', '2024-10-01', '2024-11-06')).toBeUndefined();
    expect(await cache.find('7013.T', '2024-11-06', '2024-11-06')).toBeUndefined();
  });

  it.each([
    ['truncated JSON', '{"format":"kabuto-price-cache/1","entry":{"symbol":"70'],
    ['another format', JSON.stringify({ format: 'other', entry: entry() })],
    ['a NaN-like price', JSON.stringify({ format: 'kabuto-price-cache/1', entry: { ...entry(), series: { ...entry().series, bars: [{ date: '2024-11-05', close: 'NaN' }] } } })],
    ['an empty file', ''],
  ])('ignores a cache file holding %s, logs it, and the next write replaces it', async (_label, content) => {
    const directory = await tempDir('cache');
    const fileName = '7011_2eT__2024-11-05__2024-11-06.json';
    await writeFile(path.join(directory, fileName), content);
    const lines: string[] = [];
    const cache = new DiskCache(directory, (line) => lines.push(line));
    expect(await cache.find('7011.T', '2024-11-05', '2024-11-06')).toBeUndefined();
    expect(lines).toEqual([`cache: ignoring ${fileName}, which does not parse; the next live fetch replaces it`]);
    await cache.write(entry());
    expect(await new DiskCache(directory).find('7011.T', '2024-11-05', '2024-11-06')).toEqual(entry());
  });

  it('removes temporary files an interrupted write left, and nothing else', async () => {
    const directory = await tempDir('cache');
    const leftover = '7011_2eT__2024-11-05__2024-11-06.json.4242.0b0e3f6a-1c2d-4e5f-8a9b-0c1d2e3f4a5b.tmp';
    await writeFile(path.join(directory, leftover), '{"format":"kabuto-pri');
    await writeFile(path.join(directory, 'keep-me.tmp'), 'not ours');
    await new DiskCache(directory).write(entry());
    expect(await new DiskCache(directory).removeLeftovers()).toBe(1);
    expect((await readdir(directory)).sort()).toEqual(['7011_2eT__2024-11-05__2024-11-06.json', 'keep-me.tmp']);
  });

  it('rejects a write when the folder cannot be created, without leaving anything behind', async () => {
    const parent = await tempDir('cache');
    const blocker = path.join(parent, 'not-a-folder');
    await writeFile(blocker, 'x');
    await expect(new DiskCache(blocker).write(entry())).rejects.toThrow();
    expect(await readdir(parent)).toEqual(['not-a-folder']);
  });
});
