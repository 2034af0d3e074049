/**
 * Issue 11, finding 3: in live and auto mode every distinct symbol × date range was one Yahoo call
 * and one cache file, with no cap; each cache miss listed the whole folder; with Yahoo down, auto
 * mode asked Yahoo again for every symbol of every request and logged three lines a request.
 * Against the REAL server process and a fake Yahoo on loopback.
 */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PricesResponse } from '../../src/domain/price-api.ts';
import { startFakeYahoo, type FakeYahoo } from './helpers/fake-yahoo.ts';
import { madeUpChart } from './helpers/made-up-chart.ts';
import { cpuSeconds, FAKE_YAHOO_ENTRY, startServerProcess, type ServerProcess } from './helpers/server-process.ts';
import { tempRoot } from './helpers/temp-folders.ts';

const TEST_TIMEOUT_MS = 120_000;
/** MADE-UP symbols; the fake answers each with the relabelled 7011.T fixture (2024-10-28 to 2024-11-08). */
const SYMBOLS = Array.from({ length: 20 }, (_, index) => `M${String(index).padStart(2, '0')}.T`);

let yahoo: FakeYahoo;
let root: string;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  yahoo = await startFakeYahoo();
  root = await tempRoot('live-bounds');
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await yahoo?.close();
});

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(FAKE_YAHOO_ENTRY, { FAKE_YAHOO_ORIGIN: yahoo.origin, ...env });
  servers.push(server);
  return server;
}

