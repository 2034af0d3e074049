import { describe, expect, it } from 'vitest';
import { wilcoxonSignedRankTest } from '../../../../src/core/wilcoxon-signed-rank';
import { averageRanks } from '../../../../src/core/corrado-rank-test';
import { expectEngineError } from './expect-engine-error';
import {
  abnormalReturnsByModel,
  eventDayOf,
  expectRelativelyClose,
  numberOf,
  readFixture,
  type Model,
} from './reference-fixture';

/**
 * Independent reference for the exact p-value: walks all 2ⁿ sign patterns one by one (no
 * dynamic programming) and applies the two-sided rule of R's wilcox.test,
 * min(1, 2·min(P(V ≤ w), P(V ≥ w))).
 */
function bruteForceExactPValue(values: readonly number[]): number {
  const nonZero = values.filter((value) => value !== 0);
  const ranks = averageRanks(nonZero.map(Math.abs));
  const observed = nonZero.reduce((sum, value, index) => sum + (value > 0 ? (ranks[index] ?? 0) : 0), 0);
  let atOrBelow = 0;
  let atOrAbove = 0;
  for (let pattern = 0; pattern < 2 ** nonZero.length; pattern += 1) {
    let sum = 0;
    ranks.forEach((rank, index) => {
      if (pattern & (1 << index)) sum += rank;
    });
    if (sum <= observed + 1e-9) atOrBelow += 1;
    if (sum >= observed - 1e-9) atOrAbove += 1;
  }
  return Math.min(1, (2 * Math.min(atOrBelow, atOrAbove)) / 2 ** nonZero.length);
}

// Made-up, reproducible test values (not market data): x_k = ((37k mod 101) − c)/100.
const madeUp = (count: number, centre: number) =>
  Array.from({ length: count }, (_, index) => (((index + 1) * 37) % 101 - centre) / 100);

describe('wilcoxonSignedRankTest: hand-checkable cases', () => {
  it('[1,2,3,4,5] → W⁺ = 15 and exact p = 2/32 (only all-plus or all-minus are as extreme)', () => {
    expect(wilcoxonSignedRankTest([1, 2, 3, 4, 5])).toEqual({ statistic: 15, pValue: 0.0625 });
  });

  it('[−1,2,3,4,5] → W⁺ = 14, P(V ≥ 14) = 2/32 ({2,3,4,5} and all five), p = 4/32', () => {
    expect(wilcoxonSignedRankTest([-1, 2, 3, 4, 5])).toEqual({ statistic: 14, pValue: 0.125 });
  });

  it('drops zeros before ranking (Wilcoxon 1945; R wilcox.test): [0, 1, 2] is n = 2, W⁺ = 3, p = 2·1/4', () => {
    expect(wilcoxonSignedRankTest([0, 1, 2])).toEqual({ statistic: 3, pValue: 0.5 });
  });

  it('ties share average ranks and the exact distribution uses them: [1, −1, 2] → W⁺ = 4.5, p = 6/8', () => {
    // |x| ranks 1.5, 1.5, 3; sums over the 8 sign patterns: 0, 1.5, 1.5, 3, 3, 4.5, 4.5, 6.
    expect(wilcoxonSignedRankTest([1, -1, 2])).toEqual({ statistic: 4.5, pValue: 0.75 });
  });

  it('matches a brute-force enumeration of all sign patterns with ties and zeros (n = 14)', () => {
    const values = [0.3, -0.1, 0.1, 0.2, -0.2, 0.5, 0, 0.7, -0.4, 0.4, 0.6, -0.6, 0.8, 0.9, 1.1];
    const result = wilcoxonSignedRankTest(values);
    expectRelativelyClose(result.pValue, bruteForceExactPValue(values), 1e-15);
  });

  it('is exact below 50 values: n = 49 matches SciPy 1.17.1 wilcoxon(method="exact")', () => {
    // scipy.stats.wilcoxon(x, method='exact') on these 49 values (no ties, no zeros):
    // statistic min(W⁺, W⁻) = 384, p = 0.02239138563494336; W⁺ = 841.
    const result = wilcoxonSignedRankTest(madeUp(49, 40.25));
    expect(result.statistic).toBe(841);
    expectRelativelyClose(result.pValue, 0.02239138563494336, 1e-12);
  });

  it('uses the normal approximation with continuity correction from 50 values on', () => {
    // SciPy 1.17.1 wilcoxon(x, method='approx', correction=True) on these 50 values: p = 0.027063492176047897.
    const result = wilcoxonSignedRankTest(madeUp(50, 40.25));
    expect(result.statistic).toBe(867);
    expectRelativelyClose(result.pValue, 0.027063492176047897, 1e-12);
  });

  it('corrects the normal approximation for ties (59 non-zero values, 14 tied pairs, one zero)', () => {
    // SciPy 1.17.1 wilcoxon(x, zero_method='wilcox', correction=True, method='approx'): p = 0.7829207123627173.
    const result = wilcoxonSignedRankTest(madeUp(60, 50));
    expect(result.statistic).toBe(922);
    expectRelativelyClose(result.pValue, 0.7829207123627173, 1e-12);
  });

  it('explains instead of returning NaN when nothing non-zero is left', () => {
    for (const values of [[], [0, 0]]) {
      const result = wilcoxonSignedRankTest(values);
      expect(result.statistic).toBeNull();
      expect(result.pValue).toBeNull();
      expect(result.reason).toMatch(/no non-zero abnormal returns/);
    }
  });

  it.each([NaN, Infinity])('rejects %s with a typed INVALID_INPUT error', (bad) => {
    expectEngineError(() => wilcoxonSignedRankTest([0.01, bad]), 'INVALID_INPUT', /finite number/);
  });
});

describe.each<Model>(['sim', 'mrkt_adj', 'mean_adj'])(
  'wilcoxonSignedRankTest reproduces estudy2 wlcx_stat and wlcx_p_exact (%s)',
  (model) => {
    const securities = abnormalReturnsByModel(model);
    const reference = readFixture(`estudy2_${model}_nonparametric_tests.csv`);

    it.each(reference.map((row) => [row.date ?? '', row] as const))('%s', (date, row) => {
      const values = eventDayOf(securities, date).abnormalReturns;
      expect(values.filter((value) => value !== 0)).toHaveLength(numberOf(row, 'wlcx_N'));
      const result = wilcoxonSignedRankTest(values);
      expect(result.statistic).toBe(numberOf(row, 'wlcx_stat'));
      expectRelativelyClose(result.pValue, numberOf(row, 'wlcx_p_exact'));
    });
  },
);
