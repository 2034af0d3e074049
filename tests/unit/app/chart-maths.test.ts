import { describe, expect, it } from 'vitest';
import type { AggregateTests, SecurityResult, StudyResult, TestResult } from '../../../src/core/types.ts';
import { abnormalReturnRows, chartDays, portfolioRows, priceRows } from '../../../src/features/charts/utils/chart-data.ts';
import { extentOf, niceAxis } from '../../../src/features/charts/utils/nice-ticks.ts';
import { caarVariance, carBand, NORMAL_QUANTILE_975 } from '../../../src/application/confidence-band.ts';
import { snapshotBars } from './helpers/snapshot-api.ts';

/** |a − b| ≤ 1e-12·max(1, |b|). */
function expectClose(actual: unknown, expected: number, relative = 1e-12) {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

describe('confidence bands', () => {
  it('puts the CAR band at ±qnorm(0.975)·sqrt(var CAR)', () => {
    // R: qnorm(0.975) = 1.959963984540054; 0.1 ± 1.959963984540054 * sqrt(0.0004) = 0.06080072030919892, 0.1391992796908011
    expect(NORMAL_QUANTILE_975).toBe(1.959963984540054);
    const band = carBand(0.1, 0.0004);
    expectClose(band?.low, 0.06080072030919892);
    expectClose(band?.high, 0.1391992796908011);
  });

  it('has no band without a usable variance', () => {
    expect(carBand(0.1, null)).toBeNull();
    expect(carBand(null, 0.1)).toBeNull();
    expect(carBand(0.1, -1e-9)).toBeNull();
    expect(carBand(0.1, Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('averages CAR variances as (1/N²)·Σ var(CAR_i) (MacKinlay 1997, eqs. 12 and 14)', () => {
    // By hand: (0.0004 + 0.0009) / 2² = 0.000325.
    expectClose(caarVariance([0.0004, 0.0009]), 0.000325);
    expect(caarVariance([])).toBeNull();
    expect(caarVariance([0.0004, null])).toBeNull();
  });
});

describe('rebased prices', () => {
  it('rebases IHI and TOPIX to 100 on day −1 (5 Nov 2024) using the snapshot closes', () => {
    const bars = snapshotBars('7013.T').filter((bar) => bar.date >= '2024-10-01' && bar.date <= '2024-11-29');
    const topix = snapshotBars('TOPIX').filter((bar) => bar.date >= '2024-10-01' && bar.date <= '2024-11-29');
    const dates = topix.map((bar) => bar.date);
    const rows = priceRows(
      [
        { key: 'ihi', dates, dayZero: '2024-11-06', closes: new Map(bars.map((bar) => [bar.date, bar.adjClose])) },
        { key: 'topix', dates, dayZero: '2024-11-06', closes: new Map(topix.map((bar) => [bar.date, bar.adjClose])) },
      ],
      [-1, 0, 1],
    );
    expect(rows.map((row) => row.date)).toEqual(['2024-11-05', '2024-11-06', '2024-11-07']);
    expect(rows[0]?.ihi).toBe(100);
    // 100 · 1325.7 / 1111.4, 100 · 2715.92 / 2664.26 and 100 · 1326.4 / 1111.4 (closes of 5–7 Nov 2024
    // in data/snapshot), computed independently in Python 3 (IEEE doubles).
    expectClose(rows[1]?.ihi, 119.28198668346229);
    expectClose(rows[1]?.topix, 101.93899994745257);
    expectClose(rows[2]?.ihi, 119.34497030771999);
  });

  it('leaves a line empty rather than rebasing it elsewhere when day −1 has no price', () => {
    const rows = priceRows([{ key: 'a', dates: ['d1', 'd2', 'd3'], dayZero: 'd2', closes: new Map([['d1', null], ['d2', 10], ['d3', 11]]) }], [-1, 0, 1]);
    expect(rows.map((row) => row.a)).toEqual([null, null, null]);
  });

  it('spans the event window and always includes the rebasing day −1', () => {
    expect(chartDays({ from: -5, to: 2 })).toEqual([-5, -4, -3, -2, -1, 0, 1, 2]);
    expect(chartDays({ from: 0, to: 2 })).toEqual([-1, 0, 1, 2]);
  });
});

// A made-up two-security result (not market data): only the fields the chart rows read matter.
const test: TestResult = { statistic: 2.5, pValue: 0.012 };
const tests = Object.fromEntries(['crossSectionalT', 'patellZ', 'bmpT', 'kpT', 'j1', 'j2', 'signZ', 'generalizedSignZ', 'rankT', 'wilcoxon'].map((key) => [key, test])) as unknown as AggregateTests;
function madeUpSecurity(id: string, carVariance: number | null): SecurityResult {
  return {
    id,
    symbol: id,
    benchmark: 'X',
    dayZero: 'd0',
    fit: { alpha: 0, beta: 1, s2: 0.0001, rSquared: 0.5, estimationDays: 100 },
    lostDays: 0,
    excludedDays: 0,
    days: [{ date: 'd0', relativeDay: 0, return: 0.03, marketReturn: 0.01, expected: 0.01, ar: 0.02, arVariance: 0.0001, sar: 2, car: 0.02, carVariance, scar: 2 }],
    windows: [],
    bhar: null,
  };
}

describe('abnormal-return and portfolio rows', () => {
  it('carries AR, CAR and the CAR band for each day, and nothing for a day outside the window', () => {
    const rows = abnormalReturnRows(madeUpSecurity('a', 0.0004), [-1, 0]);
    expect(rows[0]).toEqual({ day: -1, date: null, ar: null, car: null, band: null });
    expect(rows[1]?.ar).toBe(0.02);
    expectClose((rows[1]?.band as number[])[0], 0.02 - NORMAL_QUANTILE_975 * 0.02);
  });

  it('draws the CAAR band only when every security counted in n has a CAR variance', () => {
    const aggregateDay = { relativeDay: 0, date: 'd0', n: 2, aar: 0.02, caar: 0.02, tests };
    const result = (variances: (number | null)[]): StudyResult => ({
      options: { model: 'market', estimationWindow: { from: -250, to: -11 }, eventWindow: { from: 0, to: 0 }, gap: null, carWindows: [], minimumEstimationDays: 30, strictEstimation: false },
      securities: variances.map((variance, index) => madeUpSecurity(`s${index}`, variance)),
      failures: [],
      aggregate: { days: [aggregateDay], windows: [] },
    });
    const full = portfolioRows(result([0.0004, 0.0009]), 'bmpT', [0]);
    // sqrt((0.0004 + 0.0009) / 4) = 0.018027756377319945
    expectClose((full[0]?.band as number[])[1], 0.02 + NORMAL_QUANTILE_975 * 0.018027756377319945);
    expect(full[0]?.pValue).toBe(0.012);
    expect(portfolioRows(result([0.0004, null]), 'bmpT', [0])[0]?.band).toBeNull();
  });
});

describe('nice axis ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten and covers the data', () => {
    expect(niceAxis(-0.021, 0.182, 5, 100)).toEqual({ domain: [-0.05, 0.2], ticks: [-0.05, 0, 0.05, 0.1, 0.15, 0.2], decimals: 0 });
    expect(niceAxis(96.3, 119.2).ticks).toEqual([95, 100, 105, 110, 115, 120]);
    expect(niceAxis(0.01, 0.035, 5, 100).decimals).toBe(1);
  });

  it('finds the extent of plain values and bands alike', () => {
    expect(extentOf([{ a: 1, band: [-2, 3] }, { a: null, band: null }], ['a', 'band'])).toEqual([-2, 3]);
    expect(extentOf([{ a: null }], ['a'])).toBeNull();
  });
});
