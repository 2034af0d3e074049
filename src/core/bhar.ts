import { EventStudyError } from './errors';
import { grossReturn } from './returns';
import type { ReturnKind } from './types';

/**
 * Buy-and-hold abnormal return (Barber & Lyon 1997; EventStudy 0.50.0 `bhar`):
 * BHAR = Πₜ(1 + Rᵢₜ) − Πₜ(1 + Rₘₜ) over the days where both returns exist, the market as
 * benchmark whatever the normal-return model. Log returns compound as e^r.
 *
 * @param returns the security's returns over the window, null when missing.
 * @param marketReturns the market's returns on the same days.
 * @param kind how the returns were computed.
 * @param start first index compounded (default 0), so a window can be read without copying.
 * @param end index after the last one compounded (default the whole series).
 * @returns BHAR, or null when no day has both returns.
 * @throws EventStudyError INVALID_INPUT when a return is not finite or compounding leaves double
 *   precision (e.g. log returns above 709).
 * @example buyAndHoldAbnormalReturn([0.1, 0.1], [0.05, 0], 'simple') // 1.21 − 1.05 = 0.16
 */
export function buyAndHoldAbnormalReturn(
  returns: readonly (number | null)[],
  marketReturns: readonly (number | null)[],
  kind: ReturnKind = 'simple',
  start = 0,
  end = returns.length,
): number | null {
  let security = 1;
  let market = 1;
  let days = 0;
  for (let index = start; index < end; index += 1) {
    const value = returns[index];
    const marketValue = marketReturns[index];
    if (value === null || value === undefined || marketValue === null || marketValue === undefined) continue;
    security *= grossReturn(value, kind);
    market *= grossReturn(marketValue, kind);
    days += 1;
  }
  if (days === 0) return null;
  const bhar = security - market;
  if (!Number.isFinite(bhar)) {
    throw new EventStudyError('INVALID_INPUT', 'Buy-and-hold abnormal return: the returns are not finite or compound beyond double precision.');
  }
  return bhar;
}
