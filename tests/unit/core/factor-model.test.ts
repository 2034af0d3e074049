// The factor model's OLS and its behaviour in a study, on MADE-UP returns and factors (seeded, see
// made-up-returns.ts) and small hand examples. The reference numbers are in factor-model-reference.
import { describe, expect, it } from 'vitest';
import { studentTwoSidedPValue } from '../../../src/core/distributions';
import { isEventStudyError, type EventStudyError } from '../../../src/core/errors';
import { fitFactorModel } from '../../../src/core/factor-model';
import { fitMarketModel } from '../../../src/core/market-model';
import { centredQuadraticForm, multipleRegression } from '../../../src/core/multiple-regression';
import { runStudy } from '../../../src/core/study';
import type { StudyOptions, StudyUnit } from '../../../src/core/types';
import { validateStudyOptions } from '../../../src/core/windows';
import { madeUpUnit, seededNormal } from './made-up-returns';
import { expectClose } from './synthetic-fixture';

function errorOf(action: () => unknown): EventStudyError {
  try {
    action();
  } catch (error) {
    if (isEventStudyError(error)) return error;
    throw error;
  }
  throw new Error('expected a typed error');
}

/** A made-up unit with made-up factors SMB and HML (seeded normal noise) and a loading on each. */
function factorUnit(seed: number, loadings = [0.4, -0.3]): StudyUnit {
  const unit = madeUpUnit({ symbol: `F${seed}`, seed });
  const normal = seededNormal(seed + 1000);
  const smb = unit.dates.map(() => 0.005 * normal());
  const hml = unit.dates.map(() => 0.004 * normal());
  const returns = unit.returns.map((value, index) => (value as number) + loadings[0]! * smb[index]! + loadings[1]! * hml[index]!);
  return { ...unit, returns, factors: { SMB: smb, HML: hml } };
}

const OPTIONS: StudyOptions = {
  model: 'market',
  estimationWindow: { from: -250, to: -11 },
  eventWindow: { from: -5, to: 10 },
  carWindows: [{ from: 0, to: 0 }, { from: -1, to: 1 }],
};

describe('multipleRegression (Householder QR on centred data)', () => {
  it('recovers an exact fit by hand: y = 1 + 2·x₁ + 1·x₂', () => {
    const fit = multipleRegression([1, 3, 5, 8], [[0, 1, 2, 3], [0, 0, 0, 1]]);
    expectClose(fit.intercept, 1, 'a', 1e-13);
    expectClose(fit.slopes[0], 2, 'b1', 1e-13);
    expectClose(fit.slopes[1], 1, 'b2', 1e-13);
    expect(fit.residualSumOfSquares).toBeLessThan(1e-28);
  });

  it('with one regressor equals the closed-form line, and d\'(Z\'Z)⁻¹d is d²/Σ(x − x̄)²', () => {
    const x = [0.01, -0.02, 0.015, 0.003, -0.007];
    const y = [0.012, -0.018, 0.031, 0.002, -0.01];
    const fit = multipleRegression(y, [x]);
    const mean = x.reduce((sum, value) => sum + value, 0) / x.length;
    const sxx = x.reduce((sum, value) => sum + (value - mean) ** 2, 0);
    const sxy = x.reduce((sum, value, index) => sum + (value - mean) * (y[index]! - y.reduce((a, b) => a + b, 0) / y.length), 0);
    expectClose(fit.slopes[0], sxy / sxx, 'slope', 1e-13);
    expectClose(centredQuadraticForm(fit, [0.02]), 0.0004 / sxx, 'quadratic form', 1e-13);
  });

  it('keeps its digits when a regressor is a level with a large mean (1e8 + noise), where X\'X would lose them', () => {
    const normal = seededNormal(7);
    const x1 = Array.from({ length: 200 }, () => 0.01 * normal());
    const noise = Array.from({ length: 200 }, () => 0.01 * normal());
    const level = noise.map((value) => 1e8 + value);
    // y is exactly 0.5 + 2·x₁ + 3·(level − 1e8) = (0.5 − 3e8) + 2·x₁ + 3·level.
    const y = x1.map((value, index) => 0.5 + 2 * value + 3 * noise[index]!);
    const fit = multipleRegression(y, [x1, level]);
    expectClose(fit.slopes[0], 2, 'b1', 1e-7);
    expectClose(fit.slopes[1], 3, 'b2', 1e-7);
  });

  it('names a constant regressor (CONSTANT_SERIES) and a collinear one (INVALID_INPUT)', () => {
    const x = [0.01, -0.02, 0.015, 0.003, -0.007];
    const y = [0.012, -0.018, 0.031, 0.002, -0.01];
    const constant = errorOf(() => multipleRegression(y, [x, [1, 1, 1, 1, 1]], ['the market', 'SMB']));
    expect(constant.code).toBe('CONSTANT_SERIES');
    expect(constant.message).toBe('SMB does not vary, so its slope is undefined.');
    const collinear = errorOf(() => multipleRegression(y, [x, x.map((value) => 2 * value + 0.001)], ['the market', 'SMB']));
    expect(collinear.code).toBe('INVALID_INPUT');
    expect(collinear.message).toBe('SMB is a linear combination of the market (to 1e-7 of its spread), so the slopes are not identified.');
    expect(errorOf(() => multipleRegression([1, 2], [[1, 2], [3, 5]])).message).toContain('2 observations cannot identify an intercept and 2 slopes');
  });
});

