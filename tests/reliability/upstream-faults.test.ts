/**
 * Every upstream fault, once each, against the REAL server process (the start-up routine of
 * server/main.ts, over real HTTP) whose Yahoo is a fake on loopback: two processes, one in live
 * mode with a stale cached copy of 7011.T and one in auto mode with an empty cache.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PricesResponse } from '../../src/domain/price-api.ts';
import { startFakeYahoo, NULLS_DAY_INDEX, RETRY_AFTER_SECONDS, VOLUME_NULL_INDEX, type Fault, type FakeYahoo } from './helpers/fake-yahoo.ts';
import { FAKE_YAHOO_ENTRY, PROJECT_ROOT, startServerProcess, type ServerProcess } from './helpers/server-process.ts';
import { seedStaleEntry } from './helpers/stale-cache.ts';
import { madeUpStaticApp, tempRoot } from './helpers/temp-folders.ts';

const TIMEOUT_MS = 800;
/** Room for process scheduling on a busy 2-core machine; the answer must still come well before Yahoo's. */
const MARGIN_MS = 2_500;
/** How long the slow faults would make the server wait: far past its timeout. */
const SLOW_MS = 6_000;
/** The range cached (stale) for 7011.T; the fault requests ask for a sub-range of it. */
const CACHED = { from: '2024-10-28', to: '2024-11-08' };
const FAULT_RANGE = 'from=2024-10-29&to=2024-11-08';
const TOKYO_DAYS = ['2024-10-29', '2024-10-30', '2024-10-31', '2024-11-01', '2024-11-05', '2024-11-06', '2024-11-07', '2024-11-08'];
const SNAPSHOT_BUILT_AT = (JSON.parse(await readFile(path.join(PROJECT_ROOT, 'data/snapshot/manifest.json'), 'utf8')) as { builtAt: string }).builtAt;

interface FaultCase {
  fault: Fault;
  /** What the warning (stale answers) and the error message (no fallback) must say. */
  reason: RegExp;
  status: number;
  code: string;
}

const FAULTS: FaultCase[] = [
  { fault: 'slow-headers', reason: new RegExp(`did not answer within ${TIMEOUT_MS} ms`), status: 503, code: 'UPSTREAM_TIMEOUT' },
  { fault: 'slow-body', reason: new RegExp(`did not answer within ${TIMEOUT_MS} ms`), status: 503, code: 'UPSTREAM_TIMEOUT' },
  { fault: 'rate-limited', reason: new RegExp(`rate-limiting requests \\(HTTP 429\\) and asked to wait ${RETRY_AFTER_SECONDS} s`), status: 503, code: 'UPSTREAM_RATE_LIMITED' },
  { fault: 'server-error', reason: /Yahoo Finance is unavailable \(it answered HTTP 500\)/, status: 503, code: 'UPSTREAM_UNAVAILABLE' },
  { fault: 'truncated-json', reason: /the body is not valid JSON \(truncated or garbled\)/, status: 502, code: 'UPSTREAM_INVALID_RESPONSE' },
  { fault: 'truncated-connection', reason: /Yahoo Finance is unavailable \(the connection failed/, status: 503, code: 'UPSTREAM_UNAVAILABLE' },
  { fault: 'wrong-shape', reason: /sent an unusable answer for 7013\.T|sent an unusable answer for 7011\.T/, status: 502, code: 'UPSTREAM_INVALID_RESPONSE' },
  { fault: 'empty-chart', reason: /holds no daily bars between/, status: 502, code: 'UPSTREAM_NO_DATA' },
  { fault: 'all-nulls', reason: /holds no daily bars between/, status: 502, code: 'UPSTREAM_NO_DATA' },
  { fault: 'connection-dropped', reason: /Yahoo Finance is unavailable \(the connection failed/, status: 503, code: 'UPSTREAM_UNAVAILABLE' },
  { fault: 'not-found', reason: /does not know the symbol 7011\.T|does not know the symbol 7013\.T/, status: 404, code: 'UNKNOWN_SYMBOL' },
];

let yahoo: FakeYahoo;
let live: ServerProcess;
let auto: ServerProcess;
let liveCache: string;
let autoCache: string;
let seededFetchedAt: string;

beforeAll(async () => {
  yahoo = await startFakeYahoo();
  yahoo.setDelays({ slowMs: SLOW_MS });
  const root = await tempRoot('faults');
  liveCache = path.join(root, 'live-cache');
  autoCache = path.join(root, 'auto-cache');
  // The real clock, because the server process runs on it: two days old is stale for a six-hour cache.
  seededFetchedAt = await seedStaleEntry(liveCache, '7011.T', CACHED.from, CACHED.to, new Date(), 2);
  const staticDir = await madeUpStaticApp(path.join(root, 'static'));
  // Each fault is tried on the same symbols in turn, so no failure may be remembered from the one before
  // (the circuit breaker has its own test, circuit-breaker.test.ts).
  const common = { FAKE_YAHOO_ORIGIN: yahoo.origin, KABUTO_UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS), KABUTO_UPSTREAM_BACKOFF_MS: '0', KABUTO_STATIC_DIR: staticDir };
  [live, auto] = await Promise.all([
    startServerProcess(FAKE_YAHOO_ENTRY, { ...common, PRICE_SOURCE: 'live', KABUTO_CACHE_DIR: liveCache }),
    startServerProcess(FAKE_YAHOO_ENTRY, { ...common, PRICE_SOURCE: 'auto', KABUTO_CACHE_DIR: autoCache }),
  ]);
});

afterAll(async () => {
  await Promise.all([live?.stop(), auto?.stop()]);
  await yahoo?.close();
});

interface Timed {
  response: Response;
  body: unknown;
  elapsedMs: number;
}

async function timedGet(url: string): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url);
  const body: unknown = await response.json();
  return { response, body, elapsedMs: performance.now() - started };
}

