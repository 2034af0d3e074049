import { describe, expect, it } from 'vitest';
import { signTest } from '../../../../src/core/sign-test';
import { expectEngineError } from './expect-engine-error';
import {
  abnormalReturnsByModel,
  eventDayOf,
  expectRelativelyClose,
  numberOf,
  readFixture,
  type Model,
} from './reference-fixture';

describe('signTest: hand-checkable cases', () => {
  it('z = (N⁺ − N/2)/√(N/4) with a normal two-sided p-value', () => {
    // N⁺ = 2 of N = 3: z = 0.5/√0.75 = 1/√3; p = 2·pnorm(−1/√3) = 0.5637028616507731
    // (SciPy 1.17.1: 2*norm.sf(1/sqrt(3))).
    const result = signTest([0.01, -0.02, 0.03]);
    expectRelativelyClose(result.statistic, 1 / Math.sqrt(3), 1e-15);
    expectRelativelyClose(result.pValue, 0.5637028616507731, 1e-14);
  });

  it('counts a zero abnormal return as not positive and keeps it in N (estudy2: AR > 0)', () => {
    // N⁺ = 1, N = 2 → z = 0, p = 1; dropping the zero would give N⁺ = 1, N = 1, z = 1.
    expect(signTest([0, 0.01])).toEqual({ statistic: 0, pValue: 1 });
  });

  it('is symmetric: flipping every sign flips z and keeps p', () => {
    const up = signTest([0.01, 0.02, 0.03, -0.01]);
    const down = signTest([-0.01, -0.02, -0.03, 0.01]);
    expect(down.statistic).toBe(-(up.statistic ?? NaN));
    expect(down.pValue).toBe(up.pValue);
  });

  it('explains instead of returning NaN when there is nothing to test', () => {
    const result = signTest([]);
    expect(result.statistic).toBeNull();
    expect(result.pValue).toBeNull();
    expect(result.reason).toMatch(/no abnormal returns/);
  });

  it.each([NaN, Infinity, -Infinity])('rejects %s with a typed INVALID_INPUT error', (bad) => {
    expectEngineError(() => signTest([0.01, bad]), 'INVALID_INPUT', /finite number/);
  });
});

describe.each<Model>(['sim', 'mrkt_adj', 'mean_adj'])('signTest reproduces estudy2 sign_stat (%s)', (model) => {
  const securities = abnormalReturnsByModel(model);
  const reference = readFixture(`estudy2_${model}_nonparametric_tests.csv`);

  it.each(reference.map((row) => [row.date ?? '', row] as const))('%s', (date, row) => {
    const result = signTest(eventDayOf(securities, date).abnormalReturns);
    expectRelativelyClose(result.statistic, numberOf(row, 'sign_stat'));
    expectRelativelyClose(result.pValue, numberOf(row, 'sign_p'));
  });
});

describe('signTest on CARs reproduces the MacKinlay textbook sign_z per CAR window', () => {
  const perSecurity = readFixture('textbook_mackinlay_car_windows_per_security.csv');
  const aggregate = readFixture('textbook_mackinlay_car_windows_aggregate.csv');

  it.each(aggregate.map((row) => [row.window ?? '', row] as const))('window %s', (window, row) => {
    const cars = perSecurity.filter((car) => car.window === window).map((car) => numberOf(car, 'CAR'));
    expect(cars).toHaveLength(5);
    const result = signTest(cars);
    expectRelativelyClose(result.statistic, numberOf(row, 'sign_z'));
    expectRelativelyClose(result.pValue, numberOf(row, 'sign_p'));
  });
});
