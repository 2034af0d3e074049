/**
 * The circuit breaker around the real YahooPriceSource (yahoo-finance2 chart() on recorded
 * fixtures through an injected fetch), on a clock the test moves: failures are remembered per
 * symbol with a growing back-off, a 429 pauses every symbol, and each change of state is one log line.
 */
import { describe, expect, it } from 'vitest';
import { UnknownSymbolError, UpstreamBackedOffError, UpstreamRateLimitedError, UpstreamUnavailableError } from '../../../server/errors.ts';
import { toErrorResponse } from '../../../server/error-response.ts';
import { YahooPriceSource } from '../../../server/sources/yahoo-source.ts';
import { CircuitBreaker } from '../../../server/upstream/circuit-breaker.ts';
import { MemoryUpstreamState } from '../../../server/upstream/upstream-state.ts';
import { chartBody, fakeYahoo, json, TOKYO_FIXTURES } from './helpers/yahoo-fake.ts';

const NOW = new Date('2026-11-28T07:00:00.000Z');
const TOKYO_RANGE = { from: '2024-10-28', to: '2024-11-08' };
const request = { symbol: '7011.T', ...TOKYO_RANGE };
const fixture = () => json(chartBody(TOKYO_FIXTURES['7011.T']!));

/** A breaker on a clock the test moves, around a Yahoo that gives `answers` in turn (the last from then on). */
function breakerWith(answers: (() => Response)[], backoffMs?: number) {
  let current = NOW;
  let call = 0;
  const yahoo = fakeYahoo(() => (answers[Math.min(call++, answers.length - 1)] ?? fixture)());
  const now = () => current;
  const log: string[] = [];
  const source = new YahooPriceSource({ fetch: yahoo.fetch, now, timeoutMs: 2_000 });
  const breaker = new CircuitBreaker(source, { state: new MemoryUpstreamState(() => current.getTime()), now, log: (line) => log.push(line), backoffMs });
  return { yahoo, breaker, log, advance: (ms: number) => (current = new Date(current.getTime() + ms)) };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

const status500 = () => new Response('<html>', { status: 500 });
const rateLimited = (retryAfter?: string) => () => new Response('Too Many Requests', { status: 429, headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter } });

describe('after a failure, the symbol is not asked again for its back-off', () => {
  it('gives the remembered failure at once, with its code and status, then asks again once the back-off is over', async () => {
    const { yahoo, breaker, log, advance } = breakerWith([status500, fixture]);
    expect(await failure(breaker.fetchSeries(request))).toBeInstanceOf(UpstreamUnavailableError);
    advance(29_000);
    const remembered = await failure(breaker.fetchSeries(request));
    expect(remembered).toBeInstanceOf(UpstreamBackedOffError);
    expect(remembered).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryAfterSeconds: 1, symbol: '7011.T' });
    expect((remembered as Error).message).toMatch(/^Yahoo Finance is unavailable \(it answered HTTP 500\); 7011\.T could not be fetched live\. Try again later\. \(Remembered: Yahoo is not asked for 7011\.T again for 1 s\.\)$/);
    expect(toErrorResponse(remembered)).toMatchObject({ status: 503, headers: { 'Retry-After': '1' } });
    expect(yahoo.calls).toHaveLength(1);
    // Another symbol is asked as usual.
    await breaker.fetchSeries({ symbol: '7013.T', ...TOKYO_RANGE }).catch(() => undefined);
    expect(yahoo.calls).toHaveLength(2);
    advance(1_000);
    expect((await breaker.fetchSeries(request)).bars).toHaveLength(9);
    expect(await breaker.nextAttemptMs('7011.T')).toBe(0);
    expect(log.filter((line) => line.includes(' 7011.T '))).toEqual([
      expect.stringMatching(/^upstream: 7011\.T failed \(UPSTREAM_UNAVAILABLE\); not asked again for 30 s: Yahoo Finance is unavailable/),
      'upstream: 7011.T answers again',
    ]);
  });

  it('doubles the back-off with each failure in a row, logging each change once, not each request turned away', async () => {
    const { yahoo, breaker, log, advance } = breakerWith([status500]);
    await failure(breaker.fetchSeries(request));
    for (let turnedAway = 0; turnedAway < 10; turnedAway += 1) await failure(breaker.fetchSeries(request));
    advance(30_000);
    await failure(breaker.fetchSeries(request));
    expect(await breaker.nextAttemptMs('7011.T')).toBe(NOW.getTime() + 30_000 + 60_000);
    advance(60_000);
    await failure(breaker.fetchSeries(request));
    expect(yahoo.calls).toHaveLength(3);
    expect(log.map((line) => /not asked again for (\d+) s/.exec(line)?.[1])).toEqual(['30', '60', '120']);
    expect(log[1]).toMatch(/^upstream: 7011\.T failed again/);
  });

  it('remembers an unknown symbol (Yahoo 404) as a 404', async () => {
    const notFound = () => json({ chart: { result: null, error: { code: 'Not Found', description: 'No data found' } } }, 404);
    const { yahoo, breaker } = breakerWith([notFound]);
    expect(await failure(breaker.fetchSeries(request))).toBeInstanceOf(UnknownSymbolError);
    const remembered = await failure(breaker.fetchSeries(request));
    expect(remembered).toMatchObject({ code: 'UNKNOWN_SYMBOL' });
    expect(toErrorResponse(remembered).status).toBe(404);
    expect(yahoo.calls).toHaveLength(1);
  });

  it('with a back-off of 0 remembers nothing', async () => {
    const { yahoo, breaker, log } = breakerWith([status500], 0);
    await failure(breaker.fetchSeries(request));
    await failure(breaker.fetchSeries(request));
    expect(yahoo.calls).toHaveLength(2);
    expect(log).toEqual([]);
  });
});

