import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFileName, cacheFileSymbol, isRangeLayoutName } from '../../../server/cache/cache-file-name.ts';
import { DiskPriceCache } from '../../../server/cache/disk-cache.ts';
import type { CacheEntry } from '../../../server/cache/price-cache.ts';
import { InvalidRequestError } from '../../../server/errors.ts';
import { tempDir } from './helpers/temp-snapshot.ts';

/** MADE-UP TEST DATA: a two-bar entry with round prices, only to exercise the cache. */
function entry(overrides: Partial<CacheEntry> = {}): CacheEntry {
  const symbol = overrides.symbol ?? '7011.T';
  return {
    symbol,
    from: '2024-11-05',
    to: '2024-11-06',
    fetchedAt: '2026-11-28T07:00:00.000Z',
    series: {
      symbol,
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

function cacheIn(directory: string, options: { maxBytes?: number; log?: string[] } = {}): DiskPriceCache {
  return new DiskPriceCache({ directory, maxBytes: options.maxBytes, log: (line) => options.log?.push(line) });
}

const LEFTOVER = '7011_2eT.json.4242.0b0e3f6a-1c2d-4e5f-8a9b-0c1d2e3f4a5b.tmp';

describe('cache file names', () => {
  it('encode every character outside [A-Z0-9-], so no dot or slash reaches the file system', () => {
    expect(cacheFileName('7011.T')).toBe('7011_2eT.json');
    expect(cacheFileName('^N225')).toBe('_5eN225.json');
    expect(cacheFileName('JPY=X')).toBe('JPY_3dX.json');
  });

  it('read back into the symbol, and nothing else does', () => {
    expect(cacheFileSymbol('_5eN225.json')).toBe('^N225');
    expect(cacheFileSymbol(LEFTOVER)).toBeUndefined();
    expect(cacheFileSymbol('7011_2eT__2024-10-28__2024-11-08.json')).toBeUndefined();
    expect(cacheFileSymbol('notes.txt')).toBeUndefined();
    expect(isRangeLayoutName('7011_2eT__2024-10-28__2024-11-08.json')).toBe(true);
    expect(isRangeLayoutName('7011_2eT.json')).toBe(false);
  });

  it('refuse unvalidated text instead of turning it into a path', () => {
    expect(() => cacheFileName('../../etc/passwd')).toThrow(InvalidRequestError);
  });
});

describe('DiskPriceCache', () => {
  it('keeps one file per symbol: a later range replaces the earlier one, and a new instance reads it back', async () => {
    const directory = await tempDir('cache');
    const cache = cacheIn(directory);
    await cache.put(entry());
    await cache.put(entry({ from: '2024-01-01', to: '2024-12-31', fetchedAt: '2026-11-28T08:00:00.000Z' }));
    await cache.put(entry({ symbol: '^N225' }));
    expect((await readdir(directory)).sort()).toEqual(['7011_2eT.json', '_5eN225.json']);
    expect(await cacheIn(directory).get('7011.T')).toEqual(entry({ from: '2024-01-01', to: '2024-12-31', fetchedAt: '2026-11-28T08:00:00.000Z' }));
    expect(await cacheIn(directory).get('7013.T')).toBeUndefined();
  });

  it('lists the folder once: a miss after that costs no disk access (a file added behind its back stays unseen)', async () => {
    const directory = await tempDir('cache');
    await cacheIn(directory).put(entry({ symbol: '7013.T' }));
    const cache = cacheIn(directory);
    expect(await cache.get('7011.T')).toBeUndefined();
    await writeFile(path.join(directory, '7011_2eT.json'), JSON.stringify({ format: 'kabuto-price-cache/1', entry: entry() }));
    expect(await cache.get('7011.T')).toBeUndefined();
    // The index knew 7013.T from the one listing.
    expect((await cache.get('7013.T'))?.symbol).toBe('7013.T');
  });

  it('replaces a file by rename: a reader never sees a half-written file', async () => {
    const directory = await tempDir('cache');
    const cache = cacheIn(directory);
    const target = path.join(directory, '7011_2eT.json');
    await cache.put(entry({ fetchedAt: '2026-11-28T07:00:00.000Z' }));
    // Large enough (about 1 MB) that a non-atomic write would be caught half done.
    const manyBars = Array.from({ length: 10_000 }, (_, index) => ({ date: '2024-11-05', open: index, high: index, low: index, close: index, adjClose: index, volume: index }));
    const newer = entry({ fetchedAt: '2026-11-28T08:00:00.000Z' });
    newer.series.bars = manyBars;
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
    for (let round = 0; round < 20; round += 1) await cache.put(newer);
    writing = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    expect(broken).toBe(0);
    expect(JSON.parse(await readFile(target, 'utf8')).entry.fetchedAt).toBe('2026-11-28T08:00:00.000Z');
  });

  it('stays under its size cap by deleting the least recently used files', async () => {
    const directory = await tempDir('cache');
    const oneFile = Buffer.byteLength(JSON.stringify({ format: 'kabuto-price-cache/1', entry: entry({ symbol: 'AAAA' }) }));
    const cache = cacheIn(directory, { maxBytes: 3 * oneFile });
    for (const symbol of ['AAAA', 'BBBB', 'CCCC']) await cache.put(entry({ symbol }));
    // AAAA is used again, so BBBB is now the least recently used.
    expect((await cache.get('AAAA'))?.symbol).toBe('AAAA');
    await cache.put(entry({ symbol: 'DDDD' }));
    expect((await readdir(directory)).sort()).toEqual(['AAAA.json', 'CCCC.json', 'DDDD.json']);
    expect(await cache.get('BBBB')).toBeUndefined();
    // A fresh instance orders what it finds by modification time and keeps to the cap too.
    const reopened = cacheIn(directory, { maxBytes: 2 * oneFile });
    await reopened.put(entry({ symbol: 'EEEE' }));
    expect((await readdir(directory)).length).toBeLessThanOrEqual(2);
    expect(await readdir(directory)).toContain('EEEE.json');
  });

  it('never opens a FIFO named like an entry (which would block a thread until a writer came), and logs it once', async () => {
    const directory = await tempDir('cache');
    execFileSync('mkfifo', [path.join(directory, '7011_2eT.json')]);
    const log: string[] = [];
    const cache = cacheIn(directory, { log });
    expect(await cache.get('7011.T')).toBeUndefined();
    expect(await cache.get('7011.T')).toBeUndefined();
    expect(log).toEqual(['cache: ignoring 7011_2eT.json, which is not a regular file']);
    // The next write replaces the FIFO with a real entry.
    await cache.put(entry());
    expect((await stat(path.join(directory, '7011_2eT.json'))).isFile()).toBe(true);
    expect((await cacheIn(directory).get('7011.T'))?.symbol).toBe('7011.T');
  });

  it('refuses a FIFO that replaced an indexed entry, without blocking', async () => {
    const directory = await tempDir('cache');
    await cacheIn(directory).put(entry());
    const log: string[] = [];
    const cache = cacheIn(directory, { log });
    // The listing sees a regular file...
    expect(await cache.get('7013.T')).toBeUndefined();
    // ...which is then swapped for a FIFO before it is first read.
    await unlink(path.join(directory, '7011_2eT.json'));
    execFileSync('mkfifo', [path.join(directory, '7011_2eT.json')]);
    expect(await cache.get('7011.T')).toBeUndefined();
    expect(log).toEqual(['cache: ignoring 7011_2eT.json, which is not a regular file; the next live fetch replaces it']);
  });

  it('does not follow a symbolic link named like an entry', async () => {
    const directory = await tempDir('cache');
    const elsewhere = await tempDir('elsewhere');
    await cacheIn(elsewhere).put(entry());
    await symlink(path.join(elsewhere, '7011_2eT.json'), path.join(directory, '7011_2eT.json'));
    expect(await cacheIn(directory).get('7011.T')).toBeUndefined();
  });

  it.each([
    ['truncated JSON', '{"format":"kabuto-price-cache/1","entry":{"symbol":"70'],
    ['another format', JSON.stringify({ format: 'other', entry: entry() })],
    ['a NaN-like price', JSON.stringify({ format: 'kabuto-price-cache/1', entry: { ...entry(), series: { ...entry().series, bars: [{ date: '2024-11-05', close: 'NaN' }] } } })],
    ['another symbol', JSON.stringify({ format: 'kabuto-price-cache/1', entry: entry({ symbol: '7013.T' }) })],
    ['an empty file', ''],
  ])('ignores a cache file holding %s, logs it once, and the next write replaces it', async (_label, content) => {
    const directory = await tempDir('cache');
    await writeFile(path.join(directory, '7011_2eT.json'), content);
    const lines: string[] = [];
    const cache = cacheIn(directory, { log: lines });
    expect(await cache.get('7011.T')).toBeUndefined();
    expect(await cache.get('7011.T')).toBeUndefined();
    expect(lines).toEqual(['cache: ignoring 7011_2eT.json, which does not parse; the next live fetch replaces it']);
    await cache.put(entry());
    expect(await cacheIn(directory).get('7011.T')).toEqual(entry());
  });

  it('tidies leftovers of interrupted writes and files of the old one-file-per-range layout, and nothing else', async () => {
    const directory = await tempDir('cache');
    await writeFile(path.join(directory, LEFTOVER), '{"format":"kabuto-pri');
    await writeFile(path.join(directory, '7011_2eT__2024-10-28__2024-11-08.json'), '{}');
    await writeFile(path.join(directory, 'keep-me.tmp'), 'not ours');
    await cacheIn(directory).put(entry());
    const log: string[] = [];
    await cacheIn(directory, { log }).tidy();
    expect((await readdir(directory)).sort()).toEqual(['7011_2eT.json', 'keep-me.tmp']);
    expect(log).toEqual([
      'cache: removed 1 temporary file(s) left by an interrupted write',
      'cache: removed 1 file(s) of the old one-file-per-range layout',
    ]);
  });

  it('logs what it cannot tidy and resolves all the same', async () => {
    const directory = await tempDir('cache');
    // A folder named like a leftover cannot be removed as a file: a real failure, on any machine and user.
    await mkdir(path.join(directory, LEFTOVER, 'inside'), { recursive: true });
    const log: string[] = [];
    await expect(cacheIn(directory, { log }).tidy()).resolves.toBeUndefined();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(new RegExp(`^cache: could not remove ${LEFTOVER.replace(/\./g, '\\.')} \\(.+\\); it stays, and is never read$`));
    const notAFolder = path.join(directory, 'a-file');
    await writeFile(notAFolder, 'x');
    await expect(cacheIn(notAFolder, { log }).tidy()).resolves.toBeUndefined();
    expect(log[1]).toMatch(/^cache: cannot list .*a-file to tidy it \(ENOTDIR/);
  });

  it('rejects a write when the folder cannot be created, without leaving anything behind', async () => {
    const parent = await tempDir('cache');
    const blocker = path.join(parent, 'not-a-folder');
    await writeFile(blocker, 'x');
    await expect(cacheIn(blocker).put(entry())).rejects.toThrow();
    expect(await readdir(parent)).toEqual(['not-a-folder']);
  });
});
