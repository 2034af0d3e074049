import { describe, expect, it } from 'vitest';
import { EventStudyError } from '../../../src/core/errors';
import { grossReturn, returnsFromPrices } from '../../../src/core/returns';

describe('returnsFromPrices', () => {
  it('computes simple returns P_t/P_{t-1} − 1 with a null first entry', () => {
    // 110/100 − 1 = 0.1; 99/110 − 1 = −0.1
    const returns = returnsFromPrices([100, 110, 99], 'simple');
    expect(returns[0]).toBeNull();
    expect(returns[1]).toBeCloseTo(0.1, 15);
    expect(returns[2]).toBeCloseTo(-0.1, 15);
  });

  it('computes log returns ln(P_t/P_{t-1})', () => {
    const returns = returnsFromPrices([100, 110, 99], 'log');
    expect(returns[1]).toBe(Math.log(110 / 100));
    expect(returns[2]).toBe(Math.log(99 / 110));
  });

  it('leaves both returns around a missing price missing instead of filling them', () => {
    expect(returnsFromPrices([100, null, 121, 133.1])).toEqual([null, null, null, 133.1 / 121 - 1]);
  });

  it('rejects a price that is zero, negative, NaN or infinite with a typed error naming the series', () => {
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => returnsFromPrices([100, bad], 'simple', '7011.T')).toThrow(EventStudyError);
      expect(() => returnsFromPrices([100, bad], 'simple', '7011.T')).toThrow(/7011\.T: price #2/);
    }
  });

  it('turns either kind of return into a gross return for compounding', () => {
    expect(grossReturn(0.1, 'simple')).toBe(1.1);
    expect(grossReturn(Math.log(1.1), 'log')).toBeCloseTo(1.1, 15);
  });
});
