// MADE-UP prices on a made-up calendar, only to test the alignment rules.
import { describe, expect, it } from 'vitest';
import { buildStudyUnit, type PricePoint } from '../../../src/core/align';
import { EventStudyError } from '../../../src/core/errors';

const benchmark: PricePoint[] = [
  { date: '2024-11-01', adjClose: 100 },
  { date: '2024-11-05', adjClose: 101 },
  { date: '2024-11-06', adjClose: 102 },
  { date: '2024-11-07', adjClose: null },
  { date: '2024-11-08', adjClose: 104 },
  { date: '2024-11-11', adjClose: 105 },
];

function unitOf(securityPrices: PricePoint[], dayZero = '2024-11-06') {
  return buildStudyUnit({
    id: 'X@event',
    symbol: 'X',
    benchmark: 'BENCH',
    eventId: 'event',
    securityPrices,
    benchmarkPrices: benchmark,
    dayZero,
    returnKind: 'simple',
  });
}

describe('buildStudyUnit', () => {
  it('puts both series on the benchmark calendar and drops security dates outside it', () => {
    const unit = unitOf([
      { date: '2024-11-01', adjClose: 50 },
      { date: '2024-11-04', adjClose: 60 }, // not a benchmark day: ignored
      { date: '2024-11-05', adjClose: 55 },
      { date: '2024-11-06', adjClose: 66 },
      { date: '2024-11-07', adjClose: 66 },
      { date: '2024-11-08', adjClose: 33 },
      { date: '2024-11-11', adjClose: 33 },
    ]);
    expect(unit.dates).toEqual(benchmark.map((point) => point.date));
    // 55/50 − 1 across the ignored 11-04 price; 66/55 − 1 = 0.2; 33/66 − 1 = −0.5.
    expect(unit.returns[1]).toBeCloseTo(0.1, 15);
    expect(unit.returns[2]).toBeCloseTo(0.2, 15);
    expect(unit.returns[4]).toBeCloseTo(-0.5, 15);
    expect(unit.eventId).toBe('event');
    expect(unit.returnKind).toBe('simple');
  });

  it('keeps missing days missing: a missing price loses that day and the next, on either series', () => {
    const unit = unitOf([
      { date: '2024-11-01', adjClose: 50 },
      { date: '2024-11-05', adjClose: null },
      { date: '2024-11-06', adjClose: 55 },
      { date: '2024-11-08', adjClose: 60 },
      { date: '2024-11-11', adjClose: 66 },
    ]);
    // 11-05 is null and 11-07 has no row, so only 11-11 (66/60 − 1) has both prices.
    expect(unit.returns.map((value) => value === null)).toEqual([true, true, true, true, true, false]);
    expect(unit.returns[5]).toBeCloseTo(0.1, 15);
    // The benchmark's null close on 11-07 removes the market returns of 11-07 and 11-08.
    expect(unit.marketReturns.map((value) => value === null)).toEqual([true, false, false, true, true, false]);
  });

  it('rejects day 0 outside the benchmark calendar with EVENT_OUTSIDE_DATA naming the security', () => {
    const build = () => unitOf([{ date: '2024-11-01', adjClose: 50 }], '2024-11-04');
    expect(build).toThrow(EventStudyError);
    expect(build).toThrow(/^X: day 0 \(2024-11-04\) is not a trading day/);
  });

  it('rejects unordered, repeated or malformed dates and bad prices with INVALID_INPUT', () => {
    const cases: PricePoint[][] = [
      [
        { date: '2024-11-05', adjClose: 1 },
        { date: '2024-11-01', adjClose: 1 },
      ],
      [
        { date: '2024-11-05', adjClose: 1 },
        { date: '2024-11-05', adjClose: 1 },
      ],
      [{ date: '5 Nov 2024', adjClose: 1 }],
      [{ date: '2024-11-05', adjClose: -1 }],
    ];
    for (const prices of cases) {
      try {
        unitOf(prices);
        expect.unreachable('should have thrown');
      } catch (error) {
        expect(error).toBeInstanceOf(EventStudyError);
        expect((error as EventStudyError).code).toBe('INVALID_INPUT');
        expect((error as EventStudyError).message).toMatch(/^X/);
      }
    }
  });
});
