// Portfolio time-series test (Jaffe 1974; Mandelker 1974) on the SYNTHETIC fixture, to 1e-9
// relative: the market model against textbook_portfolio_ts_*.csv (base R, textbook_portfolio_ts.R),
// and every model, with and without missing days and with a unit on another day 0 and benchmark,
// against kabuto_portfolio_ts*.csv (base R, kabuto_dependence_tests.R, which forms V = s²(I +
// X*(X'X)⁻¹X*') by matrix algebra rather than the engine's closed forms). Both scripts sit in the
// fixture folder and are run by hand.
import { describe, expect, it } from 'vitest';
import { equallyWeightedPortfolio, portfolioTimeSeriesTest } from '../../../src/core/portfolio-time-series-test';
import { studyRelativeDays } from '../../../src/core/security-analysis';
import { runStudy } from '../../../src/core/study';
import type { DayRange, ModelKind, StudyResult, StudyUnit } from '../../../src/core/types';
import { validateStudyOptions } from '../../../src/core/windows';
import {
  cell,
  DAY_ZERO,
  ESTIMATION_WINDOW,
  EVENT_WINDOW,
  expectClose,
  fixtureOptions,
  gapScenarioUnits,
  readFixture,
  type Row,
  syntheticUnits,
} from './synthetic-fixture';

const MODELS: { model: ModelKind; prefix: string }[] = [
  { model: 'market', prefix: 'sim' },
  { model: 'market-adjusted', prefix: 'mrkt_adj' },
  { model: 'mean-adjusted', prefix: 'mean_adj' },
];

function portfolioOf(units: readonly StudyUnit[], windows: readonly DayRange[], model: ModelKind) {
  const members = units.map((unit) => ({ returns: unit.returns, marketReturns: unit.marketReturns, dayZeroIndex: unit.dates.indexOf(unit.dayZero) }));
  const relativeDays = studyRelativeDays(validateStudyOptions(fixtureOptions(model)));
  return portfolioTimeSeriesTest(equallyWeightedPortfolio(members, relativeDays), model, ESTIMATION_WINDOW, windows);
}

function windowTest(result: StudyResult, from: number, to: number) {
  const window = result.aggregate.windows.find((entry) => entry.from === from && entry.to === to);
  if (!window) throw new Error(`no window ${from}:${to}`);
  return window.tests.portfolioTimeSeriesT;
}

describe('market model against the textbook computation (textbook_portfolio_ts_*)', () => {
  const dates = syntheticUnits()[0]?.dates ?? [];
  const relativeDayOf = (date: string | undefined) => dates.indexOf(date ?? '') - dates.indexOf(DAY_ZERO);
  const dailyRows = readFixture('textbook_portfolio_ts_daily.csv');
  const windowRows = readFixture('textbook_portfolio_ts_windows.csv');
  const windows = windowRows.map((row) => ({ from: relativeDayOf(row.from), to: relativeDayOf(row.to) }));
  const days = dailyRows.map((row) => ({ from: relativeDayOf(row.date), to: relativeDayOf(row.date) }));

  it('fits α, β, s² = SSE/(M − 2) with M − 2 degrees of freedom', () => {
    const [row] = readFixture('textbook_portfolio_ts_coefficients.csv') as [Row];
    const { fit, degreesOfFreedom } = portfolioOf(syntheticUnits(), [], 'market');
    expectClose(fit.alpha, cell(row, 'alpha'), 'alpha');
    expectClose(fit.beta, cell(row, 'beta'), 'beta');
    expectClose(fit.s2, cell(row, 's2'), 's2');
    expect(fit.estimationDays).toBe(cell(row, 'M'));
    expect(degreesOfFreedom).toBe(cell(row, 'df'));
  });

  it('matches AR_p, its forecast-error-corrected variance, t and p on every event day', () => {
    expect(days.map((day) => day.from)).toEqual(Array.from({ length: EVENT_WINDOW.to - EVENT_WINDOW.from + 1 }, (_, index) => EVENT_WINDOW.from + index));
    const tested = portfolioOf(syntheticUnits(), days, 'market').windows;
    const study = runStudy(syntheticUnits(), fixtureOptions('market', []));
    dailyRows.forEach((row, index) => {
      const label = row.date ?? '';
      expectClose(tested[index]?.car, cell(row, 'ar'), `${label} AR`);
      expectClose(tested[index]?.variance, cell(row, 'var_ar'), `${label} var`);
      expectClose(tested[index]?.test.statistic, cell(row, 't'), `${label} t`);
      expectClose(tested[index]?.test.pValue, cell(row, 'p'), `${label} p`);
      const day = study.aggregate.days[index];
      expect(day?.date).toBe(row.date);
      expectClose(day?.tests.portfolioTimeSeriesT.statistic, cell(row, 't'), `${label} study t`);
      expectClose(day?.tests.portfolioTimeSeriesT.pValue, cell(row, 'p'), `${label} study p`);
      // With every return present the portfolio's AR is the AAR: only the variance differs.
      expectClose(day?.aar, cell(row, 'ar'), `${label} AAR`);
    });
  });

  it("matches CAR_p, the exact γ'Vγ, t and p over every window", () => {
    const tested = portfolioOf(syntheticUnits(), windows, 'market').windows;
    const study = runStudy(syntheticUnits(), fixtureOptions('market', windows));
    windowRows.forEach((row, index) => {
      const { from, to } = windows[index] as DayRange;
      const label = `${from}:${to}`;
      expect(tested[index]?.days).toBe(to - from + 1);
      expectClose(tested[index]?.car, cell(row, 'car'), `${label} CAR`);
      expectClose(tested[index]?.variance, cell(row, 'var_car'), `${label} var`);
      expectClose(tested[index]?.test.statistic, cell(row, 't'), `${label} t`);
      expectClose(tested[index]?.test.pValue, cell(row, 'p'), `${label} p`);
      expectClose(windowTest(study, from, to).statistic, cell(row, 't'), `${label} study t`);
      expectClose(windowTest(study, from, to).pValue, cell(row, 'p'), `${label} study p`);
    });
  });
});

