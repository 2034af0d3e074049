// The missing-day convention on MADE-UP returns: a day where the security or the market has no
// return is left out of the estimation, has a null AR in the event window, and a CAR sums the
// ARs that exist, with γ selecting them in γ'Vγ. Relative days count the unit's calendar.
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../../src/core/study';
import type { StudyOptions, StudyUnit } from '../../../src/core/types';
import { madeUpUnit } from './made-up-returns';
import { expectClose } from './synthetic-fixture';

const options: StudyOptions = {
  model: 'market',
  estimationWindow: { from: -120, to: -11 },
  eventWindow: { from: -5, to: 5 },
  carWindows: [
    { from: 0, to: 1 },
    { from: -5, to: 5 },
  ],
};

const complete = madeUpUnit({ symbol: 'FULL', seed: 11 });
const gappy: StudyUnit = (() => {
  const unit = madeUpUnit({ symbol: 'GAPPY', seed: 12 });
  const zero = unit.dates.indexOf(unit.dayZero);
  const returns = [...unit.returns];
  const marketReturns = [...unit.marketReturns];
  returns[zero - 50] = null;
  returns[zero - 2] = null;
  marketReturns[zero + 1] = null;
  return { ...unit, returns, marketReturns };
})();
const result = runStudy([complete, gappy], options);
const security = result.securities[1];
const zero = gappy.dates.indexOf(gappy.dayZero);

describe('missing days', () => {
  it('counts lost days in the estimation and event windows', () => {
    expect(result.failures).toEqual([]);
    expect(result.securities[0]?.lostDays).toBe(0);
    expect(security?.fit.estimationDays).toBe(109);
    expect(security?.lostDays).toBe(3);
  });

  it('fits the model on the usable estimation days only (independent OLS below)', () => {
    const x: number[] = [];
    const y: number[] = [];
    for (let index = zero - 120; index <= zero - 11; index += 1) {
      const market = gappy.marketReturns[index];
      const value = gappy.returns[index];
      if (market === null || market === undefined || value === null || value === undefined) continue;
      x.push(market);
      y.push(value);
    }
    const meanX = x.reduce((sum, value) => sum + value, 0) / x.length;
    const meanY = y.reduce((sum, value) => sum + value, 0) / y.length;
    const beta = x.reduce((sum, value, index) => sum + (value - meanX) * ((y[index] as number) - meanY), 0) / x.reduce((sum, value) => sum + (value - meanX) ** 2, 0);
    expect(x).toHaveLength(109);
    expectClose(security?.fit.beta, beta);
    expectClose(security?.fit.alpha, meanY - beta * meanX);
  });

  it('leaves the AR of a missing day null, never filled, and keeps the observed side', () => {
    const dayPlusOne = security?.days.find((day) => day.relativeDay === 1);
    expect(dayPlusOne).toMatchObject({ marketReturn: null, expected: null, ar: null, arVariance: null, sar: null });
    expect(dayPlusOne?.return).toBe(gappy.returns[zero + 1]);
    const dayMinusTwo = security?.days.find((day) => day.relativeDay === -2);
    expect(dayMinusTwo).toMatchObject({ return: null, ar: null });
    expect(dayMinusTwo?.expected).not.toBeNull();
  });

  it('sums only the available ARs into CAR, and var(CAR) uses the same days', () => {
    const days = security?.days ?? [];
    const available = days.filter((day) => day.ar !== null);
    const car = available.reduce((sum, day) => sum + (day.ar as number), 0);
    expectClose(days.at(-1)?.car, car);
    expectClose(security?.windows[1]?.car, car);
    const dayZero = days.find((day) => day.relativeDay === 0);
    // Day +1 is missing, so CAR[0,1] is AR(0) and its variance is var(AR(0)).
    expectClose(security?.windows[0]?.car, dayZero?.ar ?? Number.NaN);
    expectClose(security?.windows[0]?.carVariance, dayZero?.arVariance ?? Number.NaN);
    // The cumulative CAR of the missing day carries the previous day's CAR forward.
    expect(days.find((day) => day.relativeDay === 1)?.car).toBe(dayZero?.car);
  });

  it('drops a security from the cross-section only on its missing days', () => {
    const counts = result.aggregate.days.map((day) => [day.relativeDay, day.n]);
    expect(counts).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5].map((day) => [day, day === -2 || day === 1 ? 1 : 2]));
    const dayPlusOne = result.aggregate.days.find((day) => day.relativeDay === 1);
    expect(dayPlusOne?.aar).toBe(result.securities[0]?.days.find((day) => day.relativeDay === 1)?.ar);
    expect(dayPlusOne?.tests.crossSectionalT.statistic).toBeNull();
    expect(dayPlusOne?.tests.crossSectionalT.reason).toContain('at least 2');
    expect(dayPlusOne?.date).toBe(gappy.dates[zero + 1]);
  });

  it('CAAR of a day sums the AARs; CAAR of a window averages the CARs', () => {
    const days = result.aggregate.days;
    const summed = days.reduce((sum, day) => sum + (day.aar ?? 0), 0);
    expectClose(days.at(-1)?.caar, summed);
    const cars = result.securities.map((entry) => entry.windows[1]?.car as number);
    expectClose(result.aggregate.windows[1]?.caar, (cars[0]! + cars[1]!) / 2);
  });
});
