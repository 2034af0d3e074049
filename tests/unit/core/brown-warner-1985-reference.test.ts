// Brown & Warner (1985) crude dependence adjustment on the SYNTHETIC fixture, to 1e-9 relative:
//   - daily, every model, against estudy2 0.10.0 `bw_1985_stat` / `bw_1985_p` (t with M − 1 d.f.);
//   - windows against estudy2's `car_brown_warner_1985` (Σ daily t / √L) for the market model, and
//     against kabuto_brown_warner_1985.csv, written by the base-R script kabuto_dependence_tests.R in
//     the fixture folder (run by hand), for every model, with and without missing days and with a
//     unit on another day 0 and benchmark;
//   - small cases worked by hand.
import { describe, expect, it } from 'vitest';
import { averageAbnormalReturnSeries, brownWarner1985Test } from '../../../src/core/brown-warner-1985-test';
import { runStudy } from '../../../src/core/study';
import type { DayRange, ModelKind, StudyResult } from '../../../src/core/types';
import { cell, expectClose, fixtureOptions, gapScenarioUnits, readFixture, runFixtureStudy, type Row, syntheticUnits } from './synthetic-fixture';

const MODELS: { model: ModelKind; prefix: string }[] = [
  { model: 'market', prefix: 'sim' },
  { model: 'market-adjusted', prefix: 'mrkt_adj' },
  { model: 'mean-adjusted', prefix: 'mean_adj' },
];

const kabutoRows = readFixture('kabuto_brown_warner_1985.csv');

/** The windows of the R script's rows, each once, in order. */
function windowsOf(rows: readonly Row[]): DayRange[] {
  const seen = new Map<string, DayRange>();
  for (const row of rows) seen.set(`${row.from}:${row.to}`, { from: cell(row, 'from'), to: cell(row, 'to') });
  return [...seen.values()];
}

function testOf(result: StudyResult, from: number, to: number) {
  const window = result.aggregate.windows.find((entry) => entry.from === from && entry.to === to);
  if (!window) throw new Error(`no window ${from}:${to}`);
  return window.tests.brownWarner1985T;
}

describe.each(MODELS)('$model model', ({ model, prefix }) => {
  it('matches estudy2 bw_1985_stat and bw_1985_p on every event day', () => {
    const result = runFixtureStudy(model);
    const rows = readFixture(`estudy2_${prefix}_parametric_tests.csv`);
    expect(rows).toHaveLength(result.aggregate.days.length);
    for (const row of rows) {
      const day = result.aggregate.days.find((entry) => entry.date === row.date);
      expectClose(day?.tests.brownWarner1985T.statistic, cell(row, 'bw_1985_stat'), `${row.date} t`);
      expectClose(day?.tests.brownWarner1985T.pValue, cell(row, 'bw_1985_p'), `${row.date} p`);
    }
  });

  it.each(['base', 'gaps'])('matches the base-R computation on every day and window (%s)', (scenario) => {
    const rows = kabutoRows.filter((row) => row.model === prefix && row.scenario === scenario);
    const units = scenario === 'base' ? syntheticUnits() : gapScenarioUnits();
    const result = runStudy(units, fixtureOptions(model, windowsOf(rows)));
    expect(result.failures).toEqual([]);
    for (const row of rows) {
      const [from, to] = [cell(row, 'from'), cell(row, 'to')];
      const label = `${scenario} ${from}:${to}`;
      for (const test of [testOf(result, from, to), ...(from === to ? [result.aggregate.days.find((day) => day.relativeDay === from)?.tests.brownWarner1985T] : [])]) {
        expectClose(test?.statistic, cell(row, 't'), `${label} t`);
        expectClose(test?.pValue, cell(row, 'p'), `${label} p`);
      }
    }
  });
});

