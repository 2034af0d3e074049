// Reproduces the across-securities market-model statistics of the SYNTHETIC reference fixture to
// 1e-9 relative: textbook_mackinlay_* (base R, MacKinlay 1997 conventions) and EventStudy 0.50.0.
import { describe, expect, it } from 'vitest';
import { averageResidualCorrelation } from '../../../src/core/residual-correlation';
import { analyseSecurity } from '../../../src/core/security-analysis';
import type { AggregateWindow } from '../../../src/core/types';
import { validateStudyOptions } from '../../../src/core/windows';
import {
  cell,
  cumulativeWindows,
  expectClose,
  fixtureOptions,
  readFixture,
  readJson,
  runFixtureStudy,
  SECURITIES,
  syntheticUnits,
  windowOf,
} from './synthetic-fixture';

const cumulative = runFixtureStudy('market');
const namedRows = readFixture('textbook_mackinlay_car_windows_aggregate.csv');
const named = runFixtureStudy('market', namedRows.map((row) => windowOf(row.window)));

function windowIn(windows: readonly AggregateWindow[], from: number, to: number): AggregateWindow {
  const found = windows.find((window) => window.from === from && window.to === to);
  if (!found) throw new Error(`no aggregate window [${from},${to}]`);
  return found;
}

describe('daily aggregate against the textbook computation', () => {
  const rows = readFixture('textbook_mackinlay_daily_aggregate.csv');

  it('matches AAR, CAAR, J1, Patell Z, BMP t and KP-adjusted BMP t with their p-values', () => {
    expect(cumulative.aggregate.days).toHaveLength(rows.length);
    for (const row of rows) {
      const day = cumulative.aggregate.days.find((entry) => entry.relativeDay === cell(row, 'rel_day'));
      const label = `day ${row.rel_day}`;
      expect(day?.date).toBe(row.date);
      expect(day?.n).toBe(SECURITIES.length);
      expectClose(day?.aar, cell(row, 'AAR'), `${label} AAR`);
      expectClose(day?.caar, cell(row, 'CAAR'), `${label} CAAR`);
      expectClose(day?.tests.j1.statistic, cell(row, 'J1_AAR'), `${label} J1`);
      expectClose(day?.tests.patellZ.statistic, cell(row, 'patell_Z'), `${label} Patell`);
      expectClose(day?.tests.patellZ.pValue, cell(row, 'patell_p'), `${label} Patell p`);
      expectClose(day?.tests.bmpT.statistic, cell(row, 'BMP_t'), `${label} BMP`);
      expectClose(day?.tests.bmpT.pValue, cell(row, 'BMP_p'), `${label} BMP p`);
      expectClose(day?.tests.kpT.statistic, cell(row, 'KP_adj_BMP_t'), `${label} KP`);
      expectClose(day?.tests.kpT.pValue, cell(row, 'KP_adj_BMP_p'), `${label} KP p`);
    }
  });

  it('reports J2 equal to Patell Z on a single day', () => {
    for (const day of cumulative.aggregate.days) {
      expectClose(day.tests.j2.statistic, day.tests.patellZ.statistic ?? Number.NaN, `day ${day.relativeDay}`);
    }
  });
});

describe('cumulative aggregate [-5, k] against the textbook computation', () => {
  it('matches CAAR, J1, J2, BMP, cross-sectional t and KP-adjusted BMP with p-values', () => {
    for (const row of readFixture('textbook_mackinlay_cumulative_aggregate.csv')) {
      const to = cell(row, 'rel_day');
      const window = windowIn(cumulative.aggregate.windows, -5, to);
      const label = `[-5,${to}]`;
      expectClose(window.caar, cell(row, 'CAAR'), `${label} CAAR`);
      expectClose(window.tests.j1.statistic, cell(row, 'J1_CAAR'), `${label} J1`);
      expectClose(window.tests.j1.pValue, cell(row, 'J1_p'), `${label} J1 p`);
      expectClose(window.tests.j2.statistic, cell(row, 'J2_CAAR'), `${label} J2`);
      expectClose(window.tests.j2.pValue, cell(row, 'J2_p'), `${label} J2 p`);
      expectClose(window.tests.bmpT.statistic, cell(row, 'BMP_CAAR_t'), `${label} BMP`);
      expectClose(window.tests.bmpT.pValue, cell(row, 'BMP_CAAR_p'), `${label} BMP p`);
      expectClose(window.tests.crossSectionalT.statistic, cell(row, 'csect_CAAR_t'), `${label} csect`);
      expectClose(window.tests.crossSectionalT.pValue, cell(row, 'csect_CAAR_p'), `${label} csect p`);
      expectClose(window.tests.kpT.statistic, cell(row, 'KP_adj_BMP_CAAR_t'), `${label} KP`);
      expectClose(window.tests.kpT.pValue, cell(row, 'KP_adj_BMP_CAAR_p'), `${label} KP p`);
    }
  });

  it('sums AAR into the daily CAAR and averages CARs into the window CAAR identically without missing days', () => {
    for (const day of cumulative.aggregate.days) {
      expectClose(windowIn(cumulative.aggregate.windows, -5, day.relativeDay).caar, day.caar ?? Number.NaN);
    }
  });
});

