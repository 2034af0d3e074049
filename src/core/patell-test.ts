import { EventStudyError } from './errors';
import { requireFiniteValues } from './finite-input';
import { normalTest, unavailableTest } from './test-result';
import type { TestResult } from './types';

/**
 * Patell (1976) standardized residual test: Z = Σᵢ Σₜ SARᵢₜ / √(Σᵢ Lᵢ·dᵢ/(dᵢ − 2)), two-sided
 * p-value from N(0,1). Under the null each SAR is Student t with dᵢ degrees of freedom (dᵢ = Mᵢ − 2
 * for the market model), whose variance is dᵢ/(dᵢ − 2); a sum over Lᵢ days has Lᵢ times that.
 * For one day this is the textbook `ΣSAR / √(Σ (Mᵢ − 2)/(Mᵢ − 4))`.
 *
 * @param standardizedSums per security, Σₜ SARᵢₜ over the tested days it has.
 * @param varianceFactors per security, Lᵢ·dᵢ/(dᵢ − 2) (see {@link standardizedVariance}).
 * @returns the statistic, or a reason when there is no security.
 * @throws EventStudyError INVALID_INPUT for unequal lengths, a value that is not finite, or a
 *   variance factor that is not positive.
 * @example patellTest([1.2, 0.4, 2.0], [118 / 116, 118 / 116, 118 / 116]) // 3.6/√(3·118/116) ≈ 2.0608
 */
export function patellTest(standardizedSums: ArrayLike<number>, varianceFactors: ArrayLike<number>): TestResult {
  if (standardizedSums.length !== varianceFactors.length) {
    throw new EventStudyError('INVALID_INPUT', `Patell Z: ${standardizedSums.length} sums of SARs but ${varianceFactors.length} variance factors.`);
  }
  requireFiniteValues(standardizedSums, 'Patell Z: sum of SARs');
  requireFiniteValues(varianceFactors, 'Patell Z: variance factor');
  if (standardizedSums.length === 0) return unavailableTest('Patell Z: no securities to test.');
  let sum = 0;
  let variance = 0;
  for (let index = 0; index < standardizedSums.length; index += 1) {
    sum += standardizedSums[index]!;
    const factor = varianceFactors[index]!;
    if (!(factor > 0)) throw new EventStudyError('INVALID_INPUT', `Patell Z: variance factor #${index + 1} is ${factor}; it must be positive.`);
    variance += factor;
  }
  return normalTest(sum / Math.sqrt(variance), 'Patell Z');
}

/**
 * Whether a SAR that is Student t with d degrees of freedom has a finite variance d/(d − 2), which
 * Patell's Z and J2 divide by: d > 2, i.e. d ≥ 3 (M ≥ k + 4 estimation days for a model with k
 * regressors and an intercept, M ≥ 4 for the market- and mean-adjusted models; see
 * estimation-minimum.ts). A study whose minimum estimation days allow fewer gives those tests'
 * reason instead of a number.
 * @throws never
 * @example hasStandardizedVariance(2) // false
 */
export function hasStandardizedVariance(degreesOfFreedom: number): boolean {
  return degreesOfFreedom > 2 && degreesOfFreedom < Infinity;
}

/**
 * Variance of a sum of `days` standardized abnormal returns that are each Student t with
 * `degreesOfFreedom`: days·d/(d − 2) (Patell 1976). Needs d > 2 ({@link hasStandardizedVariance}).
 * @throws EventStudyError INVALID_INPUT when d ≤ 2 (the variance of a t with d ≤ 2 is not finite) or
 *   d or `days` is not a finite number.
 * @example standardizedVariance(118, 1) // 118/116 ≈ 1.0172
 */
export function standardizedVariance(degreesOfFreedom: number, days: number): number {
  if (!(hasStandardizedVariance(degreesOfFreedom) && Number.isFinite(days))) {
    throw new EventStudyError(
      'INVALID_INPUT',
      `A standardized abnormal return needs more than 2 degrees of freedom for a finite variance, got ${degreesOfFreedom} (over ${days} days).`,
    );
  }
  return (days * degreesOfFreedom) / (degreesOfFreedom - 2);
}
