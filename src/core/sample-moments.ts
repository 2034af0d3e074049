/**
 * Arithmetic mean Σx/n.
 * @returns NaN for an empty input; callers check the length first.
 * @throws never
 * @example mean([1, 2, 3, 4]) // 2.5
 */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) sum += values[index]!;
  return sum / values.length;
}

/**
 * Sample standard deviation with the n − 1 divisor, √(Σ(x − x̄)²/(n − 1)), computed in two passes
 * so that a large common level does not swamp the deviations (R's `sd`).
 * @returns NaN for fewer than two values; callers check the length first.
 * @throws never
 * @example sampleStandardDeviation([1, 2, 3, 4]) // √(5/3) ≈ 1.2910
 */
export function sampleStandardDeviation(values: ArrayLike<number>): number {
  const centre = mean(values);
  let sumOfSquares = 0;
  for (let index = 0; index < values.length; index += 1) {
    const deviation = values[index]! - centre;
    sumOfSquares += deviation * deviation;
  }
  return Math.sqrt(sumOfSquares / (values.length - 1));
}