async function expectHealthy(server: ServerProcess): Promise<void> {
  expect(server.child.exitCode).toBeNull();
  const health = await fetch(`${server.url}/api/health`);
  expect(health.status).toBe(200);
  await health.body?.cancel();
}

/**
 * After a 429 the server passes Retry-After on, and asks Yahoo nothing more until that time has
 * passed (then the test waits it out, so the next fault starts clean).
 */
async function expectPauseAfterRateLimit(): Promise<void> {
  const requestsSoFar = yahoo.requests.length;
  const again = await fetch(`${live.url}/api/prices?symbols=7013.T&${FAULT_RANGE}`);
  expect(again.status).toBe(503);
  expect(again.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
  await again.body?.cancel();
  expect(yahoo.requests).toHaveLength(requestsSoFar);
  await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_SECONDS * 1_000 + 100));
}

describe('each upstream fault: an answer within the timeout, stale data when there is some, else a clear error', () => {
  it.each(FAULTS)('$fault', async ({ fault, reason, status, code }) => {
    yahoo.setFault(() => fault);
    const [staleCache, snapshot, none] = await Promise.all([
      timedGet(`${live.url}/api/prices?symbols=7011.T&${FAULT_RANGE}`),
      timedGet(`${auto.url}/api/prices?symbols=7011.T&${FAULT_RANGE}`),
      timedGet(`${live.url}/api/prices?symbols=7013.T&${FAULT_RANGE}`),
    ]);
    for (const answer of [staleCache, snapshot, none]) expect(answer.elapsedMs).toBeLessThan(TIMEOUT_MS + MARGIN_MS);

    // Live mode, a cached copy older than the cache lifetime: served, flagged stale, explained.
    expect(staleCache.response.status).toBe(200);
    const cached = staleCache.body as PricesResponse;
    expect(cached.series[0]).toMatchObject({ symbol: '7011.T', source: 'cache', stale: true, fetchedAt: seededFetchedAt });
    expect(cached.series[0]?.bars.map((bar) => bar.date)).toEqual(TOKYO_DAYS);
    expect(cached.series[0]?.bars.find((bar) => bar.date === '2024-11-06')?.close).toBe(2263);
    expect(cached.warnings[0]).toMatch(reason);
    expect(cached.warnings[0]).toMatch(new RegExp(`^7011\\.T: .*Served the cached copy fetched ${seededFetchedAt.replace(/\./g, '\\.')} instead\\.$`));

    // Auto mode, no cache: the offline snapshot, flagged stale, explained.
    expect(snapshot.response.status).toBe(200);
    const offline = snapshot.body as PricesResponse;
    expect(offline.series[0]).toMatchObject({ symbol: '7011.T', source: 'snapshot', stale: true, fetchedAt: SNAPSHOT_BUILT_AT });
    expect(offline.series[0]?.bars.find((bar) => bar.date === '2024-11-06')?.close).toBe(2263);
    expect(offline.warnings[0]).toMatch(reason);
    expect(offline.warnings[0]).toMatch(/Served the offline snapshot \(built .+\) instead\.$/);

    // Live mode, nothing to fall back on: Yahoo's failure as a JSON error with its mapped status.
    expect(none.response.status).toBe(status);
    expect(none.response.headers.get('content-type')).toMatch(/^application\/json/);
    const error = (none.body as { error: { code: string; message: string } }).error;
    expect(error.code).toBe(code);
    expect(error.message).toMatch(reason);
    expect(error.message).toContain('7013.T');
    if (fault === 'rate-limited') await expectPauseAfterRateLimit();

    await Promise.all([expectHealthy(live), expectHealthy(auto)]);
    // A failed fetch writes nothing: the cache still holds exactly the seeded entry, intact.
    expect(await readdir(liveCache)).toEqual(['7011_2eT.json']);
    expect(await readdir(autoCache).catch(() => [])).toEqual([]);
  });

  it('nulls inside the quotes: the day without any price is left out with a warning, a missing volume stays null', async () => {
    yahoo.setFault(() => 'nulls-in-quotes');
    const answer = await timedGet(`${live.url}/api/prices?symbols=7013.T&from=2024-10-28&to=2024-11-08`);
    expect(answer.response.status).toBe(200);
    const body = answer.body as PricesResponse;
    expect(body.series[0]).toMatchObject({ symbol: '7013.T', source: 'live', stale: false });
    const allDays = ['2024-10-28', ...TOKYO_DAYS];
    const dropped = allDays[NULLS_DAY_INDEX];
    expect(body.series[0]?.bars.map((bar) => bar.date)).toEqual(allDays.filter((day) => day !== dropped));
    // IHI 2024-11-06 from the J-Quants-based fixture: prices kept, volume null as Yahoo sent it.
    expect(body.series[0]?.bars.find((bar) => bar.date === allDays[VOLUME_NULL_INDEX])).toEqual({
      date: '2024-11-06', open: 1120, high: 1325.7, low: 1112.9, close: 1325.7, adjClose: 1325.7, volume: null,
    });
    expect(body.warnings).toEqual(['7013.T: Yahoo sent 1 day(s) without any price; they were left out.']);
    const written = JSON.parse(await readFile(path.join(liveCache, '7013_2eT.json'), 'utf8')) as { entry: { series: { bars: unknown[] } } };
    expect(written.entry.series.bars).toHaveLength(allDays.length - 1);
  });

  it('leaves both processes running, with no unhandled rejection or internal error in their logs, having asked Yahoo for chart paths only', async () => {
    await Promise.all([expectHealthy(live), expectHealthy(auto)]);
    for (const server of [live, auto]) {
      expect(server.log()).not.toMatch(/unhandled rejection|INTERNAL_ERROR|^\s+at /m);
      // The child's fetch refuses (and so the log would name) any URL that is not Yahoo's.
      expect(server.log()).not.toContain('the test fetch refuses');
    }
    expect(yahoo.requests.length).toBeGreaterThan(FAULTS.length);
    for (const request of yahoo.requests) expect(request.url).toMatch(/^\/v8\/finance\/chart\/(7011\.T|7013\.T)\?/);
  });
});
