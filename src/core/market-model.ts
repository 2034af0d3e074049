import { marketModelCarVariance, type MarketModelEstimate } from './car-variance';
import { EventStudyError, isEventStudyError } from './errors';
import { extremeValuesError } from './study-unit-checks';
import { checkedFinite, requireSample, type EstimationSample, type NormalReturnModel } from './normal-return-model';
import { leastSquaresLine, type LeastSquaresLine } from './ordinary-least-squares';
import type { ModelFit } from './types';

/**
 * Market model Rᵢₜ = αᵢ + βᵢRₘₜ + εᵢₜ fitted by OLS over the estimation window (MacKinlay 1997,
 * "Estimation of the Market Model"): α̂, β̂, s² = SSE/(M − 2) (two parameters estimated, MacKinlay's
 * unbiased σ̂²_ε), R² = 1 − SSE/Σ(Rᵢ − R̄ᵢ)² (null when the security's returns do not vary). The AR variance and CAR variance carry the estimation
 * error of α̂ and β̂ (see {@link marketModelCarVariance}); t statistics use M − 2 degrees of freedom.
 * A security that is an exact linear function of the market fits with s² = 0 (its abnormal returns
 * then cannot be standardized; {@link analyseSecurity} reports that).
 *
 * @param sample estimation days where both returns exist (M of them).
 * @param symbol names the security in error messages.
 * @throws EventStudyError CONSTANT_SERIES when the market returns are constant, or so close to
 *   constant that their variance is zero in double precision (β undefined); INVALID_INPUT for a
 *   return that is not finite or numbers that overflow; InsufficientEstimationDataError for fewer
 *   than 3 days. Every message names the security.
 * @example fitMarketModel({ securityReturns: [0.012, -0.018, 0.031, 0.002], marketReturns: [0.01, -0.01, 0.02, 0] }, 'SYN_A').fit.beta // 0.000785/0.0005 = 1.57
 */
export function fitMarketModel(sample: EstimationSample, symbol: string): NormalReturnModel {
  const { marketReturns } = sample;
  requireSample(sample, 3, symbol);
  const line = fittedLine(sample, symbol);
  const estimationDays = marketReturns.length;
  const s2 = checkedFinite(line.residualSumOfSquares / (estimationDays - 2), symbol);
  const fit = {
    alpha: line.intercept,
    beta: line.slope,
    s2,
    // R² is undefined (0/0) for a security whose returns do not vary.
    rSquared: line.totalSumOfSquares > 0 ? 1 - line.residualSumOfSquares / line.totalSumOfSquares : null,
    estimationDays,
  };
  return new FittedMarketModel(fit, { s2, estimationDays, marketMean: line.regressorMean, marketSumOfSquares: line.regressorSumOfSquares }, symbol);
}

/** A class rather than closures: a study fits one model per security and calls it for every day. */
class FittedMarketModel implements NormalReturnModel {
  readonly degreesOfFreedom: number;

  constructor(
    readonly fit: ModelFit,
    private readonly estimate: MarketModelEstimate,
    private readonly symbol: string,
  ) {
    this.degreesOfFreedom = fit.estimationDays - 2;
  }

  expectedReturn(marketReturn: number): number {
    const expected = (this.fit.alpha as number) + (this.fit.beta as number) * marketReturn;
    if (!Number.isFinite(expected)) throw extremeValuesError(this.symbol);
    return expected;
  }

  cumulativeVariance(days: number, marketSum: number): number {
    const variance = marketModelCarVariance(this.estimate, days, marketSum);
    if (!Number.isFinite(variance)) throw extremeValuesError(this.symbol);
    return variance;
  }
}

/** The OLS line, its errors told in terms of this security and its market. */
function fittedLine(sample: EstimationSample, symbol: string): LeastSquaresLine {
  try {
    return leastSquaresLine(sample.securityReturns, sample.marketReturns);
  } catch (error) {
    if (!isEventStudyError(error)) throw error;
    // Market returns that differ only far below double precision leave Σ(Rm − R̄m)² at zero.
    if (error.code === 'CONSTANT_SERIES') throw constantMarketError(symbol);
    throw new EventStudyError(error.code, `${symbol}: ${error.message}`);
  }
}

function constantMarketError(symbol: string): EventStudyError {
  return new EventStudyError(
    'CONSTANT_SERIES',
    `${symbol}: the market returns are constant in the estimation window (or vary too little for double precision), so the market model's β is undefined.`,
  );
}
