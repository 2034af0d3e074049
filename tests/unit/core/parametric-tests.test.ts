// Small hand-worked cases for each across-securities parametric test. Student t(2) p-values are
// checked against the closed form p = 1 − |t|/√(t² + 2) (the t(2) CDF is ½ + t/(2√(t² + 2))),
// normal ones at the 5% quantile 1.959963984540054; neither uses the engine's stdlib calls.
import { describe, expect, it } from 'vitest';
import { boehmerMusumeciPoulsenTest } from '../../../src/core/boehmer-musumeci-poulsen-test';
import { carTTest } from '../../../src/core/car-t-test';
import { crossSectionalTTest } from '../../../src/core/cross-sectional-t-test';
import { jOneTest } from '../../../src/core/j1-test';
import { jTwoTest } from '../../../src/core/j2-test';
import { kolariPynnonenTest } from '../../../src/core/kolari-pynnonen-test';
import { patellTest, standardizedVariance } from '../../../src/core/patell-test';
import { expectClose } from './synthetic-fixture';

const twoDegreesPValue = (t: number) => 1 - Math.abs(t) / Math.sqrt(t * t + 2);
const Z_05 = 1.959963984540054;

describe('cross-sectional t', () => {
  it('is mean/(sd/√N) with a t(N−1) p-value', () => {
    // mean 0.02, sd 0.01 → t = 0.02·√3/0.01 = 2√3
    const result = crossSectionalTTest([0.01, 0.03, 0.02]);
    expectClose(result.statistic, 2 * Math.sqrt(3));
    expectClose(result.pValue, twoDegreesPValue(2 * Math.sqrt(3)));
  });

  it('explains why it cannot be computed for one value or no spread', () => {
    expect(crossSectionalTTest([0.01])).toEqual({ statistic: null, pValue: null, reason: 'Cross-sectional t: needs at least 2 securities, got 1.' });
    expect(crossSectionalTTest([0.01, 0.01, 0.01]).reason).toContain('spread is zero');
  });
});

describe('BMP and Kolari–Pynnönen', () => {
  it('BMP t is √N·mean(SAR)/sd(SAR) with a t(N−1) p-value', () => {
    // mean 1.2, sd 0.8 → t = 1.2·√3/0.8
    const result = boehmerMusumeciPoulsenTest([1.2, 0.4, 2.0]);
    expectClose(result.statistic, (1.2 * Math.sqrt(3)) / 0.8);
    expectClose(result.pValue, twoDegreesPValue((1.2 * Math.sqrt(3)) / 0.8));
  });

  it('KP scales BMP by √((1 − r̄)/(1 + (N − 1)r̄))', () => {
    // r̄ = 0.1, N = 3: factor √(0.9/1.2) = √0.75, so t = 1.2·√3·√0.75/0.8 = 2.25
    const result = kolariPynnonenTest([1.2, 0.4, 2.0], 0.1);
    expectClose(result.statistic, 2.25);
    expectClose(result.pValue, twoDegreesPValue(2.25));
    expectClose(kolariPynnonenTest([1.2, 0.4, 2.0], 0).statistic, boehmerMusumeciPoulsenTest([1.2, 0.4, 2.0]).statistic ?? Number.NaN);
  });

  it('KP says why when r̄ is unknown or impossible, or BMP is unavailable', () => {
    expect(kolariPynnonenTest([1.2, 0.4, 2.0], null).reason).toContain('could not be estimated');
    expect(kolariPynnonenTest([1.2, 0.4, 2.0], -0.6).reason).toContain('too negative');
    expect(kolariPynnonenTest([1.2], 0.1).reason).toBe('Kolari–Pynnönen t: needs at least 2 securities, got 1.');
  });
});

describe('Patell Z, J1 and J2', () => {
  it('Patell Z divides Σ SAR by √Σ d/(d − 2)', () => {
    // One security whose SAR is 1.96·√(118/116) gives Z = 1.96: p = 0.05.
    const result = patellTest([Z_05 * Math.sqrt(118 / 116)], [standardizedVariance(118, 1)]);
    expectClose(result.statistic, Z_05);
    expectClose(result.pValue, 0.05);
  });

  it('Patell Z of a window uses L·d/(d − 2) per security', () => {
    // Two securities, 3 days each, d = 118: Z = (1 + 2)/√(2·3·118/116)
    expectClose(patellTest([1, 2], [standardizedVariance(118, 3), standardizedVariance(118, 3)]).statistic, 3 / Math.sqrt((6 * 118) / 116));
  });

  it('J2 is Σ SCAR/√Σ d/(d − 2), the textbook √(N(M−4)/(M−2))·mean(SCAR) for a common M', () => {
    const scars = [1.2, 0.4, 2.0];
    expectClose(jTwoTest(scars, [118, 118, 118]).statistic, Math.sqrt((3 * 116) / 118) * 1.2);
  });

  it('J1 is CAAR/√(Σ var/N²) with a normal p-value', () => {
    // 0.02/√(0.0008/4) = √2; and a case built to land on the 5% quantile
    expectClose(jOneTest(0.02, [0.0004, 0.0004]).statistic, Math.SQRT2);
    expectClose(jOneTest(Z_05 * 0.01, [0.0001]).pValue, 0.05);
  });

  it('say why when there is no security', () => {
    expect(patellTest([], []).reason).toBe('Patell Z: no securities to test.');
    expect(jOneTest(0, []).reason).toBe('J1: no securities to test.');
    expect(jTwoTest([], []).reason).toBe('J2: no securities to test.');
  });
});

describe('per-security CAR t', () => {
  it('is CAR/√var(CAR) with Student t p-value on the given degrees of freedom', () => {
    // t(2): CAR 0.03, var 0.0001 → t = 3
    const result = carTTest(0.03, 0.0001, 2);
    expectClose(result.statistic, 3);
    expectClose(result.pValue, twoDegreesPValue(3));
  });

  it('says why when the window has no abnormal return', () => {
    expect(carTTest(null, null, 118).reason).toBe('CAR t: no abnormal return in this window.');
  });
});
