/**
 * Mean pairwise Pearson correlation r̄ of the securities' estimation-window residuals, the input of
 * the Kolari & Pynnönen (2010) adjustment: r̄ = (2/(N(N − 1)))·Σ_{i<j} corr(eᵢ, eⱼ).
 *
 * The series are aligned position by position (in a study: relative trading days of the
 * estimation window; with one event date that is the same calendar day). A missing residual is
 * `null`; a pair is correlated over the days both have, as R's `cor(use = "pairwise.complete.obs")`
 * does, and a pair with fewer than 3 common days or no variation on them is left out of the mean.
 * Pairs of complete series are summed in O(N·M) as (‖Σᵢ zᵢ‖² − Σᵢ ‖zᵢ‖²)/2 with zᵢ the centred,
 * unit-length residuals, which is the same number as the pairwise sum.
 *
 * @param residuals one series per security, aligned position by position.
 * @param length how many leading positions of each series to use (default: the first series'
 *   length), so a series that continues past the estimation window need not be copied.
 * @returns r̄, or null when no pair can be correlated (fewer than two securities).
 * @throws never; the caller passes finite residuals.
 * @example averageResidualCorrelation([[1, 2, 3, 4], [1, 2, 3, 5], [4, 3, 2, 1]]) // (0.9827 − 1 − 0.9827)/3 ≈ −0.3333
 */
export function averageResidualCorrelation(
  residuals: readonly (readonly (number | null)[])[],
  length = residuals[0]?.length ?? 0,
): number | null {
  const isComplete = (series: readonly (number | null)[]) => series.length >= length && !hasMissing(series, length);
  const completeSeries = residuals.filter(isComplete);
  const incomplete = residuals.filter((series) => !isComplete(series));
  const { sum: completeSum, series: usable } = completePairsSum(completeSeries as readonly (readonly number[])[], length);
  let sum = completeSum;
  let pairs = (usable * (usable - 1)) / 2;
  incomplete.forEach((series, index) => {
    for (const other of [...incomplete.slice(index + 1), ...completeSeries]) {
      const correlation = pairwiseCorrelation(series, other, length);
      if (correlation === null) continue;
      sum += correlation;
      pairs += 1;
    }
  });
  return pairs === 0 ? null : sum / pairs;
}

function hasMissing(series: readonly (number | null)[], length: number): boolean {
  for (let index = 0; index < length; index += 1) if (series[index] === null) return true;
  return false;
}

/** x̄ and 1/√Σ(x − x̄)² over the first `length` values; null for a constant or too short series. */
function centreAndScale(series: readonly number[], length: number): { centre: number; scale: number } | null {
  if (length < 3) return null;
  let total = 0;
  for (let index = 0; index < length; index += 1) total += series[index]!;
  const centre = total / length;
  let sumOfSquares = 0;
  for (let index = 0; index < length; index += 1) {
    const deviation = series[index]! - centre;
    sumOfSquares += deviation * deviation;
  }
  return sumOfSquares > 0 ? { centre, scale: 1 / Math.sqrt(sumOfSquares) } : null;
}

/** Σ_{i<j} zᵢ·zⱼ = (‖Σ zᵢ‖² − Σ ‖zᵢ‖²)/2 over complete series, and how many series took part. */
function completePairsSum(seriesList: readonly (readonly number[])[], length: number): { sum: number; series: number } {
  const total = new Float64Array(length);
  let ownSquares = 0;
  let series = 0;
  for (const values of seriesList) {
    const standardization = centreAndScale(values, length);
    if (!standardization) continue;
    const { centre, scale } = standardization;
    for (let index = 0; index < length; index += 1) {
      const unit = (values[index]! - centre) * scale;
      total[index] = total[index]! + unit;
      ownSquares += unit * unit;
    }
    series += 1;
  }
  let totalSquares = 0;
  for (const value of total) totalSquares += value * value;
  return { sum: (totalSquares - ownSquares) / 2, series };
}

/** Pearson correlation over the leading positions where both series have a value. */
function pairwiseCorrelation(
  first: readonly (number | null)[],
  second: readonly (number | null)[],
  length: number,
): number | null {
  const x: number[] = [];
  const y: number[] = [];
  const shared = Math.min(first.length, second.length, length);
  for (let index = 0; index < shared; index += 1) {
    const a = first[index];
    const b = second[index];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    x.push(a);
    y.push(b);
  }
  const standardX = centreAndScale(x, x.length);
  const standardY = centreAndScale(y, y.length);
  if (!standardX || !standardY) return null;
  let product = 0;
  for (let index = 0; index < x.length; index += 1) {
    product += (x[index]! - standardX.centre) * standardX.scale * ((y[index]! - standardY.centre) * standardY.scale);
  }
  return product;
}
