import { marketAdjustedCarVariance } from './car-variance';
import type { EstimationSample, NormalReturnModel } from './normal-return-model';
import { zeroVarianceError } from './normal-return-model';

/**
 * Market-adjusted model: the expected return is the market's, ARᵢₜ = Rᵢₜ − Rₘₜ (α = 0, β = 1, nothing
 * estimated). s² is the sample variance of the estimation-window ARs with the M − 1 divisor, the
 * estimation-window standard deviation of Brown & Warner (1980, 1985) and estudy2's
 * `sd_est_AR_n_minus_1`; M − 1 because their mean is estimated in that variance. Since the forecast
 * Rₘτ is observed, not estimated, var(AR) = s² and var(CAR) = L·s², with M − 1 degrees of freedom.
 *
 * @param sample estimation days where both returns exist (M of them).
 * @param symbol names the security in error messages.
 * @throws EventStudyError CONSTANT_SERIES when Rᵢ − Rₘ is constant over the estimation window.
 * @example fitMarketAdjustedModel({ securityReturns: [0.02, 0.01, 0.00], marketReturns: [0.01, 0.01, 0.01] }, 'SYN_A').fit.s2 // 0.0001
 */
export function fitMarketAdjustedModel(sample: EstimationSample, symbol: string): NormalReturnModel {
  const { securityReturns, marketReturns } = sample;
  const estimationDays = securityReturns.length;
  let sum = 0;
  for (let index = 0; index < estimationDays; index += 1) sum += securityReturns[index]! - marketReturns[index]!;
  const centre = sum / estimationDays;
  let sumOfSquares = 0;
  for (let index = 0; index < estimationDays; index += 1) {
    const deviation = securityReturns[index]! - marketReturns[index]! - centre;
    sumOfSquares += deviation * deviation;
  }
  const s2 = sumOfSquares / (estimationDays - 1);
  if (!(s2 > 0)) throw zeroVarianceError(symbol, 'its returns minus the market returns');
  return {
    fit: { alpha: null, beta: 1, s2, rSquared: null, estimationDays },
    degreesOfFreedom: estimationDays - 1,
    expectedReturn: (marketReturn) => marketReturn,
    cumulativeVariance: (days) => marketAdjustedCarVariance(s2, days),
  };
}
