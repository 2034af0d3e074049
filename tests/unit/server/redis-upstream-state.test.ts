/**
 * Yahoo's back-off state in a real redis-server, and the circuit breaker on it: what one instance's
 * breaker learns (a failing symbol, a 429 with its Retry-After deadline) turns away the other
 * instance's requests before they reach Yahoo. Yahoo is the real YahooPriceSource on recorded
 * fixtures through an injected fetch; the clock is the test's.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamBackedOffError, UpstreamRateLimitedError, UpstreamUnavailableError } from '../../../server/errors.ts';
import { YahooPriceSource } from '../../../server/sources/yahoo-source.ts';
import { CircuitBreaker } from '../../../server/upstream/circuit-breaker.ts';
import { RedisUpstreamState } from '../../../server/upstream/redis-upstream-state.ts';
import { WHOLE_UPSTREAM } from '../../../server/upstream/upstream-state.ts';
import { startRedisServer, type RedisServer } from '../../reliability/helpers/redis-server.ts';
import { chartBody, fakeYahoo, json, TOKYO_FIXTURES } from './helpers/yahoo-fake.ts';

const NOW = new Date('2026-11-28T07:00:00.000Z');
const request = { symbol: '7011.T', from: '2024-10-28', to: '2024-11-08' };
const fixture = () => json(chartBody(TOKYO_FIXTURES['7011.T']!));

let redis: RedisServer;
let client: Redis;
let prefixes = 0;

beforeAll(async () => {
  redis = await startRedisServer();
  client = new Redis(redis.url);
});

afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});

function statesOn(nowMs: () => number) {
  prefixes += 1;
  const prefix = `test-${prefixes}:`;
  return { prefix, state: () => new RedisUpstreamState({ client, prefix, nowMs }) };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('the upstream state in Redis', () => {
  it('stores a block, gives it back, forgets it when cleared', async () => {
    const { state } = statesOn(() => NOW.getTime());
    const block = { untilMs: NOW.getTime() + 30_000, code: 'UPSTREAM_UNAVAILABLE', message: 'Yahoo is down.', failures: 2 };
    const store = state();
    expect(await store.get('7011.T')).toBeUndefined();
    await store.set('7011.T', block, block.untilMs + 60_000);
    expect(await state().get('7011.T')).toEqual(block);
    expect(await store.clear('7011.T')).toBe(true);
    expect(await store.clear('7011.T')).toBe(false);
    expect(await store.get('7011.T')).toBeUndefined();
  });

  it('lets Redis forget a block at the time given', async () => {
    const { state, prefix } = statesOn(() => NOW.getTime());
    const block = { untilMs: NOW.getTime() + 30_000, code: 'UPSTREAM_TIMEOUT', message: 'slow', failures: 1 };
    await state().set('7011.T', block, NOW.getTime() + 90_000);
    const ttl = await client.pttl(`${prefix}upstream:7011.T`);
    expect(ttl).toBeGreaterThan(80_000);
    expect(ttl).toBeLessThanOrEqual(90_000);
  });

  it('never shortens a block: of two instances recording one at once, the longer deadline stays', async () => {
    const { state } = statesOn(() => NOW.getTime());
    const longer = { untilMs: NOW.getTime() + 60_000, code: 'UPSTREAM_RATE_LIMITED', message: 'wait 60 s', failures: 1 };
    const shorter = { ...longer, untilMs: NOW.getTime() + 1_000, message: 'wait 1 s' };
    await state().set(WHOLE_UPSTREAM, longer, longer.untilMs);
    await state().set(WHOLE_UPSTREAM, shorter, shorter.untilMs);
    expect(await state().get(WHOLE_UPSTREAM)).toEqual(longer);
    const later = { ...longer, untilMs: NOW.getTime() + 120_000 };
    await state().set(WHOLE_UPSTREAM, later, later.untilMs);
    expect(await state().get(WHOLE_UPSTREAM)).toEqual(later);
  });
});

describe('two circuit breakers on one Redis (two instances)', () => {
  /** Two breakers (two instances) on one Redis and one Yahoo, on a clock the test moves. */
  function twoInstances(answer: () => Response) {
    let current = NOW;
    const now = () => current;
    const { state } = statesOn(() => current.getTime());
    const yahoo = fakeYahoo(answer);
    const logs: string[][] = [[], []];
    const breakers = logs.map(
      (log) => new CircuitBreaker(new YahooPriceSource({ fetch: yahoo.fetch, now, timeoutMs: 5_000 }), { state: state(), now, log: (line) => log.push(line) }),
    );
    return { yahoo, breakers: breakers as [CircuitBreaker, CircuitBreaker], logs, advance: (ms: number) => (current = new Date(current.getTime() + ms)) };
  }

  it("a symbol that failed for one is not asked by the other until the back-off ends", async () => {
    const { yahoo, breakers, logs } = twoInstances(() => new Response('<html>', { status: 500 }));
    expect(await failure(breakers[0].fetchSeries(request))).toBeInstanceOf(UpstreamUnavailableError);
    const remembered = await failure(breakers[1].fetchSeries(request));
    expect(remembered).toBeInstanceOf(UpstreamBackedOffError);
    expect(remembered).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryAfterSeconds: 30 });
    expect(yahoo.calls).toHaveLength(1);
    expect(await breakers[1].nextAttemptMs('7011.T')).toBe(NOW.getTime() + 30_000);
    expect(logs[1]).toEqual([]);
  });

  it("a 429 seen by one pauses the other for every symbol, until the same Retry-After deadline", async () => {
    const { yahoo, breakers, logs } = twoInstances(() => new Response('Too Many Requests', { status: 429, headers: { 'Retry-After': '120' } }));
    expect(await failure(breakers[0].fetchSeries(request))).toBeInstanceOf(UpstreamRateLimitedError);
    const paused = await failure(breakers[1].fetchSeries({ ...request, symbol: '7013.T' }));
    expect(paused).toBeInstanceOf(UpstreamRateLimitedError);
    expect(paused).toMatchObject({ retryAfterSeconds: 120 });
    expect(yahoo.calls).toHaveLength(1);
    expect(await breakers[1].nextAttemptMs('7013.T')).toBe(NOW.getTime() + 120_000);
    expect(logs[0]).toEqual(['upstream: Yahoo answered 429 (rate limit); asking it nothing for 120 s']);
    expect(logs[1]).toEqual([]);
  });

  it('a symbol that answers again for one is cleared for both', async () => {
    let answers = 0;
    const { yahoo, breakers, logs, advance } = twoInstances(() => (answers++ === 0 ? new Response('<html>', { status: 500 }) : fixture()));
    await failure(breakers[0].fetchSeries(request));
    advance(30_000);
    expect((await breakers[1].fetchSeries(request)).bars.length).toBeGreaterThan(0);
    expect(await breakers[0].nextAttemptMs('7011.T')).toBe(0);
    expect(yahoo.calls).toHaveLength(2);
    expect(logs[1]).toEqual(['upstream: 7011.T answers again']);
  });
});
