/**
 * Live mode places a symbol on the exchange Yahoo's answer names (its exchange code, checked
 * against the registry's time zone), never on New York by default: the recorded OCDO.L (London)
 * and WSU.DE (Xetra) answers of yahoo-finance2's repository and a made-up 005930.KS (Seoul)
 * answer go through the real YahooPriceSource, then the page's composition.
 */
import { describe, expect, it } from 'vitest';
import { composeStudy } from '../../../src/application/compose-study.ts';
import { dayZero } from '../../../src/core/event-timing.ts';
import { exchangeOfSeries } from '../../../src/domain/exchanges.ts';
import type { PriceSeries } from '../../../src/domain/price-api.ts';
import type { StudyEvent } from '../../../src/domain/study-event.ts';
import type { SourceSeries } from '../../../server/sources/price-source.ts';
import { YahooPriceSource } from '../../../server/sources/yahoo-source.ts';
import { chartBody, fakeYahoo, json } from './helpers/yahoo-fake.ts';

const NOW = new Date('2026-11-28T07:00:00.000Z');

async function live(file: string, symbol: string, from: string, to: string, edit: (meta: Record<string, unknown>) => void = () => undefined): Promise<SourceSeries> {
  const body = structuredClone(chartBody(file)) as { chart: { result: [{ meta: Record<string, unknown> }] } };
  edit(body.chart.result[0].meta);
  const yahoo = fakeYahoo(() => json(body));
  return new YahooPriceSource({ fetch: yahoo.fetch, now: () => NOW, timeoutMs: 2_000 }).fetchSeries({ symbol, from, to });
}

const dates = (series: SourceSeries) => series.bars.map((bar) => bar.date);

describe('live Yahoo answers on their own exchanges', () => {
  it('OCDO.L (recorded): London, Europe/London; 16:30 GMT is before its 16:35 close, so that day is day 0', async () => {
    const series = await live('chart-OCDO.L-2020-01-01-to-2020-01-03.json', 'OCDO.L', '2020-01-01', '2020-01-03');
    expect(series).toMatchObject({ exchange: 'XLON', exchangeTimezoneName: 'Europe/London' });
    const london = exchangeOfSeries(series);
    expect(london.code).toBe('XLON');
    // 19:00 EST on 1 Jan = 00:00 GMT on 2 Jan; 11:30 EST on 2 Jan = 16:30 GMT, in the closing auction.
    expect(dayZero({ date: '2020-01-01', time: '19:00', timeZone: 'America/New_York' }, london, dates(series))).toBe('2020-01-02');
    expect(dayZero({ date: '2020-01-02', time: '11:30', timeZone: 'America/New_York' }, london, dates(series))).toBe('2020-01-02');
  });

  it('WSU.DE (recorded): Xetra by its code GER (Yahoo shows "XETRA"), Europe/Berlin; 12:00 EDT on Friday is after the 17:35 CEST close', async () => {
    const series = await live('chart-WSU.DE-2023-08-04-to-2023-08-09.json', 'WSU.DE', '2023-08-04', '2023-08-09');
    expect(series).toMatchObject({ exchange: 'XETR', exchangeTimezoneName: 'Europe/Berlin' });
    const xetra = exchangeOfSeries(series);
    // Summer time on both sides: 12:00 EDT = 16:00 UTC = 18:00 CEST, after Friday's close → Monday.
    expect(dayZero({ date: '2023-08-04', time: '12:00', timeZone: 'America/New_York' }, xetra, dates(series))).toBe('2023-08-07');
    // 11:00 EDT = 17:00 CEST, before it.
    expect(dayZero({ date: '2023-08-04', time: '11:00', timeZone: 'America/New_York' }, xetra, dates(series))).toBe('2023-08-04');
  });

  it('005930.KS (made up): Seoul by its code KSC, Asia/Seoul; the US election is day 0 = 6 Nov, and the exam day closes at 16:30', async () => {
    const series = await live('made-up-chart-005930.KS-2024-11-04-to-2024-11-15.json', '005930.KS', '2024-11-04', '2024-11-15');
    expect(series).toMatchObject({ exchange: 'XKRX', exchangeTimezoneName: 'Asia/Seoul' });
    // The exam-day bar is stamped 10:00 KST (01:00 UTC) and still dated 14 Nov in Seoul.
    expect(dates(series)).toEqual(['2024-11-04', '2024-11-05', '2024-11-06', '2024-11-07', '2024-11-08', '2024-11-11', '2024-11-12', '2024-11-13', '2024-11-14', '2024-11-15']);
    const seoul = exchangeOfSeries(series);
    // 19:00 EST on 5 Nov = 00:00 UTC = 09:00 KST on 6 Nov, the open; 5 Nov had closed at 15:30 KST.
    expect(dayZero({ date: '2024-11-05', time: '19:00', timeZone: 'America/New_York' }, seoul, dates(series))).toBe('2024-11-06');
    expect(dayZero({ date: '2024-11-14', time: '16:00', timeZone: 'Asia/Seoul' }, seoul, dates(series))).toBe('2024-11-14');
    expect(dayZero({ date: '2024-11-13', time: '16:00', timeZone: 'Asia/Seoul' }, seoul, dates(series))).toBe('2024-11-14');
  });

  it('AAPL (recorded): Nasdaq by its code NMS, not by the display name "NasdaqGS"', async () => {
    const series = await live('chart-AAPL-2020-01-01-to-2020-01-03.json', 'AAPL', '2020-01-01', '2020-01-03');
    expect(series.exchange).toBe('XNAS');
  });
});

