import { describe, expect, it } from 'vitest';
import { EventStudyError } from '../../../src/core/errors';
import { closingTime, type ExchangeSchedule } from '../../../src/core/exchange-schedule';
import { EXCHANGE_CODES, EXCHANGE_REGISTRY as EXCHANGES, exchangeForSymbol, UnknownExchangeError } from '../../../src/domain/exchanges';

describe('exchangeForSymbol', () => {
  it.each(['7011.T', '7013.T', '^N225', 'TOPIX', '^TOPX', '7011.t'])('puts %s in Tokyo', (symbol) => {
    expect(exchangeForSymbol(symbol).code).toBe('XTKS');
  });

  // Suffix-less US tickers are New York: the documented rule for the snapshot's and typed symbols.
  it.each(['^GSPC', 'LMT', 'RTX', 'SPY', 'T', 'TOPIXX', 'BRK-B'])('puts %s in New York', (symbol) => {
    expect(exchangeForSymbol(symbol).code).toBe('XNYS');
  });

  it('takes the exchange the price source declares first: a MIC or a Yahoo exchange code', () => {
    expect(exchangeForSymbol('AAPL', 'NMS').code).toBe('XNAS');
    expect(exchangeForSymbol('AAPL', 'XNAS').code).toBe('XNAS');
    expect(exchangeForSymbol('7011.T', 'JPX').code).toBe('XTKS');
    expect(exchangeForSymbol('LMT', 'NYQ').code).toBe('XNYS');
    expect(exchangeForSymbol('7011.T', 'XTKS').code).toBe('XTKS');
    // A name the registry does not know (Yahoo's fullExchangeName) leaves the symbol rules to decide.
    expect(exchangeForSymbol('7013.T', 'Tokyo').code).toBe('XTKS');
  });

  // Made-up cases of real Yahoo symbols whose exchanges are not registered yet: never New York.
  it.each([
    ['OCDO.L', undefined, /OCDO\.L: No registered exchange has the Yahoo suffix \.L/],
    ['WSU.DE', undefined, /WSU\.DE: .*suffix \.DE/],
    ['005930.KS', undefined, /005930\.KS: .*suffix \.KS/],
    ['^FTSE', undefined, /\^FTSE: .*no registered exchange's benchmark/],
    ['JPY=X', undefined, /JPY=X/],
    ['BA.L', 'XLON', /BA\.L: .*The price source names its exchange "XLON", which is not registered either/],
  ])('refuses %s with a typed error naming it', (symbol, declared, message) => {
    let caught: unknown;
    try {
      exchangeForSymbol(symbol, declared);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnknownExchangeError);
    expect((caught as UnknownExchangeError).code).toBe('UNKNOWN_EXCHANGE');
    expect((caught as UnknownExchangeError).symbol).toBe(symbol);
    expect((caught as Error).message).toMatch(message);
  });
});

describe('the exchange registry', () => {
  it('holds, for each exchange, a consistent entry: MIC key, IANA zone, dated closes with a citation each, a default benchmark', () => {
    expect(EXCHANGE_CODES).toEqual(['XTKS', 'XNYS', 'XNAS']);
    for (const code of EXCHANGE_CODES) {
      const exchange = EXCHANGES[code];
      expect(exchange.code).toBe(code);
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: exchange.timeZone })).not.toThrow();
      expect(exchange.closes.length).toBeGreaterThan(0);
      expect([...exchange.closes].map((entry) => entry.from)).toEqual([...exchange.closes].map((entry) => entry.from).sort());
      for (const entry of exchange.closes) {
        expect(entry.close).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(entry.source).toMatch(/https:\/\//);
      }
      expect(exchange.benchmarks.length).toBeGreaterThan(0);
      // Each benchmark is on its own exchange's calendar (or, for Nasdaq, New York's, which it shares).
      for (const benchmark of exchange.benchmarks) expect(exchangeForSymbol(benchmark).timeZone).toBe(exchange.timeZone);
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

  it('rejects a schedule without closing times with a typed error', () => {
    const empty: ExchangeSchedule = { ...EXCHANGES.XNYS, closes: [] };
    expect(() => closingTime(empty, '2024-11-04')).toThrow(EventStudyError);
    expect(() => closingTime(empty, '2024-11-04')).toThrow(/no closing time/);
  });
});
