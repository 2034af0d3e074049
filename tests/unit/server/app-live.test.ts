import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PricesResponse } from '../../../src/domain/price-api.ts';
import { createApp } from '../../../server/app.ts';
import { DiskPriceCache } from '../../../server/cache/disk-cache.ts';
import { computeStudyJob } from '../../../server/study/study-job.ts';
import type { PriceMode } from '../../../server/price-service.ts';
import type { FetchLike } from '../../../server/sources/price-source.ts';
import { SnapshotSource } from '../../../server/sources/snapshot-source.ts';
import { YahooPriceSource } from '../../../server/sources/yahoo-source.ts';
import { madeUpSnapshot, MADE_UP_BUILT_AT, tempDir } from './helpers/temp-snapshot.ts';
import { fakeYahoo, json, neverAnswering, tokyoYahoo, type FakeYahoo } from './helpers/yahoo-fake.ts';

const T0 = new Date('2026-11-28T07:00:00.000Z');
const HOUR = 3_600_000;
const PRICES = '/api/prices?symbols=7011.T&from=2024-10-28&to=2024-11-08';
const CACHE_FILE = '7011_2eT.json';

interface Harness {
  app: ReturnType<typeof createApp>;
  cacheDir: string;
  log: string[];
  /** Moves the injected clock. */
  advance(ms: number): void;
}

async function harness(mode: PriceMode, fetch: FetchLike, options: { timeoutMs?: number; cacheDir?: string } = {}): Promise<Harness> {
  let current = T0;
  const now = () => current;
  const log: string[] = [];
  const cacheDir = options.cacheDir ?? (await tempDir('cache'));
  const live = new YahooPriceSource({ fetch, now, timeoutMs: options.timeoutMs ?? 2_000 });
  const cache = new DiskPriceCache({ directory: cacheDir, log: (line) => log.push(line) });
  const app = createApp({ mode, sources: { snapshot: new SnapshotSource(await madeUpSnapshot()), live }, cache, runStudyJob: computeStudyJob, now, log: (line) => log.push(line) });
  return { app, cacheDir, log, advance: (ms) => (current = new Date(current.getTime() + ms)) };
}

async function prices(h: Harness, url = PRICES): Promise<{ status: number; body: PricesResponse; response: Response }> {
  const response = await h.app.request(url);
  return { status: response.status, body: (await response.clone().json()) as PricesResponse, response };
}

/** Yahoo answering with the given responses in turn, the last one from then on. */
function sequence(...answers: [() => Response | Promise<Response>, ...(() => Response | Promise<Response>)[]]): FakeYahoo {
  let call = 0;
  return fakeYahoo(() => {
    const answer = answers[Math.min(call, answers.length - 1)] ?? answers[0];
    call += 1;
    return answer();
  });
}

const live = () => tokyoYahoo().fetch('https://query2.finance.yahoo.com/v8/finance/chart/7011.T');
const status = (code: number, headers: Record<string, string> = {}) => () => new Response('{}', { status: code, headers });

