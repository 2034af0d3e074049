import { EventStudyError } from './errors';

/**
 * R's `lm` tolerance for a regressor that adds nothing: a column whose part not explained by the
 * columns before it is below 1e-7 of its own length is taken as a linear combination of them.
 */
const COLLINEARITY_TOLERANCE = 1e-7;

export interface MultipleRegression {
  intercept: number;
  /** b₁ … b_k, one per regressor, in the order given. */
  slopes: Float64Array;
  /** SSE = Σ(y − a − Σ bⱼxⱼ)², from the residuals themselves. */
  residualSumOfSquares: number;
  /** Σ(y − ȳ)². */
  totalSumOfSquares: number;
  /** x̄ⱼ of each regressor. */
  regressorMeans: Float64Array;
  /**
   * R of the QR decomposition of the centred regressors Z (M × k, zₜⱼ = xₜⱼ − x̄ⱼ): upper
   * triangular, row-major k × k, with Z'Z = R'R. It is all the variances need (see
   * {@link centredQuadraticForm}).
   */
  triangular: Float64Array;
}

/**
 * Multiple linear regression y = a + Σⱼ bⱼxⱼ + e by ordinary least squares, with k ≥ 1 regressors
 * (MacKinlay 1997, section 4, with the market model's one regressor generalised; Greene,
 * "Econometric Analysis", ch. 3).
 *
 * Numerics: the intercept is taken out by centring (ȳ and x̄ⱼ, two passes), and the centred
 * M × k problem is solved by Householder QR, Z = QR, b = R⁻¹(Q'y_c), a = ȳ − Σ bⱼx̄ⱼ. Not the
 * normal equations with an inverse: forming X'X squares the condition number of the data, so a
 * factor that is nearly a combination of the others (a sector index next to the market) or a
 * series with a large mean (a level rather than a return) loses twice the digits; QR works on Z
 * itself, and centring removes the ill-conditioning that a column of ones next to a series with a
 * large mean brings. R's `lm` uses Householder QR too. SSE is summed from the residuals, not
 * from Q'y, so that it is exactly Σe² of the fitted coefficients.
 *
 * @param y dependent values (M of them).
 * @param regressors k columns of M values each; the caller has checked they are finite.
 * @param names the regressors' names in messages (default "regressor 1" …).
 * @throws EventStudyError CONSTANT_SERIES when a regressor does not vary (then its slope is
 *   undefined); INVALID_INPUT when a regressor is (to 1e-7 of its length, R's `lm` tolerance) a
 *   linear combination of those before it, for unequal lengths, no regressor, fewer than k + 1
 *   observations, or values so extreme that a sum overflows.
 * @example multipleRegression([1, 3, 5, 8], [[0, 1, 2, 3], [0, 0, 0, 1]]).slopes // [2, 1]
 */
export function multipleRegression(
  y: ArrayLike<number>,
  regressors: readonly ArrayLike<number>[],
  names: readonly string[] = regressors.map((_, index) => `regressor ${index + 1}`),
): MultipleRegression {
  const count = y.length;
  const k = regressors.length;
  requireShape(count, regressors);
  const regressorMeans = new Float64Array(k);
  // Column-major centred design: column j at [j·count, (j + 1)·count).
  const design = new Float64Array(count * k);
  const columnNorms = new Float64Array(k);
  for (let column = 0; column < k; column += 1) {
    const values = regressors[column]!;
    const mean = meanOf(values, count);
    regressorMeans[column] = mean;
    let sumOfSquares = 0;
    for (let row = 0; row < count; row += 1) {
      const centred = values[row]! - mean;
      design[column * count + row] = centred;
      sumOfSquares += centred * centred;
    }
    if (!(sumOfSquares > 0)) {
      if (sumOfSquares === 0) throw new EventStudyError('CONSTANT_SERIES', `${names[column]} does not vary, so its slope is undefined.`);
      throw overflowError();
    }
    columnNorms[column] = Math.sqrt(sumOfSquares);
  }
  const responseMean = meanOf(y, count);
  const response = new Float64Array(count);
  let totalSumOfSquares = 0;
  for (let row = 0; row < count; row += 1) {
    const centred = y[row]! - responseMean;
    response[row] = centred;
    totalSumOfSquares += centred * centred;
  }
  const rotated = Float64Array.from(response);
  const triangular = householderTriangular(design, count, k, rotated, columnNorms, names);
  const slopes = new Float64Array(k);
  for (let row = k - 1; row >= 0; row -= 1) {
    let sum = rotated[row]!;
    for (let column = row + 1; column < k; column += 1) sum -= triangular[row * k + column]! * slopes[column]!;
    slopes[row] = sum / triangular[row * k + row]!;
  }
  let intercept = responseMean;
  for (let column = 0; column < k; column += 1) intercept -= slopes[column]! * regressorMeans[column]!;
  let residualSumOfSquares = 0;
  for (let row = 0; row < count; row += 1) {
    let residual = response[row]!;
    for (let column = 0; column < k; column += 1) residual -= slopes[column]! * (regressors[column]![row]! - regressorMeans[column]!);
    residualSumOfSquares += residual * residual;
  }
  const results = [intercept, residualSumOfSquares, totalSumOfSquares, ...slopes, ...triangular];
  if (!results.every(Number.isFinite)) throw overflowError();
  return { intercept, slopes, residualSumOfSquares, totalSumOfSquares, regressorMeans, triangular };
}

