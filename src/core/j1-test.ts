import { EventStudyError } from './errors';
import { requireFiniteValue, requireFiniteValues } from './finite-input';
import { normalTest, unavailableTest } from './test-result';
import type { TestResult } from './types';

/**
 * J1 (Campbell, Lo & MacKinlay 1997, ch. 4; MacKinlay 1997's θ₁): J1 = CAAR / √var(CAAR),
 * var(CAAR) = (1/N²)·Σᵢ var(CARᵢ), each var(CARᵢ) the security's exact γ'Vγ (for one day, its
 * var(ARᵢ)); two-sided p-value from N(0,1). Assumes no correlation between securities.
 *
 * @param caar the mean of the CARs (or ARs) of the N securities tested.
 * @param variances their variances, one per security.
 * @returns the statistic, or a reason when there is no security, the variances sum to zero (no
 *   security's abnormal returns vary) or their sum leaves double precision.
 * @throws EventStudyError INVALID_INPUT when CAAR or a variance is not finite, or a variance is negative.
 * @example jOneTest(0.02, [0.0004, 0.0004]) // 0.02/√(0.0008/4) ≈ 1.4142
 */
export function jOneTest(caar: number, variances: ArrayLike<number>): TestResult {
  requireFiniteValue(caar, 'J1: CAAR');
  requireFiniteValues(variances, 'J1: variance');
  const count = variances.length;
  if (count === 0) return unavailableTest('J1: no securities to test.');
  let sum = 0;
  for (let index = 0; index < count; index += 1) {
    const variance = variances[index]!;
    if (variance < 0) throw new EventStudyError('INVALID_INPUT', `J1: variance #${index + 1} is ${variance}; variances cannot be negative.`);
    sum += variance;
  }
  if (!(sum > 0)) return unavailableTest('J1: cannot be computed, because the abnormal returns have no variance.');
  // An overflowed sum would make J1 look like 0 rather than fail.
  if (sum === Infinity) return unavailableTest('J1: the variances are too large for double precision.');
  return normalTest(caar / Math.sqrt(sum / (count * count)), 'J1');
}
