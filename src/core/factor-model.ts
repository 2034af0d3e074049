import { EventStudyError, isEventStudyError } from './errors';
import { requireFiniteValues } from './finite-input';
import { centredQuadraticForm, multipleRegression, type MultipleRegression } from './multiple-regression';
import { checkedFinite, requireSample, type EstimationSample, type NormalReturnModel } from './normal-return-model';
import { extremeValuesError } from './study-unit-checks';
import type { ModelFit } from './types';

/**
 * Factor model Rᵢₜ = αᵢ + βᵢRₘₜ + Σⱼ bᵢⱼFⱼₜ + εᵢₜ: the market model with the user's factors as
 * further regressors (Fama–French, Carhart, a sector index, any series), k = 1 + factors
 * regressors, fitted by OLS over the estimation window (MacKinlay 1997, section 4, "multifactor
 * models"; Campbell, Lo & MacKinlay 1997, eq. 4.4.12–4.4.15, for the variances). With
 * X the M × (k + 1) estimation design (a column of ones, Rₘ, F₁ … F_q) and x the row of an event day:
 *   s² = SSE/(M − k − 1),  var(AR) = s²(1 + x'(X'X)⁻¹x),
 *   var(CAR) = γ'Vγ exactly, V = s²(I + X*(X'X)⁻¹X*'), X* the event days' rows,
 * and t with M − k − 1 degrees of freedom. γ'X* is (L, Sₘ, S₁ … S_q), the day count and the sums of
 * the regressors over the days summed, so var(CAR) = s²(L + L²/M + d'(Z'Z)⁻¹d) with
 * d = S − L·x̄ and Z the centred regressors; for k = 1 it is the market model's closed form. The
 * OLS is Householder QR on centred data (see {@link multipleRegression}).
 *
 * The study fits the market model itself ({@link fitMarketModel}) when there is no factor, so
 * k = 1 results are those of the closed form, digit for digit.
 *
 * @param sample estimation days where the security, the market and every factor have a value;
 *   `sample.factors` holds one column per name of `factorNames`.
 * @param factorNames the factors' names, for the fit's `factorBetas` and for messages.
 * @param symbol names the security in error messages.
 * @throws InsufficientEstimationDataError for fewer than k + 2 days (s² needs a degree of
 *   freedom); EventStudyError CONSTANT_SERIES when the market or a factor does not vary,
 *   INVALID_INPUT when a regressor is a linear combination of the others, a value is not finite or
 *   numbers overflow. Every message names the security and the regressor.
 * @example fitFactorModel({ securityReturns: [0.01, 0.03, 0.05, 0.08], marketReturns: [0, 0.01, 0.02, 0.03], factors: [[0, 0, 0.01, 0.005]] }, ['SMB'], '7011.T').degreesOfFreedom // 4 − 2 − 1 = 1
 */
export function fitFactorModel(sample: EstimationSample, factorNames: readonly string[], symbol: string): NormalReturnModel {
  const factors = sample.factors ?? [];
  if (factors.length !== factorNames.length) {
    throw new EventStudyError('INVALID_INPUT', `${symbol}: ${factors.length} factor columns for ${factorNames.length} factor names.`);
  }
  const regressorCount = 1 + factors.length;
  requireSample(sample, regressorCount + 2, symbol);
  factors.forEach((column, index) => {
    if (column.length !== sample.securityReturns.length) {
      throw new EventStudyError('INVALID_INPUT', `${symbol}: ${column.length} values of factor ${factorNames[index]} for ${sample.securityReturns.length} returns in the estimation sample.`);
    }
    requireFiniteValues(column, `${symbol}: estimation-window ${factorNames[index]}`);
  });
  const regression = fittedRegression(sample, factorNames, symbol);
  const estimationDays = sample.securityReturns.length;
  const s2 = checkedFinite(regression.residualSumOfSquares / (estimationDays - regressorCount - 1), symbol);
  const fit: ModelFit = {
    alpha: regression.intercept,
    beta: regression.slopes[0]!,
    factorBetas: factorNames.map((factor, index) => ({ factor, beta: regression.slopes[index + 1]! })),
    s2,
    rSquared: regression.totalSumOfSquares > 0 ? 1 - regression.residualSumOfSquares / regression.totalSumOfSquares : null,
    estimationDays,
  };
  return new FittedFactorModel(fit, regression, symbol);
}

/** A class rather than closures: a study fits one model per security and calls it for every day. */
class FittedFactorModel implements NormalReturnModel {
  readonly degreesOfFreedom: number;
  private readonly deviation: Float64Array;
  private readonly scratch: Float64Array;

  constructor(
    readonly fit: ModelFit,
    private readonly regression: MultipleRegression,
    private readonly symbol: string,
  ) {
    this.degreesOfFreedom = fit.estimationDays - regression.slopes.length - 1;
    this.deviation = new Float64Array(regression.slopes.length);
    this.scratch = new Float64Array(regression.slopes.length);
  }

  expectedReturn(marketReturn: number, factorValues: ArrayLike<number> = NO_VALUES): number {
    const { intercept, slopes } = this.regression;
    this.requireFactors(factorValues);
    let expected = intercept + slopes[0]! * marketReturn;
    for (let index = 1; index < slopes.length; index += 1) expected += slopes[index]! * factorValues[index - 1]!;
    if (!Number.isFinite(expected)) throw extremeValuesError(this.symbol);
    return expected;
  }

  cumulativeVariance(days: number, marketSum: number, factorSums: ArrayLike<number> = NO_VALUES): number {
    const { regressorMeans, slopes } = this.regression;
    this.requireFactors(factorSums);
    const { deviation } = this;
    deviation[0] = marketSum - days * regressorMeans[0]!;
    for (let index = 1; index < slopes.length; index += 1) deviation[index] = factorSums[index - 1]! - days * regressorMeans[index]!;
    const estimationError = (days * days) / this.fit.estimationDays + centredQuadraticForm(this.regression, deviation, this.scratch);
    const variance = this.fit.s2 * (days + estimationError);
    if (!Number.isFinite(variance)) throw extremeValuesError(this.symbol);
    return variance;
  }

  private requireFactors(values: ArrayLike<number>): void {
    if (values.length !== this.regression.slopes.length - 1) {
      throw new EventStudyError('INVALID_INPUT', `${this.symbol}: the factor model needs ${this.regression.slopes.length - 1} factor values per day, got ${values.length}.`);
    }
  }
}

const NO_VALUES: ArrayLike<number> = new Float64Array(0);

/** The regression, its errors told in terms of this security and its regressors. */
function fittedRegression(sample: EstimationSample, factorNames: readonly string[], symbol: string): MultipleRegression {
  try {
    return multipleRegression(sample.securityReturns, [sample.marketReturns, ...(sample.factors ?? [])], ['the market', ...factorNames]);
  } catch (error) {
    if (!isEventStudyError(error)) throw error;
    throw new EventStudyError(error.code, `${symbol}: ${error.message.replace('does not vary', 'does not vary in the estimation window')}`);
  }
}
