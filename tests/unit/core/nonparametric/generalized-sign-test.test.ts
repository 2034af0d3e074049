import { describe, expect, it } from 'vitest';
import {
  estimationPositiveShare,
  generalizedSignTest,
} from '../../../../src/core/generalized-sign-test';
import { expectEngineError } from './expect-engine-error';
import {
  abnormalReturnsByModel,
  estimationAbnormalReturnsOf,
  eventDayOf,
  expectRelativelyClose,
  numberOf,
  readFixture,
  type Model,
} from './reference-fixture';

describe('estimationPositiveShare (Cowan 1992 p̂)', () => {
  it('is the mean of each security’s share of positive ARs, not the pooled share', () => {
    // Shares 1/2 and 3/4 → p̂ = 0.625; pooling the six ARs would give 4/6.
    expect(estimationPositiveShare([[0.01, -0.02], [0.03, 0.01, -0.01, 0.02]])).toBe(0.625);
  });

  it('counts zeros as not positive', () => {
    expect(estimationPositiveShare([[0, 0.01, -0.01, 0]])).toBe(0.25);
  });

  it('rejects an empty panel, a security without estimation ARs, and non-finite ARs', () => {
    expectEngineError(() => estimationPositiveShare([]), 'INVALID_INPUT', /no securities/);
    expectEngineError(() => estimationPositiveShare([[0.01], []]), 'INVALID_INPUT', /security #2/);
    expectEngineError(() => estimationPositiveShare([[0.01, NaN]]), 'INVALID_INPUT', /finite number/);
  });
});

describe('generalizedSignTest: hand-checkable cases', () => {
  it('z = (w − N·p̂)/√(N·p̂(1 − p̂))', () => {
    // w = 3, N = 5, p̂ = 0.4: z = 1/√1.2 = 0.9128709291752769;
    // p = 0.3613104285261787 (SciPy 1.17.1: 2*norm.sf(1/sqrt(1.2))).
    const result = generalizedSignTest([0.02, 0.01, 0.03, -0.01, 0], 0.4);
    expectRelativelyClose(result.statistic, 1 / Math.sqrt(1.2), 1e-15);
    expectRelativelyClose(result.pValue, 0.3613104285261787, 1e-14);
  });

  it('equals the sign test when p̂ = 1/2', () => {
    // w = 4, N = 5: (4 − 2.5)/√1.25
    expectRelativelyClose(generalizedSignTest([1, 2, 3, 4, -1], 0.5).statistic, 1.5 / Math.sqrt(1.25), 1e-15);
  });

  it('explains instead of dividing by zero when p̂ is 0 or 1, or when there are no values', () => {
    for (const share of [0, 1]) {
      const result = generalizedSignTest([0.01, -0.01], share);
      expect(result.statistic).toBeNull();
      expect(result.pValue).toBeNull();
      expect(result.reason).toMatch(/no variance/);
    }
    expect(generalizedSignTest([], 0.5).reason).toMatch(/no abnormal returns/);
  });

  it('rejects p̂ outside [0, 1] and non-finite values', () => {
    expectEngineError(() => generalizedSignTest([0.01], 1.2), 'INVALID_INPUT', /between 0 and 1/);
    expectEngineError(() => generalizedSignTest([0.01], NaN), 'INVALID_INPUT', /between 0 and 1/);
    expectEngineError(() => generalizedSignTest([Infinity], 0.5), 'INVALID_INPUT', /finite number/);
  });
});

describe.each<Model>(['sim', 'mrkt_adj', 'mean_adj'])(
  'generalizedSignTest reproduces estudy2 gsign_stat (%s)',
  (model) => {
    const securities = abnormalReturnsByModel(model);
    const share = estimationPositiveShare(estimationAbnormalReturnsOf(securities));
    const reference = readFixture(`estudy2_${model}_nonparametric_tests.csv`);

    it.each(reference.map((row) => [row.date ?? '', row] as const))('%s', (date, row) => {
      const result = generalizedSignTest(eventDayOf(securities, date).abnormalReturns, share);
      expectRelativelyClose(result.statistic, numberOf(row, 'gsign_stat'));
      expectRelativelyClose(result.pValue, numberOf(row, 'gsign_p'));
    });
  },
);

describe('generalizedSignTest reproduces EventStudy 0.50.0 (market model)', () => {
  const securities = abnormalReturnsByModel('sim');
  const share = estimationPositiveShare(estimationAbnormalReturnsOf(securities));
  const reference = readFixture('EventStudy_MarketModel_multi_GSignT.csv');
  // Per-security CARs from day −5, as estudy2 reports them for the same market-model ARs.
  const cars = readFixture('estudy2_sim_event_ar_car.csv');

  it('uses p̂ = 71/150 on the fixture (284 positive of 5 × 120 estimation ARs)', () => {
    expectRelativelyClose(share, 71 / 150, 1e-15);
  });

  it.each(reference.map((row) => [Number(row.relative_index), row] as const))(
    'daily gsign_z and cumulative cgsign_z on relative day %i',
    (relativeDay, row) => {
      const date = securities[0]?.days.find((day) => day.relativeDay === relativeDay)?.date;
      const daily = generalizedSignTest(eventDayOf(securities, date ?? '').abnormalReturns, share);
      expectRelativelyClose(daily.statistic, numberOf(row, 'gsign_z'));
      expectRelativelyClose(daily.pValue, numberOf(row, 'gsign_z_p_norm'));

      const carsOfDay = cars.filter((car) => car.date === date).map((car) => numberOf(car, 'CAR'));
      expect(carsOfDay).toHaveLength(5);
      const cumulative = generalizedSignTest(carsOfDay, share);
      expectRelativelyClose(cumulative.statistic, numberOf(row, 'cgsign_z'));
      expectRelativelyClose(cumulative.pValue, numberOf(row, 'cgsign_z_p_norm'));
    },
  );
});
