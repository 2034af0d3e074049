/** Inside [2⁻⁴⁰⁰, 2⁴⁰⁰] squares and sums of squares of a few million values stay in double precision. */
const SAFE_EXPONENT = 400;

/**
 * The two powers of two whose product brings the largest |value| near 1, when it lies outside the
 * range where squaring and summing are safe (about 1e-120 to 1e120); null inside it, or when every
 * value is 0. Two factors, because 2^1074 (for the smallest values) is not a double. A statistic
 * that does not depend on the values' units multiplies by both every number it reads, its
 * numerator as well as the values behind its spread: exact, since they are powers of two.
 *
 * @param values finite numbers; only the first `count` are read.
 * @throws never
 * @example unitScale([1e300, -2e300]) // [2^-499, 2^-499]
 */
export function unitScale(values: ArrayLike<number>, count = values.length): readonly [number, number] | null {
  let largest = 0;
  for (let index = 0; index < count; index += 1) largest = Math.max(largest, Math.abs(values[index]!));
  if (largest === 0) return null;
  const exponent = Math.floor(Math.log2(largest));
  if (Math.abs(exponent) <= SAFE_EXPONENT) return null;
  return [2 ** -Math.trunc(exponent / 2), 2 ** -(exponent - Math.trunc(exponent / 2))];
}

/**
 * The values multiplied by {@link unitScale}'s powers of two when their magnitude leaves the safe
 * range; inside it, the values themselves, not copied. Statistics that do not depend on the values'
 * units (t ratios, correlations) are computed on the result: inside the safe range nothing changes,
 * and outside it 1e300s no longer overflow and 1e-300s no longer underflow.
 *
 * @param values finite numbers; only the first `count` are read.
 * @throws never
 * @example unitScaled([1e300, -2e300]) // Float64Array [≈0.75, ≈-1.49]: × 2^-998
 */
export function unitScaled(values: ArrayLike<number>, count = values.length): ArrayLike<number> {
  const factors = unitScale(values, count);
  if (factors === null) return values;
  const [first, second] = factors;
  const scaled = new Float64Array(count);
  for (let index = 0; index < count; index += 1) scaled[index] = values[index]! * first * second;
  return scaled;
}
