import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageRanks, corradoRankTest, type RankSeries } from '../../../../src/core/corrado-rank-test';
import { expectEngineError } from './expect-engine-error';
import {
  abnormalReturnsByModel,
  DAY_ZERO,
  ESTIMATION_WINDOW,
  eventDayOf,
  expectRelativelyClose,
  numberOf,
  rankSeriesOf,
  readFixture,
  type Model,
} from './reference-fixture';

describe('averageRanks', () => {
  it('gives tied values the mean of their positions, like R rank(ties.method = "average")', () => {
    // R: rank(c(0.3, 0.1, 0.3, -2, 0.1, 5)) = 4.5 2.5 4.5 1.0 2.5 6.0
    expect(Array.from(averageRanks([0.3, 0.1, 0.3, -2, 0.1, 5]))).toEqual([4.5, 2.5, 4.5, 1, 2.5, 6]);
  });

  it('equals the definition count(< v) + (count(= v) + 1)/2 on any input, ties included', () => {
    // Small integers force many ties; lengths up to 300 cross several merge passes of the sort.
    const value = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
    const values = fc.array(value, { maxLength: 300 });
    const count = (input: number[], keep: (other: number) => boolean) => input.filter(keep).length;
    fc.assert(
      fc.property(values, (input) => {
        const expected = input.map(
          (one) => count(input, (other) => other < one) + (count(input, (other) => other === one) + 1) / 2,
        );
        expect(Array.from(averageRanks(input))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('corradoRankTest: hand-checkable cases (made-up abnormal returns)', () => {
  it('one series: ranks 2,1,3 → U = 0,−1,1, S = √(2/3), day-0 statistic 1/√(2/3)', () => {
    const series = [{ abnormalReturns: [0.01, -0.02, 0.03], relativeDays: [-2, -1, 0] }];
    const result = corradoRankTest(series, [0]);
    // p = 0.22067136191984693 (SciPy 1.17.1: 2*norm.sf(1/sqrt(2/3)))
    expectRelativelyClose(result.statistic, 1 / Math.sqrt(2 / 3), 1e-15);
    expectRelativelyClose(result.pValue, 0.22067136191984693, 1e-14);
  });

  // Security A misses day −1; B has a zero AR. By hand:
  //   A ranks (−3, −2, 0) = 2, 1, 3, mean 2  → U = 0, −1, +1
  //   B ranks (−3..0)     = 1, 4, 3, 2, mean 2.5 → U = −1.5, +1.5, +0.5, −0.5
  //   Ū(−3) = −0.75, Ū(−2) = 0.25, Ū(−1) = 0.5 (B only), Ū(0) = 0.25
  //   T̄ = (3 + 4)/2 = 3.5, S² = (0.5625 + 0.0625 + 0.25 + 0.0625)/3.5 = 0.9375/3.5
  const withMissingDay: RankSeries[] = [
    { abnormalReturns: [0.02, -0.01, null, 0.05], relativeDays: [-3, -2, -1, 0] },
    { abnormalReturns: [-0.03, 0.04, 0.01, 0], relativeDays: [-3, -2, -1, 0] },
  ];
  const deviation = Math.sqrt(0.9375 / 3.5);

  it('averages over the securities present on the day and divides S² by the mean series length', () => {
    const result = corradoRankTest(withMissingDay, [0]);
    // 0.25/S = 0.48304589153964794, p = 0.6290631518148918 (SciPy 1.17.1)
    expectRelativelyClose(result.statistic, 0.25 / deviation, 1e-15);
    expectRelativelyClose(result.statistic, 0.48304589153964794, 1e-14);
    expectRelativelyClose(result.pValue, 0.6290631518148918, 1e-14);
  });

  it('over a window sums the daily Ū and divides by √L·S (Cowan 1992)', () => {
    const result = corradoRankTest(withMissingDay, [-1, 0]);
    // (0.5 + 0.25)/(√2·S) = 1.0246950765959597, p = 0.30550708686125405 (SciPy 1.17.1)
    expectRelativelyClose(result.statistic, 1.0246950765959597, 1e-14);
    expectRelativelyClose(result.pValue, 0.30550708686125405, 1e-14);
  });

  it('with an estimation window re-ranks over estimation days plus tested days only', () => {
    // Estimation window −3..−2, tested day 0, so day −1 leaves the ranking:
    //   A (−3, −2, 0) ranks 2, 1, 3, mean 2 → U = 0, −1, +1 (unchanged, A has no day −1)
    //   B (−3, −2, 0) = (−0.03, 0.04, 0) ranks 1, 3, 2, mean 2 → U = −1, +1, 0
    //   Ū(−3) = −0.5, Ū(−2) = 0, Ū(0) = 0.5; T̄ = 3; S² = 0.5/3; statistic = 0.5/√(1/6) = √1.5
    const result = corradoRankTest(withMissingDay, [0], { estimationWindow: { from: -3, to: -2 } });
    expectRelativelyClose(result.statistic, Math.sqrt(1.5), 1e-15);
  });

  it('re-ranking by skipping days equals ranking the shortened series from scratch', () => {
    // Random made-up panels (integers in a small range so ties occur, some days missing).
    const cell = fc.option(fc.integer({ min: -6, max: 6 }), { nil: null, freq: 6 });
    const panel = fc.array(fc.array(cell, { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 6 });
    const relativeDays = Array.from({ length: 12 }, (_, index) => index - 9); // −9 … +2
    const estimationWindow = { from: -9, to: -4 };
    fc.assert(
      fc.property(panel, fc.integer({ min: -2, max: 2 }), (returns, from) => {
        const series = returns.map((abnormalReturns) => ({ abnormalReturns, relativeDays }));
        const days = [from, from + 1];
        const shortened = series.map((one) => {
          const keep = one.relativeDays.map((day) => day <= -4 || days.includes(day));
          return {
            abnormalReturns: one.abnormalReturns.filter((_, index) => keep[index]),
            relativeDays: one.relativeDays.filter((_, index) => keep[index]),
          };
        });
        expect(corradoRankTest(series, days, { estimationWindow })).toEqual(corradoRankTest(shortened, days));
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the tested days', () => {
    expect(corradoRankTest(withMissingDay, [0, -1])).toEqual(corradoRankTest(withMissingDay, [-1, 0]));
  });

  it('skips tested days with no return and explains when none has one', () => {
    expect(corradoRankTest(withMissingDay, [0, 7])).toEqual(corradoRankTest(withMissingDay, [0]));
    const result = corradoRankTest(withMissingDay, [7]);
    expect(result).toEqual({ statistic: null, pValue: null, reason: expect.stringMatching(/no abnormal returns/) });
  });

  it('explains instead of returning NaN when the ranks cannot vary', () => {
    const single = corradoRankTest([{ abnormalReturns: [0.01], relativeDays: [0] }], [0]);
    expect(single.statistic).toBeNull();
    expect(single.reason).toMatch(/do not vary/);
    const allTied = corradoRankTest([{ abnormalReturns: [0.01, 0.01, 0.01], relativeDays: [-2, -1, 0] }], [0]);
    expect(allTied.statistic).toBeNull();
    expect(corradoRankTest([], [0]).statistic).toBeNull();
    expect(corradoRankTest([{ abnormalReturns: [null, null], relativeDays: [-1, 0] }], [0]).statistic).toBeNull();
  });

  it('rejects malformed series and tested days with typed errors', () => {
    const good = { abnormalReturns: [0.01, 0.02], relativeDays: [-1, 0] };
    expectEngineError(
      () => corradoRankTest([good, { abnormalReturns: [0.01], relativeDays: [-1, 0] }], [0]),
      'INVALID_INPUT',
      /series #2 has 1 abnormal returns but 2 relative days/,
    );
    expectEngineError(
      () => corradoRankTest([{ abnormalReturns: [0.01, 0.02], relativeDays: [0, -1] }], [0]),
      'INVALID_INPUT',
      /increasing whole numbers/,
    );
    expectEngineError(
      () => corradoRankTest([{ abnormalReturns: [0.01, NaN], relativeDays: [-1, 0] }], [0]),
      'INVALID_INPUT',
      /finite number or missing/,
    );
    expectEngineError(() => corradoRankTest([good], []), 'INVALID_INPUT', /no relative days/);
    expectEngineError(() => corradoRankTest([good], [0, 0]), 'INVALID_INPUT', /listed twice/);
    expectEngineError(() => corradoRankTest([good], [0.5]), 'INVALID_INPUT', /whole numbers/);
    expectEngineError(
      () => corradoRankTest([good], [0], { estimationWindow: { from: -1, to: -3 } }),
      'INVALID_WINDOW',
      /estimation window/,
    );
  });

  it('reuses the ranks of one series array but never mixes up two arrays', () => {
    const first = [{ abnormalReturns: [0.01, -0.02, 0.03], relativeDays: [-2, -1, 0] }];
    const second = [{ abnormalReturns: [0.01, 0.03, -0.02], relativeDays: [-2, -1, 0] }];
    const before = corradoRankTest(first, [0]);
    expectRelativelyClose(corradoRankTest(second, [0]).statistic, -1 / Math.sqrt(2 / 3), 1e-15);
    expect(corradoRankTest(first, [0])).toEqual(before);
  });
});

describe.each<Model>(['sim', 'mrkt_adj', 'mean_adj'])(
  'corradoRankTest reproduces estudy2 rank_stat, ranks over estimation + event window (%s)',
  (model) => {
    const securities = abnormalReturnsByModel(model);
    const series = rankSeriesOf(securities);
    const reference = readFixture(`estudy2_${model}_nonparametric_tests.csv`);

    it('ranks each security over 120 estimation + 11 event days', () => {
      expect(series.map((one) => one.abnormalReturns.length)).toEqual([131, 131, 131, 131, 131]);
    });

    it.each(reference.map((row) => [row.date ?? '', row] as const))('%s', (date, row) => {
      const result = corradoRankTest(series, [eventDayOf(securities, date).relativeDay]);
      expectRelativelyClose(result.statistic, numberOf(row, 'rank_stat'));
      expectRelativelyClose(result.pValue, numberOf(row, 'rank_p'));
    });
  },
);

describe('corradoRankTest over a window reproduces estudy2 car_rank_test (market model)', () => {
  const securities = abnormalReturnsByModel('sim');
  const series = rankSeriesOf(securities);
  const reference = readFixture('estudy2_sim_car_nonparametric_tests.csv');
  const relativeDayOf = (date: string) => eventDayOf(securities, date).relativeDay;

  it('covers the windows −5..+5 and 0..+1 around day 0', () => {
    expect(relativeDayOf(DAY_ZERO)).toBe(0);
    expect(reference.map((row) => [relativeDayOf(row.car_start ?? ''), relativeDayOf(row.car_end ?? '')])).toEqual([
      [-5, 5],
      [0, 1],
    ]);
  });

  it.each(reference.map((row) => [row.car_start ?? '', row.car_end ?? '', row] as const))(
    '%s..%s, ranking over the estimation window plus that window',
    (start, end, row) => {
      const window = { from: relativeDayOf(start), to: relativeDayOf(end) };
      const days = Array.from({ length: window.to - window.from + 1 }, (_, offset) => window.from + offset);
      expect(days).toHaveLength(numberOf(row, 'number_of_days'));
      const result = corradoRankTest(series, days, { estimationWindow: ESTIMATION_WINDOW });
      expectRelativelyClose(result.statistic, numberOf(row, 'statistic'));
      expectRelativelyClose(result.pValue, numberOf(row, 'p_norm'));
    },
  );

  it('ranks 0..+1 over the whole series when no estimation window is given', () => {
    // The ranking period matters: over estimation + all 11 event days the statistic is
    // 1.1595217395164978 (NumPy/SciPy rankdata, same formula), not estudy2's 1.1340.
    const result = corradoRankTest(series, [0, 1]);
    expectRelativelyClose(result.statistic, 1.1595217395164978, 1e-12);
  });

  it('gives the daily statistic for the whole window −5..+5 with or without the estimation window', () => {
    const days = Array.from({ length: 11 }, (_, offset) => offset - 5);
    const withWindow = corradoRankTest(series, days, { estimationWindow: ESTIMATION_WINDOW });
    expect(corradoRankTest(series, days)).toEqual(withWindow);
  });
});
