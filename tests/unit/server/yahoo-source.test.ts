import { describe, expect, it } from 'vitest';
import YahooFinance from 'yahoo-finance2';
import {
  UnknownSymbolError,
  UpstreamInvalidResponseError,
  UpstreamRateLimitedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from '../../../server/errors.ts';
import { exchangeLocalDate } from '../../../server/sources/exchange-date.ts';
import type { FetchLike } from '../../../server/sources/price-source.ts';
import { YahooPriceSource } from '../../../server/sources/yahoo-source.ts';
import { chartBody, fakeYahoo, json, neverAnswering, TOKYO_FIXTURES, tokyoYahoo } from './helpers/yahoo-fake.ts';

const NOW = new Date('2026-11-28T07:00:00.000Z');
const now = () => NOW;
const TOKYO_RANGE = { from: '2024-10-28', to: '2024-11-08' };

function source(fetch: FetchLike, options: { timeoutMs?: number; concurrency?: number } = {}): YahooPriceSource {
  return new YahooPriceSource({ fetch, now, timeoutMs: options.timeoutMs ?? 2_000, concurrency: options.concurrency ?? 2 });
}

/** A deep copy of a fixture body, to break one thing in it. */
function tokyoBody(symbol = '7011.T') {
  return structuredClone(chartBody(TOKYO_FIXTURES[symbol]!)) as {
    chart: { result: [{ meta: Record<string, unknown>; timestamp?: number[]; indicators: { quote: [Record<string, (number | null)[]>]; adjclose?: [{ adjclose: (number | null)[] }] } }] };
  };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('YahooPriceSource on recorded yahoo-finance2 chart fixtures (v3 parser, no network)', () => {
  it('reads the v3 AAPL fixture: the 14:30 UTC bar is 2020-01-02 in New York', async () => {
    const yahoo = fakeYahoo(() => json(chartBody('chart-AAPL-2020-01-01-to-2020-01-03.json')));
    const series = await source(yahoo.fetch).fetchSeries({ symbol: 'AAPL', from: '2020-01-01', to: '2020-01-03' });
    // Numbers as recorded in the fixture's bodyJson (timestamp 1577975400).
    expect(series.bars).toEqual([
      { date: '2020-01-02', open: 74.05999755859375, high: expect.any(Number), low: expect.any(Number), close: 75.0875015258789, adjClose: 72.71607208251953, volume: 135480400 },
    ]);
    expect(series).toMatchObject({ currency: 'USD', exchangeTimezoneName: 'America/New_York', name: 'Apple Inc.', fetchedAt: NOW.toISOString() });
    expect(series.provenance.source).toBe(`yahoo-finance2 chart(), fetched ${NOW.toISOString()}`);
  });

  it('reads the v2.9.2 recording too (older meta without longName)', async () => {
    const yahoo = fakeYahoo(() => json(chartBody('v2.9.2-chart-AAPL-2020-01-01-to-2020-01-03.json')));
    const series = await source(yahoo.fetch).fetchSeries({ symbol: 'AAPL', from: '2020-01-01', to: '2020-01-03' });
    expect(series.bars.map((bar) => [bar.date, bar.close, bar.adjClose])).toEqual([['2020-01-02', 75.0875015258789, 73.98847198486328]]);
    expect(series.name).toBe('AAPL');
  });

  it('reads the AAPL fixture with split and dividend events: 49 New York trading days', async () => {
    const yahoo = fakeYahoo(() => json(chartBody('chart-AAPL-2020-08-31-to-2020-11-07.json')));
    const series = await source(yahoo.fetch).fetchSeries({ symbol: 'AAPL', from: '2020-08-31', to: '2020-11-07' });
    expect(series.bars).toHaveLength(49);
    expect(series.bars[0]).toMatchObject({ date: '2020-08-31', close: 129.0399932861328 });
    expect(series.bars.at(-1)?.date).toBe('2020-11-06');
    expect(series.bars.some((bar) => ['2020-09-05', '2020-09-06', '2020-09-07'].includes(bar.date))).toBe(false);
  });

  it('reads European fixtures on their own calendars (London 08:00 UTC, Berlin 07:00 UTC)', async () => {
    const london = await source(fakeYahoo(() => json(chartBody('chart-OCDO.L-2020-01-01-to-2020-01-03.json'))).fetch).fetchSeries({
      symbol: 'OCDO.L',
      from: '2020-01-01',
      to: '2020-01-03',
    });
    expect(london.bars.map((bar) => [bar.date, bar.close])).toEqual([['2020-01-02', 1259.5]]);
    expect(london.currency).toBe('GBp');
    const berlin = await source(fakeYahoo(() => json(chartBody('chart-WSU.DE-2023-08-04-to-2023-08-09.json'))).fetch).fetchSeries({
      symbol: 'WSU.DE',
      from: '2023-08-04',
      to: '2023-08-09',
    });
    expect(berlin.bars.map((bar) => bar.date)).toEqual(['2023-08-04', '2023-08-07', '2023-08-08']);
  });

  it('asks Yahoo for the v8 chart of the symbol at interval 1d, a day beyond each end of the range', async () => {
    const yahoo = tokyoYahoo();
    await source(yahoo.fetch).fetchSeries({ symbol: '7011.T', ...TOKYO_RANGE });
    const url = new URL(yahoo.calls[0] ?? '');
    expect(url.pathname).toBe('/v8/finance/chart/7011.T');
    expect(url.searchParams.get('interval')).toBe('1d');
    expect(Number(url.searchParams.get('period1'))).toBe(Date.parse('2024-10-27T00:00:00Z') / 1000);
    expect(Number(url.searchParams.get('period2'))).toBe(Date.parse('2024-11-10T00:00:00Z') / 1000);
  });
});

describe('YahooPriceSource dates Tokyo bars on Tokyo trading days (constructed fixture from J-Quants numbers)', () => {
  it('keeps 09:00 JST bars on their Tokyo date: 2024-11-06 stays 2024-11-06, 11-04 (holiday) absent', async () => {
    const series = await source(tokyoYahoo().fetch).fetchSeries({ symbol: '7011.T', ...TOKYO_RANGE });
    expect(series.bars.map((bar) => bar.date)).toEqual([
      '2024-10-28', '2024-10-29', '2024-10-30', '2024-10-31', '2024-11-01',
      '2024-11-05', '2024-11-06', '2024-11-07', '2024-11-08',
    ]);
    // CROSSCHECK.md (shared data): MHI closed 2060.0 on 11-05 and 2263.0 on 11-06, +9.85%.
    const close = (date: string) => series.bars.find((bar) => bar.date === date)?.close;
    expect(close('2024-11-05')).toBe(2060);
    expect(close('2024-11-06')).toBe(2263);
    expect(Math.round(((2263 / 2060) - 1) * 10_000) / 100).toBe(9.85);
    expect(series).toMatchObject({ exchangeTimezoneName: 'Asia/Tokyo', currency: 'JPY' });
  });

  it('would have slipped a day had the bar been read in New York time (the bug this guards against)', () => {
    const tokyoBar = Date.parse('2024-11-06T00:00:00Z');
    expect(exchangeLocalDate(tokyoBar, 'Asia/Tokyo')).toBe('2024-11-06');
    expect(exchangeLocalDate(tokyoBar, 'America/New_York')).toBe('2024-11-05');
  });

  it('serves IHI limit-up day (CROSSCHECK: 1325.7 on the ÷7 scale, UpLimit flag)', async () => {
    const series = await source(tokyoYahoo().fetch).fetchSeries({ symbol: '7013.T', ...TOKYO_RANGE });
    expect(series.bars.find((bar) => bar.date === '2024-11-06')).toMatchObject({ close: 1325.7, high: 1325.7, adjClose: 1325.7 });
  });

  it('cuts to the requested dates inclusive', async () => {
    const series = await source(tokyoYahoo().fetch).fetchSeries({ symbol: '7011.T', from: '2024-11-05', to: '2024-11-07' });
    expect(series.bars.map((bar) => bar.date)).toEqual(['2024-11-05', '2024-11-06', '2024-11-07']);
  });

  it('notes Yahoo\'s known Tokyo defect days in the provenance only when the range covers them', async () => {
    const yahoo = tokyoYahoo();
    const inside = await source(yahoo.fetch).fetchSeries({ symbol: '7011.T', ...TOKYO_RANGE });
    expect(inside.provenance.defects).toEqual([]);
    const covering = await source(yahoo.fetch).fetchSeries({ symbol: '7011.T', from: '2024-01-01', to: '2024-11-08' });
    expect(covering.provenance.defects.join(' ')).toMatch(/2024-01-15.*2024-03-29/s);
  });

  it('keeps a bar with a null close, drops a bar with no price at all and says so', async () => {
    const body = tokyoBody();
    const quote = body.chart.result[0].indicators.quote[0];
    quote.close![1] = null;
    for (const column of ['open', 'high', 'low', 'close']) quote[column]![2] = null;
    body.chart.result[0].indicators.adjclose![0].adjclose[2] = null;
    const series = await source(fakeYahoo(() => json(body)).fetch).fetchSeries({ symbol: '7011.T', ...TOKYO_RANGE });
    expect(series.bars.find((bar) => bar.date === '2024-10-29')).toMatchObject({ close: null, open: 2091 });
    expect(series.bars.map((bar) => bar.date)).not.toContain('2024-10-30');
    expect(series.warnings).toEqual(['7011.T: Yahoo sent 1 day(s) without any price; they were left out.']);
  });

  it('keeps the later of two bars on one Tokyo date (Yahoo\'s live bar of the current session)', async () => {
    const body = tokyoBody();
    const result = body.chart.result[0];
    result.timestamp = result.timestamp!.map((stamp, index) => (index === 8 ? stamp - 86_400 + 6 * 3600 : stamp));
    const series = await source(fakeYahoo(() => json(body)).fetch).fetchSeries({ symbol: '7011.T', ...TOKYO_RANGE });
    expect(series.bars.map((bar) => bar.date).at(-1)).toBe('2024-11-07');
    expect(series.bars.at(-1)?.close).toBe(2329);
  });
});

describe('YahooPriceSource turns Yahoo failures into the proxy\'s errors', () => {
  const request = { symbol: '7011.T', ...TOKYO_RANGE };

  it('429 with Retry-After seconds → UpstreamRateLimitedError carrying the wait', async () => {
    const error = await failure(source(fakeYahoo(() => new Response('Too Many Requests', { status: 429, headers: { 'Retry-After': '120' } })).fetch).fetchSeries(request));
    expect(error).toBeInstanceOf(UpstreamRateLimitedError);
    expect(error).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfterSeconds: 120 });
  });

  it('429 with an HTTP-date Retry-After → seconds from the injected clock', async () => {
    const at = new Date(NOW.getTime() + 90_000).toUTCString();
    const error = await failure(source(fakeYahoo(() => new Response('', { status: 429, headers: { 'Retry-After': at } })).fetch).fetchSeries(request));
    expect(error).toMatchObject({ retryAfterSeconds: 90 });
  });

  it('500 → UpstreamUnavailableError naming the status', async () => {
    const error = await failure(source(fakeYahoo(() => new Response('oops', { status: 500 })).fetch).fetchSeries(request));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect((error as Error).message).toContain('HTTP 500');
  });

  it('404 (Yahoo\'s "No data found") → UnknownSymbolError', async () => {
    const error = await failure(source(tokyoYahoo().fetch).fetchSeries({ ...request, symbol: 'NOPE.T' }));
    expect(error).toBeInstanceOf(UnknownSymbolError);
    expect(error).toMatchObject({ code: 'UNKNOWN_SYMBOL', symbol: 'NOPE.T' });
  });

  it('a truncated (malformed) body → UpstreamInvalidResponseError', async () => {
    const text = JSON.stringify(tokyoBody()).slice(0, 200);
    const error = await failure(source(fakeYahoo(() => new Response(text, { status: 200 })).fetch).fetchSeries(request));
    expect(error).toBeInstanceOf(UpstreamInvalidResponseError);
    expect(error).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE' });
    expect((error as Error).message).toContain('not valid JSON');
  });

  it.each([
    ['an unrelated object', { hello: 'world' }],
    ['a chart without result', { chart: { result: [], error: null } }],
    ['a meta missing its fields', { chart: { result: [{ meta: {}, timestamp: [1], indicators: { quote: [{}] } }], error: null } }],
    ['quotes that are strings', (() => { const body = tokyoBody(); (body.chart.result[0].indicators.quote[0] as Record<string, unknown>).close = 'many'; return body; })()],
  ])('valid JSON of the wrong shape (%s) → UpstreamInvalidResponseError', async (_label, body) => {
    const error = await failure(source(fakeYahoo(() => json(body)).fetch).fetchSeries(request));
    expect(error).toBeInstanceOf(UpstreamInvalidResponseError);
    expect(error).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE' });
  });

  it('a chart of another symbol → UpstreamInvalidResponseError', async () => {
    const error = await failure(source(fakeYahoo(() => json(chartBody(TOKYO_FIXTURES['7013.T']!))).fetch).fetchSeries(request));
    expect(error).toBeInstanceOf(UpstreamInvalidResponseError);
    expect((error as Error).message).toContain('describes "7013.T" instead');
  });

  it('an empty chart (no timestamps) → UPSTREAM_NO_DATA', async () => {
    const body = tokyoBody();
    delete body.chart.result[0].timestamp;
    body.chart.result[0].indicators = { quote: [{}] } as never;
    const error = await failure(source(fakeYahoo(() => json(body)).fetch).fetchSeries(request));
    expect(error).toBeInstanceOf(UpstreamInvalidResponseError);
    expect(error).toMatchObject({ code: 'UPSTREAM_NO_DATA' });
  });

  it('a dropped connection → UpstreamUnavailableError', async () => {
    const error = await failure(source(fakeYahoo(() => Promise.reject(new TypeError('fetch failed'))).fetch).fetchSeries(request));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect((error as Error).message).toContain('fetch failed');
  });

  it('a body cut off mid-stream → UpstreamUnavailableError', async () => {
    const broken = () => new Response(new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"chart":{"result":['));
        controller.error(new Error('socket hang up'));
      },
    }), { status: 200 });
    const error = await failure(source(fakeYahoo(broken).fetch).fetchSeries(request));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
  });

  it('a fetch that never settles → UpstreamTimeoutError within the timeout', async () => {
    const started = performance.now();
    const error = await failure(source(neverAnswering().fetch, { timeoutMs: 60 }).fetchSeries(request));
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(error).toMatchObject({ code: 'UPSTREAM_TIMEOUT', timeoutMs: 60 });
    // Well above the 60 ms timeout (a busy machine runs timers late), yet far from "never".
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('a timed-out fetch gives its queue slot back (the next request still goes through)', async () => {
    const hung = source(neverAnswering().fetch, { timeoutMs: 40, concurrency: 1 });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await failure(hung.fetchSeries(request))).toBeInstanceOf(UpstreamTimeoutError);
    }
    const healthy = source(tokyoYahoo().fetch, { timeoutMs: 1_000, concurrency: 1 });
    expect((await healthy.fetchSeries(request)).bars).toHaveLength(9);
  });
});