describe('windows against estudy2 car_brown_warner_1985 (market model)', () => {
  it('is CAAR / (S·√L), estudy2 Σ daily t / √L', () => {
    const rows = readFixture('estudy2_sim_car_parametric_tests.csv').filter((row) => row.name === 'car_brown_warner_1985');
    const dates = syntheticUnits()[0]?.dates ?? [];
    const zero = dates.indexOf('2024-11-06');
    const windows = rows.map((row) => ({ from: dates.indexOf(row.car_start ?? '') - zero, to: dates.indexOf(row.car_end ?? '') - zero }));
    expect(windows).toEqual([
      { from: -5, to: 5 },
      { from: 0, to: 1 },
    ]);
    const result = runFixtureStudy('market', windows);
    rows.forEach((row, index) => {
      const { from, to } = windows[index] as DayRange;
      expect(cell(row, 'number_of_days')).toBe(to - from + 1);
      // estudy2 refers this one to N(0,1) (p_norm); the engine keeps t(M − 1), as for the daily test.
      expectClose(testOf(result, from, to).statistic, cell(row, 'statistic'), `${from}:${to}`);
    });
  });
});

describe('the base-R reference itself', () => {
  it('has S from M − 1 over the estimation AARs, and M = 119 once relative day −60 is gone', () => {
    expect(new Set(kabutoRows.filter((row) => row.scenario === 'base').map((row) => row.M))).toEqual(new Set(['120']));
    expect(new Set(kabutoRows.filter((row) => row.scenario === 'gaps').map((row) => row.M))).toEqual(new Set(['119']));
  });
});

describe('brownWarner1985Test by hand', () => {
  // Estimation AARs 0.01, −0.01, 0.02, −0.02: mean 0, Σ squares 0.001, S² = 0.001/3.
  const estimation = [0.01, -0.01, 0.02, -0.02];
  const deviation = Math.sqrt(0.001 / 3);

  it('divides one day by S and a window by S·√L, with t(M − 1) p-values', () => {
    // t(3) two-sided p-value by its closed form (Student): 1 − (2/π)(u/(1 + u²) + atan u), u = |t|/√3.
    const threeDegreesPValue = (t: number) => {
      const u = Math.abs(t) / Math.sqrt(3);
      return 1 - (2 / Math.PI) * (u / (1 + u * u) + Math.atan(u));
    };
    const day = brownWarner1985Test(estimation, [0.03]);
    expectClose(day.statistic, 0.03 / deviation);
    const window = brownWarner1985Test(estimation, [0.03, -0.01, 0.02]);
    expectClose(window.statistic, 0.04 / (deviation * Math.sqrt(3)));
    expectClose(day.pValue, threeDegreesPValue(0.03 / deviation), 'p', 1e-12);
  });

  it('is the same in any unit of returns, down to 1e-300 and up to 1e300', () => {
    const reference = brownWarner1985Test(estimation, [0.03, -0.01]);
    for (const scale of [1e-300, 1e-150, 1e150, 1e300]) {
      const scaled = brownWarner1985Test(estimation.map((value) => value * scale), [0.03 * scale, -0.01 * scale]);
      expectClose(scaled.statistic, reference.statistic ?? Number.NaN, `× ${scale}`);
    }
  });

  it('says why it cannot be computed', () => {
    expect(brownWarner1985Test([0.01], [0.02]).reason).toBe('Brown–Warner 1985 t: needs at least 2 estimation days with an abnormal return, got 1.');
    expect(brownWarner1985Test(estimation, []).reason).toBe('Brown–Warner 1985 t: no average abnormal return on the tested days.');
    expect(brownWarner1985Test([0.01, 0.01, 0.01], [0.02]).reason).toBe('Brown–Warner 1985 t: the estimation-window average abnormal returns do not vary.');
    expect(() => brownWarner1985Test([0.01, Number.NaN], [0.02])).toThrow(/estimation-window average abnormal return #2 is NaN/);
  });

  it('averages each day over the securities that have it and leaves out days none has', () => {
    expect(averageAbnormalReturnSeries([[0.01, null, 0.03, 0.02], [0.03, null, Number.NaN]])).toEqual([0.02, 0.03, 0.02]);
    expect(() => averageAbnormalReturnSeries([[Number.MAX_VALUE], [Number.MAX_VALUE]])).toThrow(/position 1 is Infinity/);
  });
});