async function prices(server: ServerProcess, query: string): Promise<{ status: number; body: PricesResponse; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${server.url}/api/prices?${query}`);
  return { status: response.status, body: (await response.json()) as PricesResponse, ms: performance.now() - started };
}

/** 50 distinct ranges around the fixture's days, all inside 2024. */
function range(index: number): string {
  const from = new Date(Date.UTC(2024, 0, 1 + index * 5)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(2024, 10, 8 + index)).toISOString().slice(0, 10);
  return `from=${from}&to=${to}`;
}

describe('finding 3: live mode cannot grow without bound', () => {
  it('50 requests of 20 symbols over 50 date ranges: one Yahoo call and one cache file per symbol, not 1,000', async () => {
    const cacheDir = path.join(root, 'cache-ranges');
    const server = await start({ PRICE_SOURCE: 'live', KABUTO_CACHE_DIR: cacheDir });
    yahoo.reset();
    for (let index = 0; index < 50; index += 1) {
      const answer = await prices(server, `symbols=${SYMBOLS.join(',')}&${range(index)}`);
      expect(answer.status).toBe(200);
      expect(answer.body.series.every((series) => series.bars.length > 0)).toBe(true);
    }
    expect(yahoo.requests).toHaveLength(SYMBOLS.length);
    expect((await readdir(cacheDir)).sort()).toEqual(SYMBOLS.map((symbol) => `${symbol.replace('.', '_2e')}.json`).sort());
    // A range reaching into another year grows each entry once: one more call per symbol, no new file.
    const wider = await prices(server, `symbols=${SYMBOLS.join(',')}&from=2023-06-01&to=2024-11-08`);
    expect(wider.status).toBe(200);
    expect(yahoo.requests).toHaveLength(2 * SYMBOLS.length);
    expect(await readdir(cacheDir)).toHaveLength(SYMBOLS.length);
    await prices(server, `symbols=${SYMBOLS.join(',')}&from=2023-01-02&to=2024-12-30`);
    expect(yahoo.requests).toHaveLength(2 * SYMBOLS.length);
  }, TEST_TIMEOUT_MS);

  it('keeps the cache folder under KABUTO_CACHE_MAX_MB, evicting the least recently used entries', async () => {
    const cacheDir = path.join(root, 'cache-capped');
    const big = ['BIG1.T', 'BIG2.T', 'BIG3.T', 'BIG4.T', 'BIG5.T'];
    for (const symbol of big) yahoo.setChart(symbol, madeUpChart(symbol, '2004-11-01', '2024-11-08'));
    const server = await start({ PRICE_SOURCE: 'live', KABUTO_CACHE_DIR: cacheDir, KABUTO_CACHE_MAX_MB: '2' });
    const ask = async (symbol: string, from = '2004-11-09') => expect((await prices(server, `symbols=${symbol}&from=${from}&to=2024-11-08`)).status).toBe(200);
    for (const symbol of big.slice(0, 3)) await ask(symbol);
    // BIG1 is read from the cache again (another range, so not from memory), BIG2 is now the least recently used.
    await ask('BIG1.T', '2010-01-04');
    for (const symbol of big.slice(3)) await ask(symbol);
    const names = (await readdir(cacheDir)).sort();
    const sizes = await Promise.all(names.map(async (name) => (await stat(path.join(cacheDir, name))).size));
    console.info(`cache capped at 2 MiB: ${names.length} files, ${sizes.reduce((sum, size) => sum + size, 0)} bytes after five 20-year series of about ${Math.max(...sizes)} bytes each`);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(names).toEqual(['BIG1_2eT.json', 'BIG4_2eT.json', 'BIG5_2eT.json']);
    expect(yahoo.requests.filter((request) => request.symbol === 'BIG1.T')).toHaveLength(1);
  }, TEST_TIMEOUT_MS);

  it('lists a folder of 5,000 entries once at start, not on every miss', async () => {
    const cacheDir = path.join(root, 'cache-crowded');
    await mkdir(cacheDir);
    // MADE-UP entries named like symbols nobody asks for; never read, only listed.
    for (let index = 0; index < 5_000; index += 200) {
      await Promise.all(Array.from({ length: 200 }, (_, offset) => writeFile(path.join(cacheDir, `Z${index + offset}.json`), '{}')));
    }
    const server = await start({ PRICE_SOURCE: 'live', KABUTO_CACHE_DIR: cacheDir });
    const pid = server.child.pid ?? 0;
    await prices(server, 'symbols=7011.T&from=2024-10-28&to=2024-11-08');
    const before = await cpuSeconds(pid);
    for (const symbol of SYMBOLS) expect((await prices(server, `symbols=${symbol}&from=2024-10-28&to=2024-11-08`)).status).toBe(200);
    const missesCpu = (await cpuSeconds(pid)) - before;
    console.info(`20 cache misses beside 5,000 entries: ${missesCpu.toFixed(2)} s of server CPU`);
    // Listing and parsing every name on each miss cost 1.2–1.7 s at 51,000 files, so about 3 s for these 20 misses at 5,000.
    expect(missesCpu).toBeLessThan(1.5);
  }, TEST_TIMEOUT_MS);
});

describe('finding 3: auto mode with Yahoo down', () => {
  it('asks Yahoo once per symbol and back-off, answers from the snapshot at once after that, and logs once per symbol', async () => {
    const snapshotSymbols = ['7011.T', '7013.T', '7012.T', 'LMT', 'RTX'];
    yahoo.setFault(() => 'slow-headers');
    yahoo.setDelays({ slowMs: 5_000 });
    const server = await start({ PRICE_SOURCE: 'auto', KABUTO_CACHE_DIR: path.join(root, 'cache-down'), KABUTO_UPSTREAM_TIMEOUT_MS: '800' });
    yahoo.reset();
    const first = await prices(server, `symbols=${snapshotSymbols.join(',')}&from=2024-10-28&to=2024-11-08`);
    expect(first.status).toBe(200);
    const later: number[] = [];
    for (let index = 0; index < 30; index += 1) {
      const answer = await prices(server, `symbols=${snapshotSymbols.join(',')}&from=2024-10-${String(index % 20 + 1).padStart(2, '0')}&to=2024-11-08`);
      expect(answer.status).toBe(200);
      expect(answer.body.series.map((series) => [series.source, series.stale])).toEqual(snapshotSymbols.map(() => ['snapshot', true]));
      expect(answer.body.warnings[0]).toMatch(/did not answer within 800 ms/);
      later.push(answer.ms);
    }
    const slowest = Math.max(...later);
    console.info(`Yahoo down (every call times out after 800 ms): first answer ${first.ms.toFixed(0)} ms, the next 30 at most ${slowest.toFixed(0)} ms each`);
    // Each symbol asked at most once (those still in yahoo-finance2's queue when their time ran out, not at all).
    const asked = yahoo.requests.map((request) => request.symbol);
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((symbol) => snapshotSymbols.includes(symbol))).toBe(true);
    const upstreamLines = server.log().split('\n').filter((line) => line.includes('upstream:'));
    expect(upstreamLines).toHaveLength(snapshotSymbols.length);
    for (const line of upstreamLines) expect(line).toMatch(/failed \(UPSTREAM_TIMEOUT\); not asked again for 30 s/);
    yahoo.setFault(() => 'ok');
  }, TEST_TIMEOUT_MS);
});
