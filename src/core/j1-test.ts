import { normalTest, unavailableTest } from './test-result';
import type { TestResult } from './types';

/**
 * J1 (Campbell, Lo & MacKinlay 1997, ch. 4; MacKinlay 1997's θ₁): J1 = CAAR / √var(CAAR),
 * var(CAAR) = (1/N²)·Σᵢ var(CARᵢ), each var(CARᵢ) the security's exact γ'Vγ (for one day, its
 * var(ARᵢ)); two-sided p-value from N(0,1). Assumes no correlation between securities.
 *
 * @param caar the mean of the CARs (or ARs) of the N securities tested.
 * @param variances their variances, one per security.
 * @returns the statistic, or a reason when there is no security.
 * @throws never
 * @example jOneTest(0.02, [0.0004, 0.0004]) // 0.02/√(0.0008/4) ≈ 1.4142
 */
export function jOneTest(caar: number, variances: ArrayLike<number>): TestResult {
  const count = variances.length;
  if (count === 0) return unavailableTest('J1: no securities to test.');
  let sum = 0;
  for (let index = 0; index < count; index += 1) sum += variances[index]!;
  return normalTest(caar / Math.sqrt(sum / (count * count)), 'J1');
}