describe('named CAR windows against the textbook computation', () => {
  it('matches CAAR, J1, J2, cross-sectional t, BMP, KP-adjusted BMP and sign z with p-values', () => {
    for (const row of namedRows) {
      const { from, to } = windowOf(row.window);
      const window = windowIn(named.aggregate.windows, from, to);
      const label = row.window ?? '';
      expect(window.n).toBe(SECURITIES.length);
      expectClose(window.caar, cell(row, 'CAAR'), `${label} CAAR`);
      const pairs: [keyof AggregateWindow['tests'], string][] = [
        ['j1', 'J1'],
        ['j2', 'J2'],
        ['crossSectionalT', 'csect'],
        ['bmpT', 'BMP'],
        ['kpT', 'KP_BMP'],
        ['signZ', 'sign'],
      ];
      for (const [test, column] of pairs) {
        const statisticColumn = column === 'sign' ? 'sign_z' : column === 'J1' || column === 'J2' ? column : `${column}_t`;
        expectClose(window.tests[test].statistic, cell(row, statisticColumn), `${label} ${test}`);
        expectClose(window.tests[test].pValue, cell(row, `${column}_p`), `${label} ${test} p`);
      }
    }
  });

  it('computes Patell Z of a window as Σ SAR / √(Σ L·(M−2)/(M−4)) from the textbook SARs', () => {
    // Patell (1976) cumulative statistic, recomputed here from the textbook per-day SARs.
    const sars = readFixture('textbook_mackinlay_per_security.csv');
    const estimationDays = readJson<{ M: number }>('textbook_kolari_pynnonen_rbar.json').M;
    for (const row of namedRows) {
      const { from, to } = windowOf(row.window);
      const inWindow = sars.filter((sar) => cell(sar, 'rel_day') >= from && cell(sar, 'rel_day') <= to);
      const sum = inWindow.reduce((total, sar) => total + cell(sar, 'SAR'), 0);
      const variance = SECURITIES.length * (to - from + 1) * ((estimationDays - 2) / (estimationDays - 4));
      expectClose(windowIn(named.aggregate.windows, from, to).tests.patellZ.statistic, sum / Math.sqrt(variance), row.window);
    }
  });
});

describe('Kolari–Pynnönen inputs and EventStudy 0.50.0', () => {
  it('estimates r̄, the mean pairwise correlation of the estimation residuals, as the fixture does', () => {
    const expected = readJson<{ rbar: number; M: number }>('textbook_kolari_pynnonen_rbar.json');
    const options = validateStudyOptions(fixtureOptions('market'));
    const residuals = syntheticUnits().map((unit) => Array.from(analyseSecurity(unit, options).residuals.subarray(0, expected.M), (value) => (Number.isNaN(value) ? null : value)));
    expect(residuals.every((series) => series.every((value) => value !== null))).toBe(true);
    expectClose(averageResidualCorrelation(residuals), expected.rbar, 'rbar');
  });

  it('matches EventStudy kp_t (daily) and ckp_t (cumulative) with t(N−1) p-values', () => {
    for (const row of readFixture('EventStudy_MarketModel_multi_KP.csv')) {
      const relativeDay = cell(row, 'relative_index');
      const day = cumulative.aggregate.days.find((entry) => entry.relativeDay === relativeDay);
      const window = windowIn(cumulative.aggregate.windows, windowOf(row.car_window).from, windowOf(row.car_window).to);
      expectClose(day?.aar, cell(row, 'aar'), `${relativeDay} aar`);
      expectClose(day?.tests.kpT.statistic, cell(row, 'kp_t'), `${relativeDay} kp`);
      expectClose(day?.tests.kpT.pValue, cell(row, 'kp_t_p_tN1'), `${relativeDay} kp p`);
      expectClose(window.caar, cell(row, 'caar'), `${row.car_window} caar`);
      expectClose(window.tests.kpT.statistic, cell(row, 'ckp_t'), `${row.car_window} ckp`);
      expectClose(window.tests.kpT.pValue, cell(row, 'ckp_t_p_tN1'), `${row.car_window} ckp p`);
    }
  });

  it('matches EventStudy generalized sign z, daily and cumulative (Cowan 1992)', () => {
    for (const row of readFixture('EventStudy_MarketModel_multi_GSignT.csv')) {
      const relativeDay = cell(row, 'relative_index');
      const day = cumulative.aggregate.days.find((entry) => entry.relativeDay === relativeDay);
      const { from, to } = windowOf(row.car_window);
      const window = windowIn(cumulative.aggregate.windows, from, to);
      expectClose(day?.tests.generalizedSignZ.statistic, cell(row, 'gsign_z'), `${relativeDay} gsign`);
      expectClose(day?.tests.generalizedSignZ.pValue, cell(row, 'gsign_z_p_norm'), `${relativeDay} gsign p`);
      expectClose(window.tests.generalizedSignZ.statistic, cell(row, 'cgsign_z'), `${row.car_window} cgsign`);
      expectClose(window.tests.generalizedSignZ.pValue, cell(row, 'cgsign_z_p_norm'), `${row.car_window} cgsign p`);
    }
  });

  it('matches EventStudy buy-and-hold abnormal returns over every window [-5, k]', () => {
    const rows = readFixture('EventStudy_MarketModel_single_BHART.csv');
    expect(rows).toHaveLength(SECURITIES.length * cumulativeWindows().length);
    for (const row of rows) {
      const { from, to } = windowOf(row.bhar_window);
      const entry = cumulative.securities.find((candidate) => candidate.symbol === row.security);
      const window = entry?.windows.find((candidate) => candidate.from === from && candidate.to === to);
      expectClose(window?.bhar, cell(row, 'bhar'), `${row.security} ${row.bhar_window}`);
      if (to === 5) expectClose(entry?.bhar, cell(row, 'bhar'), `${row.security} whole window`);
    }
  });
});
