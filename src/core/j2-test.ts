import { EventStudyError } from './errors';
import { requireFiniteValues } from './finite-input';
import { standardizedVariance } from './patell-test';
import { normalTest, unavailableTest } from './test-result';
import type { TestResult } from './types';

/**
 * J2 (Campbell, Lo & MacKinlay 1997, ch. 4): the standardized CARs weighted equally,
 * J2 = Σᵢ SCARᵢ / √(Σᵢ dᵢ/(dᵢ − 2)), which for a common M is the textbook
 * √(N(M − 4)/(M − 2))·mean(SCAR): SCARᵢ = CARᵢ/√var(CARᵢ) is Student t with dᵢ degrees of freedom
 * (Mᵢ − 2 for the market model). Two-sided p-value from N(0,1). For one day it equals Patell's Z.
 *
 * @param standardized one SCAR (or SAR) per security.
 * @param degreesOfFreedom dᵢ of each security's residual variance.
 * @returns the statistic, or a reason when there is no security.
 * @throws EventStudyError INVALID_INPUT for unequal lengths, a SCAR that is not finite, or d ≤ 2.
 * @example jTwoTest([1.2, 0.4, 2.0], [118, 118, 118]) // 3.6/√(3·118/116) ≈ 2.0608
 */
export function jTwoTest(standardized: ArrayLike<number>, degreesOfFreedom: ArrayLike<number>): TestResult {
  const count = standardized.length;
  if (degreesOfFreedom.length !== count) {
    throw new EventStudyError('INVALID_INPUT', `J2: ${count} standardized CARs but ${degreesOfFreedom.length} degrees of freedom.`);
  }
  requireFiniteValues(standardized, 'J2: standardized CAR');
  if (count === 0) return unavailableTest('J2: no securities to test.');
  let sum = 0;
  let variance = 0;
  // The securities of a study mostly share d, so d/(d − 2) is worked out again only when d changes.
  let previousFreedom = Number.NaN;
  let securityVariance = 0;
  for (let index = 0; index < count; index += 1) {
    sum += standardized[index]!;
    const freedom = degreesOfFreedom[index]!;
    if (freedom !== previousFreedom) {
      securityVariance = standardizedVariance(freedom, 1);
      previousFreedom = freedom;
    }
    variance += securityVariance;
  }
  return normalTest(sum / Math.sqrt(variance), 'J2');
}
