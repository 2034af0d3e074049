import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import studentCdf from '@stdlib/stats-base-dists-t-cdf';

/**
 * Two-sided p-value of a standard normal statistic: 2·Φ(−|z|).
 * Uses stdlib.io's normal CDF rather than a hand-rolled series.
 * @throws never; returns NaN only for a NaN input, which callers must have rejected.
 * @example normalTwoSidedPValue(1.959963984540054) // ≈ 0.05
 */
export function normalTwoSidedPValue(statistic: number): number {
  return 2 * normalCdf(-Math.abs(statistic), 0, 1);
}

/**
 * Two-sided p-value of a Student t statistic with `degreesOfFreedom`: 2·F_t(−|t|; df).
 * @example studentTwoSidedPValue(2.7764451051977987, 4) // ≈ 0.05
 */
export function studentTwoSidedPValue(statistic: number, degreesOfFreedom: number): number {
  return 2 * studentCdf(-Math.abs(statistic), degreesOfFreedom);
}