describe('fitFactorModel', () => {
  it('with no factor is the market model (k = 1) to rounding', () => {
    const unit = madeUpUnit({ symbol: 'K1', seed: 3 });
    const sample = { securityReturns: unit.returns.slice(0, 240) as number[], marketReturns: unit.marketReturns.slice(0, 240) as number[] };
    const general = fitFactorModel(sample, [], 'K1');
    const closed = fitMarketModel(sample, 'K1');
    expectClose(general.fit.alpha, closed.fit.alpha as number, 'alpha', 1e-12);
    expectClose(general.fit.beta, closed.fit.beta as number, 'beta', 1e-12);
    expectClose(general.fit.s2, closed.fit.s2, 's2', 1e-12);
    expect(general.degreesOfFreedom).toBe(238);
    expectClose(general.cumulativeVariance(3, 0.05), closed.cumulativeVariance(3, 0.05), 'var CAR', 1e-12);
    expectClose(general.expectedReturn(0.02), closed.expectedReturn(0.02), 'E[R]', 1e-12);
  });

  it('needs k + 2 days: 4 days fit two regressors with one degree of freedom, 3 do not', () => {
    const sample = { securityReturns: [0.01, 0.03, 0.05, 0.08], marketReturns: [0, 0.01, 0.02, 0.03], factors: [[0, 0, 0.01, 0.005]] };
    expect(fitFactorModel(sample, ['SMB'], 'S').degreesOfFreedom).toBe(1);
    const short = { securityReturns: [0.01, 0.03, 0.05], marketReturns: [0, 0.01, 0.02], factors: [[0, 0, 0.01]] };
    expect(errorOf(() => fitFactorModel(short, ['SMB'], 'S')).code).toBe('INSUFFICIENT_ESTIMATION_DATA');
  });
});

