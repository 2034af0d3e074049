import { marketAdjustedCarVariance } from './car-variance';
import { checkedFinite, requireSample, type EstimationSample, type NormalReturnModel } from './normal-return-model';
import { extremeValuesError } from './study-unit-checks';
import type { ModelFit } from './types';

/**
 * Market-adjusted model: the expected return is the market's, ARᵢₜ = Rᵢₜ − Rₘₜ (α = 0, β = 1, nothing
 * estimated). s² is the sample variance of the estimation-window ARs with the M − 1 divisor, the
 * estimation-window standard deviation of Brown & Warner (1980, 1985) and estudy2's
 * `sd_est_AR_n_minus_1`; M − 1 because their mean is estimated in that variance. Since the forecast
 * Rₘτ is observed, not estimated, var(AR) = s² and var(CAR) = L·s², with M − 1 degrees of freedom.
 *
 * @param sample estimation days where both returns exist (M of them).
 * @param symbol names the security in error messages.
 * s² = 0 when Rᵢ − Rₘ is constant (e.g. the security is its market); its abnormal returns then
 * cannot be standardized, which {@link analyseSecurity} reports.
 * @throws InsufficientEstimationDataError for fewer than 2 days; EventStudyError INVALID_INPUT for
 *   a return that is not finite or numbers that overflow. Every message names the security.
 * @example fitMarketAdjustedModel({ securityReturns: [0.02, 0.01, 0.00], marketReturns: [0.01, 0.01, 0.01] }, 'SYN_A').fit.s2 // 0.0001
 */
export function fitMarketAdjustedModel(sample: EstimationSample, symbol: string): NormalReturnModel {
  const { securityReturns, marketReturns } = sample;
  const estimationDays = securityReturns.length;
  requireSample(sample, 2, symbol);
  let sum = 0;
  for (let index = 0; index < estimationDays; index += 1) sum += securityReturns[index]! - marketReturns[index]!;
  const centre = sum / estimationDays;
  let sumOfSquares = 0;
  for (let index = 0; index < estimationDays; index += 1) {
    const deviation = securityReturns[index]! - marketReturns[index]! - centre;
    sumOfSquares += deviation * deviation;
  }
  const s2 = checkedFinite(sumOfSquares / (estimationDays - 1), symbol);
  return new FittedMarketAdjustedModel({ alpha: null, beta: 1, s2, rSquared: null, estimationDays }, symbol);
}

/** A class rather than closures: a study fits one model per security and calls it for every day. */
class FittedMarketAdjustedModel implements NormalReturnModel {
  readonly degreesOfFreedom: number;

  constructor(
    readonly fit: ModelFit,
    private readonly symbol: string,
  ) {
    this.degreesOfFreedom = fit.estimationDays - 1;
  }

  expectedReturn(marketReturn: number): number {
    return marketReturn;
  }

  cumulativeVariance(days: number): number {
    const variance = marketAdjustedCarVariance(this.fit.s2, days);
    if (!Number.isFinite(variance)) throw extremeValuesError(this.symbol);
    return variance;
  }
}
