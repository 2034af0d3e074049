/**
 * 95% confidence bands drawn around cumulative abnormal returns.
 */

/** The 97.5% quantile of the standard normal, qnorm(0.975) in R, which the "1.96" rounds. */
export const NORMAL_QUANTILE_975 = 1.959963984540054;

export interface Band {
  low: number;
  high: number;
}

/**
 * The 95% band of a CAR under the null of no abnormal return, CAR ± 1.96·sqrt(var CAR)
 * (MacKinlay 1997, eq. 10: CAR ~ N(0, σ²(τ1,τ2)) asymptotically).
 * @returns null when either input is missing or the variance is negative or not finite.
 * @example carBand(0.1, 0.0004) // { low: 0.0608…, high: 0.1391… }
 */
export function carBand(car: number | null, carVariance: number | null): Band | null {
  if (car === null || carVariance === null || !Number.isFinite(car) || !Number.isFinite(carVariance) || carVariance < 0) return null;
  const halfWidth = NORMAL_QUANTILE_975 * Math.sqrt(carVariance);
  return { low: car - halfWidth, high: car + halfWidth };
}

/**
 * Variance of the average CAR of N securities, var(CAAR) = (1/N²)·Σ var(CAR_i) (MacKinlay 1997,
 * eqs. 12 and 14). Assumes the securities' abnormal returns are independent, which is optimistic
 * when all share one event date (clustering); the band drawn from it is a guide, the tests in
 * the table are the evidence.
 * @returns null for no variances or any missing, negative or non-finite one.
 * @example caarVariance([0.0004, 0.0009]) // 0.000325
 */
export function caarVariance(carVariances: readonly (number | null)[]): number | null {
  if (carVariances.length === 0) return null;
  let sum = 0;
  for (const variance of carVariances) {
    if (variance === null || !Number.isFinite(variance) || variance < 0) return null;
    sum += variance;
  }
  return sum / carVariances.length ** 2;
}
