// The factor model (market + the user's factors) on the SYNTHETIC fixture with its SYNTHETIC second
// factor F2, to 1e-9 relative: per security against textbook_two_factor_*.csv (base R,
// textbook_two_factor.R: solve(X'X), V = s²(I + X*(X'X)⁻¹X*')), and every aggregate test that
// depends on the model's variances and degrees of freedom against kabuto_two_factor_aggregate.csv
// (base R, kabuto_two_factor_aggregate.R), with F2 complete and with F2 deleted on two days.
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../../src/core/study';
import type { AggregateTests, DayRange, StudyResult, StudyUnit, TestResult } from '../../../src/core/types';
import { cell, DAY_ZERO, EVENT_WINDOW, expectClose, fixtureOptions, readFixture, type Row, SECURITIES, syntheticUnits } from './synthetic-fixture';

const FACTOR = 'F2';

/** The five securities with F2 aligned to their dates; `deleted` relative days of F2 set to null. */
function factorUnits(deleted: readonly number[] = []): StudyUnit[] {
  const byDate = new Map(readFixture('textbook_factor2_input.csv').map((row) => [row.date, cell(row, FACTOR)]));
  return syntheticUnits().map((unit) => {
    const zero = unit.dates.indexOf(unit.dayZero);
    const values = unit.dates.map((date) => byDate.get(date) ?? null);
    for (const day of deleted) values[zero + day] = null;
    return { ...unit, factors: { [FACTOR]: values } };
  });
}

function factorStudy(units: StudyUnit[], carWindows: DayRange[]): StudyResult {
  const result = runStudy(units, { ...fixtureOptions('market', carWindows), factors: [FACTOR] });
  expect(result.failures).toEqual([]);
  return result;
}

const singleDays: DayRange[] = Array.from({ length: EVENT_WINDOW.to - EVENT_WINDOW.from + 1 }, (_, index) => ({ from: EVENT_WINDOW.from + index, to: EVENT_WINDOW.from + index }));

describe('two-factor model per security against textbook_two_factor_* (base R)', () => {
  const windowRows = readFixture('textbook_two_factor_windows.csv');
  const referenceWindows = windowRows.filter((row) => row.security === 'SYN_A').map((row) => ({ from: cell(row, 'from'), to: cell(row, 'to') }));
  const result = factorStudy(factorUnits(), [...referenceWindows, ...singleDays]);
  const security = (id: string | undefined) => {
    const found = result.securities.find((entry) => entry.id === id);
    if (!found) throw new Error(`no result for ${id}`);
    return found;
  };

  it('fits α, β on the market, b on F2 and s² = SSE/(M − 3) on M = 120 days, with M − 3 degrees of freedom', () => {
    const rows = readFixture('textbook_two_factor_coefficients.csv');
    expect(rows.map((row) => row.security)).toEqual([...SECURITIES]);
    for (const row of rows) {
      const { fit } = security(row.security);
      expectClose(fit.alpha, cell(row, 'alpha'), `${row.security} alpha`);
      expectClose(fit.beta, cell(row, 'beta_market'), `${row.security} beta`);
      expect(fit.factorBetas?.map((entry) => entry.factor)).toEqual([FACTOR]);
      expectClose(fit.factorBetas?.[0]?.beta, cell(row, 'beta_f2'), `${row.security} beta F2`);
      expectClose(fit.s2, cell(row, 's2'), `${row.security} s2`);
      expect(fit.estimationDays).toBe(cell(row, 'M'));
      expect(fit.estimationDays - 3).toBe(cell(row, 'df'));
    }
  });

  it('matches AR, var(AR) = s²(1 + x\'(X\'X)⁻¹x), t = SAR and p from t(M − 3) on every event day', () => {
    const rows = readFixture('textbook_two_factor_daily.csv');
    expect(rows).toHaveLength(SECURITIES.length * singleDays.length);
    for (const row of rows) {
      const label = `${row.security} ${row.date}`;
      const result = security(row.security);
      const day = result.days.find((entry) => entry.date === row.date);
      expect(day?.relativeDay, label).toBe(cell(row, 'rel_day'));
      expectClose(day?.ar, cell(row, 'ar'), `${label} AR`);
      expectClose(day?.arVariance, cell(row, 'var_ar'), `${label} var`);
      expectClose(day?.sar, cell(row, 't'), `${label} SAR`);
      const single = result.windows.find((window) => window.from === day?.relativeDay && window.to === day.relativeDay);
      expectClose(single?.t.statistic, cell(row, 't'), `${label} t`);
      expectClose(single?.t.pValue, cell(row, 'p'), `${label} p`);
    }
  });

  it('matches CAR, the exact γ\'Vγ, t and p over [-5,+5], [0,0], [0,+1], [-1,+1]', () => {
    for (const row of windowRows) {
      const label = `${row.security} [${row.from},${row.to}]`;
      const window = security(row.security).windows.find((entry) => entry.from === cell(row, 'from') && entry.to === cell(row, 'to'));
      expectClose(window?.car, cell(row, 'car'), `${label} CAR`);
      expectClose(window?.carVariance, cell(row, 'var_car'), `${label} var`);
      expectClose(window?.t.statistic, cell(row, 't'), `${label} t`);
      expectClose(window?.t.pValue, cell(row, 'p'), `${label} p`);
    }
  });

  it('keeps the running CAR variance of the whole window equal to its γ\'Vγ', () => {
    const row = windowRows.find((entry) => entry.security === 'SYN_C' && entry.from === '-5' && entry.to === '5') as Row;
    const last = security('SYN_C').days.at(-1);
    expectClose(last?.car, cell(row, 'car'), 'CAR');
    expectClose(last?.carVariance, cell(row, 'var_car'), 'var');
  });
});

