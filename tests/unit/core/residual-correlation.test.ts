// r̄ for the Kolari–Pynnönen adjustment, against a naive pairwise Pearson correlation written out
// here (R's cor(use = "pairwise.complete.obs") semantics). MADE-UP residuals.
import { describe, expect, it } from 'vitest';
import { averageResidualCorrelation, meanResidualCorrelation } from '../../../src/core/residual-correlation';
import { expectEngineError } from './nonparametric/expect-engine-error';
import { seededNormal } from './made-up-returns';
import { expectClose } from './synthetic-fixture';

function pearson(x: readonly (number | null)[], y: readonly (number | null)[]): number | null {
  const pairs = x.flatMap((value, index) => (value === null || y[index] === null ? [] : [[value, y[index] as number] as const]));
  if (pairs.length < 3) return null;
  const meanX = pairs.reduce((sum, [a]) => sum + a, 0) / pairs.length;
  const meanY = pairs.reduce((sum, [, b]) => sum + b, 0) / pairs.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [a, b] of pairs) {
    sxy += (a - meanX) * (b - meanY);
    sxx += (a - meanX) ** 2;
    syy += (b - meanY) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

function naiveMean(series: readonly (readonly (number | null)[])[]): number | null {
  const correlations: number[] = [];
  series.forEach((first, i) =>
    series.slice(i + 1).forEach((second) => {
      const value = pearson(first, second);
      if (value !== null) correlations.push(value);
    }),
  );
  return correlations.length === 0 ? null : correlations.reduce((sum, value) => sum + value, 0) / correlations.length;
}

describe('averageResidualCorrelation', () => {
  it('is the mean pairwise correlation (worked example: (0.9827 − 1 − 0.9827)/3 = −1/3)', () => {
    expectClose(averageResidualCorrelation([[1, 2, 3, 4], [1, 2, 3, 5], [4, 3, 2, 1]]), -1 / 3);
  });

  it('matches the naive pairwise mean for complete series with a common factor', () => {
    const normal = seededNormal(7);
    const factor = Array.from({ length: 60 }, () => normal());
    const series = Array.from({ length: 8 }, () => factor.map((common) => 0.4 * common + normal()));
    const naive = naiveMean(series);
    expect(naive).toBeGreaterThan(0.05);
    expectClose(averageResidualCorrelation(series), naive ?? Number.NaN);
  });

  it('uses pairwise-complete days for series with missing values, mixed with complete ones', () => {
    const normal = seededNormal(8);
    const series: (number | null)[][] = Array.from({ length: 6 }, () => Array.from({ length: 40 }, () => normal()));
    series[1]![3] = null;
    series[4]![3] = null;
    series[4]![17] = null;
    expectClose(averageResidualCorrelation(series), naiveMean(series) ?? Number.NaN);
  });

  it('leaves out constant series and returns null when no pair can be correlated', () => {
    expect(averageResidualCorrelation([[1, 2, 3]])).toBeNull();
    expect(averageResidualCorrelation([])).toBeNull();
    expect(averageResidualCorrelation([[1, 1, 1, 1], [1, 2, 3, 4]])).toBeNull();
    expectClose(averageResidualCorrelation([[5, 5, 5, 5], [1, 2, 3, 4], [2, 4, 6, 9]]), pearson([1, 2, 3, 4], [2, 4, 6, 9]) ?? Number.NaN);
  });

  it('sums complete series through Σ_{i<j} ρᵢⱼ = (Σₜ(Σᵢ zᵢₜ)² − Σᵢ‖zᵢ‖²)/2: the pairwise statistic to 1e-12', () => {
    const normal = seededNormal(9);
    const factor = Array.from({ length: 240 }, () => normal());
    const series = Array.from({ length: 40 }, (_, index) => factor.map((common) => (index % 3) * 0.3 * common + normal()));
    expectClose(averageResidualCorrelation(series), naiveMean(series) ?? Number.NaN, 'r̄', 1e-12);
  });

  it('gives the same r̄ for residuals in any units, even 1e300 or 1e-300 (correlations have none)', () => {
    const normal = seededNormal(10);
    const series: (number | null)[][] = Array.from({ length: 5 }, () => Array.from({ length: 30 }, () => normal()));
    series[2]![7] = null;
    const expected = averageResidualCorrelation(series) ?? Number.NaN;
    for (const scale of [1e300, 1e-300, 1e-310]) {
      const scaled = series.map((values) => values.map((value) => (value === null ? null : value * scale)));
      expectClose(averageResidualCorrelation(scaled), expected, `× ${scale}`, 1e-12);
    }
  });

  it('leaves out a constant series even when its mean rounds off its value', () => {
    const constant = Array.from({ length: 10 }, () => 0.1);
    expect(constant.reduce((sum, value) => sum + value, 0) / 10).not.toBe(0.1);
    expect(averageResidualCorrelation([constant, [1, 2, 3, 4, 5, 6, 7, 8, 9, 11]])).toBeNull();
  });

  it('treats NaN as a missing day in the engine form, and refuses NaN or Infinity in the public one', () => {
    const rows = [Float64Array.of(1, 2, Number.NaN, 4, 5), Float64Array.of(2, 1, 7, 4, 6)];
    expectClose(meanResidualCorrelation(rows, 5), pearson([1, 2, null, 4, 5], [2, 1, 7, 4, 6]) ?? Number.NaN);
    expectEngineError(() => averageResidualCorrelation([[1, 2, Number.NaN], [1, 2, 3]]), 'INVALID_INPUT', /series #1 holds NaN/);
    expectEngineError(() => averageResidualCorrelation([[1, 2, 3], [1, Infinity, 3]]), 'INVALID_INPUT', /use null for a missing day/);
  });
});
