/**
 * The claim-check rule and the claims schema. Measurements here are made up (numbers chosen to sit
 * either side of the 5% level); the checks against the real study are in
 * tests/unit/application/claim-findings.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { articleClaimsSchema, claimOutcome, readArticleClaims, type ClaimMeasurement, type TestedMove } from '../../../src/domain/claim-check.ts';

const move = (value: number | null, pValue: number | null): TestedMove => ({ value, pValue });
const measured = (symbol: string, dayZero: TestedMove, zeroToOne: TestedMove): ClaimMeasurement => ({ symbol, dayZeroAr: dayZero, carZeroToOne: zeroToOne });

describe('claimOutcome', () => {
  it('is supported when every measured security moves the claimed way with p < 0.05 on day 0 or over [0, +1]', () => {
    const outcome = claimOutcome('up', [measured('A', move(0.16, 0.0001), move(0.15, 0.001)), measured('B', move(0.01, 0.6), move(0.05, 0.04))]);
    expect(outcome).toEqual({ verdict: 'supported', bearsOut: { A: true, B: true }, unmeasured: [] });
  });

  it('is not supported when no security moves measurably the claimed way, mixed when some do', () => {
    expect(claimOutcome('up', [measured('A', move(-0.0227, 0.3), move(0.0068, 0.83)), measured('B', move(-0.0168, 0.45), move(-0.0325, 0.31))]).verdict).toBe('not supported');
    expect(claimOutcome('up', [measured('A', move(0.19, 0.0008), move(0.18, 0.016)), measured('B', move(0.097, 0.12), move(0.092, 0.3))]).verdict).toBe('mixed');
    // A significant move the other way is not support, and a claim of a fall reads the sign the other way.
    expect(claimOutcome('up', [measured('A', move(-0.1, 0.001), move(-0.1, 0.01))]).verdict).toBe('not supported');
    expect(claimOutcome('down', [measured('A', move(-0.1, 0.001), move(-0.1, 0.01))]).verdict).toBe('supported');
  });

  it('does not count a security that moves significantly both ways (day 0 up, [0, +1] down) as support', () => {
    expect(claimOutcome('up', [measured('A', move(0.05, 0.01), move(-0.08, 0.01))]).verdict).toBe('not supported');
  });

  it('treats 5% as the line: p = 0.05 is not below it', () => {
    expect(claimOutcome('up', [measured('A', move(0.05, 0.05), move(0.05, 0.05))]).verdict).toBe('not supported');
    expect(claimOutcome('up', [measured('A', move(0.05, 0.0499), move(null, null))]).verdict).toBe('supported');
  });

  it('names securities without a tested move and gives no verdict when none has one', () => {
    const outcome = claimOutcome('up', [measured('A', move(0.16, 0.0001), move(null, null)), measured('B', move(0.2, null), move(null, null))]);
    expect(outcome).toEqual({ verdict: 'supported', bearsOut: { A: true }, unmeasured: ['B'] });
    expect(claimOutcome('up', [measured('B', move(0.2, null), move(null, null))])).toEqual({ verdict: null, reason: expect.stringContaining('no security'), unmeasured: ['B'] });
  });
});

describe('the claims schema', () => {
  const claim = { excerpt: 'one', quote: 'Shares rose.', securities: ['7013.T'], events: ['us-election-2024'], direction: 'up', saysSignificant: false };

  it('accepts a claim and refuses a missing direction, an unknown key or an empty list of securities', () => {
    expect(articleClaimsSchema.safeParse({ article: 'a', claims: [claim] }).success).toBe(true);
    expect(articleClaimsSchema.safeParse({ article: 'a', claims: [{ ...claim, direction: 'sideways' }] }).success).toBe(false);
    expect(articleClaimsSchema.safeParse({ article: 'a', claims: [{ ...claim, certainty: 'high' }] }).success).toBe(false);
    expect(articleClaimsSchema.safeParse({ article: 'a', claims: [{ ...claim, securities: [] }] }).success).toBe(false);
  });

  it('refuses a quote that is not in its excerpt, or an excerpt the article lacks', () => {
    const texts = new Map([['one', 'Before. Shares rose. After.']]);
    expect(readArticleClaims({ article: 'a', claims: [claim] }, texts)).toEqual({ claims: [claim], problem: null });
    expect(readArticleClaims({ article: 'a', claims: [{ ...claim, quote: 'Shares soared.' }] }, texts).problem).toMatch(/quote of "one" is not in its text/);
    expect(readArticleClaims({ article: 'a', claims: [{ ...claim, excerpt: 'two' }] }, texts).problem).toMatch(/no excerpt "two"/);
    expect(readArticleClaims({ claims: [] }, texts).problem).toMatch(/malformed at article/);
  });
});
