import { requireFiniteValue } from './finite-input';
import { studentTest, unavailableTest } from './test-result';
import type { TestResult } from './types';

/**
 * t test of one security's CAR (or AR), MacKinlay (1997) θ for a single security:
 * t = CAR / √var(CAR) = SCAR, with var(CAR) the exact γ'Vγ, two-sided p-value from Student t with
 * the degrees of freedom of s² (M − 2 for the market model), since s² is estimated.
 *
 * @param car the cumulative abnormal return, or null when the window has none.
 * @param variance its variance, or null.
 * @param degreesOfFreedom of s².
 * @returns the statistic, or a reason when the window has no abnormal return or the CAR has no
 *   variance.
 * @throws EventStudyError INVALID_INPUT when the CAR or its variance is NaN or infinite, or the
 *   degrees of freedom are not a positive finite number.
 * @example carTTest(0.0742, 0.000518, 118) // t ≈ 3.2602, p ≈ 0.0015
 */
export function carTTest(car: number | null, variance: number | null, degreesOfFreedom: number): TestResult {
  if (car === null || variance === null) return unavailableTest('CAR t: no abnormal return in this window.');
  requireFiniteValue(car, 'CAR t: the CAR');
  requireFiniteValue(variance, 'CAR t: the variance of the CAR');
  if (!(variance > 0)) return unavailableTest('CAR t: the CAR has no variance.');
  return studentTest(car / Math.sqrt(variance), degreesOfFreedom, 'CAR t');
}