describe('after a 429 it leaves Yahoo alone until Retry-After has passed', () => {
  it('fails at once for every symbol with the seconds left, without a request, then asks again once the wait is over', async () => {
    const { yahoo, breaker, log, advance } = breakerWith([rateLimited('120'), fixture]);
    expect(await failure(breaker.fetchSeries(request))).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfterSeconds: 120 });
    advance(119_500);
    const during = await failure(breaker.fetchSeries({ symbol: '7013.T', ...TOKYO_RANGE }));
    expect(during).toBeInstanceOf(UpstreamRateLimitedError);
    expect(during).toMatchObject({ retryAfterSeconds: 1, symbol: '7013.T' });
    expect(yahoo.calls).toHaveLength(1);
    advance(500);
    expect((await breaker.fetchSeries(request)).bars).toHaveLength(9);
    expect(yahoo.calls).toHaveLength(2);
    expect(log).toEqual(['upstream: Yahoo answered 429 (rate limit); asking it nothing for 120 s']);
  });

  it('pauses 60 s when Yahoo names no Retry-After', async () => {
    const { yahoo, breaker, advance } = breakerWith([rateLimited(), fixture]);
    await failure(breaker.fetchSeries(request));
    advance(59_000);
    expect(await failure(breaker.fetchSeries(request))).toMatchObject({ retryAfterSeconds: 1 });
    advance(1_000);
    await breaker.fetchSeries(request);
    expect(yahoo.calls).toHaveLength(2);
  });

  it('honours at most an hour, whatever Retry-After says', async () => {
    const { breaker, advance } = breakerWith([rateLimited('864000'), fixture]);
    await failure(breaker.fetchSeries(request));
    advance(1_000);
    expect(await failure(breaker.fetchSeries(request))).toMatchObject({ retryAfterSeconds: 3_599 });
    advance(3_599_000);
    expect((await breaker.fetchSeries(request)).bars).toHaveLength(9);
  });
});

describe('MemoryUpstreamState', () => {
  it('forgets a block at its time, so distinct failing symbols cannot fill memory', async () => {
    let nowMs = 0;
    const state = new MemoryUpstreamState(() => nowMs);
    const block = { untilMs: 10, code: 'UPSTREAM_TIMEOUT', message: 'x', failures: 1 };
    await state.set('A', block, 20);
    expect(await state.get('A')).toEqual(block);
    nowMs = 20;
    expect(await state.get('A')).toBeUndefined();
    for (let index = 0; index < 5_000; index += 1) await state.set(`S${index}`, block, 20 + index);
    // Once they are all past their time, the next sweep (as the map doubles) drops them.
    nowMs = 10_000;
    for (let index = 0; index < 3_000; index += 1) await state.set(`T${index}`, block, 20_000);
    expect((state as unknown as { blocks: Map<string, unknown> }).blocks.size).toBeLessThanOrEqual(3_000);
  });
});
