import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { linkedEvents } from '../../../src/features/charts/utils/focus-charts.ts';
import { EVENT_CATALOG } from '../../../src/features/events/api/event-catalog.ts';
import { pricesQueryOptions } from '../../../src/features/prices/api/get-prices.ts';
import { plainEnglishReading } from '../../../src/features/statistics-table/utils/reading.ts';
import { composeStudy } from '../../../src/application/compose-study.ts';
import { runComposedStudy } from '../../../src/application/study-analysis.ts';
import { securityChoices } from '../../../src/application/study-plan.ts';
import { DEFAULT_STUDY_QUERY } from '../../../src/application/study-query.ts';
import { z } from 'zod';
import { ApiError, getJson } from '../../../src/lib/api-client.ts';
import { healthQueryOptions } from '../../../src/features/health/api/get-health.ts';
import { symbolsQueryOptions } from '../../../src/features/symbols/api/get-symbols.ts';
import { DEFAULT_STUDY_OPTIONS } from '../../../src/core/index.ts';
import { json, snapshotPrices } from './helpers/snapshot-api.ts';
import { dayZeroAr, referenceStudy } from './helpers/reference-study.ts';

afterEach(() => vi.unstubAllGlobals());

describe('getJson', () => {
  it("turns an error answer into an ApiError carrying the server's code, message and status", async () => {
    vi.stubGlobal('fetch', async () => json({ error: { code: 'INVALID_SYMBOL', message: 'Symbol "7011 T" is not a Yahoo symbol.' } }, 400));
    const error = await getJson('/api/prices', z.unknown()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'INVALID_SYMBOL', message: 'Symbol "7011 T" is not a Yahoo symbol.', status: 400 });
  });

  it('explains an error answer without a body, an unreachable server and a non-JSON success', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(getJson('/api/x', z.unknown())).rejects.toMatchObject({ code: 'HTTP_ERROR', status: 502 });
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(getJson('/api/x', z.unknown())).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: null });
    vi.stubGlobal('fetch', async () => new Response('not json', { status: 200 }));
    await expect(getJson('/api/x', z.unknown())).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('puts the parameters in the query string', async () => {
    const seen: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      seen.push(url);
      return json({});
    });
    await getJson('/api/prices', z.unknown(), { symbols: '7011.T,^N225', from: '2024-01-01' });
    expect(seen).toEqual(['/api/prices?symbols=7011.T%2C%5EN225&from=2024-01-01']);
  });
});

describe('symbolsQueryOptions and healthQueryOptions', () => {
  it('check /api/symbols and /api/health against their wire schemas instead of trusting them', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    vi.stubGlobal('fetch', async () => json({ symbols: [{ symbol: '7011.T', name: 'MHI' }] }));
    await expect(client.fetchQuery(symbolsQueryOptions())).rejects.toMatchObject({ code: 'BAD_RESPONSE', message: expect.stringMatching(/\/api\/symbols/) });
    vi.stubGlobal('fetch', async () => json({ status: 'ok', mode: 'sideways', version: '0.1.0', node: 'v20', yahooFinance2: '3' }));
    await expect(client.fetchQuery(healthQueryOptions())).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    vi.stubGlobal('fetch', async () => json({ status: 'ok', mode: 'snapshot', version: '0.1.0', node: 'v20', yahooFinance2: '3' }));
    await expect(client.fetchQuery(healthQueryOptions())).resolves.toMatchObject({ mode: 'snapshot' });
  });
});

