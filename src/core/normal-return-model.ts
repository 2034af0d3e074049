import { EventStudyError, InsufficientEstimationDataError } from './errors';
import { requireFiniteValues } from './finite-input';
import { extremeValuesError } from './study-unit-checks';
import type { ModelFit } from './types';

/**
 * The estimation-window days where the security, the market and every factor the model uses
 * have a value.
 */
export interface EstimationSample {
  securityReturns: ArrayLike<number>;
  marketReturns: ArrayLike<number>;
  /** One column per factor of a factor model, as many values as `securityReturns`. */
  factors?: readonly ArrayLike<number>[];
}

/**
 * A fitted normal-return model (MacKinlay 1997, section 4): the expected return of an event day
 * and the variance of a sum of abnormal returns, including any estimation error of the model.
 */
export interface NormalReturnModel {
  fit: ModelFit;
  /** Degrees of freedom of s², used by the per-security t and by Patell/J2: d/(d − 2). */
  degreesOfFreedom: number;
  /** E[R] on a day with this market return (and, for a factor model, these factor values). */
  expectedReturn(marketReturn: number, factorValues?: ArrayLike<number>): number;
  /**
   * var(CAR) over `days` event days whose market returns sum to `marketSum` (and, for a factor
   * model, whose factor values sum to `factorSums`); with one day it is var(AR).
   */
  cumulativeVariance(days: number, marketSum: number, factorSums?: ArrayLike<number>): number;
}

/**
 * Checks an estimation sample before a model is fitted: as many market returns as security
 * returns, enough days, every return finite.
 * @throws EventStudyError INVALID_INPUT for unequal lengths or a return that is not finite;
 *   InsufficientEstimationDataError for fewer than `required` days.
 * @example requireSample({ securityReturns: [0.01, 0.02], marketReturns: [0.01, NaN] }, 2, 'SYN_A') // throws
 */
export function requireSample(sample: EstimationSample, required: number, symbol: string): void {
  const { securityReturns, marketReturns } = sample;
  if (securityReturns.length !== marketReturns.length) {
    throw new EventStudyError(
      'INVALID_INPUT',
      `${symbol}: ${securityReturns.length} security returns but ${marketReturns.length} market returns in the estimation sample.`,
    );
  }
  requireEstimationDays(securityReturns.length, required, symbol);
  for (let index = 0; index < securityReturns.length; index += 1) {
    // One pass over both series; the messages name whichever is not finite.
    if (Number.isFinite(securityReturns[index]!) && Number.isFinite(marketReturns[index]!)) continue;
    requireFiniteValues(securityReturns, `${symbol}: estimation-window return`);
    requireFiniteValues(marketReturns, `${symbol}: estimation-window market return`);
  }
}

/**
 * A number a fit computed (s²), checked: returns at the edge of double precision can overflow it,
 * and the fit then fails rather than answer Infinity. The models check their per-day expected
 * returns and variances the same way, inline.
 * @throws EventStudyError INVALID_INPUT naming the security when `value` is not finite.
 * @example checkedFinite(s2, '7011.T')
 */
export function checkedFinite(value: number, symbol: string): number {
  if (!Number.isFinite(value)) throw extremeValuesError(symbol);
  return value;
}

/** A model needs more estimation days than parameters, so that s² has a degree of freedom. */
function requireEstimationDays(estimationDays: number, required: number, symbol: string): void {
  if (!(estimationDays >= required)) throw new InsufficientEstimationDataError(symbol, estimationDays, required);
}
