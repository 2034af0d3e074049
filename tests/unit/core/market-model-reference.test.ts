// Reproduces the market-model numbers of the SYNTHETIC reference fixture to 1e-9 relative:
// textbook_mackinlay_* (base R from MacKinlay 1997) and estudy2 0.10.0 (`sim` = market model OLS).
import { describe, expect, it } from 'vitest';
import { fitMarketModel } from '../../../src/core/market-model';
import type { SecurityResult } from '../../../src/core/types';
import {
  cell,
  DAY_ZERO,
  ESTIMATION_WINDOW,
  expectClose,
  readFixture,
  runFixtureStudy,
  SECURITIES,
  syntheticUnits,
  windowOf,
  windowsFile,
} from './synthetic-fixture';

const result = runFixtureStudy('market');

function security(symbol: string | undefined): SecurityResult {
  const found = result.securities.find((candidate) => candidate.symbol === symbol);
  if (!found) throw new Error(`no result for ${symbol}`);
  return found;
}

describe('market model against the MacKinlay textbook computation', () => {
  const rows = readFixture('textbook_mackinlay_per_security.csv');

  it('covers every security and event day of the fixture', () => {
    expect(rows).toHaveLength(SECURITIES.length * windowsFile.event.L);
    expect(result.securities.map((entry) => entry.fit.estimationDays)).toEqual(SECURITIES.map(() => windowsFile.estimation.M));
    expect(result.securities.map((entry) => entry.lostDays)).toEqual([0, 0, 0, 0, 0]);
  });

  it('matches α, β and s² = SSE/(M−2)', () => {
    for (const row of rows) {
      const { fit } = security(row.security);
      expectClose(fit.alpha, cell(row, 'alpha'), `${row.security} alpha`);
      expectClose(fit.beta, cell(row, 'beta'), `${row.security} beta`);
      expectClose(fit.s2, cell(row, 's2_M_minus_2'), `${row.security} s2`);
    }
  });

  it('matches every AR, var(AR), SAR, cumulative CAR, exact var(CAR), SCAR, t and p', () => {
    for (const row of rows) {
      const day = security(row.security).days.find((entry) => entry.relativeDay === cell(row, 'rel_day'));
      const label = `${row.security} day ${row.rel_day}`;
      expect(day?.date, label).toBe(row.date);
      expectClose(day?.ar, cell(row, 'AR'), `${label} AR`);
      expectClose(day?.arVariance, cell(row, 'var_AR'), `${label} var AR`);
      expectClose(day?.sar, cell(row, 'SAR'), `${label} SAR`);
      expectClose(day?.car, cell(row, 'CAR'), `${label} CAR`);
      expectClose(day?.carVariance, cell(row, 'var_CAR_exact'), `${label} var CAR`);
      expectClose(day?.scar, cell(row, 'SCAR'), `${label} SCAR`);
    }
  });

  it('matches t and two-sided p of every cumulative CAR window [-5, k] (t with M − 2 df)', () => {
    for (const row of rows) {
      const to = cell(row, 'rel_day');
      const window = security(row.security).windows.find((entry) => entry.from === -5 && entry.to === to);
      expectClose(window?.t.statistic, cell(row, 't_CAR'), `${row.security} [-5,${to}] t`);
      expectClose(window?.t.pValue, cell(row, 'p_CAR_t'), `${row.security} [-5,${to}] p`);
    }
  });

  it('matches CAR, exact and not simple var(CAR), SCAR, t and p of the named windows', () => {
    const named = readFixture('textbook_mackinlay_car_windows_per_security.csv');
    const study = runFixtureStudy('market', [...new Set(named.map((row) => row.window))].map(windowOf));
    for (const row of named) {
      const { from, to } = windowOf(row.window);
      const window = study.securities
        .find((entry) => entry.symbol === row.security)
        ?.windows.find((entry) => entry.from === from && entry.to === to);
      const label = `${row.security} ${row.window}`;
      expectClose(window?.car, cell(row, 'CAR'), `${label} CAR`);
      expectClose(window?.carVariance, cell(row, 'var_CAR_exact'), `${label} var`);
      if (to > from) expect(window?.carVariance).not.toBeCloseTo(cell(row, 'var_CAR_simple'), 9);
      expectClose(window?.scar, cell(row, 'SCAR'), `${label} SCAR`);
      expectClose(window?.t.statistic, cell(row, 't_CAR'), `${label} t`);
      expectClose(window?.t.pValue, cell(row, 'p_t_CAR'), `${label} p`);
    }
  });
});

