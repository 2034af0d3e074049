import { EventStudyError } from './errors';
import { requireFiniteValues } from './finite-input';

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
 * @throws EventStudyError CONSTANT_SERIES when every x is the same (or Σ(x − x̄)² underflows to 0),
 *   so that the slope is undefined; INVALID_INPUT for unequal lengths, a value that is not finite,
 *   or values so extreme that a sum overflows.
 * @example ordinaryLeastSquares([1, 3, 5], [0, 1, 2]) // { intercept: 1, slope: 2, residualSumOfSquares: 0, … }
 */
export function ordinaryLeastSquares(y: ArrayLike<number>, x: ArrayLike<number>): LeastSquaresLine {
  const count = x.length;
  if (y.length !== count) {
    throw new EventStudyError('INVALID_INPUT', `Regression: ${y.length} values of y but ${count} of x.`);
  }
  requireFiniteValues(y, 'Regression: y');
  requireFiniteValues(x, 'Regression: x');
  return leastSquaresLine(y, x);
}

/**
 * {@link ordinaryLeastSquares} for inputs already checked: as many finite y as x.
 * @throws EventStudyError CONSTANT_SERIES when x does not vary; INVALID_INPUT when a sum overflows.
 * @example leastSquaresLine(Float64Array.of(1, 3, 5), Float64Array.of(0, 1, 2)).slope // 2
 */
export function leastSquaresLine(y: ArrayLike<number>, x: ArrayLike<number>): LeastSquaresLine {
  const count = x.length;
  if (isConstant(x)) throw constantRegressorError();
  // One pass for both means, each summed in the same order as sample-moments' mean.
  let regressorSum = 0;
  let responseSum = 0;
  for (let index = 0; index < count; index += 1) {
    regressorSum += x[index]!;
    responseSum += y[index]!;
  }
  const regressorMean = regressorSum / count;
  const responseMean = responseSum / count;
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
  if (!(regressorSumOfSquares > 0)) throw constantRegressorError();
  const slope = crossProducts / regressorSumOfSquares;
  const intercept = responseMean - slope * regressorMean;
  let residualSumOfSquares = 0;
  for (let index = 0; index < count; index += 1) {
    const residual = y[index]! - intercept - slope * x[index]!;
    residualSumOfSquares += residual * residual;
  }
  const sums = [regressorMean, regressorSumOfSquares, crossProducts, totalSumOfSquares, slope, intercept, residualSumOfSquares];
  if (!sums.every(Number.isFinite)) {
    throw new EventStudyError('INVALID_INPUT', 'Regression: the values are too extreme for double precision (a sum overflowed).');
  }
  return { intercept, slope, residualSumOfSquares, totalSumOfSquares, regressorMean, regressorSumOfSquares };
}

function constantRegressorError(): EventStudyError {
  return new EventStudyError('CONSTANT_SERIES', 'The regressor does not vary, so the regression slope is undefined.');
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
