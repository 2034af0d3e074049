import { describe, expect, it } from 'vitest';
import { EventStudyError } from '../../../src/core/errors';
import { DEFAULT_STUDY_OPTIONS, runStudy } from '../../../src/core/index';
import type { AggregateTests, StudyResult, StudyUnit, TestResult } from '../../../src/core/types';
import {
  AGGREGATE_COLUMNS,
  SECURITY_COLUMNS,
  studyAggregateCsv,
  studySecuritiesCsv,
} from '../../../src/application/study-csv';
import { readFixtureCsv } from './cli-harness';
import { INJECTION, madeUpResult } from './made-up-study-result';
import { parseCsvRows, TEST_COLUMN_PREFIXES } from '../application/helpers/csv-read-back.ts';

/** A numeric cell must hold exactly the engine's double (null ↔ empty cell). */
function expectNumber(cell: string | undefined, value: number | null): void {
  if (value === null) {
    expect(cell).toBe('');
    return;
  }
  expect(cell).toMatch(/^-?[\d.e+-]+$/);
  expect(Number(cell)).toBe(value);
}

function expectTests(row: Record<string, string>, tests: AggregateTests): void {
  for (const [name, prefix] of TEST_COLUMN_PREFIXES) {
    const test: TestResult = tests[name];
    expectNumber(row[prefix], test.statistic);
    expectNumber(row[`${prefix}_p_value`], test.pValue);
    const reason = test.reason ?? '';
    // A reason starting with '-' is text, so it is neutralised like any other text cell.
    expect(row[`${prefix}_reason`]).toBe(reason.startsWith('-') ? `'${reason}` : reason);
  }
}

describe('studySecuritiesCsv', () => {
  const csv = studySecuritiesCsv(madeUpResult, { eventId: 'fallback-event' });
  const rows = parseCsvRows(csv);

  it('writes the header row and one row per security and event day', () => {
    expect(csv.split('\r\n')[0]).toBe(SECURITY_COLUMNS.join(','));
    expect(rows).toHaveLength(6);
  });

  it('round-trips every number to the same double and writes null as an empty cell', () => {
    const days = madeUpResult.securities.flatMap((security) => security.days);
    rows.forEach((row, index) => {
      const day = days[index];
      if (day === undefined) throw new Error('row without a day');
      expect(row.date).toBe(day.date);
      expectNumber(row.relative_day, day.relativeDay);
      expectNumber(row.return, day.return);
      expectNumber(row.market_return, day.marketReturn);
      expectNumber(row.expected_return, day.expected);
      expectNumber(row.ar, day.ar);
      expectNumber(row.ar_variance, day.arVariance);
      expectNumber(row.sar, day.sar);
      expectNumber(row.car, day.car);
      expectNumber(row.car_variance, day.carVariance);
      expectNumber(row.scar, day.scar);
    });
  });

  it('says over how many days each CAR runs, of how many since the window started, and the lost days', () => {
    // The first made-up security has no AR on its last day and 1 lost day; the second has every day.
    expect(rows.map((row) => [row.relative_day, row.days_in_window, row.window_length, row.lost_days])).toEqual([
      ['-1', '1', '1', '1'], ['0', '2', '2', '1'], ['1', '2', '3', '1'],
      ['-1', '1', '1', '0'], ['0', '2', '2', '0'], ['1', '3', '3', '0'],
    ]);
  });

  it('writes negative numbers as bare numbers, never quote-prefixed', () => {
    expect(csv).toContain(',2024-11-05,-1,');
    expect(csv).toContain(`,${String(-0.012345678901234567)},`);
    expect(csv).not.toMatch(/'-\d/);
  });

  it('neutralises formula payloads in text cells and keeps awkward text intact', () => {
    const [first, , , second] = rows;
    expect(first?.security).toBe(`'${INJECTION}`);
    expect(first?.benchmark).toBe("'@SUM(A1:A9)");
    expect(second?.security).toBe('IHI, "quoted"\nname');
    expect(second?.benchmark).toBe("'\tTOPIX");
    expect(csv).toContain(`"'=cmd|' /C calc'!A0"`);
    expect(csv).not.toMatch(/(^|,)=cmd/m);
  });

  it('uses the security’s own event id, else the context’s, and ISO dates for day 0', () => {
    expect(rows.map((row) => row.event_id)).toEqual([
      'us-election-2024', 'us-election-2024', 'us-election-2024',
      'fallback-event', 'fallback-event', 'fallback-event',
    ]);
    expect(new Set(rows.map((row) => row.day_zero))).toEqual(new Set(['2024-11-06']));
  });

  it('ends every row, the last one included, with CRLF and has no bare LF outside quotes', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    const withoutQuoted = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(withoutQuoted).not.toMatch(/[^\r]\n/);
  });

  it('is deterministic: the same result gives the same bytes', () => {
    expect(studySecuritiesCsv(structuredClone(madeUpResult), { eventId: 'fallback-event' })).toBe(csv);
  });

  it('refuses to write a non-finite number', () => {
    const broken: StudyResult = structuredClone(madeUpResult);
    const firstDay = broken.securities[0]?.days[0];
    if (firstDay === undefined) throw new Error('fixture changed');
    firstDay.ar = Number.NaN;
    expect(() => studySecuritiesCsv(broken, {})).toThrow(EventStudyError);
    expect(() => studySecuritiesCsv(broken, {})).toThrow(/non-finite/);
  });

  it('writes only the header for a study without securities', () => {
    const empty: StudyResult = { ...madeUpResult, securities: [] };
    expect(studySecuritiesCsv(empty, {})).toBe(`${SECURITY_COLUMNS.join(',')}\r\n`);
  });
});

