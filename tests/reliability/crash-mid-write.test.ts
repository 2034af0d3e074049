/**
 * SIGKILL of the REAL server process in the middle of a cache write, then a fresh start on the
 * same cache folder: no corrupted entry is read, the leftover temporary file is removed, and
 * requests succeed (the complete entry from before the crash is served from the cache).
 */
import { watch } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PricesResponse } from '../../src/domain/price-api.ts';
import { startFakeYahoo, type FakeYahoo } from './helpers/fake-yahoo.ts';
import { madeUpChart } from './helpers/made-up-chart.ts';
import { FAKE_YAHOO_ENTRY, startServerProcess, type ServerProcess } from './helpers/server-process.ts';
import { tempRoot } from './helpers/temp-folders.ts';

/** Up to six server starts on a busy machine. */
const CRASH_TEST_TIMEOUT_MS = 90_000;
const SMALL_FILE = '7011_2eT.json';
/** A 20-year range: a cache file of about half a megabyte, slow enough to write that a kill can land mid-write. */
const BIG_RANGE = { from: '2004-11-09', to: '2024-11-08' };
/** Each attempt asks for another made-up symbol, so an attempt whose write won the race cannot serve the next from the cache. */
const BIG_SYMBOLS = ['BIG1.T', 'BIG2.T', 'BIG3.T', 'BIG4.T'];

let yahoo: FakeYahoo;
let cacheDir: string;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  yahoo = await startFakeYahoo();
  for (const symbol of BIG_SYMBOLS) yahoo.setChart(symbol, madeUpChart(symbol, '2004-11-01', '2024-11-08'));
  cacheDir = path.join(await tempRoot('crash'), 'cache');
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await yahoo?.close();
});

async function start(): Promise<ServerProcess> {
  const server = await startServerProcess(FAKE_YAHOO_ENTRY, { FAKE_YAHOO_ORIGIN: yahoo.origin, PRICE_SOURCE: 'live', KABUTO_CACHE_DIR: cacheDir });
  servers.push(server);
  return server;
}

/**
 * Asks `server` for 20 years of an uncached symbol and SIGKILLs it the moment the cache's temporary file
 * appears. Resolves with the folder listing right after the process is gone.
 */
async function killDuringWrite(server: ServerProcess, symbol: string): Promise<string[]> {
  const watcher = watch(cacheDir, (_event, name) => {
    if (name?.endsWith('.tmp')) server.child.kill('SIGKILL');
  });
  try {
    const request = fetch(`${server.url}/api/prices?symbols=${symbol}&from=${BIG_RANGE.from}&to=${BIG_RANGE.to}`).then(
      () => 'answered',
      () => 'connection lost',
    );
    await server.exited;
    expect(await request).toBe('connection lost');
    return await readdir(cacheDir);
  } finally {
    watcher.close();
  }
}

/** Every file left in the cache folder parses as a complete cache entry. */
async function expectOnlyCompleteEntries(): Promise<void> {
  for (const name of await readdir(cacheDir)) {
    expect(name).toMatch(/\.json$/);
    const parsed = JSON.parse(await readFile(path.join(cacheDir, name), 'utf8')) as { format: string; entry: { series: { bars: unknown[] } } };
    expect(parsed.format).toBe('kabuto-price-cache/1');
    expect(parsed.entry.series.bars.length).toBeGreaterThan(0);
  }
}

describe('a server killed while writing its cache', () => {
  it('restarts clean: the leftover temporary file is removed, the earlier complete entry is served, the interrupted symbol is fetched again', async () => {
    const first = await start();
    const small = await fetch(`${first.url}/api/prices?symbols=7011.T&from=2024-10-28&to=2024-11-08`);
    expect(((await small.json()) as PricesResponse).series[0]?.source).toBe('live');
    expect(await readdir(cacheDir)).toEqual([SMALL_FILE]);

    // The kill is sent as soon as the temporary file exists; if the rename still wins the race,
    // try again with a new symbol until a kill lands mid-write.
    let server = first;
    let leftover: string | undefined;
    let interrupted = BIG_SYMBOLS[0]!;
    let attempts = 0;
    for (const symbol of BIG_SYMBOLS) {
      attempts += 1;
      interrupted = symbol;
      leftover = (await killDuringWrite(server, symbol)).find((name) => name.endsWith('.tmp'));
      if (leftover) break;
      server = await start();
    }
    expect(leftover, 'no kill landed during a cache write in four attempts').toBeDefined();
    console.info(`crash test: the kill landed mid-write on attempt ${attempts}; leftover ${leftover}`);
    const interruptedFile = `${interrupted.replace('.', '_2e')}.json`;
    expect(leftover?.startsWith(`${interruptedFile}.`)).toBe(true);
    expect(await readdir(cacheDir)).not.toContain(interruptedFile);

    yahoo.reset();
    const restarted = await start();
    expect(restarted.log()).toContain('cache: removed 1 temporary file(s) left by an interrupted write');
    expect((await readdir(cacheDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await expectOnlyCompleteEntries();

    const cached = (await (await fetch(`${restarted.url}/api/prices?symbols=7011.T&from=2024-10-28&to=2024-11-08`)).json()) as PricesResponse;
    expect(cached.series[0]).toMatchObject({ source: 'cache', stale: false });
    expect(cached.series[0]?.bars.find((bar) => bar.date === '2024-11-06')?.close).toBe(2263);
    expect(yahoo.requests).toEqual([]);

    const refetched = await fetch(`${restarted.url}/api/prices?symbols=${interrupted}&from=${BIG_RANGE.from}&to=${BIG_RANGE.to}`);
    expect(refetched.status).toBe(200);
    const refetchedBody = (await refetched.json()) as PricesResponse;
    expect(refetchedBody.series[0]?.source).toBe('live');
    expect(refetchedBody.series[0]?.bars.length).toBeGreaterThan(5_000);
    expect(yahoo.requests.map((request) => request.symbol)).toEqual([interrupted]);
    await expectOnlyCompleteEntries();
    expect(await readdir(cacheDir)).toContain(interruptedFile);
  }, CRASH_TEST_TIMEOUT_MS);
});