describe('a live answer the registry cannot place', () => {
  const event: StudyEvent = { id: 'made-up', title: 'Made-up event', date: '2020-01-01', time: '19:00', timeZone: 'America/New_York', excerptIds: [], custom: true };
  const asPriced = (series: SourceSeries, symbol = series.symbol): PriceSeries => ({ ...series, symbol, source: 'live', stale: false });

  async function failureOf(series: SourceSeries) {
    // MADE UP: the series doubles as its own benchmark, so only the exchange can fail.
    const composed = composeStudy({
      series: [asPriced(series), asPriced(series, 'MADE-UP-INDEX')],
      events: [event],
      allEvents: [event],
      securities: [{ symbol: series.symbol, benchmark: 'MADE-UP-INDEX' }],
      returnKind: 'simple',
    });
    expect(composed.units).toEqual([]);
    return composed.failures[0]?.error;
  }

  it('keeps Yahoo\'s code for an exchange the registry does not know, and the study refuses the security naming it', async () => {
    // MADE UP: the recorded OCDO.L answer relabelled as a Hong Kong listing.
    const series = await live('chart-OCDO.L-2020-01-01-to-2020-01-03.json', 'OCDO.L', '2020-01-01', '2020-01-03', (meta) => {
      Object.assign(meta, { exchangeName: 'HKG', fullExchangeName: 'HKSE', exchangeTimezoneName: 'Asia/Hong_Kong', timezone: 'HKT', gmtoffset: 28800 });
    });
    expect(series.exchange).toBe('HKG');
    expect(await failureOf(series)).toEqual({ code: 'UNKNOWN_EXCHANGE', message: expect.stringMatching(/^OCDO\.L: The price source places it on "HKG", which is not a registered exchange\./) });
  });

  it('refuses an answer dated in another zone than its registered exchange keeps', async () => {
    // MADE UP: the recorded WSU.DE answer with a New York zone.
    const series = await live('chart-WSU.DE-2023-08-04-to-2023-08-09.json', 'WSU.DE', '2023-08-04', '2023-08-09', (meta) => {
      meta.exchangeTimezoneName = 'America/New_York';
    });
    expect(series.exchange).toBe('XETR');
    expect(await failureOf(series)).toEqual({
      code: 'EXCHANGE_TIME_ZONE_MISMATCH',
      message: 'WSU.DE: Yahoo dates it in America/New_York, but Xetra (Deutsche Börse), XETR, keeps Europe/Berlin; the registry and Yahoo disagree, so its days cannot be placed.',
    });
  });
});
