import { describe, expect, it } from 'vitest';
import { EventStudyError } from '../../../src/core/errors';
import { closingTime, EXCHANGES, exchangeForSymbol, type ExchangeSchedule } from '../../../src/core/exchanges';

describe('exchangeForSymbol', () => {
  it.each(['7011.T', '7013.T', '^N225', 'TOPIX', '^TOPX', '7011.t'])('puts %s in Tokyo', (symbol) => {
    expect(exchangeForSymbol(symbol).code).toBe('XTKS');
  });

  it.each(['^GSPC', 'LMT', 'RTX', 'SPY', 'T', 'TOPIXX'])('puts %s in New York', (symbol) => {
    expect(exchangeForSymbol(symbol).code).toBe('XNYS');
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
