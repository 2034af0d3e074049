import { normalTwoSidedPValue, studentTwoSidedPValue } from './distributions';
import type { TestResult } from './types';

/**
 * A test that cannot be computed, with the reason shown to the user instead of a NaN.
 * @throws never
 * @example unavailableTest('Patell Z: no securities on this day.') // { statistic: null, pValue: null, reason: '…' }
 */
export function unavailableTest(reason: string): TestResult {
  return { statistic: null, pValue: null, reason };
}

/**
 * A statistic referred to N(0,1), two-sided. A statistic that overflowed is reported as
 * unavailable so that no Infinity or NaN ever reaches a result.
 * @throws never
 * @example normalTest(1.96, 'J1') // { statistic: 1.96, pValue: ≈0.05 }
 */
export function normalTest(statistic: number, name: string): TestResult {
  if (!Number.isFinite(statistic)) return unavailableTest(`${name}: the statistic is not a finite number.`);
  return { statistic, pValue: normalTwoSidedPValue(statistic) };
}

/**
 * A statistic referred to Student's t with `degreesOfFreedom`, two-sided.
 * @throws never
 * @example studentTest(2.7764451051977987, 4, 'BMP t') // { statistic: 2.776…, pValue: ≈0.05 }
 */
export function studentTest(statistic: number, degreesOfFreedom: number, name: string): TestResult {
  if (!Number.isFinite(statistic)) return unavailableTest(`${name}: the statistic is not a finite number.`);
  return { statistic, pValue: studentTwoSidedPValue(statistic, degreesOfFreedom) };
}
