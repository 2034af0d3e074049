import { describe, expect, it } from 'vitest';
import { normalTwoSidedPValue, studentTwoSidedPValue } from '../../src/core/distributions';

// Reference values from R 4.x: 2*pnorm(-1.959963984540054) and 2*pt(-2.7764451051977987, 4).
describe('distributions', () => {
  it('normal two-sided p-value at the 5% critical value', () => {
    expect(normalTwoSidedPValue(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(normalTwoSidedPValue(-1.959963984540054)).toBeCloseTo(0.05, 14);
  });
  it('Student t two-sided p-value at the 5% critical value with 4 df', () => {
    expect(studentTwoSidedPValue(2.7764451051977987, 4)).toBeCloseTo(0.05, 13);
  });
});
