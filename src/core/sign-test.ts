import { normalTwoSidedPValue } from './distributions';
import { EventStudyError } from './errors';
import type { TestResult } from './types';

/**
 * Sign test: is the share of positive abnormal returns (or CARs) across securities different from
 * one half? z = (N⁺ − N/2) / √(N/4), two-sided p-value from N(0,1) (Brown & Warner 1980; the
 * convention of estudy2 `sign_test` and of the MacKinlay textbook fixture).
 *
 * A zero counts as "not positive" and stays in N, as in estudy2 (`AR > 0`), so this test and the
 * generalized sign test, whose expected share also counts only strictly positive ARs, agree on what
 * "positive" means.
 *
 * @param values one abnormal return (or CAR) per security; the caller drops missing ones.
 * @returns `{ statistic: z, pValue }`, or `{ statistic: null, pValue: null, reason }` when there are
 *   no values.
 * @throws EventStudyError INVALID_INPUT when a value is NaN or infinite.
 * @example signTest([0.01, 0.02, -0.01, 0.03, 0.005]) // z = (4 − 2.5)/√1.25 ≈ 1.3416, p ≈ 0.1797
 */
export function signTest(values: ArrayLike<number>): TestResult {
  const positives = countPositive(values);
  const count = values.length;
  if (count === 0) {
    return { statistic: null, pValue: null, reason: 'Sign test: no abnormal returns to test.' };
  }
  const statistic = (positives - count / 2) / Math.sqrt(count / 4);
  return { statistic, pValue: normalTwoSidedPValue(statistic) };
}

function countPositive(values: ArrayLike<number>): number {
  let positives = 0;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index]!;
    if (!Number.isFinite(value)) {
      throw new EventStudyError(
        'INVALID_INPUT',
        `Sign test: every abnormal return must be a finite number, got ${value}.`,
      );
    }
    if (value > 0) positives += 1;
  }
  return positives;
}
