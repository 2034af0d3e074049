/**
 * The export of a study on the REAL offline snapshot (data/snapshot), built as the page and the
 * server build it: the CSV files parsed back with papaparse hold exactly the engine's doubles, and
 * the manifest explains and reproduces them.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { AggregateTests, StudyResult } from '../../../src/core/types.ts';
import { AGGREGATE_COLUMNS, SECURITY_COLUMNS } from '../../../src/application/study-csv.ts';
import { studyFileNames, studyHash } from '../../../src/application/study-export.ts';
import { DEFAULT_STUDY_QUERY, parseStudyQuery, studyQueryString, type StudyQuery } from '../../../src/application/study-query.ts';
import { parseCsvRows, TEST_COLUMN_PREFIXES } from './helpers/csv-read-back.ts';
import { catalog, snapshotStudy } from './helpers/snapshot-study.ts';

const PAYLOAD = "=cmd|' /C calc'!A0";

function exportOf(query: StudyQuery) {
  return snapshotStudy(query);
}

/** Exactly the engine's double: Number(cell) === value, and an empty cell for a missing value. */
function expectCell(cell: string | undefined, value: number | null, label: string): void {
  if (value === null) expect(cell, label).toBe('');
  else expect(Number(cell), `${label}: ${cell}`).toBe(value);
}

function expectAggregate(rows: Record<string, string>[], result: StudyResult): void {
  const daily = rows.filter((row) => row.row_type === 'daily');
  const windows = rows.filter((row) => row.row_type === 'window');
  expect(daily).toHaveLength(result.aggregate.days.length);
  expect(windows).toHaveLength(result.aggregate.windows.length);
  const check = (row: Record<string, string> | undefined, tests: AggregateTests, label: string) => {
    for (const [name, prefix] of TEST_COLUMN_PREFIXES) {
      expectCell(row?.[prefix], tests[name].statistic, `${label} ${prefix}`);
      expectCell(row?.[`${prefix}_p_value`], tests[name].pValue, `${label} ${prefix} p`);
    }
  };
  result.aggregate.days.forEach((day, index) => {
    const row = daily[index];
    expect(Number(row?.relative_day)).toBe(day.relativeDay);
    expectCell(row?.aar, day.aar, `day ${day.relativeDay} aar`);
    expectCell(row?.caar, day.caar, `day ${day.relativeDay} caar`);
    check(row, day.tests, `day ${day.relativeDay}`);
  });
  result.aggregate.windows.forEach((window, index) => {
    const row = windows[index];
    expect([Number(row?.from), Number(row?.to)]).toEqual([window.from, window.to]);
    expectCell(row?.caar, window.caar, `window ${window.from}:${window.to} caar`);
    check(row, window.tests, `window ${window.from}:${window.to}`);
  });
}

