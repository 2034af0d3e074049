import { EventStudyError } from './errors';
import { unitScaled } from './unit-scaled';

/**
 * Mean pairwise Pearson correlation r̄ of the securities' estimation-window residuals, the input of
 * the Kolari & Pynnönen (2010) adjustment: r̄ = (2/(N(N − 1)))·Σ_{i<j} corr(eᵢ, eⱼ).
 *
 * The series are aligned position by position (in a study: relative trading days of the
 * estimation window; with one event date that is the same calendar day). A missing residual is
 * `null`; a pair is correlated over the days both have, as R's `cor(use = "pairwise.complete.obs")`
 * does, and a pair with fewer than 3 common days or no variation on them is left out of the mean.
 * Pairs of complete series are summed in O(N·M) rather than O(N²·M); see {@link meanResidualCorrelation}.
 *
 * @param residuals one series per security, aligned position by position.
 * @param length how many leading positions of each series to use (default: the first series'
 *   length), so a series that continues past the estimation window need not be copied.
 * @returns r̄, or null when no pair can be correlated (fewer than two securities).
 * @throws EventStudyError INVALID_INPUT when a residual is neither a finite number nor null.
 * @example averageResidualCorrelation([[1, 2, 3, 4], [1, 2, 3, 5], [4, 3, 2, 1]]) // (0.9827 − 1 − 0.9827)/3 ≈ −0.3333
 */
export function averageResidualCorrelation(
  residuals: readonly (readonly (number | null)[])[],
  length = residuals[0]?.length ?? 0,
): number | null {
  const rows = residuals.map((series, position) => {
    const row = new Float64Array(length).fill(Number.NaN);
    for (let index = 0; index < Math.min(length, series.length); index += 1) {
      const value = series[index];
      if (value === null || value === undefined) continue;
      if (!Number.isFinite(value)) {
        throw new EventStudyError('INVALID_INPUT', `Residual correlation: series #${position + 1} holds ${value} at position ${index + 1}; use null for a missing day.`);
      }
      row[index] = value;
    }
    return row;
  });
  return meanResidualCorrelation(rows, length);
}

/**
 * r̄ of {@link averageResidualCorrelation} on series where NaN marks a missing day, as a study
 * keeps them.
 *
 * Complete series (no missing day among the first `length`) are summed at once. With
 * zᵢ(t) = (eᵢ(t) − ēᵢ)/√Σₜ(eᵢ(t) − ēᵢ)², corr(eᵢ, eⱼ) = Σₜ zᵢ(t)·zⱼ(t), so with Z(t) = Σᵢ zᵢ(t)
 *   Σₜ Z(t)² = Σᵢ Σₜ zᵢ(t)² + Σ_{i≠j} Σₜ zᵢ(t)·zⱼ(t) = Σᵢ ‖zᵢ‖² + 2·Σ_{i<j} corr(eᵢ, eⱼ),
 * hence Σ_{i<j} corr(eᵢ, eⱼ) = (Σₜ Z(t)² − Σᵢ ‖zᵢ‖²)/2: the same pairwise sum, in O(N·M). (‖zᵢ‖² is 1
 * up to rounding; subtracting the computed value keeps the identity exact in arithmetic.) A series
 * with a missing day is correlated with every other pair by pair, over their common days, since
 * each pair is then centred on a different set of days. Correlations do not depend on units, so a
 * series near the limits of double precision is first scaled by a power of two (exact; see
 * {@link unitScaled}).
 *
 * @returns r̄ (within [−1, 1], against rounding), or null when no pair can be correlated.
 * @throws never
 * @example meanResidualCorrelation([Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 2, NaN, 5)], 4) // corr over days 1, 2, 4
 */
export function meanResidualCorrelation(rows: readonly ArrayLike<number>[], length: number): number | null {
  // A NaN (missing day) makes the row's sum NaN: one pass both finds the incomplete rows and starts the mean.
  const isComplete = (row: ArrayLike<number>) => row.length >= length && !Number.isNaN(sumOf(row, length));
  const completeRows = rows.filter(isComplete);
  const incomplete = rows.filter((row) => !isComplete(row));
  const { sum: completeSum, series: usable } = completePairsSum(completeRows, length);
  let sum = completeSum;
  let pairs = (usable * (usable - 1)) / 2;
  incomplete.forEach((row, index) => {
    for (const other of [...incomplete.slice(index + 1), ...completeRows]) {
      const correlation = pairwiseCorrelation(row, other, length);
      if (correlation === null) continue;
      sum += correlation;
      pairs += 1;
    }
  });
  // A mean of correlations of (nearly) identical series can round to just above 1.
  return pairs === 0 ? null : Math.min(1, Math.max(-1, sum / pairs));
}

