// Engine B's nonparametric tests as runStudy wires them (which ARs, which estimation window, which
// p̂), against estudy2 0.10.0 and the textbook on the SYNTHETIC fixture, to 1e-9 relative.
import { describe, expect, it } from 'vitest';
import type { ModelKind } from '../../../src/core/types';
import { cell, expectClose, readFixture, runFixtureStudy, windowOf } from './synthetic-fixture';

const cases: { model: ModelKind; prefix: string }[] = [
  { model: 'market', prefix: 'estudy2_sim' },
  { model: 'market-adjusted', prefix: 'estudy2_mrkt_adj' },
  { model: 'mean-adjusted', prefix: 'estudy2_mean_adj' },
];

describe.each(cases)('daily nonparametric tests, $model model', ({ model, prefix }) => {
  const result = runFixtureStudy(model);

  it('matches estudy2 sign z, generalized sign z, Corrado rank and exact Wilcoxon', () => {
    const rows = readFixture(`${prefix}_nonparametric_tests.csv`);
    expect(rows).toHaveLength(result.aggregate.days.length);
    for (const row of rows) {
      const day = result.aggregate.days.find((entry) => entry.date === row.date);
      const tests = day?.tests;
      const label = `${row.date}`;
      expectClose(tests?.signZ.statistic, cell(row, 'sign_stat'), `${label} sign`);
      expectClose(tests?.signZ.pValue, cell(row, 'sign_p'), `${label} sign p`);
      expectClose(tests?.generalizedSignZ.statistic, cell(row, 'gsign_stat'), `${label} gsign`);
      expectClose(tests?.generalizedSignZ.pValue, cell(row, 'gsign_p'), `${label} gsign p`);
      expectClose(tests?.rankT.statistic, cell(row, 'rank_stat'), `${label} rank`);
      expectClose(tests?.rankT.pValue, cell(row, 'rank_p'), `${label} rank p`);
      expectClose(tests?.wilcoxon.statistic, cell(row, 'wlcx_stat'), `${label} Wilcoxon W+`);
      expectClose(tests?.wilcoxon.pValue, cell(row, 'wlcx_p_exact'), `${label} Wilcoxon exact p`);
    }
  });
});

describe('window nonparametric tests, market model', () => {
  it('matches estudy2 car_rank_test (Cowan 1992 cumulative rank, ranking estimation + window days)', () => {
    const rows = readFixture('estudy2_sim_car_nonparametric_tests.csv');
    const base = runFixtureStudy('market');
    const windows = rows.map((row) => {
      const from = base.aggregate.days.find((day) => day.date === row.car_start)?.relativeDay;
      const to = base.aggregate.days.find((day) => day.date === row.car_end)?.relativeDay;
      if (from === undefined || to === undefined) throw new Error(`window ${row.car_start}..${row.car_end} not in the event window`);
      return { from, to };
    });
    const result = runFixtureStudy('market', windows);
    rows.forEach((row, index) => {
      const window = result.aggregate.windows[index];
      expect(window?.to).toBe((window?.from ?? 0) + cell(row, 'number_of_days') - 1);
      expectClose(window?.tests.rankT.statistic, cell(row, 'statistic'), `${row.car_start} rank`);
      expectClose(window?.tests.rankT.pValue, cell(row, 'p_norm'), `${row.car_start} rank p`);
    });
  });

  it('matches the textbook sign z over CARs of the named windows', () => {
    const rows = readFixture('textbook_mackinlay_car_windows_aggregate.csv');
    const result = runFixtureStudy('market', rows.map((row) => windowOf(row.window)));
    rows.forEach((row, index) => {
      const window = result.aggregate.windows[index];
      expect(window?.tests.signZ.statistic).toBe(cell(row, 'sign_z'));
      expectClose(window?.tests.signZ.pValue, cell(row, 'sign_p'));
    });
  });

  it('runs Wilcoxon over the window CARs: W+ is the rank sum of the positive CARs', () => {
    const result = runFixtureStudy('market', [{ from: -5, to: 5 }]);
    const cars = result.securities.map((security) => security.windows[0]?.car ?? Number.NaN);
    const order = [...cars].sort((a, b) => Math.abs(a) - Math.abs(b));
    const positiveRankSum = cars.filter((car) => car > 0).reduce((sum, car) => sum + order.indexOf(car) + 1, 0);
    expect(result.aggregate.windows[0]?.tests.wilcoxon.statistic).toBe(positiveRankSum);
  });
});
