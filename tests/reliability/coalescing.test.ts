/**
 * Request coalescing and the upstream queue, seen from outside: real HTTP requests to the REAL
 * server process, counted at the fake Yahoo it talks to.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PricesResponse } from '../../src/domain/price-api.ts';
import { DEFAULT_UPSTREAM_CONCURRENCY } from '../../server/sources/yahoo-source.ts';
import { MAX_SYMBOLS } from '../../server/request-validation.ts';
import { startFakeYahoo, type FakeYahoo } from './helpers/fake-yahoo.ts';
import { FAKE_YAHOO_ENTRY, startServerProcess, type ServerProcess } from './helpers/server-process.ts';
import { tempRoot } from './helpers/temp-folders.ts';

/** Each chart answer takes this long, so concurrent requests really overlap at the fake. */
const ANSWER_MS = 150;

let yahoo: FakeYahoo;
let server: ServerProcess;

beforeAll(async () => {
  yahoo = await startFakeYahoo();
  yahoo.setDelays({ answerMs: ANSWER_MS });
  const cacheDir = path.join(await tempRoot('coalescing'), 'cache');
  server = await startServerProcess(FAKE_YAHOO_ENTRY, { FAKE_YAHOO_ORIGIN: yahoo.origin, PRICE_SOURCE: 'live', KABUTO_CACHE_DIR: cacheDir, KABUTO_UPSTREAM_TIMEOUT_MS: '10000' });
});

afterAll(async () => {
  await server?.stop();
  await yahoo?.close();
});

describe('upstream load from many simultaneous requests', () => {
  it('50 simultaneous identical cold requests cost exactly one chart request per symbol, and all get the same answer', async () => {
    yahoo.reset();
    const url = `${server.url}/api/prices?symbols=7011.T,7013.T&from=2024-10-28&to=2024-11-08`;
    const responses = await Promise.all(Array.from({ length: 50 }, () => fetch(url)));
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(new Set(bodies).size).toBe(1);
    const body = JSON.parse(bodies[0] ?? '') as PricesResponse;
    expect(body.series.map((series) => [series.symbol, series.source])).toEqual([['7011.T', 'live'], ['7013.T', 'live']]);
    expect(yahoo.requests.map((request) => request.symbol).sort()).toEqual(['7011.T', '7013.T']);
  });

  it(`with ${MAX_SYMBOLS} distinct cold symbols, Yahoo never sees more than ${DEFAULT_UPSTREAM_CONCURRENCY} chart requests at once`, async () => {
    yahoo.reset();
    // Made-up tickers; the fake answers each with the relabelled 7011.T fixture.
    const symbols = Array.from({ length: MAX_SYMBOLS }, (_, index) => `Q${String(index).padStart(3, '0')}.T`);
    const response = await fetch(`${server.url}/api/prices?symbols=${symbols.join(',')}&from=2024-10-28&to=2024-11-08`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as PricesResponse;
    expect(body.series.map((series) => series.symbol)).toEqual(symbols);
    expect(yahoo.requests.map((request) => request.symbol).sort()).toEqual([...symbols].sort());
    expect(yahoo.peakInFlight).toBe(DEFAULT_UPSTREAM_CONCURRENCY);
  });
});