describe('a study with factors', () => {
  it('recovers the made-up loadings and reports them by name, with M − 4 degrees of freedom', () => {
    const result = runStudy([factorUnit(11)], { ...OPTIONS, factors: ['SMB', 'HML'] });
    expect(result.failures).toEqual([]);
    expect(result.options.factors).toEqual(['SMB', 'HML']);
    const { fit } = result.securities[0]!;
    expect(fit.factorBetas?.map((entry) => entry.factor)).toEqual(['SMB', 'HML']);
    expect(Math.abs((fit.factorBetas?.[0]?.beta ?? 0) - 0.4)).toBeLessThan(0.5);
    expect(Math.abs((fit.factorBetas?.[1]?.beta ?? 0) + 0.3)).toBeLessThan(0.5);
    expect(fit.estimationDays).toBe(240);
    // The CAR t's p-value comes from t(M − k − 1) = t(236).
    const window = result.securities[0]!.windows[0]!;
    expect(window.t.statistic).toBe(window.scar);
    expect(window.t.pValue).toBe(studentTwoSidedPValue(window.scar as number, 236));
  });

  it('leaves the options without `factors` for the market model, so existing results are unchanged', () => {
    expect('factors' in validateStudyOptions(OPTIONS)).toBe(false);
    expect('factors' in validateStudyOptions({ ...OPTIONS, factors: [] })).toBe(false);
    const plain = runStudy([factorUnit(12)], OPTIONS);
    expect(plain.securities[0]?.fit.factorBetas).toBeUndefined();
  });

  it('counts a day missing any factor as a lost day, in the estimation and the event window', () => {
    const unit = factorUnit(13);
    const zero = unit.dates.indexOf(unit.dayZero);
    const hml = [...(unit.factors?.HML ?? [])];
    hml[zero - 100] = null;
    hml[zero + 1] = null;
    const result = runStudy([{ ...unit, factors: { ...unit.factors, HML: hml } }], { ...OPTIONS, factors: ['SMB', 'HML'] });
    const security = result.securities[0]!;
    expect(security.fit.estimationDays).toBe(239);
    expect(security.lostDays).toBe(2);
    expect(security.days.find((day) => day.relativeDay === 1)?.ar).toBeNull();
    expect(security.windows[1]?.car).toBe((security.days.find((day) => day.relativeDay === -1)?.ar ?? 0) + (security.days.find((day) => day.relativeDay === 0)?.ar ?? 0));
    // The same unit without the factor model loses nothing.
    expect(runStudy([unit], OPTIONS).securities[0]?.lostDays).toBe(0);
  });

  it('says "no securities" for Patell Z and J2 on a day every security lost, not a degree-of-freedom shortfall of Infinity', () => {
    const units = [factorUnit(15), factorUnit(16)].map((unit) => {
      const zero = unit.dates.indexOf(unit.dayZero);
      const smb = [...(unit.factors?.SMB ?? [])];
      smb[zero] = null;
      return { ...unit, factors: { ...unit.factors, SMB: smb } };
    });
    const dayZero = runStudy(units, { ...OPTIONS, factors: ['SMB', 'HML'] }).aggregate.days.find((day) => day.relativeDay === 0);
    expect(dayZero?.tests.patellZ.reason).toBe('Patell Z: no securities to test.');
    expect(dayZero?.tests.j2.reason).toBe('J2: no securities to test.');
  });

  it('fails a security alone, by name, when its factor is missing, misaligned, not finite or collinear', () => {
    const good = factorUnit(14);
    const zero = good.dates.indexOf(good.dayZero);
    const withNaN = [...(good.factors?.SMB ?? [])];
    withNaN[zero - 30] = Number.NaN;
    const units: StudyUnit[] = [
      good,
      { ...good, id: 'none', symbol: 'NONE', factors: { SMB: good.factors?.SMB ?? [] } },
      { ...good, id: 'short', symbol: 'SHORT', factors: { ...good.factors, HML: [0.01] } },
      { ...good, id: 'nan', symbol: 'NAN', factors: { ...good.factors, SMB: withNaN } },
      { ...good, id: 'collinear', symbol: 'COLL', factors: { ...good.factors, HML: good.marketReturns.map((value) => 2 * (value as number)) } },
    ];
    const result = runStudy(units, { ...OPTIONS, factors: ['SMB', 'HML'] });
    expect(result.securities.map((security) => security.id)).toEqual([good.id]);
    const messages = Object.fromEntries(result.failures.map((failure) => [failure.id, failure.error]));
    expect(messages.none).toEqual({ code: 'INVALID_INPUT', message: "NONE: the study's factor model uses the factor HML, but this security has no HML series." });
    expect(messages.short?.message).toContain('SHORT: the factor HML has 1 values for 300 dates');
    expect(messages.nan?.message).toBe(`The factor SMB on ${good.dates[zero - 30]} is NaN, not a finite number (use null for a missing day).`);
    expect(messages.collinear?.message).toBe('COLL: HML is a linear combination of the market, SMB (to 1e-7 of its spread), so the slopes are not identified.');
  });

  it('rejects factors with another model, named twice or blank', () => {
    expect(errorOf(() => validateStudyOptions({ ...OPTIONS, model: 'mean-adjusted', factors: ['SMB'] })).message).toBe(
      'Factors extend the market model; the mean-adjusted model takes none (choose the market model to add SMB).',
    );
    expect(errorOf(() => validateStudyOptions({ ...OPTIONS, factors: ['SMB', 'SMB'] })).message).toBe('The factor SMB is named twice.');
    expect(errorOf(() => validateStudyOptions({ ...OPTIONS, factors: [' '] })).code).toBe('INVALID_INPUT');
  });
});
