import { requireFiniteValues } from './finite-input';
import { mean, sampleStandardDeviation } from './sample-moments';
import { studentTest, unavailableTest } from './test-result';
import type { TestResult } from './types';
import { unitScaled } from './unit-scaled';

/**
 * Cross-sectional t test of the mean abnormal return (Brown & Warner 1985; MacKinlay 1997,
 * section 6, "cross-sectional variance"): t = x̄ / (s/√N), s the n − 1 sample standard deviation of
 * the N abnormal returns (or CARs) across securities, two-sided p-value from Student t(N − 1).
 * Robust to event-induced variance, ignores the estimation-window variance.
 *
 * @param values one AR (or CAR) per security; the caller drops missing ones.
 * @returns the statistic, or a reason when N < 2 or the values do not vary.
 * @throws EventStudyError INVALID_INPUT when a value is NaN or infinite.
 * @example crossSectionalTTest([0.01, 0.03, 0.02]) // t = 0.02/(0.01/√3) ≈ 3.4641, p ≈ 0.0742
 */
export function crossSectionalTTest(values: ArrayLike<number>): TestResult {
  return studentizedMeanTest(values, 'Cross-sectional t');
}

/**
 * √N·x̄/s referred to t(N − 1): the shared arithmetic of the cross-sectional t and the BMP t. The
 * ratio does not depend on the values' units, so values near the limits of double precision are
 * first scaled by a power of two (exact; see {@link unitScaled}) rather than let s overflow to ∞
 * (t = 0) or underflow to 0.
 * @throws EventStudyError INVALID_INPUT when a value is NaN or infinite.
 * @example studentizedMeanTest([0.5, 1.5, 1], 'BMP t') // t = 1/(0.5/√3) ≈ 3.4641
 */
export function studentizedMeanTest(values: ArrayLike<number>, name: string): TestResult {
  requireFiniteValues(values, `${name}: value`);
  const count = values.length;
  if (count < 2) return unavailableTest(`${name}: needs at least 2 securities, got ${count}.`);
  const scaled = unitScaled(values);
  const deviation = sampleStandardDeviation(scaled);
  if (!(deviation > 0)) return unavailableTest(`${name}: the values are all equal, so their spread is zero.`);
  return studentTest((Math.sqrt(count) * mean(scaled)) / deviation, count - 1, name);
}
