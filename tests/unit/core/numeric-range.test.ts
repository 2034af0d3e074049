// Helpers that keep statistics right at the edges of double precision: power-of-two scaling and the
// rule for residual variance that is only rounding. MADE-UP numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossSectionalTTest } from '../../../src/core/cross-sectional-t-test';
import { hasResidualVariance } from '../../../src/core/residual-variance';
import { unitScaled } from '../../../src/core/unit-scaled';

describe('unitScaled', () => {
  it('returns ordinary values themselves, not a copy', () => {
    const values = [0.01, -0.02, 3];
    expect(unitScaled(values)).toBe(values);
  });

  it('scales extreme values exactly by a power of two, so every ratio between them is kept', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 2, noNaN: true }), { minLength: 1, maxLength: 8 }), fc.integer({ min: -1070, max: 1020 }), (mantissas, exponent) => {
        const values = mantissas.map((mantissa) => mantissa * 2 ** exponent);
        const scaled = unitScaled(values);
        const largest = Math.max(...Array.from(scaled, Math.abs));
        if (Math.abs(exponent) > 400) expect(largest).toBeGreaterThanOrEqual(0.5);
        if (Math.abs(exponent) > 400) expect(largest).toBeLessThan(4);
        // The ratio to the first value survives unless a value was subnormal before or after.
        values.forEach((value, index) => {
          if (Math.abs(value) < 2 ** -1020 || Math.abs(scaled[index]!) < 2 ** -1020) return;
          expect(scaled[index]! / scaled[0]!).toBe(value / values[0]!);
        });
      }),
      { numRuns: 300, seed: 45 },
    );
  });

  it('lets the cross-sectional t of 1e300s and 1e-300s equal that of ordinary values', () => {
    const values = [0.5, 1.5, 1, 2.25];
    const expected = crossSectionalTTest(values).statistic;
    expect(crossSectionalTTest(values.map((value) => value * 1e300)).statistic).toBeCloseTo(expected ?? Number.NaN, 12);
    expect(crossSectionalTTest(values.map((value) => value * 1e-300)).statistic).toBeCloseTo(expected ?? Number.NaN, 12);
  });
});

describe('hasResidualVariance', () => {
  const sample = { securityReturns: [0.01, -0.02, 0.015, 0.003], marketReturns: [0.008, -0.015, 0.01, 0.001] };
  const meanSquare = (scale: number) =>
    sample.securityReturns.reduce((sum, value, index) => sum + (value * scale) ** 2 + (sample.marketReturns[index]! * scale) ** 2, 0) / 4;

  it('calls s² of rounding size (below 1e-24 of the mean square) no variance, and real s² variance', () => {
    expect(hasResidualVariance(0, meanSquare(1), sample)).toBe(false);
    expect(hasResidualVariance(1e-30, meanSquare(1), sample)).toBe(false);
    expect(hasResidualVariance(1e-20, meanSquare(1), sample)).toBe(true);
  });

  it('does not depend on the units of the returns, even where their squares overflow or underflow', () => {
    // 1e160: squares of the returns overflow; 1e-145: they underflow. s² itself stays a double.
    for (const scale of [1e-145, 1e-3, 1e3, 1e160]) {
      const scaled = {
        securityReturns: sample.securityReturns.map((value) => value * scale),
        marketReturns: sample.marketReturns.map((value) => value * scale),
      };
      expect(hasResidualVariance(1e-20 * scale * scale, meanSquare(scale), scaled), `× ${scale}`).toBe(true);
      expect(hasResidualVariance(1e-30 * scale * scale, meanSquare(scale), scaled), `× ${scale}`).toBe(false);
    }
  });
});
