import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EventStudyError } from '../../../src/core/errors';
import { closingTime, type ExchangeSchedule } from '../../../src/core/exchange-schedule';
import {
  EXCHANGE_CODES,
  EXCHANGE_REGISTRY as EXCHANGES,
  exchangeForSymbol,
  exchangeOfYahooChart,
  ExchangeTimeZoneError,
  type Exchange,
  UnknownExchangeError,
} from '../../../src/domain/exchanges';

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('exchangeForSymbol', () => {
  it.each(['7011.T', '7013.T', '^N225', 'TOPIX', '^TOPX', '7011.t'])('puts %s in Tokyo', (symbol) => {
    expect(exchangeForSymbol(symbol).code).toBe('XTKS');
  });

  // Suffix-less US tickers are New York: the documented rule for the snapshot's and typed symbols.
  it.each(['^GSPC', 'LMT', 'RTX', 'SPY', 'T', 'TOPIXX', 'BRK-B'])('puts %s in New York', (symbol) => {
    expect(exchangeForSymbol(symbol).code).toBe('XNYS');
  });

  it.each([
    ['BA.L', 'XLON'],
    ['OCDO.L', 'XLON'],
    ['^FTSE', 'XLON'],
    ['RHM.DE', 'XETR'],
    ['WSU.DE', 'XETR'],
    ['^GDAXI', 'XETR'],
    // STOXX's indices are computed to Xetra's close and recorded on it in the snapshot.
    ['^STOXX', 'XETR'],
    ['^STOXX50E', 'XETR'],
    ['HO.PA', 'XPAR'],
    ['^FCHI', 'XPAR'],
    ['LDO.MI', 'XMIL'],
    ['FTSEMIB.MI', 'XMIL'],
    ['SAAB-B.ST', 'XSTO'],
    ['^OMX', 'XSTO'],
    ['005930.KS', 'XKRX'],
    ['012450.KS', 'XKRX'],
    ['^KS11', 'XKRX'],
    ['^IXIC', 'XNAS'],
  ])('puts %s on %s by its suffix or as the index it holds', (symbol, code) => {
    expect(exchangeForSymbol(symbol).code).toBe(code);
  });

  it('takes the exchange the price source declares first: a MIC or a Yahoo exchange code', () => {
    expect(exchangeForSymbol('AAPL', 'NMS').code).toBe('XNAS');
    expect(exchangeForSymbol('AAPL', 'XNAS').code).toBe('XNAS');
    expect(exchangeForSymbol('7011.T', 'JPX').code).toBe('XTKS');
    expect(exchangeForSymbol('LMT', 'NYQ').code).toBe('XNYS');
    expect(exchangeForSymbol('7011.T', 'XTKS').code).toBe('XTKS');
    expect(exchangeForSymbol('BA.L', 'XLON').code).toBe('XLON');
    expect(exchangeForSymbol('005930.KS', 'KSC').code).toBe('XKRX');
  });

  // Real Yahoo symbols of exchanges the registry does not hold, and a declared exchange it does not
  // know: each a typed error naming the symbol, never New York.
  it.each([
    ['0700.HK', undefined, /^0700\.HK: No registered exchange has the Yahoo suffix \.HK\. Registered exchanges: XTKS \(Tokyo\), .*XKRX \(Seoul\)\.$/],
    ['RHM.F', undefined, /RHM\.F: .*suffix \.F/],
    ['035420.KQ', undefined, /035420\.KQ: .*suffix \.KQ/],
    ['^HSI', undefined, /\^HSI: It is an index, currency or future that no registered exchange holds/],
    ['JPY=X', undefined, /JPY=X/],
    // A bare ticker the price source places on OTC Markets: named, never filed under New York.
    ['NSRGY', 'PNK', /NSRGY: The price source places it on "PNK", which is not a registered exchange/],
    ['7013.T', 'Tokyo', /7013\.T: The price source places it on "Tokyo"/],
  ])('refuses %s with a typed error naming it', (symbol, declared, message) => {
    const error = caught(() => exchangeForSymbol(symbol, declared));
    expect(error).toBeInstanceOf(UnknownExchangeError);
    expect((error as UnknownExchangeError).code).toBe('UNKNOWN_EXCHANGE');
    expect((error as UnknownExchangeError).symbol).toBe(symbol);
    expect((error as Error).message).toMatch(message);
  });
});