describe.each(MODELS)('$model model against the base-R matrix computation (kabuto_portfolio_ts*)', ({ model, prefix }) => {
  it.each(['base', 'gaps'])('%s: coefficients, CAR_p, γ\'Vγ, t and p on every day and window', (scenario) => {
    const units = scenario === 'base' ? syntheticUnits() : gapScenarioUnits();
    const [coefficients] = readFixture('kabuto_portfolio_ts_coefficients.csv').filter((row) => row.model === prefix && row.scenario === scenario) as [Row];
    const rows = readFixture('kabuto_portfolio_ts.csv').filter((row) => row.model === prefix && row.scenario === scenario);
    const windows = rows.map((row) => ({ from: cell(row, 'from'), to: cell(row, 'to') }));
    const { fit, degreesOfFreedom, windows: tested } = portfolioOf(units, windows, model);
    if (model === 'market') expectClose(fit.alpha, cell(coefficients, 'alpha'), 'alpha');
    else expect(fit.alpha).toBeNull();
    if (model === 'mean-adjusted') expect(fit.beta).toBeNull();
    else expectClose(fit.beta, cell(coefficients, 'beta'), 'beta');
    expectClose(fit.s2, cell(coefficients, 's2'), 's2');
    expect(fit.estimationDays).toBe(cell(coefficients, 'M'));
    expect(degreesOfFreedom).toBe(cell(coefficients, 'df'));
    const study = runStudy(units, fixtureOptions(model, [...new Map(windows.map((window) => [`${window.from}:${window.to}`, window])).values()]));
    expect(study.failures).toEqual([]);
    rows.forEach((row, index) => {
      const { from, to } = windows[index] as DayRange;
      const label = `${scenario} ${from}:${to}`;
      expect(tested[index]?.days).toBe(cell(row, 'days'));
      expectClose(tested[index]?.car, cell(row, 'car'), `${label} CAR`);
      expectClose(tested[index]?.variance, cell(row, 'var_car'), `${label} var`);
      const studyTests = [windowTest(study, from, to), ...(from === to ? [study.aggregate.days.find((day) => day.relativeDay === from)?.tests.portfolioTimeSeriesT] : [])];
      for (const test of [tested[index]?.test, ...studyTests]) {
        expectClose(test?.statistic, cell(row, 't'), `${label} t`);
        expectClose(test?.pValue, cell(row, 'p'), `${label} p`);
      }
    });
  });
});