describe('aggregate tests under the two-factor model against kabuto_two_factor_aggregate.csv (base R)', () => {
  const rows = readFixture('kabuto_two_factor_aggregate.csv');
  const tests: [keyof AggregateTests, string, string][] = [
    ['patellZ', 'patell_z', 'patell_p'],
    ['bmpT', 'bmp_t', 'bmp_p'],
    ['kpT', 'kp_t', 'kp_p'],
    ['j1', 'j1', 'j1_p'],
    ['j2', 'j2', 'j2_p'],
    ['brownWarner1985T', 'bw_t', 'bw_p'],
    ['portfolioTimeSeriesT', 'pts_t', 'pts_p'],
  ];
  const scenarios = { base: [] as number[], gaps: [-60, 2] };

  for (const [scenario, deleted] of Object.entries(scenarios)) {
    const scenarioRows = rows.filter((row) => row.scenario === scenario);
    const windows = scenarioRows.map((row) => ({ from: cell(row, 'from'), to: cell(row, 'to') }));
    const result = factorStudy(factorUnits(deleted), windows);

    it(`${scenario}: each window's CAAR, Patell, BMP, KP, J1, J2, Brown–Warner and portfolio t with their p-values`, () => {
      expect(scenarioRows).toHaveLength(25);
      scenarioRows.forEach((row, index) => {
        const window = result.aggregate.windows[index];
        const label = `${scenario} [${row.from},${row.to}]`;
        expect(window?.n, label).toBe(cell(row, 'n'));
        if (window?.n === 0) {
          for (const [key] of tests) expect(window.tests[key].statistic, `${label} ${key}`).toBeNull();
          return;
        }
        expectClose(window?.caar, cell(row, 'caar'), `${label} CAAR`);
        for (const [key, statistic, pValue] of tests) expectTest(window?.tests[key], row, statistic, pValue, `${label} ${key}`);
      });
    });

    it(`${scenario}: the daily tests equal the one-day windows'`, () => {
      for (const row of scenarioRows.filter((entry) => entry.from === entry.to)) {
        const day = result.aggregate.days.find((entry) => entry.relativeDay === cell(row, 'from'));
        const label = `${scenario} day ${row.from}`;
        expect(day?.n, label).toBe(cell(row, 'n'));
        if (day?.n === 0) continue;
        expectClose(day?.aar, cell(row, 'caar'), `${label} AAR`);
        for (const [key, statistic, pValue] of tests) expectTest(day?.tests[key], row, statistic, pValue, `${label} ${key}`);
      }
    });
  }

  it('gaps: a day without F2 is a lost day for every security (M = 119, no AR on day +2)', () => {
    const result = factorStudy(factorUnits([-60, 2]), []);
    for (const security of result.securities) {
      expect(security.fit.estimationDays).toBe(119);
      expect(security.lostDays).toBe(2);
      const dayTwo = security.days.find((day) => day.relativeDay === 2);
      expect(dayTwo?.ar).toBeNull();
      expect(dayTwo?.expected).toBeNull();
    }
    expect(result.aggregate.days.find((day) => day.date === DAY_ZERO)?.n).toBe(5);
  });
});

function expectTest(test: TestResult | undefined, row: Row, statistic: string, pValue: string, label: string): void {
  expectClose(test?.statistic, cell(row, statistic), `${label} statistic`);
  expectClose(test?.pValue, cell(row, pValue), `${label} p`);
}