describe('exchangeOfYahooChart (live answers)', () => {
  // The meta blocks of the recorded answers in tests/fixtures/yahoo (copied from yahoo-finance2).
  const ocado = { exchangeName: 'LSE', fullExchangeName: 'LSE', exchangeTimezoneName: 'Europe/London' };
  const wacker = { exchangeName: 'GER', fullExchangeName: 'XETRA', exchangeTimezoneName: 'Europe/Berlin' };

  it('places the recorded OCDO.L and WSU.DE answers on London and Xetra by their exchange codes', () => {
    expect(exchangeOfYahooChart('OCDO.L', ocado).code).toBe('XLON');
    expect(exchangeOfYahooChart('WSU.DE', wacker).code).toBe('XETR');
    // Yahoo's display name (XETRA, NasdaqGS) is not what decides; its code is.
    expect(exchangeOfYahooChart('AAPL', { exchangeName: 'NMS', fullExchangeName: 'NasdaqGS', exchangeTimezoneName: 'America/New_York' }).code).toBe('XNAS');
  });

  it('places a registered index by the exchange that holds it, whatever provider code Yahoo gives', () => {
    expect(exchangeOfYahooChart('^FTSE', { exchangeName: 'FGI', fullExchangeName: 'FTSE Index', exchangeTimezoneName: 'Europe/London' }).code).toBe('XLON');
    expect(exchangeOfYahooChart('^GSPC', { exchangeName: 'SNP', exchangeTimezoneName: 'America/New_York' }).code).toBe('XNYS');
    expect(exchangeOfYahooChart('^N225', { exchangeName: 'OSA', fullExchangeName: 'Osaka', exchangeTimezoneName: 'Asia/Tokyo' }).code).toBe('XTKS');
  });

  it('refuses an exchange the registry does not know, naming the symbol and Yahoo\'s exchange', () => {
    const error = caught(() => exchangeOfYahooChart('0700.HK', { exchangeName: 'HKG', fullExchangeName: 'HKSE', exchangeTimezoneName: 'Asia/Hong_Kong' }));
    expect(error).toBeInstanceOf(UnknownExchangeError);
    expect((error as Error).message).toMatch(/^0700\.HK: Yahoo places it on HKSE \(Yahoo code HKG\), Asia\/Hong_Kong, an exchange the registry does not know\./);
    // A bare ticker is not New York just because it has no suffix.
    const otc = caught(() => exchangeOfYahooChart('NSRGY', { exchangeName: 'PNK', fullExchangeName: 'Other OTC', exchangeTimezoneName: 'America/New_York' }));
    expect((otc as Error).message).toMatch(/^NSRGY: Yahoo places it on Other OTC \(Yahoo code PNK\)/);
  });

  it('refuses an answer dated in another time zone than the registered exchange keeps', () => {
    const error = caught(() => exchangeOfYahooChart('OCDO.L', { ...ocado, exchangeTimezoneName: 'America/New_York' }));
    expect(error).toBeInstanceOf(ExchangeTimeZoneError);
    expect((error as ExchangeTimeZoneError).code).toBe('EXCHANGE_TIME_ZONE_MISMATCH');
    expect((error as Error).message).toBe(
      'OCDO.L: Yahoo dates it in America/New_York, but London Stock Exchange, XLON, keeps Europe/London; the registry and Yahoo disagree, so its days cannot be placed.',
    );
  });
});

