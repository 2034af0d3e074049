/**
 * The minimum of estimation days a user may set (page, URL, command-line tool): a whole number,
 * never below the engine's floor for the model (smallestEstimationDays), refused in words naming it.
 */
import { describe, expect, it } from 'vitest';
import { smallestEstimationDays } from '../../../src/core/index.ts';
import { DEFAULT_MINIMUM_ESTIMATION_DAYS, minimumEstimationDaysProblem, readMinimumEstimationDays, smallestMinimumEstimationDays } from '../../../src/domain/estimation-minimum.ts';

describe('the minimum estimation days rule', () => {
  it("defaults to the engine's 30 and reads whole numbers only", () => {
    expect(DEFAULT_MINIMUM_ESTIMATION_DAYS).toBe(30);
    expect(readMinimumEstimationDays(' 20 ')).toEqual({ days: 20 });
    expect(readMinimumEstimationDays('2.5')).toEqual({ problem: '"2.5" is not a whole number of days, e.g. 20.' });
    expect(readMinimumEstimationDays('-3')).toEqual({ problem: '"-3" is not a whole number of days, e.g. 20.' });
    expect(readMinimumEstimationDays('1001')).toEqual({ problem: '1001 is more than the 1000 days an estimation window may hold.' });
  });

  it("accepts the engine's floor for each model and factor count, and refuses one day less naming the floor", () => {
    for (const [model, factors] of [['market', 0], ['market', 2], ['market-adjusted', 0], ['mean-adjusted', 0]] as const) {
      const floor = smallestEstimationDays(model, factors);
      expect(smallestMinimumEstimationDays(model, factors)).toBe(floor);
      expect(minimumEstimationDaysProblem(floor, model, factors)).toBeNull();
      expect(minimumEstimationDaysProblem(floor - 1, model, factors)).toContain(`At least ${floor} estimation days are needed`);
    }
    expect(minimumEstimationDaysProblem(2, 'market')).toBe('At least 3 estimation days are needed for the market model (its s² needs a degree of freedom); 2 is too few.');
    expect(minimumEstimationDaysProblem(4, 'market', 2)).toBe('At least 5 estimation days are needed for the market model with 2 factors (its s² needs a degree of freedom); 4 is too few.');
    expect(minimumEstimationDaysProblem(1, 'mean-adjusted')).toBe('At least 2 estimation days are needed for the mean-adjusted model (its s² needs a degree of freedom); 1 is too few.');
  });
});
