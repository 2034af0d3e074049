// The Brown–Warner (1985) and portfolio time-series tests inside a study, on MADE-UP returns (see
// made-up-returns.ts): what they reduce to for one security, and why they say they cannot be
// computed when they cannot.
import { describe, expect, it } from 'vitest';
import { equallyWeightedPortfolio, portfolioTimeSeriesTest } from '../../../src/core/portfolio-time-series-test';
import { runStudy } from '../../../src/core/study';
import type { ModelKind, StudyOptions, StudyUnit } from '../../../src/core/types';
import { madeUpUnit } from './made-up-returns';
import { expectClose } from './synthetic-fixture';

const options: StudyOptions = {
  model: 'market',
  estimationWindow: { from: -120, to: -11 },
  eventWindow: { from: -5, to: 5 },
  carWindows: [
    { from: 0, to: 1 },
    { from: -5, to: 5 },
  ],
  minimumEstimationDays: 30,
};
const MODELS: ModelKind[] = ['market', 'market-adjusted', 'mean-adjusted'];

function withoutDay(unit: StudyUnit, relativeDay: number): StudyUnit {
  const returns = [...unit.returns];
  returns[unit.dates.indexOf(unit.dayZero) + relativeDay] = null;
  return { ...unit, returns };
}

describe('one security', () => {
  it.each(MODELS)('%s: the portfolio time-series t is the security’s own SAR and CAR t (the portfolio is the security)', (model) => {
    const result = runStudy([madeUpUnit({ symbol: 'ONE', seed: 3 })], { ...options, model });
    const [security] = result.securities;
    result.aggregate.days.forEach((day, index) => {
      expectClose(day.tests.portfolioTimeSeriesT.statistic, security?.days[index]?.sar ?? Number.NaN, `day ${day.relativeDay}`);
    });
    result.aggregate.windows.forEach((window, index) => {
      expectClose(window.tests.portfolioTimeSeriesT.statistic, security?.windows[index]?.t.statistic ?? Number.NaN, `window ${window.from}:${window.to}`);
      expectClose(window.tests.portfolioTimeSeriesT.pValue, security?.windows[index]?.t.pValue ?? Number.NaN, `window ${window.from}:${window.to} p`);
    });
  });

  it('market-adjusted: the Brown–Warner t is the SAR, since S² is then the security’s own s² (M − 1)', () => {
    const result = runStudy([madeUpUnit({ symbol: 'ONE', seed: 4 })], { ...options, model: 'market-adjusted' });
    result.aggregate.days.forEach((day, index) => {
      expectClose(day.tests.brownWarner1985T.statistic, result.securities[0]?.days[index]?.sar ?? Number.NaN, `day ${day.relativeDay}`);
    });
  });
});

describe('why the tests cannot be computed', () => {
  it('says so for a study without securities', () => {
    const result = runStudy([], options);
    for (const entry of [...result.aggregate.days, ...result.aggregate.windows]) {
      expect(entry.tests.brownWarner1985T.reason).toBe('Brown–Warner 1985 t: no securities to test.');
      expect(entry.tests.portfolioTimeSeriesT.reason).toBe('Portfolio time-series t: no securities to form a portfolio from.');
    }
  });

  it('says so when no security’s abnormal returns vary (a security equal to its market)', () => {
    const unit = madeUpUnit({ symbol: 'TOPIX', seed: 5 });
    const result = runStudy([{ ...unit, returns: unit.marketReturns }], { ...options, model: 'market-adjusted' });
    const [day] = result.aggregate.days;
    expect(day?.tests.brownWarner1985T.reason).toBe(
      'Brown–Warner 1985 t: cannot be computed, because no security\'s abnormal returns vary in the estimation window.',
    );
    expect(day?.tests.portfolioTimeSeriesT.reason).toBe(
      "Portfolio time-series t: cannot be computed, because the portfolio's abnormal returns do not vary in the estimation window (the model fits it exactly).",
    );
  });

  it('says so on a day no security has, and tests a window over the days it has', () => {
    const units = [withoutDay(madeUpUnit({ symbol: 'A', seed: 6 }), 1), withoutDay(madeUpUnit({ symbol: 'B', seed: 7 }), 1)];
    const result = runStudy(units, options);
    const dayOne = result.aggregate.days.find((day) => day.relativeDay === 1);
    expect(dayOne?.aar).toBeNull();
    expect(dayOne?.tests.brownWarner1985T.reason).toBe('Brown–Warner 1985 t: no average abnormal return on the tested days.');
    expect(dayOne?.tests.portfolioTimeSeriesT.reason).toBe('Portfolio time-series t: no security has a return on the tested days.');
    // [0, +1] keeps day 0 only: Brown–Warner's Σ AAR/(S·√1) equals day 0's t.
    const dayZero = result.aggregate.days.find((day) => day.relativeDay === 0);
    expectClose(result.aggregate.windows[0]?.tests.brownWarner1985T.statistic, dayZero?.tests.brownWarner1985T.statistic ?? Number.NaN);
    expectClose(result.aggregate.windows[0]?.tests.portfolioTimeSeriesT.statistic, dayZero?.tests.portfolioTimeSeriesT.statistic ?? Number.NaN);
  });

  it('turns a portfolio the model cannot fit into a reason: two benchmarks whose mean is constant', () => {
    const first = madeUpUnit({ symbol: 'A', seed: 8 });
    const mirrored = { ...madeUpUnit({ symbol: 'B', seed: 9 }), benchmark: 'MIRROR', marketReturns: first.marketReturns.map((value) => -(value as number)) };
    const result = runStudy([first, mirrored], options);
    expect(result.failures).toEqual([]);
    expect(result.aggregate.days[0]?.tests.portfolioTimeSeriesT.reason).toMatch(
      /^Portfolio time-series t: cannot be computed \(The portfolio: the market returns are constant in the estimation window/,
    );
  });
});

describe('equallyWeightedPortfolio and portfolioTimeSeriesTest', () => {
  it('averages each day over the members with both returns, aligned on their own day 0', () => {
    const portfolio = equallyWeightedPortfolio(
      [
        { returns: [0.01, 0.02, 0.04], marketReturns: [0.0, 0.01, 0.02], dayZeroIndex: 2 },
        { returns: [0.03, 0.05], marketReturns: [null, 0.03], dayZeroIndex: 1 },
      ],
      [-2, -1, 0],
    );
    // Day −2: the first member only (the second has no day −2); day −1: the second lacks its benchmark.
    expect(portfolio.returns).toEqual([0.01, 0.02, (0.04 + 0.05) / 2]);
    expect(portfolio.marketReturns).toEqual([0.0, 0.01, (0.02 + 0.03) / 2]);
    expect(Array.from(portfolio.members)).toEqual([1, 1, 2]);
  });

  it('rejects a return that is not a number, and a portfolio too short for its model', () => {
    expect(() => equallyWeightedPortfolio([{ returns: [Number.NaN], marketReturns: [0], dayZeroIndex: 0 }], [0])).toThrow(
      'Portfolio time-series t: member #1 has NaN on relative day 0; use null for a missing day.',
    );
    const short = equallyWeightedPortfolio([{ returns: [0.01, 0.02, 0.03], marketReturns: [0.0, 0.01, 0.02], dayZeroIndex: 2 }], [-2, -1, 0]);
    expect(() => portfolioTimeSeriesTest(short, 'market', { from: -2, to: -1 }, [{ from: 0, to: 0 }])).toThrow(
      'The portfolio: only 2 usable estimation days, at least 3 needed',
    );
  });
});