describe('the exchange registry', () => {
  it('holds the nine exchanges of a defence analyst', () => {
    expect(EXCHANGE_CODES).toEqual(['XTKS', 'XNYS', 'XNAS', 'XLON', 'XETR', 'XPAR', 'XMIL', 'XSTO', 'XKRX']);
    expect(EXCHANGE_CODES.map((code) => EXCHANGES[code].benchmarks[0])).toEqual(['TOPIX', '^GSPC', '^GSPC', '^FTSE', '^GDAXI', '^FCHI', 'FTSEMIB.MI', '^OMX', '^KS11']);
  });

  it('holds, for each exchange, a consistent entry: MIC key, IANA zone, dated closes and special closes with a citation each', () => {
    for (const code of EXCHANGE_CODES) {
      const exchange = EXCHANGES[code];
      expect(exchange.code).toBe(code);
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: exchange.timeZone })).not.toThrow();
      expect(exchange.closes.length).toBeGreaterThan(0);
      const from = exchange.closes.map((entry) => entry.from);
      expect(from).toEqual([...from].sort());
      const dates = exchange.specialCloses.map((entry) => entry.date);
      expect(dates).toEqual([...new Set(dates)].sort());
      for (const entry of [...exchange.closes, ...exchange.specialCloses]) {
        expect(entry.close).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(entry.source).toMatch(/https?:\/\//);
      }
      for (const suffix of exchange.yahooSuffixes) expect(suffix).toMatch(/^\.[A-Z]{1,2}$/);
    }
  });

  it('gives each Yahoo suffix, exchange code and index to one exchange only', () => {
    for (const field of ['yahooSuffixes', 'yahooExchangeCodes', 'indices'] as const) {
      const all = EXCHANGE_CODES.flatMap((code) => [...EXCHANGES[code][field]]);
      expect(new Set(all).size, field).toBe(all.length);
    }
  });

  it('chooses benchmarks among registered indices: own ones first, then a regional index whose clock is the same', () => {
    for (const code of EXCHANGE_CODES) {
      const exchange = EXCHANGES[code];
      expect(exchange.benchmarks.length).toBeGreaterThan(0);
      expect(exchange.indices.includes(exchange.benchmarks[0] as never) || code === 'XNAS').toBe(true);
      for (const benchmark of exchange.benchmarks) {
        const home = exchangeForSymbol(benchmark);
        expect(home.indices).toContain(benchmark);
        // A benchmark of another exchange must close at the same moment give or take 15 minutes, in
        // winter and in summer (STOXX at Xetra's 16:35 UTC for London's 16:35 UTC), so that its
        // day's return spans the same news as the security's.
        const apart = closeUtcMinutes(home).map((minutes, season) => Math.abs(minutes - closeUtcMinutes(exchange)[season]!));
        expect(Math.max(...apart), `${benchmark} for ${code}`).toBeLessThanOrEqual(15);
      }
    }
    expect(EXCHANGES.XLON.benchmarks).toEqual(['^FTSE', '^STOXX']);
    expect(EXCHANGES.XSTO.benchmarks).toEqual(['^OMX', '^STOXX']);
    // EURO STOXX 50 holds only euro-area shares: a benchmark for Frankfurt, Paris and Milan only.
    for (const code of EXCHANGE_CODES) expect(EXCHANGES[code].benchmarks.includes('^STOXX50E' as never), code).toBe(['XETR', 'XPAR', 'XMIL'].includes(code));
  });

  it('agrees with the snapshot: each series on a registered exchange, in its zone, with benchmarks the registry offers', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../data/snapshot/manifest.json', import.meta.url), 'utf8')) as {
      series: { symbol: string; exchange: string; exchangeTimezoneName: string; kind: string; benchmarks: string[] }[];
    };
    expect(new Set(manifest.series.map((series) => series.exchange))).toEqual(new Set(EXCHANGE_CODES.filter((code) => code !== 'XNAS')));
    for (const series of manifest.series) {
      const exchange = exchangeForSymbol(series.symbol, series.exchange);
      expect(exchangeForSymbol(series.symbol).code, series.symbol).toBe(exchange.code);
      expect(series.exchangeTimezoneName, series.symbol).toBe(exchange.timeZone);
      expect(exchange.benchmarks, series.symbol).toEqual(expect.arrayContaining(series.benchmarks));
      if (series.kind === 'index') expect(exchange.indices, series.symbol).toContain(series.symbol);
    }
  });

  it('gives Nasdaq the New York clock and close', () => {
    expect(EXCHANGES.XNAS).toMatchObject({ timeZone: 'America/New_York', yahooExchangeCodes: ['NMS', 'NGM', 'NCM'] });
    expect(closingTime(EXCHANGES.XNAS, '2024-11-05')).toBe('16:00');
  });
});

