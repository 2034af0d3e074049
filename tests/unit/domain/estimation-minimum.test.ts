/**
 * The user's minimum of estimation days (--min-estimation-days, the page's setting): a whole number,
 * never below the model's floor, which is the engine's (a study at the floor runs; one day less is
 * refused by the rule and by the engine alike).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_STUDY_OPTIONS, validateStudyOptions } from '../../../src/core/index.ts';
import type { ModelKind } from '../../../src/core/types.ts';
import { DEFAULT_MINIMUM_ESTIMATION_DAYS, estimationFloor, readMinimumEstimationDays } from '../../../src/domain/estimation-minimum.ts';

describe('readMinimumEstimationDays', () => {
  it('reads a whole number at or above the floor, lower or higher than the default of 30', () => {
    expect(DEFAULT_MINIMUM_ESTIMATION_DAYS).toBe(30);
    expect(readMinimumEstimationDays('20', 'mean-adjusted')).toEqual({ days: 20, problem: null });
    expect(readMinimumEstimationDays(' 120 ', 'market')).toEqual({ days: 120, problem: null });
    expect(readMinimumEstimationDays('5', 'market', 2)).toEqual({ days: 5, problem: null });
  });

  it('names the floor and the model when asked for less, and refuses what is not a whole number', () => {
    expect(readMinimumEstimationDays('2', 'market').problem).toBe(
      'The minimum of estimation days must be at least 3 for the market model: below that its residual variance s² has no degree of freedom left (asked for 2).',
    );
    expect(readMinimumEstimationDays('4', 'market', 2).problem).toMatch(/^The minimum of estimation days must be at least 5 for the market model with 2 factors:/);
    expect(readMinimumEstimationDays('1', 'mean-adjusted').problem).toMatch(/at least 2 for the mean-adjusted model/);
    for (const text of ['', '20.5', '-3', 'twenty', '1e2']) {
      expect(readMinimumEstimationDays(text, 'market').problem).toBe(`The minimum of estimation days must be a whole number of trading days, not "${text}".`);
    }
  });

  it('has the floor the engine enforces, for every model and factor count', () => {
    const models: [ModelKind, number][] = [['market', 0], ['market', 1], ['market', 3], ['market-adjusted', 0], ['mean-adjusted', 0]];
    for (const [model, factorCount] of models) {
      const { days } = estimationFloor(model, factorCount);
      const factors = Array.from({ length: factorCount }, (_, index) => `F${index}`);
      const options = (minimumEstimationDays: number) => ({ ...DEFAULT_STUDY_OPTIONS, model, factors, minimumEstimationDays });
      expect(() => validateStudyOptions(options(days))).not.toThrow();
      expect(() => validateStudyOptions(options(days - 1))).toThrow(/minimum number of estimation days/);
      expect(readMinimumEstimationDays(String(days - 1), model, factorCount).problem).not.toBeNull();
    }
  });
});