function isConstant(series: ArrayLike<number>, length: number): boolean {
  for (let index = 1; index < length; index += 1) if (series[index] !== series[0]) return false;
  return true;
}

function sumOf(series: ArrayLike<number>, length: number): number {
  let total = 0;
  for (let index = 0; index < length; index += 1) total += series[index]!;
  return total;
}

/** A series as zᵢ(t) = (x(t) − centre)·scale: centre x̄, scale 1/√Σ(x − x̄)², on `values`. */
interface Standardization {
  values: ArrayLike<number>;
  centre: number;
  scale: number;
}

/**
 * The standardization of the first `length` values; null for a constant or too short series.
 * Values whose squares would overflow or underflow are first scaled by a power of two.
 */
function standardizationOf(series: ArrayLike<number>, length: number): Standardization | null {
  // Exact test first: the mean of equal values can differ from them by rounding, which would turn a
  // constant series into one of rounding noise.
  if (length < 3 || isConstant(series, length)) return null;
  const plain = centreAndScale(series, length);
  if (plain) return plain;
  const scaled = unitScaled(series, length);
  return scaled === series ? null : centreAndScale(scaled, length);
}

/** x̄ and 1/√Σ(x − x̄)², or null when Σ(x − x̄)² is zero or outside the safe range of double precision. */
function centreAndScale(values: ArrayLike<number>, length: number): Standardization | null {
  const centre = sumOf(values, length) / length;
  let sumOfSquares = 0;
  for (let index = 0; index < length; index += 1) {
    const deviation = values[index]! - centre;
    sumOfSquares += deviation * deviation;
  }
  return sumOfSquares > SMALLEST_SAFE_SUM_OF_SQUARES && sumOfSquares < Infinity ? { values, centre, scale: 1 / Math.sqrt(sumOfSquares) } : null;
}

/** Below this, squared deviations may have lost digits to underflow. */
const SMALLEST_SAFE_SUM_OF_SQUARES = 1e-280;

/** Σ_{i<j} zᵢ·zⱼ = (‖Σ zᵢ‖² − Σ ‖zᵢ‖²)/2 over complete series, and how many series took part. */
function completePairsSum(rows: readonly ArrayLike<number>[], length: number): { sum: number; series: number } {
  const total = new Float64Array(length);
  let ownSquares = 0;
  let series = 0;
  for (const row of rows) {
    const standardization = standardizationOf(row, length);
    if (!standardization) continue;
    ownSquares += addStandardized(total, standardization, length);
    series += 1;
  }
  return { sum: (sumOfSquares(total) - ownSquares) / 2, series };
}

// The per-row loop lives in its own function: it runs once per security, so the JIT compiles it
// as a whole instead of entering it mid-loop once per study.
/** Adds zᵢ to `total` day by day; returns ‖zᵢ‖². */
function addStandardized(total: Float64Array, { values, centre, scale }: Standardization, length: number): number {
  let ownSquares = 0;
  for (let index = 0; index < length; index += 1) {
    const unit = (values[index]! - centre) * scale;
    total[index] = total[index]! + unit;
    ownSquares += unit * unit;
  }
  return ownSquares;
}

function sumOfSquares(values: Float64Array): number {
  let total = 0;
  for (let index = 0; index < values.length; index += 1) total += values[index]! * values[index]!;
  return total;
}

/** Pearson correlation over the leading positions where both series have a value. */
function pairwiseCorrelation(first: ArrayLike<number>, second: ArrayLike<number>, length: number): number | null {
  const x: number[] = [];
  const y: number[] = [];
  const shared = Math.min(first.length, second.length, length);
  for (let index = 0; index < shared; index += 1) {
    const a = first[index]!;
    const b = second[index]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    x.push(a);
    y.push(b);
  }
  const standardX = standardizationOf(x, x.length);
  const standardY = standardizationOf(y, y.length);
  if (!standardX || !standardY) return null;
  let product = 0;
  for (let index = 0; index < x.length; index += 1) {
    product += (standardX.values[index]! - standardX.centre) * standardX.scale * ((standardY.values[index]! - standardY.centre) * standardY.scale);
  }
  return product;
}