describe('live mode', () => {
  it('answers the symbols Yahoo has, and names each one it does not know or fails on, with its own code', async () => {
    const tokyo = tokyoYahoo();
    const h = await harness('live', fakeYahoo((symbol, url, init) => (symbol === '7013.T' ? json({}, 500) : tokyo.fetch(url, init))).fetch);
    const { status: code, body } = await prices(h, '/api/prices?symbols=7011.T,7013.T,FAKE.T&from=2024-10-28&to=2024-11-08');
    expect(code).toBe(200);
    expect(body.series.map((series) => [series.symbol, series.source])).toEqual([['7011.T', 'live']]);
    expect(body.failures.map((failure) => [failure.symbol, failure.code])).toEqual([
      ['7013.T', 'UPSTREAM_UNAVAILABLE'],
      ['FAKE.T', 'UNKNOWN_SYMBOL'],
    ]);
    for (const failure of body.failures) expect(failure.message).toContain(failure.symbol);
  });

  it('serves Yahoo bars as live, on Tokyo dates, named as in the snapshot catalog', async () => {
    const h = await harness('live', tokyoYahoo().fetch);
    const { status: code, body } = await prices(h, '/api/prices?symbols=7011.T,7013.T&from=2024-10-28&to=2024-11-08');
    expect(code).toBe(200);
    expect(body.mode).toBe('live');
    const [mhi, ihi] = body.series;
    expect(mhi).toMatchObject({ symbol: '7011.T', source: 'live', stale: false, fetchedAt: T0.toISOString(), name: 'Made-up Heavy Industries', exchange: 'XTKS' });
    expect(mhi?.bars.find((bar) => bar.date === '2024-11-06')?.close).toBe(2263);
    // 7013.T is not in the made-up catalog, so Yahoo's own name stays, and its exchange is Yahoo's
    // code JPX read through the registry (never the display name "Tokyo").
    expect(ihi).toMatchObject({ name: 'IHI Corporation', exchange: 'XTKS', source: 'live' });
    expect(body.warnings).toEqual([]);
  });

  it('writes the live result to the cache and serves it from there while fresh', async () => {
    const yahoo = tokyoYahoo();
    const h = await harness('live', yahoo.fetch);
    await prices(h);
    expect(await readdir(h.cacheDir)).toEqual([CACHE_FILE]);
    h.advance(HOUR);
    const second = await prices(h);
    expect(second.body.series[0]).toMatchObject({ source: 'cache', stale: false, fetchedAt: T0.toISOString() });
    expect(yahoo.calls).toHaveLength(1);
  });

  it('serves a sub-range from a cached wider range without asking Yahoo', async () => {
    const yahoo = tokyoYahoo();
    const h = await harness('live', yahoo.fetch);
    await prices(h);
    const narrow = await prices(h, '/api/prices?symbols=7011.T&from=2024-11-06&to=2024-11-06');
    expect(narrow.body.series[0]?.bars.map((bar) => [bar.date, bar.close])).toEqual([['2024-11-06', 2263]]);
    expect(narrow.body.series[0]?.source).toBe('cache');
    expect(yahoo.calls).toHaveLength(1);
  });

  it('asks Yahoo again once the cached copy is older than the cache lifetime', async () => {
    const yahoo = tokyoYahoo();
    const h = await harness('live', yahoo.fetch);
    await prices(h);
    h.advance(7 * HOUR);
    const again = await prices(h);
    expect(again.body.series[0]).toMatchObject({ source: 'live', fetchedAt: new Date(T0.getTime() + 7 * HOUR).toISOString() });
    expect(yahoo.calls).toHaveLength(2);
  });

  it('50 simultaneous identical cold requests make one upstream fetch per symbol', async () => {
    const yahoo = tokyoYahoo(30);
    const h = await harness('live', yahoo.fetch);
    const url = '/api/prices?symbols=7011.T,7013.T&from=2024-10-28&to=2024-11-08';
    const responses = await Promise.all(Array.from({ length: 50 }, () => h.app.request(url)));
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    expect(yahoo.calls.map((call) => new URL(call).pathname).sort()).toEqual(['/v8/finance/chart/7011.T', '/v8/finance/chart/7013.T']);
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(new Set(bodies).size).toBe(1);
  });

  it('falls back to the stale cached copy when Yahoo then answers 429, flagged and explained', async () => {
    const yahoo = sequence(live, status(429, { 'Retry-After': '60' }));
    const h = await harness('live', yahoo.fetch);
    await prices(h);
    h.advance(7 * HOUR);
    const { status: code, body } = await prices(h);
    expect(code).toBe(200);
    expect(body.series[0]).toMatchObject({ source: 'cache', stale: true, fetchedAt: T0.toISOString() });
    expect(body.series[0]?.bars.find((bar) => bar.date === '2024-11-06')?.close).toBe(2263);
    expect(body.warnings).toHaveLength(1);
    expect(body.warnings[0]).toMatch(/^7011\.T: Yahoo Finance is rate-limiting requests \(HTTP 429\) and asked to wait 60 s.*Served the cached copy fetched 2026-11-28T07:00:00\.000Z instead\.$/);
    expect(h.log).toContain('upstream: Yahoo answered 429 (rate limit); asking it nothing for 60 s');
  });

  it.each([
    ['500', status(500), 503, 'UPSTREAM_UNAVAILABLE'],
    ['a malformed body', () => new Response('{"chart":{"resu', { status: 200 }), 502, 'UPSTREAM_INVALID_RESPONSE'],
    ['valid JSON of the wrong shape', () => json({ chart: { result: [{ meta: { symbol: '7011.T' } }], error: null } }), 502, 'UPSTREAM_INVALID_RESPONSE'],
    ['404', () => json({ chart: { result: null, error: { code: 'Not Found', description: 'No data found' } } }, 404), 404, 'UNKNOWN_SYMBOL'],
  ])('without a cache, Yahoo %s → HTTP %i %s', async (_label, answer, httpStatus, code) => {
    const h = await harness('live', fakeYahoo(answer).fetch);
    const response = await h.app.request(PRICES);
    expect(response.status).toBe(httpStatus);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).toContain('7011.T');
    expect(await readdir(h.cacheDir)).toEqual([]);
  });

  it('without a cache, Yahoo 429 → 503 passing Retry-After on', async () => {
    const h = await harness('live', fakeYahoo(status(429, { 'Retry-After': '30' })).fetch);
    const response = await h.app.request(PRICES);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UPSTREAM_RATE_LIMITED');
  });

  it('without a cache, a Yahoo that never answers → 503 UPSTREAM_TIMEOUT within the timeout', async () => {
    const h = await harness('live', neverAnswering().fetch, { timeoutMs: 80 });
    const started = performance.now();
    const response = await h.app.request(PRICES);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UPSTREAM_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('does not fall back to the snapshot (that is what auto mode is for)', async () => {
    const h = await harness('live', fakeYahoo(status(500)).fetch);
    expect((await h.app.request(PRICES)).status).toBe(503);
  });

  it('ignores a corrupt cache file, fetches live, and replaces the file with a good one', async () => {
    const cacheDir = await tempDir('cache');
    await writeFile(path.join(cacheDir, CACHE_FILE), '{"format":"kabuto-price-cache/1","entry":{"sym');
    const h = await harness('live', tokyoYahoo().fetch, { cacheDir });
    const { status: code, body } = await prices(h);
    expect(code).toBe(200);
    expect(body.series[0]?.source).toBe('live');
    const stored = JSON.parse(await readFile(path.join(cacheDir, CACHE_FILE), 'utf8')) as { entry: { series: { bars: unknown[] } } };
    expect(stored.entry.series.bars).toHaveLength(9);
    expect(h.log).toContain(`cache: ignoring ${CACHE_FILE}, which does not parse; the next live fetch replaces it`);
  });

  it('still answers when the cache cannot be written, and logs why', async () => {
    const parent = await tempDir('cache');
    const blocked = path.join(parent, 'a-file');
    await writeFile(blocked, 'not a folder');
    const h = await harness('live', tokyoYahoo().fetch, { cacheDir: blocked });
    const { status: code, body } = await prices(h);
    expect(code).toBe(200);
    expect(body.series[0]?.source).toBe('live');
    expect(h.log.some((line) => line.startsWith('cache: could not write 7011.T'))).toBe(true);
  });
});

describe('auto mode', () => {
  it('uses live data when Yahoo answers', async () => {
    const h = await harness('auto', tokyoYahoo().fetch);
    const { body } = await prices(h);
    expect(body).toMatchObject({ mode: 'auto', warnings: [] });
    expect(body.series[0]).toMatchObject({ source: 'live', stale: false });
  });

  it('falls back to the stale cache first', async () => {
    const h = await harness('auto', sequence(live, status(503)).fetch);
    await prices(h);
    h.advance(24 * HOUR);
    const { body } = await prices(h);
    expect(body.series[0]).toMatchObject({ source: 'cache', stale: true });
    expect(body.series[0]?.bars.find((bar) => bar.date === '2024-11-06')?.close).toBe(2263);
  });

  it.each([
    ['500', status(500), /HTTP 500/],
    ['429', status(429), /HTTP 429/],
    ['a malformed body', () => new Response('<html>', { status: 200 }), /not valid JSON/],
    ['valid JSON of the wrong shape', () => json({ unexpected: true }), /could not be read as a chart/],
    ['an empty chart', () => json({ chart: { result: [], error: null } }), /unusable answer/],
  ])('falls back to the snapshot when there is no cache and Yahoo gives %s', async (_label, answer, reason) => {
    const h = await harness('auto', fakeYahoo(answer).fetch);
    const { status: code, body } = await prices(h);
    expect(code).toBe(200);
    expect(body.series[0]).toMatchObject({ source: 'snapshot', stale: true, fetchedAt: MADE_UP_BUILT_AT, name: 'Made-up Heavy Industries' });
    // The made-up snapshot's close of 2024-11-06 (115), not Yahoo's (2263): the snapshot served.
    expect(body.series[0]?.bars.find((bar) => bar.date === '2024-11-06')?.close).toBe(115);
    expect(body.warnings[0]).toMatch(reason);
    expect(body.warnings[0]).toMatch(/Served the offline snapshot \(built 2026-01-01T00:00:00\.000Z\) instead\.$/);
    expect(await readdir(h.cacheDir)).toEqual([]);
  });

  it('falls back to the snapshot within the timeout when Yahoo never answers', async () => {
    const h = await harness('auto', neverAnswering().fetch, { timeoutMs: 80 });
    const started = performance.now();
    const { status: code, body } = await prices(h);
    expect(code).toBe(200);
    expect(body.series[0]).toMatchObject({ source: 'snapshot', stale: true });
    expect(body.warnings[0]).toContain('did not answer within 80 ms');
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('serves a snapshot symbol Yahoo does not know (404), flagged', async () => {
    const h = await harness('auto', tokyoYahoo().fetch);
    const { status: code, body } = await prices(h, '/api/prices?symbols=^N225&from=2024-10-28&to=2024-11-08');
    expect(code).toBe(200);
    expect(body.series[0]).toMatchObject({ symbol: '^N225', source: 'snapshot', stale: true });
    expect(body.warnings[0]).toContain('does not know the symbol ^N225');
  });

  it('tries Yahoo again once the failed symbol\'s back-off has passed, not before', async () => {
    const yahoo = sequence(status(500), live);
    const h = await harness('auto', yahoo.fetch);
    expect((await prices(h)).body.series[0]).toMatchObject({ source: 'snapshot', stale: true });
    h.advance(29_000);
    expect((await prices(h)).body.series[0]).toMatchObject({ source: 'snapshot', stale: true });
    expect(yahoo.calls).toHaveLength(1);
    h.advance(1_000);
    expect((await prices(h)).body.series[0]).toMatchObject({ source: 'live', stale: false });
    expect(yahoo.calls).toHaveLength(2);
  });

  it('keeps Yahoo\'s error when neither cache nor snapshot has the symbol', async () => {
    const h = await harness('auto', fakeYahoo(status(500)).fetch);
    const response = await h.app.request('/api/prices?symbols=7013.T&from=2024-10-28&to=2024-11-08');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('coalesces fallbacks too: 50 identical requests during an outage cost one upstream call', async () => {
    // Upstream answers after a second, so all 50 requests are waiting on the one call however busy
    // the machine is.
    const yahoo = fakeYahoo(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return new Response('', { status: 500 });
    });
    const h = await harness('auto', yahoo.fetch);
    const responses = await Promise.all(Array.from({ length: 50 }, () => h.app.request(PRICES)));
    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([200]));
    expect(yahoo.calls).toHaveLength(1);
  });
});
