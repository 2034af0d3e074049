import { EventStudyError } from './errors';
import { mean } from './sample-moments';

export interface LeastSquaresLine {
  intercept: number;
  slope: number;
  /** SSE = Σ(y − a − b·x)². */
  residualSumOfSquares: number;
  /** Σ(y − ȳ)². */
  totalSumOfSquares: number;
  /** x̄. */
  regressorMean: number;
  /** Σ(x − x̄)². */
  regressorSumOfSquares: number;
}

/**
 * Simple linear regression y = a + b·x by ordinary least squares: b = Σ(x − x̄)(y − ȳ)/Σ(x − x̄)²,
 * a = ȳ − b·x̄ (MacKinlay 1997, "Estimation of the Market Model"). Sums are taken around the
 * means (two passes) so that the result matches R's `lm` to the last digits.
 *
 * @param y dependent values (the security's returns).
 * @param x regressor values (the market's returns), as many as `y`.
 * @throws EventStudyError CONSTANT_SERIES when every x is the same, so that the slope is undefined.
 * @example ordinaryLeastSquares([1, 3, 5], [0, 1, 2]) // { intercept: 1, slope: 2, residualSumOfSquares: 0, … }
 */
export function ordinaryLeastSquares(y: ArrayLike<number>, x: ArrayLike<number>): LeastSquaresLine {
  const count = x.length;
  if (isConstant(x)) {
    throw new EventStudyError('CONSTANT_SERIES', 'The regressor does not vary, so the regression slope is undefined.');
  }
  const regressorMean = mean(x);
  const responseMean = mean(y);
  let regressorSumOfSquares = 0;
  let crossProducts = 0;
  let totalSumOfSquares = 0;
  for (let index = 0; index < count; index += 1) {
    const dx = x[index]! - regressorMean;
    const dy = y[index]! - responseMean;
    regressorSumOfSquares += dx * dx;
    crossProducts += dx * dy;
    totalSumOfSquares += dy * dy;
  }
  const slope = crossProducts / regressorSumOfSquares;
  const intercept = responseMean - slope * regressorMean;
  let residualSumOfSquares = 0;
  for (let index = 0; index < count; index += 1) {
    const residual = y[index]! - intercept - slope * x[index]!;
    residualSumOfSquares += residual * residual;
  }
  return { intercept, slope, residualSumOfSquares, totalSumOfSquares, regressorMean, regressorSumOfSquares };
}

/**
 * True when every value equals the first (or there is none). Exact equality on purpose: a series
 * that varies at all has a positive Σ(x − x̄)² in floating point.
 * @throws never
 * @example isConstant([0.01, 0.01, 0.01]) // true
 */
export function isConstant(values: ArrayLike<number>): boolean {
  for (let index = 1; index < values.length; index += 1) {
    if (values[index] !== values[0]) return false;
  }
  return true;
}
