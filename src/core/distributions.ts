import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import studentCdf from '@stdlib/stats-base-dists-t-cdf';
import { EventStudyError } from './errors';

/**
 * Two-sided p-value of a standard normal statistic: 2·Φ(−|z|).
 * Uses stdlib.io's normal CDF rather than a hand-rolled series. ±Infinity gives 0.
 * @throws EventStudyError INVALID_INPUT for a NaN statistic.
 * @example normalTwoSidedPValue(1.959963984540054) // ≈ 0.05
 */
export function normalTwoSidedPValue(statistic: number): number {
  requireStatistic(statistic);
  return 2 * normalCdf(-Math.abs(statistic), 0, 1);
}

/**
 * Two-sided p-value of a Student t statistic with `degreesOfFreedom`: 2·F_t(−|t|; df). ±Infinity
 * gives 0.
 * @throws EventStudyError INVALID_INPUT for a NaN statistic, or degrees of freedom that are not a
 *   positive finite number (stdlib answers NaN, or for ∞ a wrong 0.5).
 * @example studentTwoSidedPValue(2.7764451051977987, 4) // ≈ 0.05
 */
export function studentTwoSidedPValue(statistic: number, degreesOfFreedom: number): number {
  requireStatistic(statistic);
  if (!(degreesOfFreedom > 0 && degreesOfFreedom < Infinity)) {
    throw new EventStudyError('INVALID_INPUT', `A t test needs a positive, finite number of degrees of freedom, got ${degreesOfFreedom}.`);
  }
  return 2 * studentCdf(-Math.abs(statistic), degreesOfFreedom);
}

function requireStatistic(statistic: number): void {
  if (Number.isNaN(statistic)) throw new EventStudyError('INVALID_INPUT', 'A test statistic is NaN, so it has no p-value.');
}
