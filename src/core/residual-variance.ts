import type { EstimationSample } from './normal-return-model';

/**
 * Residual standard deviations below 1e-12 of the returns' root mean square are rounding, not
 * variation: returns carry about 16 significant digits and real abnormal returns are many orders
 * of magnitude larger than 1e-12 of a return.
 */
const NEGLIGIBLE_VARIANCE_SHARE = 1e-24;
/** Below this mean square the squares of the returns may have lost digits to underflow. */
const SMALLEST_SAFE_MEAN_SQUARE = 1e-280;

/**
 * Whether a fitted model's residual variance s² is variation, so that abnormal returns can be
 * standardized (SAR = AR/√var(AR)). A security equal to its market (market-adjusted), an exact
 * linear function of it (market model) or a constant return (mean-adjusted) fits with s² = 0, or with
 * an s² of rounding errors only, which would turn SARs and t statistics into ratios of rounding
 * noise. The rule compares s² with the mean of Rᵢ² + Rₘ² over the estimation days, so it does not
 * depend on the returns' units.
 *
 * @param meanSquare the mean of Rᵢ² + Rₘ² over the sample, which the caller has from copying it.
 * @param sample the estimation days the model was fitted on (finite returns), read again only when
 *   their squares overflow or underflow.
 * @throws never
 * @example hasResidualVariance(1e-40, 0.0005, { securityReturns: [0.01, -0.02], marketReturns: [0.01, -0.02] }) // false
 */
export function hasResidualVariance(s2: number, meanSquare: number, sample: EstimationSample): boolean {
  if (meanSquare < Infinity && meanSquare > SMALLEST_SAFE_MEAN_SQUARE) return s2 > NEGLIGIBLE_VARIANCE_SHARE * meanSquare;
  return hasScaledResidualVariance(s2, sample);
}

/** The same comparison in units of the largest |return|, for returns whose squares overflow or underflow. */
function hasScaledResidualVariance(s2: number, sample: EstimationSample): boolean {
  const { securityReturns, marketReturns } = sample;
  const count = securityReturns.length;
  let largest = 0;
  for (let index = 0; index < count; index += 1) {
    largest = Math.max(largest, Math.abs(securityReturns[index]!), Math.abs(marketReturns[index]!));
  }
  if (largest === 0) return s2 > 0;
  let sumOfSquares = 0;
  for (let index = 0; index < count; index += 1) {
    const security = securityReturns[index]! / largest;
    const market = marketReturns[index]! / largest;
    sumOfSquares += security * security + market * market;
  }
  return s2 / largest / largest > NEGLIGIBLE_VARIANCE_SHARE * (sumOfSquares / count);
}
