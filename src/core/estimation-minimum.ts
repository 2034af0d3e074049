import type { ModelKind } from './types';

/**
 * The fewest usable estimation days M the maths of a normal-return model needs: s² must have at
 * least one degree of freedom, d = M − (parameters) ≥ 1, or it is 0/0.
 *
 * | model                               | s²                 | d          | smallest M |
 * |-------------------------------------|--------------------|------------|------------|
 * | market-adjusted                     | Σ(AR − mean)²/(M−1)| M − 1      | 2          |
 * | mean-adjusted                       | Σ(R − μ̂)²/(M−1)    | M − 1      | 2          |
 * | market model (k = 1)                | SSE/(M − 2)        | M − 2      | 3          |
 * | market model + q factors (k = 1+q)  | SSE/(M − k − 1)    | M − k − 1  | k + 2      |
 *
 * Each per-security statistic then exists (AR, var(AR), CAR t with d degrees of freedom). The tests
 * with a floor of their own say why they cannot be computed instead of giving a number:
 * - Patell Z and J2 divide by d/(d − 2), the variance of a Student t SAR, so they need d > 2, two
 *   days more than the model's floor: M ≥ k + 4 (the textbook's (M − 2)/(M − 4) needs M ≥ 5 for
 *   the market model), M ≥ 4 for the adjusted models;
 * - Brown–Warner (1985) needs 2 estimation days with an AAR, Kolari–Pynnönen's r̄ 3 common
 *   estimation days per pair of securities;
 * - abnormal volume needs 2 estimation days with a volume (its sd has Mv − 1 in the divisor).
 * The study's default minimum stays 30 days (DEFAULT_STUDY_OPTIONS): a caller may go lower, to
 * this floor, knowingly (a study replicating a 20-day estimation window, for instance).
 *
 * @param factorCount factors added to the market model (0 for the market model itself).
 * @throws never
 * @example smallestEstimationDays('market', 3) // k = 4 regressors: 6 days
 */
export function smallestEstimationDays(model: ModelKind, factorCount = 0): number {
  if (model === 'market') return 1 + factorCount + 2;
  return 2;
}