describe('market model against estudy2 (independent R implementation)', () => {
  it('matches estudy2 α and β', () => {
    for (const row of readFixture('estudy2_sim_coefficients.csv')) {
      const { fit } = security(row.security);
      expectClose(fit.alpha, cell(row, 'alpha'), `${row.security} alpha`);
      expectClose(fit.beta, cell(row, 'beta'), `${row.security} beta`);
      expect(fit.estimationDays).toBe(cell(row, 'estimation_length_M'));
    }
  });

  it('matches estudy2 predicted and abnormal returns on every date, estimation window included', () => {
    const units = syntheticUnits();
    const models = new Map(
      units.map((unit) => {
        const start = unit.dates.indexOf(DAY_ZERO) + ESTIMATION_WINDOW.from;
        const end = unit.dates.indexOf(DAY_ZERO) + ESTIMATION_WINDOW.to + 1;
        const sample = {
          securityReturns: unit.returns.slice(start, end) as number[],
          marketReturns: unit.marketReturns.slice(start, end) as number[],
        };
        return [unit.symbol, fitMarketModel(sample, unit.symbol)];
      }),
    );
    const rows = readFixture('estudy2_sim_ar_all_dates.csv');
    expect(rows.length).toBe(units.length * (units[0]?.dates.length ?? 0));
    for (const row of rows) {
      const model = models.get(row.security ?? '');
      const expected = model?.expectedReturn(cell(row, 'market')) ?? Number.NaN;
      expectClose(expected, cell(row, 'predicted'), `${row.security} ${row.date} predicted`);
      expectClose(cell(row, 'observed') - expected, cell(row, 'abnormal'), `${row.security} ${row.date} AR`);
    }
  });

  it('matches estudy2 event-window AR and CAR', () => {
    for (const row of readFixture('estudy2_sim_event_ar_car.csv')) {
      const day = security(row.security).days.find((entry) => entry.date === row.date);
      expectClose(day?.ar, cell(row, 'abnormal'), `${row.security} ${row.date} AR`);
      expectClose(day?.car, cell(row, 'CAR'), `${row.security} ${row.date} CAR`);
    }
  });
});

describe('R² of the market model', () => {
  it('equals the squared correlation of security and market returns over the estimation window', () => {
    // For simple regression R² = corr(x, y)²; computed here directly from the input returns.
    for (const unit of syntheticUnits()) {
      const start = unit.dates.indexOf(DAY_ZERO) + ESTIMATION_WINDOW.from;
      const end = unit.dates.indexOf(DAY_ZERO) + ESTIMATION_WINDOW.to + 1;
      const y = unit.returns.slice(start, end) as number[];
      const x = unit.marketReturns.slice(start, end) as number[];
      expectClose(security(unit.symbol).fit.rSquared, squaredCorrelation(x, y), `${unit.symbol} R²`);
    }
  });
});

function squaredCorrelation(x: readonly number[], y: readonly number[]): number {
  const meanX = x.reduce((sum, value) => sum + value, 0) / x.length;
  const meanY = y.reduce((sum, value) => sum + value, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((value, index) => {
    const dy = (y[index] as number) - meanY;
    sxy += (value - meanX) * dy;
    sxx += (value - meanX) ** 2;
    syy += dy * dy;
  });
  return (sxy * sxy) / (sxx * syy);
}
