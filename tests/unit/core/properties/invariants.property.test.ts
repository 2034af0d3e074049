// Invariants of the event study (issue 6), on MADE-UP returns: seeded normal draws whose seeds,
// sizes, missing days, model and scale fast-check chooses (ties between abnormal returns are then
// practically impossible, so ranks and signs depend only on the data, not on rounding).
//   - CAR is the running sum of the ARs, a window's CAR the sum of its ARs, CAAR the sum of AARs;
//   - under the market-adjusted model AR = R − Rₘ exactly;
//   - a security equal to its market has AR = 0 (market-adjusted exactly; market model with β = 1,
//     α = 0 up to rounding) and no SAR, since its abnormal returns have no variance;
//   - multiplying every return (security and market) by c > 0 multiplies ARs and CARs by c and
//     leaves every t and z statistic (SAR, SCAR, CAR t, and all twelve aggregate tests) unchanged;
//   - the Brown–Warner (1985) and portfolio time-series tests see only the average of the securities'
//     returns: reversing the securities' order, or counting each twice, leaves them unchanged (a
//     cross-sectional test would gain √2 from the duplicates).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../../../src/core/study';
import type { AggregateTests, ModelKind, StudyOptions, StudyResult, StudyUnit, TestResult } from '../../../../src/core/types';
import { madeUpDates, seededNormal } from '../made-up-returns';
import { MODELS } from './engine-arbitraries';

const SEED = 20241106;
const DAYS = 60;
const DAY_ZERO_INDEX = 52;
const dates = madeUpDates(DAYS);

interface MadeUpStudy {
  units: StudyUnit[];
  options: StudyOptions;
}

/** 1–4 securities on one market and event, some days missing, estimation 10–45 days. */
const madeUpStudy: fc.Arbitrary<MadeUpStudy> = fc
  .record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    securities: fc.integer({ min: 1, max: 4 }),
    missing: fc.array(fc.nat(DAYS * 4 - 1), { maxLength: 6 }),
    model: fc.constantFrom<ModelKind>(...MODELS),
    estimationLength: fc.integer({ min: 10, max: 45 }),
  })
  .map(({ seed, securities, missing, model, estimationLength }) => {
    const normal = seededNormal(seed);
    const marketReturns = Array.from({ length: DAYS }, () => 0.0004 + 0.01 * normal());
    const units = Array.from({ length: securities }, (_, index): StudyUnit => {
      const beta = 0.5 + normal() * 0.4 + 0.6;
      const returns: (number | null)[] = marketReturns.map((market) => 0.0002 + beta * market + 0.015 * normal());
      for (const slot of missing) if (Math.floor(slot / DAYS) === index) returns[slot % DAYS] = null;
      return { id: `S${index}`, symbol: `S${index}`, benchmark: 'M', dates, returns, marketReturns, dayZero: dates[DAY_ZERO_INDEX] as string };
    });
    const options: StudyOptions = {
      model,
      estimationWindow: { from: -5 - estimationLength, to: -6 },
      eventWindow: { from: -3, to: 4 },
      carWindows: [
        { from: 0, to: 0 },
        { from: -1, to: 1 },
        { from: -3, to: 4 },
      ],
      minimumEstimationDays: 5,
    };
    return { units, options };
  });

function sumOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? null : present.reduce((total, value) => total + value, 0);
}

