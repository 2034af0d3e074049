// Checks the closed-form CAR variance against MacKinlay's (1997) matrix form γ'Vγ,
// V = s²(I + X*(X'X)⁻¹X*'), evaluated here literally with a 2×2 inverse. MADE-UP returns.
import { describe, expect, it } from 'vitest';
import { constantMeanCarVariance, marketModelCarVariance } from '../../../src/core/car-variance';
import { fitMarketModel } from '../../../src/core/market-model';
import { expectClose } from './synthetic-fixture';
import { seededNormal } from './made-up-returns';

/** γ'Vγ built element by element from X (estimation) and X* (event days), with γ given. */
function matrixCarVariance(s2: number, estimationMarket: readonly number[], eventMarket: readonly number[], gamma: readonly number[]): number {
  let n = 0;
  let sx = 0;
  let sxx = 0;
  for (const x of estimationMarket) {
    n += 1;
    sx += x;
    sxx += x * x;
  }
  const determinant = n * sxx - sx * sx;
  const inverse = [
    [sxx / determinant, -sx / determinant],
    [-sx / determinant, n / determinant],
  ] as const;
  let total = 0;
  eventMarket.forEach((xi, i) => {
    eventMarket.forEach((xj, j) => {
      const rowI = [1, xi] as const;
      const rowJ = [1, xj] as const;
      let quadratic = 0;
      for (let a = 0; a < 2; a += 1) for (let b = 0; b < 2; b += 1) quadratic += rowI[a]! * inverse[a]![b]! * rowJ[b]!;
      const v = s2 * ((i === j ? 1 : 0) + quadratic);
      total += gamma[i]! * v * gamma[j]!;
    });
  });
  return total;
}

describe('marketModelCarVariance', () => {
  const normal = seededNormal(42);
  const estimationMarket = Array.from({ length: 120 }, () => 0.0004 + 0.01 * normal());
  const securityReturns = estimationMarket.map((market) => 0.0003 + 1.2 * market + 0.02 * normal());
  const eventMarket = Array.from({ length: 11 }, () => 0.001 + 0.015 * normal());
  const model = fitMarketModel({ securityReturns, marketReturns: estimationMarket }, 'MADE_UP');
  const meanMarket = estimationMarket.reduce((sum, value) => sum + value, 0) / estimationMarket.length;
  const estimate = {
    s2: model.fit.s2,
    estimationDays: 120,
    marketMean: meanMarket,
    marketSumOfSquares: estimationMarket.reduce((sum, value) => sum + (value - meanMarket) ** 2, 0),
  };

  it('equals γ\'Vγ for every cumulative window', () => {
    for (let length = 1; length <= eventMarket.length; length += 1) {
      const gamma = eventMarket.map((_, index) => (index < length ? 1 : 0));
      const marketSum = eventMarket.slice(0, length).reduce((sum, value) => sum + value, 0);
      expectClose(marketModelCarVariance(estimate, length, marketSum), matrixCarVariance(estimate.s2, estimationMarket, eventMarket, gamma), `L=${length}`);
      expectClose(model.cumulativeVariance(length, marketSum), matrixCarVariance(estimate.s2, estimationMarket, eventMarket, gamma));
    }
  });

  it('equals γ\'Vγ when γ skips missing event days', () => {
    const gamma = [1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1];
    const kept = eventMarket.filter((_, index) => gamma[index] === 1);
    const marketSum = kept.reduce((sum, value) => sum + value, 0);
    expectClose(marketModelCarVariance(estimate, kept.length, marketSum), matrixCarVariance(estimate.s2, estimationMarket, eventMarket, gamma));
  });

  it('exceeds L·s² by the estimation error: the covariance across event days', () => {
    const marketSum = eventMarket.reduce((sum, value) => sum + value, 0);
    expect(marketModelCarVariance(estimate, 11, marketSum)).toBeGreaterThan(11 * estimate.s2);
  });

  it('for one day is the forecast-error-corrected var(AR) s²(1 + 1/M + (Rm − R̄m)²/Σ(Rm − R̄m)²)', () => {
    const market = eventMarket[0] as number;
    const expected = estimate.s2 * (1 + 1 / 120 + (market - meanMarket) ** 2 / estimate.marketSumOfSquares);
    expectClose(marketModelCarVariance(estimate, 1, market), expected);
  });
});

describe('constantMeanCarVariance', () => {
  it('equals γ\'(I + ιι\'/M)γ·s² written out', () => {
    // With X a column of ones, X*(X'X)⁻¹X*' = ιι'/M, so γ'Vγ = s²(L + L²/M); 0.0004·(3 + 9/120).
    expect(constantMeanCarVariance(0.0004, 120, 3)).toBeCloseTo(0.0004 * 3.075, 18);
  });
});
