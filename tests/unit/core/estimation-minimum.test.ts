// The floor of minimumEstimationDays per model, and the tests with a floor of their own, on MADE-UP
// returns (seeded, see made-up-returns.ts).
import { describe, expect, it } from 'vitest';
import { studentTwoSidedPValue } from '../../../src/core/distributions';
import { isEventStudyError } from '../../../src/core/errors';
import { smallestEstimationDays } from '../../../src/core/estimation-minimum';
import { runStudy } from '../../../src/core/study';
import type { ModelKind, StudyOptions, StudyUnit } from '../../../src/core/types';
import { validateStudyOptions } from '../../../src/core/windows';
import { madeUpUnit, seededNormal } from './made-up-returns';

function optionsWith(model: ModelKind, estimationDays: number, extra: Partial<StudyOptions> = {}): StudyOptions {
  return {
    model,
    estimationWindow: { from: -10 - estimationDays, to: -11 },
    eventWindow: { from: -1, to: 1 },
    carWindows: [{ from: 0, to: 0 }, { from: -1, to: 1 }],
    minimumEstimationDays: estimationDays,
    ...extra,
  };
}

function units(): StudyUnit[] {
  return [1, 2, 3].map((seed) => {
    const unit = madeUpUnit({ symbol: `S${seed}`, seed, days: 60 });
    const normal = seededNormal(seed + 50);
    return { ...unit, factors: { SMB: unit.dates.map(() => 0.005 * normal()), HML: unit.dates.map(() => 0.005 * normal()) } };
  });
}

function rejects(options: StudyOptions): string {
  try {
    validateStudyOptions(options);
  } catch (error) {
    if (isEventStudyError(error) && error.code === 'INVALID_INPUT') return error.message;
    throw error;
  }
  throw new Error('expected INVALID_INPUT');
}

describe('smallestEstimationDays', () => {
  it('is the parameters + 1: 2 for the adjusted models, 3 for the market model, k + 2 with k regressors', () => {
    expect(smallestEstimationDays('market-adjusted')).toBe(2);
    expect(smallestEstimationDays('mean-adjusted')).toBe(2);
    expect(smallestEstimationDays('market')).toBe(3);
    expect(smallestEstimationDays('market', 3)).toBe(6);
  });

  it('is where validateStudyOptions draws the line, per model and factors', () => {
    expect(validateStudyOptions(optionsWith('market', 3)).minimumEstimationDays).toBe(3);
    expect(rejects(optionsWith('market', 2))).toContain('at least 3 for the market model');
    expect(validateStudyOptions(optionsWith('mean-adjusted', 2)).minimumEstimationDays).toBe(2);
    expect(rejects(optionsWith('market-adjusted', 1))).toContain('at least 2 for the market-adjusted model');
    expect(validateStudyOptions(optionsWith('market', 5, { factors: ['SMB', 'HML'] })).minimumEstimationDays).toBe(5);
    expect(rejects(optionsWith('market', 4, { factors: ['SMB', 'HML'] }))).toBe(
      'The minimum number of estimation days must be a whole number of at least 5 for the market model with 2 factors (its s² needs a degree of freedom), got 4.',
    );
  });

  it('keeps 30 as the default', () => {
    const { minimumEstimationDays: _, ...options } = optionsWith('market', 40);
    expect(validateStudyOptions(options).minimumEstimationDays).toBe(30);
  });
});

describe('a study at the floor', () => {
  it('market model on 3 estimation days: AR, CAR and its t from t(1); Patell and J2 give their reason', () => {
    const result = runStudy(units(), optionsWith('market', 3));
    expect(result.failures).toEqual([]);
    const security = result.securities[0]!;
    expect(security.fit.estimationDays).toBe(3);
    const window = security.windows[1]!;
    expect(window.t.pValue).toBe(studentTwoSidedPValue(window.t.statistic as number, 1));
    const tests = result.aggregate.windows[0]!.tests;
    expect(tests.patellZ.reason).toBe(
      "Patell Z: needs more than 2 degrees of freedom in every security's s² (a SAR's variance d/(d − 2)), but one has only 1; it needs at least 2 more estimation days than the model's own minimum.",
    );
    expect(tests.j2.reason).toContain('J2: needs more than 2 degrees of freedom');
    expect(tests.bmpT.statistic).not.toBeNull();
    expect(tests.j1.statistic).not.toBeNull();
    expect(result.aggregate.days[1]!.tests.patellZ.statistic).toBeNull();
  });

  it('market model on 5 days (d = 3): Patell and J2 are computed', () => {
    const result = runStudy(units(), optionsWith('market', 5));
    expect(result.aggregate.windows[0]!.tests.patellZ.statistic).not.toBeNull();
    expect(result.aggregate.windows[1]!.tests.j2.statistic).not.toBeNull();
  });

  it('mean-adjusted on 2 days and the factor model on k + 2 days fit with one degree of freedom', () => {
    const mean = runStudy(units(), optionsWith('mean-adjusted', 2));
    expect(mean.failures).toEqual([]);
    expect(mean.aggregate.windows[0]!.tests.brownWarner1985T.statistic).not.toBeNull();
    const factor = runStudy(units(), optionsWith('market', 5, { factors: ['SMB', 'HML'] }));
    expect(factor.failures).toEqual([]);
    expect(factor.securities[0]!.windows[0]!.t.pValue).toBe(studentTwoSidedPValue(factor.securities[0]!.windows[0]!.t.statistic as number, 1));
    expect(factor.aggregate.windows[0]!.tests.patellZ.reason).toContain('only 1');
  });

  it('a 20-day estimation window (the replicated multi-market study) runs with the minimum lowered to 20', () => {
    const result = runStudy(units(), optionsWith('mean-adjusted', 20));
    expect(result.failures).toEqual([]);
    expect(result.securities[0]!.fit.estimationDays).toBe(20);
  });

  it('below the minimum a security still fails with its usable days and the minimum', () => {
    const [first, ...others] = units();
    const returns = [...first!.returns];
    const zero = first!.dates.indexOf(first!.dayZero);
    returns[zero - 12] = null;
    const result = runStudy([{ ...first!, returns }, ...others], optionsWith('market', 3));
    expect(result.failures[0]?.error).toEqual({ code: 'INSUFFICIENT_ESTIMATION_DATA', message: 'S1: only 2 usable estimation days, at least 3 needed' });
  });
});