describe('YahooPriceSource queue', () => {
  it('never has more requests in flight than its concurrency', async () => {
    const yahoo = fakeYahoo(async (symbol) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const body = tokyoBody();
      body.chart.result[0].meta.symbol = symbol;
      return json(body);
    });
    const limited = source(yahoo.fetch, { concurrency: 2 });
    const symbols = ['7011.T', '7012.T', '7013.T', '6503.T', '6701.T', '7721.T'];
    await Promise.all(symbols.map((symbol) => limited.fetchSeries({ symbol, ...TOKYO_RANGE })));
    expect(yahoo.calls).toHaveLength(6);
    expect(yahoo.peakConcurrency).toBe(2);
  });
});

describe('the Node 20 runtime warning of yahoo-finance2 3.x', () => {
  it('is what the library says on this Node, and the only thing the source keeps out of the log', () => {
    const warnings: string[] = [];
    const quiet = () => undefined;
    new YahooFinance({ logger: { info: quiet, debug: quiet, dir: quiet, error: quiet, warn: (...parts: unknown[]) => warnings.push(parts.map(String).join(' ')) } });
    const onNode20 = process.versions.node.startsWith('20.');
    const expected = `[yahoo-finance2] Unsupported environment: Requires Node >= 22.0.0, found ${process.versions.node}. (runtime=node, version=${process.versions.node}). Things might break or work unexpectedly!`;
    expect(warnings).toEqual(onNode20 ? [expected] : []);
    const log: string[] = [];
    new YahooPriceSource({ fetch: tokyoYahoo().fetch, now, log: (line) => log.push(line) });
    expect(log).toEqual([]);
  });
});
