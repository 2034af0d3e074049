// r̄ for the Kolari–Pynnönen adjustment, against a naive pairwise Pearson correlation written out
// here (R's cor(use = "pairwise.complete.obs") semantics). MADE-UP residuals.
import { describe, expect, it } from 'vitest';
import { averageResidualCorrelation } from '../../../src/core/residual-correlation';
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
});
