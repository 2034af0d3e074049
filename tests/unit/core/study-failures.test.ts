// Per-security failures of runStudy on MADE-UP returns (see made-up-returns.ts).
import { describe, expect, it } from 'vitest';
import { EventStudyError } from '../../../src/core/errors';
import { runStudy } from '../../../src/core/study';
import type { StudyOptions, StudyUnit } from '../../../src/core/types';
import { madeUpUnit } from './made-up-returns';

const options: StudyOptions = {
  model: 'market',
  estimationWindow: { from: -120, to: -11 },
  eventWindow: { from: -5, to: 5 },
  carWindows: [{ from: 0, to: 1 }],
  minimumEstimationDays: 30,
};

function withReturns(unit: StudyUnit, change: (returns: (number | null)[], zero: number) => void): StudyUnit {
  const returns = [...unit.returns];
  change(returns, unit.dates.indexOf(unit.dayZero));
  return { ...unit, returns };
}

describe('runStudy failures', () => {
  const healthy = madeUpUnit({ symbol: 'GOOD', seed: 1 });

  it('records too few estimation days as INSUFFICIENT_ESTIMATION_DATA naming the security, and studies the rest', () => {
    const sparse = withReturns(madeUpUnit({ symbol: '7013.T', seed: 2 }), (returns, zero) => {
      for (let day = -120; day <= -11; day += 1) if (day % 5 !== 0) returns[zero + day] = null;
    });
    const result = runStudy([healthy, sparse], options);
    expect(result.failures).toEqual([
      {
        id: '7013.T',
        symbol: '7013.T',
        error: { code: 'INSUFFICIENT_ESTIMATION_DATA', message: '7013.T: only 22 usable estimation days, at least 30 needed' },
      },
    ]);
    expect(result.securities.map((security) => security.symbol)).toEqual(['GOOD']);
    expect(result.aggregate.days.every((day) => day.n === 1)).toBe(true);
  });

  it('with strictEstimation, any missing estimation day fails the security', () => {
    const oneGap = withReturns(madeUpUnit({ symbol: 'GAPPY', seed: 3 }), (returns, zero) => {
      returns[zero - 50] = null;
    });
    expect(runStudy([oneGap], options).failures).toEqual([]);
    const strict = runStudy([oneGap], { ...options, strictEstimation: true });
    expect(strict.failures[0]?.error).toEqual({
      code: 'INSUFFICIENT_ESTIMATION_DATA',
      message: 'GAPPY: only 109 usable estimation days, at least 110 needed',
    });
  });

  it('records a constant market in the estimation window as CONSTANT_SERIES (β undefined)', () => {
    const unit = madeUpUnit({ symbol: 'FLATMKT', seed: 4 });
    const marketReturns = unit.marketReturns.map(() => 0.001);
    const result = runStudy([{ ...unit, marketReturns }], options);
    expect(result.failures[0]?.error.code).toBe('CONSTANT_SERIES');
    expect(result.failures[0]?.error.message).toBe(
      "FLATMKT: the market returns are constant in the estimation window (or vary too little for double precision), so the market model's β is undefined.",
    );
    // The market-adjusted model needs no market variance, so the same data can be studied with it.
    expect(runStudy([{ ...unit, marketReturns }], { ...options, model: 'market-adjusted' }).failures).toEqual([]);
  });

  it('studies a security whose abnormal returns do not vary, without SARs, for every model', () => {
    const unit = madeUpUnit({ symbol: 'FLAT', seed: 5 });
    const zeros = unit.returns.map(() => 0);
    for (const model of ['market', 'market-adjusted', 'mean-adjusted'] as const) {
      // Market-adjusted: the security is its market; market model and mean-adjusted: constant returns.
      const flat = model === 'market-adjusted' ? { ...unit, returns: unit.marketReturns } : { ...unit, returns: zeros };
      const result = runStudy([flat, healthy], { ...options, model });
      expect(result.failures, model).toEqual([]);
      const [security] = result.securities;
      for (const day of security?.days ?? []) {
        expect(day.ar, model).toBe(0);
        expect(day.sar, model).toBeNull();
        expect(day.scar, model).toBeNull();
      }
      expect(security?.windows[0]?.car, model).toBe(0);
      expect(security?.windows[0]?.t.reason, model).toMatch(/^CAR t: cannot be computed, because FLAT's abnormal returns do not vary/);
      // Tests on ARs count both securities; the standardized ones only the security with SARs.
      const dayZero = result.aggregate.days.find((day) => day.relativeDay === 0);
      expect(dayZero?.n, model).toBe(2);
      expect(dayZero?.tests.crossSectionalT.statistic, model).not.toBeNull();
      expect(dayZero?.tests.bmpT.reason, model).toMatch(/needs at least 2 securities, got 1/);
      const other = result.securities[1];
      const degreesOfFreedom = (other?.fit.estimationDays ?? 0) - (model === 'market' ? 2 : 1);
      const otherSar = other?.days.find((day) => day.relativeDay === 0)?.sar ?? Number.NaN;
      expect(dayZero?.tests.patellZ.statistic, model).toBe(otherSar / Math.sqrt(degreesOfFreedom / (degreesOfFreedom - 2)));
    }
  });

  it('says why the standardized tests cannot be computed when no security has SARs', () => {
    const unit = madeUpUnit({ symbol: 'TOPIX', seed: 11 });
    const result = runStudy([{ ...unit, returns: unit.marketReturns }], { ...options, model: 'market-adjusted' });
    const window = result.aggregate.windows[0];
    expect(window?.n).toBe(1);
    expect(window?.caar).toBe(0);
    for (const test of ['patellZ', 'bmpT', 'kpT', 'j2'] as const) {
      expect(window?.tests[test].reason).toMatch(/cannot be computed, because no security's abnormal returns vary in the estimation window/);
    }
    expect(window?.tests.j1.reason).toMatch(/^J1: cannot be computed, because the abnormal returns have no variance/);
  });

  it('records NaN or infinite returns as INVALID_INPUT with the date', () => {
    const bad = withReturns(madeUpUnit({ symbol: 'NAN', seed: 6 }), (returns, zero) => {
      returns[zero - 40] = Number.NaN;
    });
    const infinite = { ...madeUpUnit({ symbol: 'INF', seed: 7 }) };
    const eventDay = infinite.dates.indexOf(infinite.dayZero) + 2;
    infinite.marketReturns = infinite.marketReturns.map((value, index) => (index === eventDay ? Number.POSITIVE_INFINITY : value));
    // Days the study never reads (here the first one) are not checked: they cannot affect a result.
    const unusedNaN = { ...madeUpUnit({ symbol: 'UNUSED', seed: 13 }) };
    unusedNaN.returns = unusedNaN.returns.map((value, index) => (index === 0 ? Number.NaN : value));
    expect(runStudy([unusedNaN], options).failures).toEqual([]);
    const result = runStudy([bad, infinite], options);
    expect(result.failures.map((failure) => failure.error.code)).toEqual(['INVALID_INPUT', 'INVALID_INPUT']);
    expect(result.failures[0]?.error.message).toBe(`The NAN return on ${bad.dates[bad.dates.indexOf(bad.dayZero) - 40]} is NaN, not a finite number.`);
    expect(result.failures[1]?.error.message).toContain('MADE_UP_MKT return');
  });

  it('records windows that run past the data as EVENT_OUTSIDE_DATA', () => {
    const late = madeUpUnit({ symbol: 'LATE', seed: 8, days: 200, dayZeroIndex: 197 });
    const early = madeUpUnit({ symbol: 'EARLY', seed: 9, days: 200, dayZeroIndex: 100 });
    const result = runStudy([late, early], options);
    expect(result.failures.map((failure) => failure.error.code)).toEqual(['EVENT_OUTSIDE_DATA', 'EVENT_OUTSIDE_DATA']);
    expect(result.failures[0]?.error.message).toContain('LATE: the event window -5:5 ends 5 trading days after day 0');
    expect(result.failures[0]?.error.message).toContain('the data ends 2 trading days after it');
    expect(result.failures[1]?.error.message).toContain('EARLY: the estimation window -120:-11 starts 120 trading days before day 0');
  });

  it('records malformed units instead of crashing', () => {
    const unit = madeUpUnit({ symbol: 'SHORT', seed: 10 });
    const result = runStudy([{ ...unit, returns: unit.returns.slice(1) }, { ...unit, dayZero: '1999-01-01' }], options);
    expect(result.failures.map((failure) => failure.error.code)).toEqual(['INVALID_INPUT', 'EVENT_OUTSIDE_DATA']);
  });

  it('gives every test a reason, not a NaN, when no security succeeded', () => {
    const result = runStudy([], options);
    for (const entry of [...result.aggregate.days, ...result.aggregate.windows]) {
      expect(entry.n).toBe(0);
      for (const test of Object.values(entry.tests)) {
        expect(test.statistic).toBeNull();
        expect(test.reason).toMatch(/\w/);
      }
    }
  });

  it('throws a typed error only for invalid options', () => {
    expect(() => runStudy([healthy], { ...options, eventWindow: { from: -20, to: 5 } })).toThrow(EventStudyError);
  });
});