/** |actual − expected| ≤ relative·max(|actual|, |expected|) + absolute, or both null. */
function expectNear(actual: number | null | undefined, expected: number | null | undefined, relative: number, absolute: number, label: string): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, label).toBeNull();
    return;
  }
  expect(actual, label).toEqual(expect.any(Number));
  const difference = Math.abs((actual as number) - expected);
  expect(difference, `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(relative * Math.max(Math.abs(actual as number), Math.abs(expected)) + absolute);
}

describe('CAR is the sum of the ARs', () => {
  it('per security and day, per CAR window, and CAAR as the sum of AARs', () => {
    fc.assert(
      fc.property(madeUpStudy, ({ units, options }) => {
        const result = runStudy(units, options);
        for (const security of result.securities) {
          security.days.forEach((day, index) => {
            expectNear(day.car, sumOf(security.days.slice(0, index + 1).map((each) => each.ar)), 1e-12, 1e-18, `${security.symbol} day ${day.relativeDay}`);
          });
          for (const window of security.windows) {
            const inWindow = security.days.filter((day) => day.relativeDay >= window.from && day.relativeDay <= window.to);
            expectNear(window.car, sumOf(inWindow.map((day) => day.ar)), 1e-12, 1e-18, `${security.symbol} window ${window.from}:${window.to}`);
          }
        }
        result.aggregate.days.forEach((day, index) => {
          expectNear(day.caar, sumOf(result.aggregate.days.slice(0, index + 1).map((each) => each.aar)), 1e-12, 1e-18, `CAAR day ${day.relativeDay}`);
        });
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});

describe('market-adjusted model', () => {
  it('gives AR = R − Rₘ exactly, with the market return as the expected return', () => {
    fc.assert(
      fc.property(madeUpStudy, ({ units, options }) => {
        for (const security of runStudy(units, { ...options, model: 'market-adjusted' }).securities) {
          for (const day of security.days) {
            if (day.ar === null) continue;
            expect(day.expected).toBe(day.marketReturn);
            expect(day.ar).toBe((day.return as number) - (day.marketReturn as number));
          }
        }
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});

describe('a security equal to its market', () => {
  it('has zero abnormal returns and no SAR (market-adjusted exactly; market model β = 1, α = 0 up to rounding)', () => {
    fc.assert(
      fc.property(madeUpStudy, fc.constantFrom<ModelKind>('market', 'market-adjusted'), ({ units, options }, model) => {
        const twin = { ...(units[0] as StudyUnit), id: 'TWIN', symbol: 'TWIN', returns: (units[0] as StudyUnit).marketReturns };
        const result = runStudy([twin], { ...options, model });
        expect(result.failures).toEqual([]);
        const [security] = result.securities;
        const largest = Math.max(...twin.marketReturns.map((value) => Math.abs(value ?? 0)));
        if (model === 'market') {
          expectNear(security?.fit.beta, 1, 0, 1e-12, 'β');
          expectNear(security?.fit.alpha, 0, 0, 1e-12 * largest, 'α');
        }
        for (const day of security?.days ?? []) {
          if (model === 'market-adjusted') expect(day.ar).toBe(0);
          else expectNear(day.ar, 0, 0, 1e-12 * largest, `AR day ${day.relativeDay}`);
          expect(day.sar).toBeNull();
          expect(day.scar).toBeNull();
        }
        for (const window of security?.windows ?? []) expect(window.t.reason).toMatch(/abnormal returns do not vary/);
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});


function scaledBy(units: readonly StudyUnit[], scale: number): StudyUnit[] {
  const times = (values: readonly (number | null)[]) => values.map((value) => (value === null ? null : value * scale));
  return units.map((unit) => ({ ...unit, returns: times(unit.returns), marketReturns: times(unit.marketReturns) }));
}

function expectSameTest(actual: TestResult | undefined, expected: TestResult | undefined, label: string): void {
  expectNear(actual?.statistic, expected?.statistic, 1e-9, 1e-12, label);
  expectNear(actual?.pValue, expected?.pValue, 1e-9, 1e-12, `${label} p`);
}

function expectScaleInvariant(original: StudyResult, scaled: StudyResult, scale: number): void {
  expect(scaled.failures).toEqual(original.failures);
  original.securities.forEach((security, index) => {
    const other = scaled.securities[index];
    security.days.forEach((day, position) => {
      const twin = other?.days[position];
      const label = `${security.symbol} day ${day.relativeDay}`;
      expectNear(twin?.ar, day.ar === null ? null : day.ar * scale, 1e-9, 1e-15 * scale, `${label} AR`);
      expectNear(twin?.car, day.car === null ? null : day.car * scale, 1e-9, 1e-15 * scale, `${label} CAR`);
      expectNear(twin?.sar, day.sar, 1e-9, 1e-12, `${label} SAR`);
      expectNear(twin?.scar, day.scar, 1e-9, 1e-12, `${label} SCAR`);
    });
    security.windows.forEach((window, position) => expectSameTest(other?.windows[position]?.t, window.t, `${security.symbol} CAR t ${window.from}:${window.to}`));
  });
  const entries = [...original.aggregate.days, ...original.aggregate.windows];
  const scaledEntries = [...scaled.aggregate.days, ...scaled.aggregate.windows];
  entries.forEach((entry, index) => {
    for (const name of Object.keys(entry.tests) as (keyof AggregateTests)[]) {
      expectSameTest(scaledEntries[index]?.tests[name], entry.tests[name], `aggregate #${index} ${name}`);
    }
  });
}

describe('units of the returns', () => {
  it('scaling every return by c > 0 scales ARs and CARs by c and leaves every t and z statistic unchanged', () => {
    fc.assert(
      fc.property(madeUpStudy, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), ({ units, options }, scale) => {
        expectScaleInvariant(runStudy(units, options), runStudy(scaledBy(units, scale), options), scale);
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});

describe('tests on the average return', () => {
  it('Brown–Warner 1985 t and the portfolio time-series t do not change when the securities are reversed or counted twice', () => {
    fc.assert(
      fc.property(madeUpStudy, ({ units, options }) => {
        const original = runStudy(units, options);
        const twins = units.map((unit) => ({ ...unit, id: `${unit.id}-twin` }));
        const reordered = runStudy([...units, ...twins].reverse(), options);
        const entries = [...original.aggregate.days, ...original.aggregate.windows];
        const others = [...reordered.aggregate.days, ...reordered.aggregate.windows];
        entries.forEach((entry, index) => {
          for (const name of ['brownWarner1985T', 'portfolioTimeSeriesT'] as const) {
            expectSameTest(others[index]?.tests[name], entry.tests[name], `aggregate #${index} ${name}`);
            if (entry.tests[name].statistic === null) expect(others[index]?.tests[name].reason).toBe(entry.tests[name].reason);
          }
        });
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});
