import { normalTwoSidedPValue } from './distributions';
import { EventStudyError } from './errors';
import type { TestResult } from './types';

/**
 * Generalized sign test (Cowan 1992): is the number of positive abnormal returns (or CARs) across
 * securities larger than the estimation window leads one to expect?
 * z = (w − N·p̂) / √(N·p̂·(1 − p̂)), w = number of strictly positive values, N = number of values,
 * two-sided p-value from N(0,1).
 *
 * Matches EventStudy 0.50.0 `gsign_z`/`cgsign_z` and estudy2 0.10.0 `gsign_stat`. A zero counts as
 * "not positive" and stays in N, consistent with p̂, which also counts only strictly positive ARs.
 *
 * @param values one abnormal return (or CAR) per security; the caller drops missing ones.
 * @param expectedPositiveShare p̂ in [0, 1], usually from {@link estimationPositiveShare}.
 * @returns `{ statistic: z, pValue }`, or a reason when there are no values or p̂ is 0 or 1 (the
 *   binomial variance N·p̂·(1 − p̂) is then zero).
 * @throws EventStudyError INVALID_INPUT when a value is not finite or p̂ is outside [0, 1].
 * @example generalizedSignTest([0.02, 0.01, -0.01, 0.03, 0.01], 0.5) // z ≈ 1.3416, p ≈ 0.1797
 */
export function generalizedSignTest(values: ArrayLike<number>, expectedPositiveShare: number): TestResult {
  requireShare(expectedPositiveShare);
  const positives = countPositive(values, 'event');
  const count = values.length;
  if (count === 0) {
    return { statistic: null, pValue: null, reason: 'Generalized sign test: no abnormal returns to test.' };
  }
  if (expectedPositiveShare === 0 || expectedPositiveShare === 1) {
    const which = expectedPositiveShare === 0 ? 'no' : 'only';
    return {
      statistic: null,
      pValue: null,
      reason: `Generalized sign test: the estimation window has ${which} positive abnormal returns, so the expected share has no variance.`,
    };
  }
  const statistic =
    (positives - count * expectedPositiveShare) /
    Math.sqrt(count * expectedPositiveShare * (1 - expectedPositiveShare));
  return { statistic, pValue: normalTwoSidedPValue(statistic) };
}

/**
 * Expected share of positive abnormal returns for the generalized sign test (Cowan 1992):
 * p̂ = (1/N) Σᵢ (1/Mᵢ) Σₜ 1[ARᵢₜ > 0], the mean over securities of each one's share of strictly
 * positive estimation-window abnormal returns.
 *
 * EventStudy 0.50.0 uses this mean of shares. estudy2 0.10.0 pools all estimation ARs instead
 * (Σᵢ Σₜ 1[ARᵢₜ > 0] / Σᵢ Mᵢ); the two agree when every security has the same number of estimation
 * days, as in the reference fixture, and Cowan's mean of shares keeps a security with a long history
 * from outweighing the others when they do not.
 *
 * @param estimationAbnormalReturns per security, its estimation-window ARs (missing days dropped).
 * @throws EventStudyError INVALID_INPUT when there is no security, a security has no estimation
 *   abnormal returns, or a value is not finite.
 * @example estimationPositiveShare([[0.01, -0.02], [0.03, 0.01, -0.01, 0.02]]) // (1/2 + 3/4)/2 = 0.625
 */
export function estimationPositiveShare(estimationAbnormalReturns: readonly ArrayLike<number>[]): number {
  if (estimationAbnormalReturns.length === 0) throw noSecuritiesError();
  let shareSum = 0;
  estimationAbnormalReturns.forEach((abnormalReturns, index) => {
    if (abnormalReturns.length === 0) throw noEstimationReturnsError(index);
    shareSum += countPositive(abnormalReturns, 'estimation-window') / abnormalReturns.length;
  });
  return shareSum / estimationAbnormalReturns.length;
}

/**
 * p̂ of {@link estimationPositiveShare} from rows of finite residuals where NaN marks a missing day,
 * as a study keeps them: each security's share is over the days it has among the first `length`.
 * @throws EventStudyError INVALID_INPUT when there is no row, or a row has no day.
 * @example estimationPositiveShareOfRows([Float64Array.of(0.01, NaN, -0.02)], 3) // 1/2
 */
export function estimationPositiveShareOfRows(rows: readonly ArrayLike<number>[], length: number): number {
  if (rows.length === 0) throw noSecuritiesError();
  let shareSum = 0;
  rows.forEach((row, index) => {
    let positives = 0;
    let present = 0;
    for (let day = 0; day < length; day += 1) {
      const value = row[day]!;
      // Counted without branches: residuals are positive at random, so a branch would mispredict half the time.
      present += +!Number.isNaN(value);
      positives += +(value > 0);
    }
    if (present === 0) throw noEstimationReturnsError(index);
    shareSum += positives / present;
  });
  return shareSum / rows.length;
}

function noSecuritiesError(): EventStudyError {
  return new EventStudyError(
    'INVALID_INPUT',
    'Generalized sign test: no securities to estimate the expected share of positive abnormal returns from.',
  );
}

function noEstimationReturnsError(index: number): EventStudyError {
  return new EventStudyError('INVALID_INPUT', `Generalized sign test: security #${index + 1} has no estimation-window abnormal returns.`);
}

function countPositive(values: ArrayLike<number>, where: string): number {
  let positives = 0;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index]!;
    if (!Number.isFinite(value)) {
      throw new EventStudyError(
        'INVALID_INPUT',
        `Generalized sign test: every ${where} abnormal return must be a finite number, got ${value}.`,
      );
    }
    if (value > 0) positives += 1;
  }
  return positives;
}

function requireShare(share: number): void {
  if (!Number.isFinite(share) || share < 0 || share > 1) {
    throw new EventStudyError(
      'INVALID_INPUT',
      `Generalized sign test: the expected share of positive abnormal returns must be between 0 and 1, got ${share}.`,
    );
  }
}