describe('closingTime', () => {
  // TSE extended its trading hours on Tuesday 2024-11-05: close 15:00 before, 15:30 from that day.
  it('closes Tokyo at 15:00 before 2024-11-05 and at 15:30 from that day', () => {
    expect(closingTime(EXCHANGES.XTKS, '2018-01-04')).toBe('15:00');
    expect(closingTime(EXCHANGES.XTKS, '2024-11-01')).toBe('15:00');
    expect(closingTime(EXCHANGES.XTKS, '2024-11-05')).toBe('15:30');
    expect(closingTime(EXCHANGES.XTKS, '2025-03-31')).toBe('15:30');
  });

  it('closes New York at 16:00 local time all year', () => {
    expect(closingTime(EXCHANGES.XNYS, '2024-03-11')).toBe('16:00');
    expect(closingTime(EXCHANGES.XNYS, '2024-11-04')).toBe('16:00');
  });

  it('closes each European exchange when its closing auction sets the price', () => {
    expect(closingTime(EXCHANGES.XLON, '2024-11-05')).toBe('16:35');
    expect(closingTime(EXCHANGES.XETR, '2024-11-05')).toBe('17:35');
    expect(closingTime(EXCHANGES.XPAR, '2024-11-05')).toBe('17:35');
    // Borsa Italiana moved its closing auction five minutes later on 2015-11-23.
    expect(closingTime(EXCHANGES.XMIL, '2015-11-20')).toBe('17:30');
    expect(closingTime(EXCHANGES.XMIL, '2015-11-23')).toBe('17:35');
    expect(closingTime(EXCHANGES.XMIL, '2022-11-04')).toBe('17:35');
    expect(closingTime(EXCHANGES.XMIL, '2024-11-05')).toBe('17:35');
    expect(closingTime(EXCHANGES.XSTO, '2024-11-05')).toBe('17:30');
  });

  it('closes Seoul at 15:30 since 2016-08-01, and at 16:30 on each college entrance exam day only', () => {
    expect(closingTime(EXCHANGES.XKRX, '2016-07-29')).toBe('15:00');
    expect(closingTime(EXCHANGES.XKRX, '2016-08-01')).toBe('15:30');
    expect(closingTime(EXCHANGES.XKRX, '2024-11-13')).toBe('15:30');
    expect(closingTime(EXCHANGES.XKRX, '2024-11-14')).toBe('16:30');
    expect(closingTime(EXCHANGES.XKRX, '2024-11-15')).toBe('15:30');
    expect(EXCHANGES.XKRX.specialCloses.map((entry) => entry.date)).toEqual(
      expect.arrayContaining(['2018-11-15', '2019-11-14', '2020-12-03', '2021-11-18', '2022-11-17', '2023-11-16', '2024-11-14', '2025-11-13']),
    );
  });

  it('rejects a schedule without closing times with a typed error', () => {
    const empty: ExchangeSchedule = { ...EXCHANGES.XNYS, closes: [] };
    expect(() => closingTime(empty, '2024-11-04')).toThrow(EventStudyError);
    expect(() => closingTime(empty, '2024-11-04')).toThrow(/no closing time/);
  });
});

/** The regular close of 2024 in UTC minutes after midnight, in January and in July. */
function closeUtcMinutes(exchange: Exchange): number[] {
  const [hours, minutes] = closingTime(exchange, '2024-07-15').split(':').map(Number);
  return utcOffsets(exchange.timeZone).map((offset) => hours! * 60 + minutes! - offset);
}

/** UTC offsets in minutes of a zone in January and July 2024. */
function utcOffsets(timeZone: string): number[] {
  return [Date.UTC(2024, 0, 15, 12), Date.UTC(2024, 6, 15, 12)].map((instant) => {
    const text = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d\d):(\d\d)/.exec(text);
    return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  });
}
