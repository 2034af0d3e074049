import { EventStudyError } from './errors';
import type { ReturnKind } from './types';

/**
 * Daily returns from adjusted closes, entry t from P(t−1) to P(t):
 * simple Rₜ = Pₜ/Pₜ₋₁ − 1 (the default, as in MacKinlay 1997 and the reference fixture) or log
 * rₜ = ln(Pₜ/Pₜ₋₁). Entry t is null when either price is missing: a gap is never filled, so the
 * return across it is missing too. The first entry is always null.
 *
 * @param prices adjusted closes in time order, null for a missing day.
 * @param kind 'simple' or 'log'.
 * @param seriesName names the series in error messages.
 * @throws EventStudyError INVALID_INPUT for a price that is not a positive finite number, or two
 *   consecutive prices whose ratio leaves double precision (e.g. 1e-300 then 1e300).
 * @example returnsFromPrices([100, 110, null, 121], 'simple') // [null, 0.1, null, null]
 */
export function returnsFromPrices(
  prices: readonly (number | null)[],
  kind: ReturnKind = 'simple',
  seriesName = 'price series',
): (number | null)[] {
  prices.forEach((price, index) => requirePrice(price, index, seriesName));
  return prices.map((price, index) => {
    const previous = index === 0 ? null : prices[index - 1];
    if (price === null || previous === null || previous === undefined) return null;
    const value = kind === 'log' ? Math.log(price / previous) : price / previous - 1;
    if (!Number.isFinite(value)) {
      throw new EventStudyError(
        'INVALID_INPUT',
        `${seriesName}: from price #${index} (${previous}) to price #${index + 1} (${price}) the return is too large for double precision.`,
      );
    }
    return value;
  });
}

/**
 * The gross return 1 + R of one day's return of either kind: 1 + R for simple returns, e^r for log
 * returns. Buy-and-hold returns compound these.
 * @throws never
 * @example grossReturn(Math.log(1.1), 'log') // 1.1
 */
export function grossReturn(value: number, kind: ReturnKind): number {
  return kind === 'log' ? Math.exp(value) : 1 + value;
}

function requirePrice(price: number | null, index: number, seriesName: string): void {
  if (price === null) return;
  if (!Number.isFinite(price) || price <= 0) {
    throw new EventStudyError(
      'INVALID_INPUT',
      `${seriesName}: price #${index + 1} is ${price}; adjusted closes must be positive numbers.`,
    );
  }
}
