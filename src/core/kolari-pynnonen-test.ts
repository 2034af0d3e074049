import { boehmerMusumeciPoulsenTest } from './boehmer-musumeci-poulsen-test';
import { EventStudyError } from './errors';
import { studentTest, unavailableTest } from './test-result';
import type { TestResult } from './types';

/**
 * Kolari & Pynnönen (2010) adjusted BMP test for event-date clustering:
 * t_KP = t_BMP · √((1 − r̄) / (1 + (N − 1)·r̄)), r̄ the mean pairwise correlation of the securities'
 * estimation-window residuals (see {@link averageResidualCorrelation}); two-sided p-value from
 * t(N − 1), as EventStudy 0.50.0 reports it. The same factor adjusts the cumulative (SCAR) BMP.
 *
 * @param standardized one SAR (or SCAR) per security; the caller drops missing ones.
 * @param meanCorrelation r̄, or null when it could not be estimated.
 * @returns the statistic, or a reason when the BMP t is unavailable, r̄ is unknown, or
 *   1 + (N − 1)·r̄ ≤ 0 (r̄ below −1/(N − 1) is not a possible mean correlation of N series).
 * @throws EventStudyError INVALID_INPUT when a value is NaN or infinite, or r̄ is not a number
 *   between −1 and 1.
 * @example kolariPynnonenTest([1.2, 0.4, 2.0], 0.1) // 2.5981·√(0.9/1.2) ≈ 2.2500
 */
export function kolariPynnonenTest(standardized: ArrayLike<number>, meanCorrelation: number | null): TestResult {
  if (meanCorrelation !== null && !(meanCorrelation >= -1 && meanCorrelation <= 1)) {
    throw new EventStudyError('INVALID_INPUT', `Kolari–Pynnönen t: the mean residual correlation must lie between −1 and 1, got ${meanCorrelation}.`);
  }
  return adjustedBmpTest(boehmerMusumeciPoulsenTest(standardized), standardized.length, meanCorrelation);
}

/**
 * {@link kolariPynnonenTest} from a BMP test already computed on the same N values, so that a
 * study does not compute the BMP t and its p-value twice per day and window.
 * @param meanCorrelation r̄ in [−1, 1], or null.
 * @throws never
 * @example adjustedBmpTest(boehmerMusumeciPoulsenTest(sars), sars.length, 0.1)
 */
export function adjustedBmpTest(bmp: TestResult, count: number, meanCorrelation: number | null): TestResult {
  if (bmp.statistic === null) return unavailableTest(bmp.reason.replace('BMP t', 'Kolari–Pynnönen t'));
  if (meanCorrelation === null) {
    return unavailableTest('Kolari–Pynnönen t: the residual correlation could not be estimated.');
  }
  const denominator = 1 + (count - 1) * meanCorrelation;
  if (!(denominator > 0)) {
    return unavailableTest(`Kolari–Pynnönen t: the mean residual correlation ${meanCorrelation} is too negative for ${count} securities.`);
  }
  const factor = Math.sqrt((1 - meanCorrelation) / denominator);
  return studentTest(bmp.statistic * factor, count - 1, 'Kolari–Pynnönen t');
}
