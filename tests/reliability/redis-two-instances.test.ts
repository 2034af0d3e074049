/**
 * Two REAL server processes (the start-up routine of server/main.ts, over real HTTP) sharing one
 * Redis (Debian's redis-server, started here on a free port), each with its own cache folder,
 * both talking to one fake Yahoo that counts what it is asked: as two instances behind a load
 * balancer would run.
 */
import { Redis } from 'ioredis';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PricesResponse } from '../../src/domain/price-api.ts';
import { startFakeYahoo, type FakeYahoo } from './helpers/fake-yahoo.ts';
import { startRedisServer, type RedisServer } from './helpers/redis-server.ts';
import { FAKE_YAHOO_ENTRY, startServerProcess, type ServerProcess } from './helpers/server-process.ts';
import { tempRoot } from './helpers/temp-folders.ts';

/** Each chart answer takes this long, so that requests to both instances really overlap. */
const ANSWER_MS = 400;
/** Retry-After of the 429: far longer than the test needs, so no timing decides the outcome. */
const RETRY_AFTER_SECONDS = 120;
const RANGE = 'from=2024-10-28&to=2024-11-08';
const SHARED_LINE = /redis: redis:\/\/127\.0\.0\.1:\d+ answers; the price cache, Yahoo's back-off and fetch locks are shared/;

let yahoo: FakeYahoo;
let redis: RedisServer;
let client: Redis;
let first: ServerProcess;
let second: ServerProcess;

beforeAll(async () => {
  [yahoo, redis] = await Promise.all([startFakeYahoo(), startRedisServer()]);
  yahoo.setDelays({ answerMs: ANSWER_MS });
  client = new Redis(redis.url);
  const root = await tempRoot('two-instances');
  const common = { FAKE_YAHOO_ORIGIN: yahoo.origin, PRICE_SOURCE: 'live', KABUTO_REDIS_URL: redis.url, KABUTO_UPSTREAM_TIMEOUT_MS: '10000' };
  [first, second] = await Promise.all([
    startServerProcess(FAKE_YAHOO_ENTRY, { ...common, KABUTO_CACHE_DIR: path.join(root, 'first-cache') }),
    startServerProcess(FAKE_YAHOO_ENTRY, { ...common, KABUTO_CACHE_DIR: path.join(root, 'second-cache') }),
  ]);
});

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  client?.disconnect();
  await Promise.all([yahoo?.close(), redis?.stop()]);
});

async function prices(server: ServerProcess, symbols: string): Promise<{ status: number; headers: Headers; body: PricesResponse & { error?: { code: string; message: string } } }> {
  const response = await fetch(`${server.url}/api/prices?symbols=${symbols}&${RANGE}`);
  return { status: response.status, headers: response.headers, body: (await response.json()) as PricesResponse & { error?: { code: string; message: string } } };
}

const asked = () => yahoo.requests.map((request) => request.symbol).sort();

describe('two instances on one Redis', () => {
  it('both connect to Redis and say so', () => {
    expect(first.log()).toMatch(SHARED_LINE);
    expect(second.log()).toMatch(SHARED_LINE);
  });

  it('a symbol asked of both at the same moment is fetched from Yahoo once, and both answer the same bars', async () => {
    yahoo.reset();
    const answers = await Promise.all([first, second, first, second].map((server) => prices(server, '7011.T,7013.T')));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(asked()).toEqual(['7011.T', '7013.T']);
    const bars = answers.map((answer) => JSON.stringify(answer.body.series.map((series) => series.bars)));
    expect(new Set(bars).size).toBe(1);
    // One instance fetched each symbol live; the other answered from the entry it stored in Redis.
    for (const symbol of ['7011.T', '7013.T']) {
      const sources = answers.map((answer) => answer.body.series.find((series) => series.symbol === symbol)?.source);
      expect(sources.filter((source) => source === 'live').length).toBeGreaterThanOrEqual(1);
      expect(sources.every((source) => source === 'live' || source === 'cache')).toBe(true);
    }
    expect(await client.exists('kabuto:price:7011.T', 'kabuto:price:7013.T')).toBe(2);
  });

  it('a symbol asked of one and then of the other is fetched once: the second answers from the shared cache', async () => {
    yahoo.reset();
    const fromFirst = await prices(first, 'LMT');
    expect(fromFirst.status).toBe(200);
    expect(fromFirst.body.series[0]?.source).toBe('live');
    const fromSecond = await prices(second, 'LMT');
    expect(fromSecond.status).toBe(200);
    expect(fromSecond.body.series[0]).toMatchObject({ source: 'cache', stale: false, fetchedAt: fromFirst.body.series[0]?.fetchedAt });
    expect(fromSecond.body.series[0]?.bars).toEqual(fromFirst.body.series[0]?.bars);
    expect(asked()).toEqual(['LMT']);
  });

  it('a symbol that failed for one is not asked by the other during its back-off', async () => {
    yahoo.setFault((symbol) => (symbol === 'RTX' ? 'server-error' : 'ok'));
    yahoo.reset();
    const failed = await prices(first, 'RTX');
    expect(failed.status).toBe(503);
    expect(failed.body.error?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(asked()).toEqual(['RTX']);
    yahoo.reset();
    const remembered = await prices(second, 'RTX');
    expect(remembered.status).toBe(503);
    expect(remembered.body.error?.message).toMatch(/Remembered: Yahoo is not asked for RTX again for \d+ s\./);
    expect(asked()).toEqual([]);
    yahoo.setFault(() => 'ok');
  });

  it("a 429 seen by one makes the other ask Yahoo nothing until the same Retry-After deadline", async () => {
    yahoo.setRetryAfter(RETRY_AFTER_SECONDS);
    yahoo.setFault(() => 'rate-limited');
    yahoo.reset();
    const limited = await prices(first, 'NOC');
    expect(limited.status).toBe(503);
    expect(limited.body.error?.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(asked()).toEqual(['NOC']);
    expect(first.log()).toContain(`upstream: Yahoo answered 429 (rate limit); asking it nothing for ${RETRY_AFTER_SECONDS} s`);

    yahoo.reset();
    const paused = await Promise.all([prices(second, 'GD'), prices(second, 'NOC'), prices(first, 'GD')]);
    for (const answer of paused) {
      expect(answer.status).toBe(503);
      expect(answer.body.error?.code).toBe('UPSTREAM_RATE_LIMITED');
      // The deadline the first instance recorded, counted down: not a pause of the second's own.
      const retryAfter = Number(answer.headers.get('Retry-After'));
      expect(retryAfter).toBeGreaterThan(RETRY_AFTER_SECONDS - 60);
      expect(retryAfter).toBeLessThanOrEqual(RETRY_AFTER_SECONDS);
    }
    expect(asked()).toEqual([]);
    expect(second.log()).not.toContain('answered 429');
  });
});