describe('pricesQueryOptions', () => {
  it('asks once per sorted set of symbols and refuses an answer of the wrong shape', async () => {
    const options = pricesQueryOptions({ symbols: ['TOPIX', '7013.T', 'TOPIX'], from: '2024-01-01', to: '2024-12-31' });
    expect(options.queryKey).toEqual(['prices', '7013.T,TOPIX', '2024-01-01', '2024-12-31']);
    vi.stubGlobal('fetch', async () => json({ mode: 'snapshot', series: 'nope' }));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await expect(client.fetchQuery(options)).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('serves a subset of a cached answer without a request', async () => {
    const client = new QueryClient();
    const full = snapshotPrices(['7011.T', '7013.T', 'TOPIX'], '2024-01-01', '2024-12-31');
    client.setQueryData(pricesQueryOptions({ symbols: ['7011.T', '7013.T', 'TOPIX'], from: '2024-01-01', to: '2024-12-31' }).queryKey, full);
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const subset = await client.fetchQuery(pricesQueryOptions({ symbols: ['7013.T', 'TOPIX'], from: '2024-01-01', to: '2024-12-31' }, client));
    expect(subset.series.map((series) => series.symbol)).toEqual(['7013.T', 'TOPIX']);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('composeStudy on the snapshot', () => {
  const range = { from: '2021-11-01', to: '2025-02-28' };
  const series = snapshotPrices(['7011.T', '7013.T', 'TOPIX'], range.from, range.to).series;
  const election = EVENT_CATALOG.events.find((event) => event.id === 'us-election-2024');
  if (!election) throw new Error('data/events.json lacks the US election');

  it("puts the US election's day 0 on 6 Nov 2024 in Tokyo and matches the engine run directly", () => {
    const composed = composeStudy({ series, events: [election], allEvents: EVENT_CATALOG.events, securities: [{ symbol: '7013.T', benchmark: 'TOPIX' }], returnKind: 'simple' });
    expect(composed.units.map((item) => item.unit.dayZero)).toEqual(['2024-11-06']);
    const outcome = runComposedStudy(composed, DEFAULT_STUDY_OPTIONS);
    if (!outcome.result) throw new Error(outcome.error.message);
    expect(dayZeroAr(outcome.result, '7013.T')).toBe(dayZeroAr(referenceStudy(['7013.T'], 'TOPIX', range), '7013.T'));
    // The Ishiba–Trump call's day 0 on the same calendar is the next session, 7 Nov 2024.
    expect(composed.eventDays).toContainEqual({ eventId: 'ishiba-trump-call-2024', exchange: 'XTKS', date: '2024-11-07' });
  });

  it("places a security on the exchange its price source declares, and fails one whose exchange the registry does not know, by name", () => {
    // MADE-UP: IHI's real snapshot bars relabelled as a Hong Kong listing (an exchange the registry
    // does not hold), to see the declared exchange win.
    const relabelled = series.map((item) => (item.symbol === '7013.T' ? { ...item, symbol: 'IHI.HK', exchange: 'XHKG' } : item));
    const choices = securityChoices(['IHI.HK', '7013.T'], DEFAULT_STUDY_QUERY.benchmarks);
    expect(choices[0]).toEqual({ symbol: 'IHI.HK', benchmark: null, problem: expect.stringMatching(/^IHI\.HK: No registered exchange has the Yahoo suffix \.HK/) });
    const composed = composeStudy({ series: relabelled, events: [election], allEvents: [election], securities: [...choices, { symbol: '7011.T', benchmark: 'TOPIX' }], returnKind: 'simple' });
    expect(composed.failures.map((failure) => [failure.symbol, failure.error.code])).toEqual([['IHI.HK', 'UNKNOWN_EXCHANGE'], ['7013.T', 'NO_PRICES']]);
    expect(composed.units.map((item) => [item.symbol, item.exchange])).toEqual([['7011.T', 'XTKS']]);
    const declared = composeStudy({ series: relabelled.map((item) => (item.symbol === 'IHI.HK' ? { ...item, exchange: 'JPX' } : item)), events: [election], allEvents: [election], securities: [{ symbol: 'IHI.HK', benchmark: 'TOPIX' }], returnKind: 'simple' });
    expect(declared.units.map((item) => [item.symbol, item.exchange, item.unit.dayZero])).toEqual([['IHI.HK', 'XTKS', '2024-11-06']]);
  });

  it('keeps a security without prices as a failure instead of dropping the rest', () => {
    const composed = composeStudy({ series, events: [election], allEvents: [election], securities: [{ symbol: '7013.T', benchmark: 'TOPIX' }, { symbol: 'LMT', benchmark: '^GSPC' }], returnKind: 'simple' });
    expect(composed.units).toHaveLength(1);
    expect(composed.failures).toEqual([{ id: 'us-election-2024:LMT', symbol: 'LMT', eventId: 'us-election-2024', error: { code: 'NO_PRICES', message: 'LMT: the server sent no prices for it.' } }]);
  });

  it('names the events whose day 0 is a chart day', () => {
    const composed = composeStudy({ series, events: [election], allEvents: EVENT_CATALOG.events, securities: [{ symbol: '7013.T', benchmark: 'TOPIX' }], returnKind: 'simple' });
    const unit = composed.units[0]?.unit;
    if (!unit) throw new Error('no unit');
    const calendar = { exchange: 'XTKS', dates: unit.dates, dayZero: unit.dayZero };
    expect(linkedEvents(calendar, composed, 0)).toEqual({ eventIds: ['us-election-2024'], dayText: 'Day 0, Wed 6 Nov 2024' });
    expect(linkedEvents(calendar, composed, 1)).toEqual({ eventIds: ['ishiba-trump-call-2024'], dayText: 'Day +1, Thu 7 Nov 2024' });
    expect(linkedEvents(calendar, composed, 2).eventIds).toEqual([]);
    expect(linkedEvents(calendar, composed, null)).toEqual({ eventIds: [], dayText: null });
  });
});

describe('plainEnglishReading', () => {
  const range = { from: '2021-11-01', to: '2025-02-28' };
  const reference = referenceStudy(['7013.T'], 'TOPIX', range);
  const ihi = reference.securities[0];
  if (!ihi) throw new Error('no IHI result');

  it('states the day-0 AR, its significance level, t and p', () => {
    const line = plainEnglishReading('IHI Corporation', ihi);
    const t = ihi.windows.find((window) => window.from === 0 && window.to === 0)?.t;
    expect(t?.statistic).not.toBeNull();
    expect(line).toMatch(/^IHI Corporation's abnormal return on 6 Nov 2024 was \+\d+\.\d\d%, significant at 1% \(t = \d+\.\d\d, p < 0\.001\)\.$/);
  });

  it('says how to get the test when the 0:0 window is not among the CAR windows', () => {
    expect(plainEnglishReading('IHI Corporation', { ...ihi, windows: [] })).toMatch(/\(add the CAR window 0:0 to test it\)\.$/);
  });

  it("writes a name ending in s with the apostrophe alone (possessive), never \"Industries's\"", () => {
    expect(plainEnglishReading('Mitsubishi Heavy Industries', ihi)).toMatch(/^Mitsubishi Heavy Industries' abnormal return on 6 Nov 2024/);
  });

  it('says "not significant" above 10%', () => {
    const window = { from: 0, to: 0, car: 0.001, carVariance: 0.0004, scar: 0.05, bhar: 0.001, t: { statistic: 0.05, pValue: 0.96 } };
    expect(plainEnglishReading('IHI Corporation', { ...ihi, windows: [window] })).toMatch(/not significant at 10% \(t = 0\.05, p = 0\.960\)\.$/);
  });
});