describe('studyAggregateCsv', () => {
  const csv = studyAggregateCsv(madeUpResult, {});
  const rows = parseCsvRows(csv);

  it('writes the header, then daily rows, then window rows', () => {
    expect(csv.split('\r\n')[0]).toBe(AGGREGATE_COLUMNS.join(','));
    expect(rows.map((row) => row.row_type)).toEqual(['daily', 'daily', 'window']);
  });

  it('round-trips AAR, CAAR and every test statistic and p-value, with reasons for missing tests', () => {
    madeUpResult.aggregate.days.forEach((day, index) => {
      const row = rows[index] ?? {};
      expectNumber(row.relative_day, day.relativeDay);
      expect(row.date).toBe(day.date ?? '');
      expect([row.from, row.to]).toEqual(['', '']);
      expectNumber(row.n, day.n);
      expectNumber(row.aar, day.aar);
      expectNumber(row.caar, day.caar);
      expectTests(row, day.tests);
    });
    const window = madeUpResult.aggregate.windows[0];
    const row = rows[2] ?? {};
    if (window === undefined) throw new Error('fixture changed');
    expect([row.relative_day, row.date, row.aar]).toEqual(['', '', '']);
    expectNumber(row.from, window.from);
    expectNumber(row.to, window.to);
    expectNumber(row.n, window.n);
    expectNumber(row.caar, window.caar);
    expectTests(row, window.tests);
  });

  it('fills event_id from the context, else only when every security shares one', () => {
    expect(rows.map((row) => row.event_id)).toEqual(['', '', '']);
    const shared = parseCsvRows(studyAggregateCsv(madeUpResult, { eventId: 'call' }));
    expect(shared.map((row) => row.event_id)).toEqual(['call', 'call', 'call']);
    const oneEvent: StudyResult = {
      ...madeUpResult,
      securities: madeUpResult.securities.map((security) => ({ ...security, eventId: 'us-election-2024' })),
    };
    expect(parseCsvRows(studyAggregateCsv(oneEvent, {}))[0]?.event_id).toBe('us-election-2024');
  });
});

describe('the CSV of a real runStudy result (synthetic fixture, textbook windows)', () => {
  const fixture = readFixtureCsv('input_simple_returns.csv');
  const dates = fixture.map((row) => row.date ?? '');
  const column = (name: string) => fixture.map((row) => Number(row[name]));
  const units: StudyUnit[] = ['SYN_A', 'SYN_B', 'SYN_C', 'SYN_D', 'SYN_E'].map((symbol) => ({
    id: symbol,
    symbol,
    benchmark: 'SYN_MKT',
    eventId: 'synthetic',
    dates,
    returns: column(symbol),
    marketReturns: column('SYN_MKT'),
    dayZero: '2024-11-06',
  }));
  const result = runStudy(units, {
    ...DEFAULT_STUDY_OPTIONS,
    estimationWindow: { from: -130, to: -11 },
    gap: { from: -10, to: -6 },
    eventWindow: { from: -5, to: 5 },
    carWindows: [{ from: 0, to: 0 }, { from: -1, to: 1 }],
  });

  it('parses back to exactly the engine’s doubles, row by row', () => {
    expect(result.failures).toEqual([]);
    const rows = parseCsvRows(studySecuritiesCsv(result, {}));
    const days = result.securities.flatMap((security) => security.days.map((day) => ({ security, day })));
    expect(rows).toHaveLength(55);
    rows.forEach((row, index) => {
      const entry = days[index];
      if (entry === undefined) throw new Error('row without a day');
      expect([row.event_id, row.security, row.benchmark, row.day_zero, row.date]).toEqual([
        'synthetic', entry.security.symbol, 'SYN_MKT', '2024-11-06', entry.day.date,
      ]);
      expectNumber(row.relative_day, entry.day.relativeDay);
      expectNumber(row.return, entry.day.return);
      expectNumber(row.market_return, entry.day.marketReturn);
      expectNumber(row.expected_return, entry.day.expected);
      expectNumber(row.ar, entry.day.ar);
      expectNumber(row.ar_variance, entry.day.arVariance);
      expectNumber(row.sar, entry.day.sar);
      expectNumber(row.car, entry.day.car);
      expectNumber(row.car_variance, entry.day.carVariance);
      expectNumber(row.scar, entry.day.scar);
    });
  });

  it('parses the aggregate back to exactly the engine’s AAR, CAAR, statistics and p-values', () => {
    const rows = parseCsvRows(studyAggregateCsv(result, {}));
    expect(rows).toHaveLength(11 + 2);
    result.aggregate.days.forEach((day, index) => {
      const row = rows[index] ?? {};
      expect([row.event_id, row.row_type, row.date]).toEqual(['synthetic', 'daily', day.date ?? '']);
      expectNumber(row.aar, day.aar);
      expectNumber(row.caar, day.caar);
      expectTests(row, day.tests);
    });
    result.aggregate.windows.forEach((window, index) => {
      const row = rows[11 + index] ?? {};
      expect(row.row_type).toBe('window');
      expectNumber(row.from, window.from);
      expectNumber(row.to, window.to);
      expectNumber(row.caar, window.caar);
      expectTests(row, window.tests);
    });
  });
});
