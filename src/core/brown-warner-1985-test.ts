import { EventStudyError } from './errors';
import { requireFiniteValues } from './finite-input';
import { studentTest, unavailableTest } from './test-result';
import type { TestResult } from './types';
import { unitScale } from './unit-scaled';

const NAME = 'Brown–Warner 1985 t';

/**
 * Brown & Warner (1985, section 3.3) "crude dependence adjustment": the securities' average
 * abnormal return is tested against its own time-series spread in the estimation window, so any
 * cross-correlation of the securities (the same calendar day 0, one industry) is in the variance
 * and the test stays valid when the securities are not independent.
 *
 *   t = Σₜ AARₜ / (S·√L),  S² = Σ_τ (AAR_τ − mean AAR)² / (M − 1),
 *
 * where the sum runs over the L tested days (one day: t = AARₜ / S; a window: CAAR / (S·√L)) and
 * S² is the sample variance of the M estimation-window AARs (each one the mean of the abnormal
 * returns the securities have that day). Two-sided p-value from Student t with M − 1 degrees of
 * freedom, the degrees of freedom of S. This is estudy2's `brown_warner_1985` (daily,
 * `bw_1985_stat`, same p-value) and `car_brown_warner_1985` (Σ daily t / √L).
 *
 * Convention for a window with missing days: Σₜ AARₜ and L run over the tested days that have an
 * AAR (each such AAR has variance S² under the null, and the days are treated as independent, as
 * Brown & Warner do); without missing days Σₜ AARₜ is the CAAR.
 *
 * The ratio does not depend on the returns' units; values near the limits of double precision are
 * scaled by a power of two first (exact), so 1e-300s do not underflow S² to 0.
 *
 * @param estimationAverages the AAR of each estimation day that has one (M values; see
 *   {@link averageAbnormalReturnSeries}).
 * @param testedAverages the AAR of each tested day that has one (L values).
 * @returns the statistic, or a reason when there are fewer than 2 estimation AARs, no tested AAR,
 *   or the estimation AARs do not vary.
 * @throws EventStudyError INVALID_INPUT when a value is NaN or infinite.
 * @example brownWarner1985Test([0.01, -0.01, 0.02, -0.02], [0.03]) // S = √(0.001/3) ≈ 0.018257, t ≈ 1.6432, p from t(3)
 */
export function brownWarner1985Test(estimationAverages: ArrayLike<number>, testedAverages: ArrayLike<number>): TestResult {
  requireFiniteValues(estimationAverages, `${NAME}: estimation-window average abnormal return`);
  requireFiniteValues(testedAverages, `${NAME}: tested average abnormal return`);
  const estimationDays = estimationAverages.length;
  if (estimationDays < 2) {
    return unavailableTest(`${NAME}: needs at least 2 estimation days with an abnormal return, got ${estimationDays}.`);
  }
  if (testedAverages.length === 0) return unavailableTest(`${NAME}: no average abnormal return on the tested days.`);
  const [first, second] = unitScale(estimationAverages) ?? [1, 1];
  const deviation = scaledStandardDeviation(estimationAverages, first, second);
  if (!(deviation > 0)) return unavailableTest(`${NAME}: the estimation-window average abnormal returns do not vary.`);
  let sum = 0;
  for (let index = 0; index < testedAverages.length; index += 1) sum += testedAverages[index]! * first * second;
  return studentTest(sum / (deviation * Math.sqrt(testedAverages.length)), estimationDays - 1, NAME);
}

/** √(Σ(x − x̄)²/(n − 1)) of the values times first·second, in two passes. */
function scaledStandardDeviation(values: ArrayLike<number>, first: number, second: number): number {
  const count = values.length;
  let sum = 0;
  for (let index = 0; index < count; index += 1) sum += values[index]! * first * second;
  const centre = sum / count;
  let sumOfSquares = 0;
  for (let index = 0; index < count; index += 1) {
    const deviation = values[index]! * first * second - centre;
    sumOfSquares += deviation * deviation;
  }
  return Math.sqrt(sumOfSquares / (count - 1));
}

/**
 * The average abnormal return of each day, over the securities that have one that day: the series
 * the Brown–Warner (1985) test takes its spread from. The series are aligned position by position
 * (in a study: relative days of the estimation window, so units with different day 0s are aligned
 * in event time); NaN or null marks a missing day, and a day no security has is left out.
 *
 * @param series one abnormal-return series per security.
 * @param length how many leading positions to read (default: the longest series).
 * @returns the AAR of every position some security has, in order.
 * @throws EventStudyError INVALID_INPUT when a value is infinite, or the AAR of a day overflows
 *   double precision.
 * @example averageAbnormalReturnSeries([[0.01, null, 0.03], [0.03, null, NaN]]) // [0.02, 0.03]
 */
export function averageAbnormalReturnSeries(
  series: readonly ArrayLike<number | null>[],
  length = series.reduce((longest, values) => Math.max(longest, values.length), 0),
): number[] {
  return averageOfRows(
    series.map((values) => Float64Array.from({ length: Math.min(length, values.length) }, (_, day) => values[day] ?? Number.NaN)),
    length,
  );
}

/**
 * {@link averageAbnormalReturnSeries} of rows in which NaN marks a missing day, as a study keeps
 * its residuals; each row's first `length` entries (or fewer) are read.
 * @throws EventStudyError INVALID_INPUT as {@link averageAbnormalReturnSeries}.
 * @example averageOfRows([Float64Array.of(0.01, NaN), Float64Array.of(0.03, NaN)], 2) // [0.02]
 */
export function averageOfRows(rows: readonly ArrayLike<number>[], length: number): number[] {
  // Row by row, so each series is read once in memory order; the sum of a day still adds its
  // securities in their order.
  const sums = new Float64Array(length);
  const counts = new Uint32Array(length);
  for (const row of rows) {
    const days = Math.min(length, row.length);
    for (let day = 0; day < days; day += 1) {
      const value = row[day]!;
      if (Number.isNaN(value)) continue;
      sums[day] = sums[day]! + value;
      counts[day] = counts[day]! + 1;
    }
  }
  const averages: number[] = [];
  for (let day = 0; day < length; day += 1) {
    if (counts[day] === 0) continue;
    const average = sums[day]! / counts[day]!;
    if (!Number.isFinite(average)) {
      throw new EventStudyError(
        'INVALID_INPUT',
        `${NAME}: the average abnormal return of position ${day + 1} is ${average}; the abnormal returns must be finite numbers whose sum stays finite.`,
      );
    }
    averages.push(average);
  }
  return averages;
}
