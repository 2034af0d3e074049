// Hand-worked cases for BHAR and the OLS line (numbers in the comments).
import { describe, expect, it } from 'vitest';
import { buyAndHoldAbnormalReturn } from '../../../src/core/bhar';
import { EventStudyError } from '../../../src/core/errors';
import { isConstant, ordinaryLeastSquares } from '../../../src/core/ordinary-least-squares';
import { expectClose } from './synthetic-fixture';

describe('buyAndHoldAbnormalReturn', () => {
  it('is Π(1 + R_i) − Π(1 + R_m)', () => {
    // 1.1·1.1 − 1.05·1.0 = 1.21 − 1.05
    expectClose(buyAndHoldAbnormalReturn([0.1, 0.1], [0.05, 0]), 0.16);
  });

  it('compounds log returns as e^r', () => {
    expectClose(buyAndHoldAbnormalReturn([Math.log(1.1), Math.log(1.1)], [Math.log(1.05), 0], 'log'), 0.16);
  });

  it('skips days where either return is missing and is null when none is left', () => {
    expectClose(buyAndHoldAbnormalReturn([0.1, null, 0.1], [0.05, 0.3, 0]), 0.16);
    expect(buyAndHoldAbnormalReturn([null], [0.01])).toBeNull();
  });
});

describe('ordinaryLeastSquares', () => {
  it('fits y = a + b·x', () => {
    // y = 1 + 2x exactly; then a noisy case: x = 0,1,2,3, y = 1,3,4,8 → b = 2.2, a = 0.7, SSE = 1.8
    expect(ordinaryLeastSquares([1, 3, 5], [0, 1, 2])).toMatchObject({ intercept: 1, slope: 2, residualSumOfSquares: 0 });
    const line = ordinaryLeastSquares([1, 3, 4, 8], [0, 1, 2, 3]);
    expectClose(line.slope, 2.2);
    expectClose(line.intercept, 0.7);
    expectClose(line.residualSumOfSquares, 1.8);
    expectClose(line.totalSumOfSquares, 26);
    expectClose(line.regressorSumOfSquares, 5);
  });

  it('throws CONSTANT_SERIES when the regressor does not vary', () => {
    expect(() => ordinaryLeastSquares([1, 2, 3], [0.5, 0.5, 0.5])).toThrow(EventStudyError);
    expect(isConstant([0.5, 0.5])).toBe(true);
    expect(isConstant([0.5, 0.5000000001])).toBe(false);
  });
});
