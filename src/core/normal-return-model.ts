import { EventStudyError } from './errors';
import type { ModelFit } from './types';

/** The estimation-window days where both the security and the market have a return. */
export interface EstimationSample {
  securityReturns: ArrayLike<number>;
  marketReturns: ArrayLike<number>;
}

/**
 * A fitted normal-return model (MacKinlay 1997, section 4): the expected return of an event day
 * and the variance of a sum of abnormal returns, including any estimation error of the model.
 */
export interface NormalReturnModel {
  fit: ModelFit;
  /** Degrees of freedom of s², used by the per-security t and by Patell/J2: d/(d − 2). */
  degreesOfFreedom: number;
  expectedReturn(marketReturn: number): number;
  /**
   * var(CAR) over `days` event days whose market returns sum to `marketSum`; with one day it is
   * var(AR).
   */
  cumulativeVariance(days: number, marketSum: number): number;
}

/**
 * The error for abnormal returns without variance: standardizing them would divide by zero.
 * @throws never
 * @example zeroVarianceError('7011.T', 'its returns minus the market returns')
 */
export function zeroVarianceError(symbol: string, what: string): EventStudyError {
  return new EventStudyError(
    'CONSTANT_SERIES',
    `${symbol}: ${what} do not vary in the estimation window, so abnormal returns cannot be standardized.`,
  );
}
