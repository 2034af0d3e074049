// Leaving given dates out of the estimation sample (StudyUnit.estimationExclusions), checked against
// a market model fitted by hand, in this file, on the reduced sample: the textbook formulas of
// MacKinlay (1997, §4: OLS α̂, β̂, σ̂² = SSE/(M − 2), var(AR) = σ̂²(1 + 1/M + (Rm − R̄m)²/Σ(Rm − R̄m)²)).
// MADE-UP returns (tests/unit/core/made-up-returns.ts).
import { describe, expect, it } from 'vitest';
import { DEFAULT_STUDY_OPTIONS, runStudy } from '../../../src/core/index.ts';
import type { StudyUnit } from '../../../src/core/types.ts';
import { madeUpUnit } from './made-up-returns.ts';

const OPTIONS = DEFAULT_STUDY_OPTIONS;

function unitWithHole(seed: number): StudyUnit {
  // A missing return on day −100, so lost and left-out days are told apart.
  const unit = madeUpUnit({ symbol: `MADE_UP_${seed}`, seed, days: 400, dayZeroIndex: 350 });
  const returns = [...unit.returns];
  returns[250] = null;
  return { ...unit, returns };
}

/** The dates of relative days from..to of a unit. */
function datesOf(unit: StudyUnit, from: number, to: number): string[] {
  const zero = unit.dates.indexOf(unit.dayZero);
  return unit.dates.slice(zero + from, zero + to + 1);
}

/** The market model by hand on the estimation days that hold both returns and are not left out. */
function handFit(unit: StudyUnit, leftOut: ReadonlySet<string>) {
  const zero = unit.dates.indexOf(unit.dayZero);
  const y: number[] = [];
  const x: number[] = [];
  for (let index = zero + OPTIONS.estimationWindow.from; index <= zero + OPTIONS.estimationWindow.to; index += 1) {
    const value = unit.returns[index];
    const market = unit.marketReturns[index];
    if (leftOut.has(unit.dates[index] as string) || value === null || value === undefined || market === null || market === undefined) continue;
    y.push(value);
    x.push(market);
  }
  const m = y.length;
  const meanX = x.reduce((sum, value) => sum + value, 0) / m;
  const meanY = y.reduce((sum, value) => sum + value, 0) / m;
  let sxx = 0;
  let sxy = 0;
  for (let index = 0; index < m; index += 1) {
    sxx += ((x[index] as number) - meanX) ** 2;
    sxy += ((x[index] as number) - meanX) * ((y[index] as number) - meanY);
  }
  const beta = sxy / sxx;
  const alpha = meanY - beta * meanX;
  const sse = y.reduce((sum, value, index) => sum + (value - alpha - beta * (x[index] as number)) ** 2, 0);
  const s2 = sse / (m - 2);
  const day0Market = unit.marketReturns[zero] as number;
  const ar = (unit.returns[zero] as number) - alpha - beta * day0Market;
  const arVariance = s2 * (1 + 1 / m + (day0Market - meanX) ** 2 / sxx);
  return { m, alpha, beta, s2, ar, arVariance };
}

function expectClose(actual: number | null | undefined, expected: number, label: string): void {
  expect(typeof actual, label).toBe('number');
  expect(Math.abs((actual as number) - expected), label).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

describe('estimationExclusions: dates left out of the estimation sample', () => {
  const unit = unitWithHole(7);
  const leftOut = datesOf(unit, -120, -105); // 16 days, as an event window [−5, +10] around day −115
  const result = runStudy([{ ...unit, estimationExclusions: leftOut }], OPTIONS);
  const security = result.securities[0];
  if (!security) throw new Error(JSON.stringify(result.failures));

  it('fits the model on the reduced sample exactly as a hand computation does', () => {
    const hand = handFit(unit, new Set(leftOut));
    expect(security.fit.estimationDays).toBe(hand.m);
    expect(hand.m).toBe(240 - 1 - 16);
    expectClose(security.fit.alpha, hand.alpha, 'alpha');
    expectClose(security.fit.beta, hand.beta, 'beta');
    expectClose(security.fit.s2, hand.s2, 's2');
    const day0 = security.days.find((day) => day.relativeDay === 0);
    expectClose(day0?.ar, hand.ar, 'AR(0)');
    expectClose(day0?.arVariance, hand.arVariance, 'var AR(0)');
  });

  it('counts the days left out apart from the days lost', () => {
    expect(security.excludedDays).toBe(16);
    expect(security.lostDays).toBe(1);
    expect(runStudy([unit], OPTIONS).securities[0]).toMatchObject({ excludedDays: 0, lostDays: 1 });
  });

  it('ignores dates outside the estimation window', () => {
    const outside = [...datesOf(unit, -5, 10), ...datesOf(unit, -300, -260), '1999-01-01'];
    const same = runStudy([{ ...unit, estimationExclusions: outside }], OPTIONS);
    expect(same).toEqual(runStudy([unit], OPTIONS));
  });

  it('treats a left-out day like a missing one in every test, and strict estimation does not count it missing', () => {
    const units = [unitWithHole(7), unitWithHole(8), unitWithHole(9)];
    const excluded = runStudy(units.map((item) => ({ ...item, estimationExclusions: leftOut })), OPTIONS);
    const nulled = runStudy(
      units.map((item) => ({ ...item, returns: item.returns.map((value, index) => (leftOut.includes(item.dates[index] as string) ? null : value)) })),
      OPTIONS,
    );
    expect(excluded.aggregate).toEqual(nulled.aggregate);
    expect(excluded.aggregate.windows[0]?.tests.brownWarner1985T.statistic).not.toBeNull();
    expect(excluded.aggregate.windows[0]?.tests.portfolioTimeSeriesT.statistic).not.toBeNull();
    // The same with a factor model: a left-out day drops its factor values too.
    const withFactor = (unit: StudyUnit, seed: number): StudyUnit => ({ ...unit, factors: { F1: madeUpUnit({ symbol: 'F', seed: seed + 100, days: 400 }).marketReturns } });
    const factorOptions = { ...OPTIONS, factors: ['F1'] };
    const factorExcluded = runStudy(units.map((item, index) => ({ ...withFactor(item, index), estimationExclusions: leftOut })), factorOptions);
    const factorNulled = runStudy(
      units.map((item, index) => ({ ...withFactor(item, index), returns: item.returns.map((value, day) => (leftOut.includes(item.dates[day] as string) ? null : value)) })),
      factorOptions,
    );
    expect(factorExcluded.aggregate).toEqual(factorNulled.aggregate);
    expect(factorExcluded.securities.map((security) => security.fit.estimationDays)).toEqual(factorNulled.securities.map((security) => security.fit.estimationDays));
    const clean = madeUpUnit({ symbol: 'MADE_UP_CLEAN', seed: 11, days: 400, dayZeroIndex: 350 });
    const strict = runStudy([{ ...clean, estimationExclusions: leftOut }], { ...OPTIONS, strictEstimation: true });
    expect(strict.failures).toEqual([]);
    expect(strict.securities[0]?.excludedDays).toBe(16);
  });
});