/**
 * d'(Z'Z)⁻¹d for the centred regressors Z of a fit, by one triangular solve: with Z'Z = R'R,
 * d'(R'R)⁻¹d = ‖w‖² where R'w = d. This is the estimation-error part of a forecast variance:
 * for an event day x'(X'X)⁻¹x = 1/M + (x − x̄)'(Z'Z)⁻¹(x − x̄) (the intercept column's part is
 * 1/M because the regressors are centred), and for a sum over L days with regressor sums S,
 * γ'X*(X'X)⁻¹X*'γ = L²/M + (S − L·x̄)'(Z'Z)⁻¹(S − L·x̄).
 *
 * @param deviation d, k values (e.g. S − L·x̄).
 * @param scratch k values this may overwrite, so a caller evaluating many days allocates none.
 * @throws never
 * @example centredQuadraticForm(multipleRegression([1, 3, 5], [[0, 1, 2]]), [1]) // 1/Σ(x − x̄)² = 0.5
 */
export function centredQuadraticForm(
  fit: Pick<MultipleRegression, 'triangular' | 'slopes'>,
  deviation: ArrayLike<number>,
  scratch: Float64Array = new Float64Array(fit.slopes.length),
): number {
  const k = fit.slopes.length;
  const { triangular } = fit;
  let sumOfSquares = 0;
  for (let row = 0; row < k; row += 1) {
    let sum = deviation[row]!;
    for (let column = 0; column < row; column += 1) sum -= triangular[column * k + row]! * scratch[column]!;
    const solved = sum / triangular[row * k + row]!;
    scratch[row] = solved;
    sumOfSquares += solved * solved;
  }
  return sumOfSquares;
}

/**
 * Householder QR of the column-major count × k `design`, in place, applying the same reflections
 * to `rotated` (which becomes Q'y). Returns R, row-major k × k.
 */
function householderTriangular(
  design: Float64Array,
  count: number,
  k: number,
  rotated: Float64Array,
  columnNorms: Float64Array,
  names: readonly string[],
): Float64Array {
  const triangular = new Float64Array(k * k);
  for (let column = 0; column < k; column += 1) {
    const start = column * count;
    let sumOfSquares = 0;
    for (let row = column; row < count; row += 1) sumOfSquares += design[start + row]! ** 2;
    const norm = Math.sqrt(sumOfSquares);
    if (!(norm > COLLINEARITY_TOLERANCE * columnNorms[column]!)) {
      if (!Number.isFinite(norm)) throw overflowError();
      throw new EventStudyError(
        'INVALID_INPUT',
        `${names[column]} is a linear combination of ${names.slice(0, column).join(', ')} (to 1e-7 of its spread), so the slopes are not identified.`,
      );
    }
    // The reflection's sign avoids cancellation: v₀ = z₀ + sign(z₀)·‖z‖.
    const leading = design[start + column]!;
    const diagonal = leading >= 0 ? -norm : norm;
    design[start + column] = leading - diagonal;
    // ‖v‖² = ‖z‖² − z₀² + (z₀ + sign(z₀)‖z‖)² = 2‖z‖(‖z‖ + |z₀|).
    const reflectorSquare = 2 * norm * (norm + Math.abs(leading));
    const reflect = (target: Float64Array, offset: number) => {
      let dot = 0;
      for (let row = column; row < count; row += 1) dot += design[start + row]! * target[offset + row]!;
      const scale = (2 * dot) / reflectorSquare;
      for (let row = column; row < count; row += 1) target[offset + row] = target[offset + row]! - scale * design[start + row]!;
    };
    for (let later = column + 1; later < k; later += 1) reflect(design, later * count);
    reflect(rotated, 0);
    triangular[column * k + column] = diagonal;
    for (let later = column + 1; later < k; later += 1) triangular[column * k + later] = design[later * count + column]!;
  }
  return triangular;
}

function requireShape(count: number, regressors: readonly ArrayLike<number>[]): void {
  if (regressors.length === 0) throw new EventStudyError('INVALID_INPUT', 'Regression: at least one regressor is needed.');
  regressors.forEach((values, column) => {
    if (values.length !== count) {
      throw new EventStudyError('INVALID_INPUT', `Regression: ${count} values of y but ${values.length} of regressor ${column + 1}.`);
    }
  });
  if (count <= regressors.length) {
    throw new EventStudyError('INVALID_INPUT', `Regression: ${count} observations cannot identify an intercept and ${regressors.length} slopes.`);
  }
}

function meanOf(values: ArrayLike<number>, count: number): number {
  let sum = 0;
  for (let index = 0; index < count; index += 1) sum += values[index]!;
  return sum / count;
}

function overflowError(): EventStudyError {
  return new EventStudyError('INVALID_INPUT', 'Regression: the values are too extreme for double precision (a sum overflowed).');
}
