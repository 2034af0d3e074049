import { constantMeanCarVariance } from './car-variance';
import { checkedFinite, requireSample, type EstimationSample, type NormalReturnModel } from './normal-return-model';
import { extremeValuesError } from './study-unit-checks';
import type { ModelFit } from './types';

/**
 * Mean-adjusted (constant-mean-return) model, MacKinlay (1997) "Constant Mean Return Model": the
 * expected return is the estimation-window mean μ̂ᵢ, ARᵢₜ = Rᵢₜ − μ̂ᵢ. s² = Σ(Rᵢₜ − μ̂ᵢ)²/(M − 1): one
 * parameter is estimated, so M − 1 degrees of freedom (the same as estudy2's
 * `sd_est_AR_n_minus_1`). Every event day subtracts the same estimated μ̂ᵢ, so
 * var(AR) = s²(1 + 1/M) and var(CAR) = s²(L + L²/M) (see {@link constantMeanCarVariance}).
 * The market return is not used by the model; a day still needs it to count (one rule for all
 * models: a day is usable only when both returns exist).
 *
 * @param sample estimation days where both returns exist (M of them).
 * @param symbol names the security in error messages.
 * s² = 0 when the security's return is constant over the estimation window; its abnormal returns
 * then cannot be standardized, which {@link analyseSecurity} reports.
 * @throws InsufficientEstimationDataError for fewer than 2 days; EventStudyError INVALID_INPUT for
 *   a return that is not finite or numbers that overflow. Every message names the security.
 * @example fitMeanAdjustedModel({ securityReturns: [0.02, 0.01, 0.00], marketReturns: [0, 0, 0] }, 'SYN_A').expectedReturn(0) // 0.01
 */
export function fitMeanAdjustedModel(sample: EstimationSample, symbol: string): NormalReturnModel {
  const { securityReturns } = sample;
  const estimationDays = securityReturns.length;
  requireSample(sample, 2, symbol);
  let sum = 0;
  for (let index = 0; index < estimationDays; index += 1) sum += securityReturns[index]!;
  const meanReturn = sum / estimationDays;
  let sumOfSquares = 0;
  for (let index = 0; index < estimationDays; index += 1) {
    const deviation = securityReturns[index]! - meanReturn;
    sumOfSquares += deviation * deviation;
  }
  const s2 = checkedFinite(sumOfSquares / (estimationDays - 1), symbol);
  return new FittedMeanAdjustedModel({ alpha: null, beta: null, s2, rSquared: null, estimationDays }, meanReturn, symbol);
}

/** A class rather than closures: a study fits one model per security and calls it for every day. */
class FittedMeanAdjustedModel implements NormalReturnModel {
  readonly degreesOfFreedom: number;

  constructor(
    readonly fit: ModelFit,
    private readonly meanReturn: number,
    private readonly symbol: string,
  ) {
    this.degreesOfFreedom = fit.estimationDays - 1;
  }

  expectedReturn(): number {
    return this.meanReturn;
  }

  cumulativeVariance(days: number): number {
    const variance = constantMeanCarVariance(this.fit.s2, this.fit.estimationDays, days);
    if (!Number.isFinite(variance)) throw extremeValuesError(this.symbol);
    return variance;
  }
}