describe('the study files of the default case (7011.T and 7013.T against TOPIX, US election)', () => {
  const { result, files } = exportOf(DEFAULT_STUDY_QUERY);

  it("parse back with papaparse to exactly the engine's doubles, every security, day and column", () => {
    const rows = parseCsvRows(files.securitiesCsv);
    expect(Object.keys(rows[0] ?? {})).toEqual([...SECURITY_COLUMNS]);
    const days = result.securities.flatMap((security) => security.days.map((day) => ({ security, day })));
    expect(rows).toHaveLength(days.length);
    expect(rows).toHaveLength(2 * 16);
    days.forEach(({ security, day }, index) => {
      const row = rows[index];
      const label = `${security.symbol} ${day.relativeDay}`;
      expect([row?.event_id, row?.security, row?.benchmark, row?.day_zero, row?.date]).toEqual(['us-election-2024', security.symbol, 'TOPIX', '2024-11-06', day.date]);
      expect(Number(row?.relative_day)).toBe(day.relativeDay);
      const numbers: [string, number | null][] = [
        ['return', day.return],
        ['market_return', day.marketReturn],
        ['expected_return', day.expected],
        ['ar', day.ar],
        ['ar_variance', day.arVariance],
        ['sar', day.sar],
        ['car', day.car],
        ['car_variance', day.carVariance],
        ['scar', day.scar],
      ];
      for (const [column, value] of numbers) expectCell(row?.[column], value, `${label} ${column}`);
    });
  });

  it("parse the portfolio back to exactly the engine's AAR, CAAR, statistics and p-values, per day and per CAR window", () => {
    const rows = parseCsvRows(files.portfolioCsv);
    expect(Object.keys(rows[0] ?? {})).toEqual([...AGGREGATE_COLUMNS]);
    expectAggregate(rows, result);
    expect(rows.every((row) => row.event_id === 'us-election-2024')).toBe(true);
  });

  it('are named after the event and written as RFC 4180 with CRLF line ends', () => {
    const hash = studyHash(studyQueryString(DEFAULT_STUDY_QUERY));
    expect(files.fileNames).toEqual({
      securities: `kabuto-us-election-2024-${hash}-securities.csv`,
      portfolio: `kabuto-us-election-2024-${hash}-portfolio.csv`,
      manifest: `kabuto-us-election-2024-${hash}-manifest.json`,
      deck: `kabuto-us-election-2024-${hash}-deck.pptx`,
    });
    expect(files.manifest.files).toMatchObject({ securities: { name: files.fileNames.securities }, portfolio: { name: files.fileNames.portfolio }, manifest: { name: files.fileNames.manifest } });
    for (const csv of [files.securitiesCsv, files.portfolioCsv]) {
      expect(csv.endsWith('\r\n')).toBe(true);
      expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
  });

  it('come with a manifest that states the parameters, day 0, data sources, version and time, and reproduces the study', () => {
    const { manifest } = files;
    expect(manifest).toMatchObject({ format: 'kabuto-study-manifest', formatVersion: 1, appVersion: '9.9.9-test', generatedAt: '2026-03-01T09:30:00.000Z' });
    expect(manifest.study).toEqual({
      model: 'market',
      returnKind: 'simple',
      estimationWindow: { from: -250, to: -11 },
      gap: null,
      eventWindow: { from: -5, to: 10 },
      carWindows: DEFAULT_STUDY_QUERY.carWindows,
      minimumEstimationDays: 30,
      factors: null,
      strictEstimation: false,
      overlap: 'separate',
      contamination: 'keep',
    });
    expect(manifest.events).toEqual([
      { id: 'us-election-2024', title: 'US presidential election: Donald Trump wins', date: '2024-11-05', time: '19:00', timeZone: 'America/New_York', custom: false, dayZero: { XTKS: '2024-11-06' } },
    ]);
    expect(manifest.securities.map((security) => [security.symbol, security.name, security.benchmark, security.dayZero, security.estimationDays, security.lostDays, security.excludedDays])).toEqual(
      result.securities.map((security) => [security.symbol, expect.any(String), 'TOPIX', '2024-11-06', security.fit.estimationDays, security.lostDays, 0]),
    );
    expect(manifest.prices.series.map((series) => [series.symbol, series.source, series.firstDate, series.lastDate])).toEqual([
      ['7011.T', 'snapshot', '2021-09-01', '2025-02-28'],
      ['7013.T', 'snapshot', '2021-09-01', '2025-02-28'],
      ['TOPIX', 'snapshot', '2021-09-01', '2025-02-28'],
    ]);
    expect(manifest.prices.series.every((series) => series.provenance.source.length > 0 && series.provenance.adjustment.length > 0)).toBe(true);
    expect(parseStudyQuery(manifest.reproduce.query, { catalogEventIds: catalog.events.map((event) => event.id) })).toEqual({
      query: { study: DEFAULT_STUDY_QUERY, view: expect.anything() },
      problems: [],
    });
    expect(manifest.reproduce.securitiesCsv).toBe(`/api/study.csv?${manifest.reproduce.query}`);
    expect(files.manifestJson).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
  });

  it('documents every column of both files with a meaning and a unit, and the conventions of the maths', () => {
    const { securities, portfolio } = files.manifest.files;
    expect(securities.columns.map((column) => column.name)).toEqual([...SECURITY_COLUMNS]);
    expect(portfolio.columns.map((column) => column.name)).toEqual([...AGGREGATE_COLUMNS]);
    for (const column of [...securities.columns, ...portfolio.columns]) {
      expect(column.meaning, column.name).not.toBe('(undocumented column)');
      expect(column.unit.length, column.name).toBeGreaterThan(0);
    }
    expect(files.manifest.conventions.join(' ')).toContain('s² = SSE/(M − 2)');
  });
});

describe('a study of several events with a hostile custom event', () => {
  // A made-up event: its title is a spreadsheet formula, its date a real Tokyo session.
  const custom = { id: 'custom-1', title: PAYLOAD, date: '2024-12-27', timeZone: 'Asia/Tokyo' };
  const query: StudyQuery = { ...DEFAULT_STUDY_QUERY, eventIds: ['us-election-2024', 'custom-1'], customEvents: [custom], model: 'mean-adjusted', returnKind: 'log' };
  const { result, analysis, files } = exportOf(query);

  it('keeps the title as plain text in the manifest and no text cell of either CSV can run as a formula', () => {
    expect(files.manifest.events.find((event) => event.id === 'custom-1')?.title).toBe(PAYLOAD);
    for (const csv of [files.securitiesCsv, files.portfolioCsv]) {
      for (const row of Papa.parse<string[]>(csv, { skipEmptyLines: true }).data) {
        for (const cell of row) if (/^[=+@]/.test(cell) || (/^-/.test(cell) && Number.isNaN(Number(cell)))) throw new Error(`formula-like cell ${cell}`);
      }
    }
    expect(files.securitiesCsv).not.toContain('calc');
  });

  it("still parses back to the engine's doubles, each event's rows carrying its own id", () => {
    const rows = parseCsvRows(files.securitiesCsv);
    expect([...new Set(rows.map((row) => row.event_id))]).toEqual(['us-election-2024', 'custom-1']);
    const customDayZero = rows.find((row) => row.event_id === 'custom-1' && row.security === '7013.T' && row.relative_day === '0');
    const engineDay = result.securities.find((security) => security.eventId === 'custom-1' && security.symbol === '7013.T')?.days.find((day) => day.relativeDay === 0);
    expect(customDayZero?.date).toBe('2024-12-27');
    expectCell(customDayZero?.ar, engineDay?.ar ?? null, 'custom day-0 AR');
    // Each event on its own under its id, then, as their windows do not overlap, the pooled rows.
    const portfolio = parseCsvRows(files.portfolioCsv);
    expect([...new Set(portfolio.map((row) => row.event_id))]).toEqual(['us-election-2024', 'custom-1', '']);
    for (const group of analysis?.groups ?? []) expectAggregate(portfolio.filter((row) => row.event_id === group.id), group.result);
    expectAggregate(portfolio.filter((row) => row.event_id === ''), result);
    expect(analysis?.pooled).toBe(true);
    expect(files.fileNames.securities).toMatch(/^kabuto-us-election-2024_custom-1-[0-9a-f]{8}-securities\.csv$/);
  });
});

describe('studyFileNames', () => {
  const named = (change: Partial<StudyQuery>) => studyFileNames({ ...DEFAULT_STUDY_QUERY, ...change });

  it('makes names of safe characters only, shortening a long list of events', () => {
    expect(named({ eventIds: [] }).securities).toMatch(/^kabuto-study-[0-9a-f]{8}-securities\.csv$/);
    expect(named({ eventIds: ['Ünïcode "quoted"/../path'] }).manifest).toMatch(/^kabuto-n-code-quoted-path-[0-9a-f]{8}-manifest\.json$/);
    const many = named({ eventIds: ['ldp-leadership-2024', 'japan-general-election-2024', 'us-election-2024', 'ishiba-trump-call-2024'] }).portfolio;
    expect(many).toMatch(/^kabuto-ldp-leadership-2024-and-3-more-[0-9a-f]{8}-portfolio\.csv$/);
    for (const name of Object.values(named({ eventIds: ['a b', 'c;d'] }))) expect(name).toMatch(/^[a-z0-9_.-]+$/);
  });

  it('tells apart two studies of the same event, and names the same study alike however its query was written', () => {
    const names = [
      named({}),
      named({ securities: ['7011.T'] }),
      named({ model: 'mean-adjusted' }),
      named({ eventWindow: { from: -10, to: 10 }, carWindows: [{ from: 0, to: 0 }, { from: -10, to: 10 }] }),
      named({ returnKind: 'log' }),
    ].map((fileNames) => fileNames.securities);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^kabuto-us-election-2024-[0-9a-f]{8}-securities\.csv$/);
    const reordered = parseStudyQuery('car-windows=0:0,0:1,-1:1,-5:10&window=-5:10&securities=7011.T,7013.T&events=us-election-2024', { catalogEventIds: ['us-election-2024'] });
    expect(studyFileNames(reordered.query.study)).toEqual(named({}));
  });
});

describe('studyHash', () => {
  it('is 32-bit FNV-1a in eight hex digits (the published test vectors)', () => {
    // Test vectors from the FNV reference (Noll, "FNV Hash", test suite): "" and "a" and "foobar".
    expect(studyHash('')).toBe('811c9dc5');
    expect(studyHash('a')).toBe('e40c292c');
    expect(studyHash('foobar')).toBe('bf9cf968');
  });
});
