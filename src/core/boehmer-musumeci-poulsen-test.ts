import { studentizedMeanTest } from './cross-sectional-t-test';
import type { TestResult } from './types';

/**
 * BMP standardized cross-sectional test (Boehmer, Musumeci & Poulsen 1991):
 * t = √N·mean(SAR) / sd(SAR), sd with the n − 1 divisor, two-sided p-value from t(N − 1). For a CAR
 * window pass the standardized CARs (SCAR = CAR/√var(CAR)). Uses the estimation-window variance
 * like Patell's test, but the cross-sectional spread of the standardized returns, so it survives
 * event-induced variance.
 *
 * @param standardized one SAR (or SCAR) per security; the caller drops missing ones.
 * @returns the statistic, or a reason when N < 2 or the values do not vary.
 * @throws EventStudyError INVALID_INPUT when a value is NaN or infinite.
 * @example boehmerMusumeciPoulsenTest([1.2, 0.4, 2.0]) // t = 1.2/(0.8/√3) ≈ 2.5981, p ≈ 0.1217
 */
export function boehmerMusumeciPoulsenTest(standardized: ArrayLike<number>): TestResult {
  return studentizedMeanTest(standardized, 'BMP t');
}
