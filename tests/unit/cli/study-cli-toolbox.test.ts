/**
 * The command-line toolbox of issue 16, in-process: a factor file against the base-R two-factor
 * reference, an --events file with per-security dates and a bad row, each market on its own
 * calendar, lost days, per-cent returns and the user's minimum of estimation days.
 *
 * Every input here is MADE-UP TEST DATA derived from the SYNTHETIC fixture
 * (tests/fixtures/event-study-synthetic/input_simple_returns.csv, simulated returns): rows added for
 * a made-up second market, cells blanked, values scaled to per cent. Never market data.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { expectClose, fixturePath, readFixtureCsv, runStudyCli } from './cli-harness';

interface DayJson {
  date: string;
  relativeDay: number;
  ar: number | null;
  arVariance: number | null;
}
interface SecurityJson {
  symbol: string;
  dayZero: string;
  line: number | null;
  alpha: number;
  beta: number;
  factorBetas?: { factor: string; beta: number }[];
  s2: number;
  estimationDays: number;
  lostDays: number;
  days: DayJson[];
  windows: { from: number; to: number; car: number; carVariance: number }[];
}
interface StudyJson {
  factors: unknown;
  minimumEstimationDays: number;
  securities: SecurityJson[];
  aggregate: { days: { relativeDay: number; n: number }[]; windows: { from: number; to: number; n: number }[] };
  failures: { line?: number; security: string; reason: string }[];
}

const directory = mkdtempSync(join(tmpdir(), 'kabuto-cli-toolbox-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const RETURNS = fixturePath('input_simple_returns.csv');
const rows = readFixtureCsv('input_simple_returns.csv');
const COLUMNS = ['date', 'SYN_A', 'SYN_B', 'SYN_C', 'SYN_D', 'SYN_E', 'SYN_MKT'] as const;
const TEXTBOOK = ['--market', 'SYN_MKT', '--event-date', '2024-11-06', '--estimation', '-130:-11', '--gap', '-10:-6', '--window', '-5:5'];

function write(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

function csvOf(records: Record<string, string>[], columns: readonly string[]): string {
  return Papa.unparse({ fields: [...columns], data: records.map((record) => columns.map((column) => record[column] ?? '')) }, { newline: '\n' });
}

async function study(args: readonly string[]): Promise<{ status: number | null; json: StudyJson; stderr: string }> {
  const run = await runStudyCli(args);
  return { status: run.status, json: (run.stdout ? JSON.parse(run.stdout) : null) as StudyJson, stderr: run.stderr };
}

describe('--factors: the market model with the user\'s factors', () => {
  // Reference: tests/fixtures/event-study-synthetic/textbook_two_factor.R (base R lm, V = s²(I + X*(X'X)⁻¹X*')).
  it('matches the base-R two-factor reference to 1e-9: coefficients, AR variances and CAR variances', async () => {
    const { status, json } = await study(['--returns', RETURNS, ...TEXTBOOK, '--securities', 'SYN_A,SYN_B,SYN_C,SYN_D,SYN_E', '--factors', fixturePath('textbook_factor2_input.csv')]);
    expect(status).toBe(0);
    const coefficients = readFixtureCsv('textbook_two_factor_coefficients.csv');
    expect(coefficients).toHaveLength(5);
    for (const reference of coefficients) {
      const security = json.securities.find((item) => item.symbol === reference.security);
      if (!security) throw new Error(`no ${reference.security}`);
      expectClose(security.alpha, Number(reference.alpha), `${reference.security} alpha`);
      expectClose(security.beta, Number(reference.beta_market), `${reference.security} beta`);
      expectClose(security.factorBetas?.[0]?.beta, Number(reference.beta_f2), `${reference.security} F2`);
      expectClose(security.s2, Number(reference.s2), `${reference.security} s2`);
      expect(security.estimationDays).toBe(Number(reference.M));
    }
    for (const reference of readFixtureCsv('textbook_two_factor_daily.csv')) {
      const day = json.securities.find((item) => item.symbol === reference.security)?.days.find((item) => item.relativeDay === Number(reference.rel_day));
      expectClose(day?.ar, Number(reference.ar), `${reference.security} AR ${reference.rel_day}`);
      expectClose(day?.arVariance, Number(reference.var_ar), `${reference.security} Var AR ${reference.rel_day}`);
    }
    for (const reference of readFixtureCsv('textbook_two_factor_windows.csv')) {
      const window = json.securities.find((item) => item.symbol === reference.security)?.windows.find((item) => item.from === Number(reference.from) && item.to === Number(reference.to));
      expectClose(window?.car, Number(reference.car), `${reference.security} CAR ${reference.from}:${reference.to}`);
      expectClose(window?.carVariance, Number(reference.var_car), `${reference.security} Var CAR ${reference.from}:${reference.to}`);
    }
  });

  it('names the estimation and event days a factor file lacks, and refuses a cell that is not a number by line and column', async () => {
    const factors = readFileSync(fixturePath('textbook_factor2_input.csv'), 'utf8').trim().split('\n');
    const withoutElectionDay = write('f2-gap.csv', factors.filter((line) => !line.startsWith('"2024-11-06"')).join('\n'));
    const gap = await study(['--returns', RETURNS, ...TEXTBOOK, '--securities', 'SYN_A', '--factors', withoutElectionDay]);
    expect(gap.status).toBe(1);
    expect(gap.stderr).toContain('2024-11-06');
    const bad = write('f2-bad.csv', [factors[0], factors[1], '"2024-04-19","abc"', ...factors.slice(3)].join('\n'));
    const refused = await study(['--returns', RETURNS, ...TEXTBOOK, '--securities', 'SYN_A', '--factors', bad]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/line 3/i);
    expect(refused.stderr).toContain('F2');
  });
});

describe('--events: one study unit per row, each on its own date', () => {
  it('runs a three-row file with two securities on different dates and one bad row: the bad row by line, the others pooled in event time, exit 1', async () => {
    const events = write('events.csv', 'security,date\nSYN_A,2024-11-06\nSYN_B,2024-10-30\nSYN_Z,2024-11-06\n');
    const { status, json, stderr } = await study(['--returns', RETURNS, '--market', 'SYN_MKT', '--events', events, '--estimation', '-100:-11', '--window', '-5:5']);
    expect(status).toBe(1);
    expect(json.failures).toEqual([expect.objectContaining({ line: 4, security: 'SYN_Z' })]);
    expect(stderr).toMatch(/line 4 \(SYN_Z\)/);
    expect(json.securities.map((security) => [security.symbol, security.dayZero, security.line])).toEqual([
      ['SYN_A', '2024-11-06', 2],
      ['SYN_B', '2024-10-30', 3],
    ]);
    // Day 0 of each is its own date; the portfolio pools the two in event time.
    expect(json.securities.map((security) => security.days.find((day) => day.relativeDay === 0)?.date)).toEqual(['2024-11-06', '2024-10-30']);
    const dayZero = json.aggregate.days.find((day) => day.relativeDay === 0);
    expect(dayZero?.n).toBe(2);
    // Each unit equals the same security studied alone on its date.
    const alone = await study(['--returns', RETURNS, '--market', 'SYN_MKT', '--securities', 'SYN_B', '--event-date', '2024-10-30', '--estimation', '-100:-11', '--window', '-5:5']);
    expect(json.securities[1]?.days.map((day) => day.ar)).toEqual(alone.json.securities[0]?.days.map((day) => day.ar));
  });
});

describe('each market on its own calendar', () => {
  it('leaves a made-up second market\'s Saturday rows out of a security\'s trading days: the numbers equal the file without them', async () => {
    // Rows for Saturdays on which only the made-up market XM (and its security XS) trade.
    const saturdays = rows.flatMap((row) => {
      const day = new Date(`${row.date}T00:00:00Z`);
      if (day.getUTCDay() !== 5) return [];
      const saturday = new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10);
      return [{ date: saturday, XM: '0.001', XS: '0.002' }];
    });
    expect(saturdays.length).toBeGreaterThan(20);
    const merged = [...rows, ...saturdays].sort((left, right) => left.date!.localeCompare(right.date!));
    const multi = write('two-markets.csv', csvOf(merged as Record<string, string>[], [...COLUMNS, 'XM', 'XS']));
    const single = await study(['--returns', RETURNS, ...TEXTBOOK, '--securities', 'SYN_A,SYN_B']);
    const both = await study(['--returns', multi, ...TEXTBOOK, '--securities', 'SYN_A,SYN_B']);
    expect(both.status).toBe(0);
    for (const [index, security] of both.json.securities.entries()) {
      const reference = single.json.securities[index];
      expect(security.days.map((day) => day.date)).toEqual(reference?.days.map((day) => day.date));
      expect(security.days.some((day) => new Date(`${day.date}T00:00:00Z`).getUTCDay() === 6)).toBe(false);
      expect(security.days.map((day) => day.ar)).toEqual(reference?.days.map((day) => day.ar));
      expect(security.estimationDays).toBe(reference?.estimationDays);
    }
  });

  it('reports a day the benchmark lacks as a lost day, in the JSON, the CSV and on stderr, instead of a silently shorter CAR', async () => {
    const blanked = rows.map((row) => (row.date === '2024-11-07' ? { ...row, SYN_MKT: '' } : row));
    const file = write('benchmark-gap.csv', csvOf(blanked as Record<string, string>[], COLUMNS));
    const { status, json, stderr } = await study(['--returns', file, ...TEXTBOOK, '--securities', 'SYN_A']);
    expect(status).toBe(0);
    const security = json.securities[0];
    expect(security?.lostDays).toBe(1);
    expect(security?.days.find((day) => day.date === '2024-11-07')?.ar ?? null).toBeNull();
    expect(stderr).toMatch(/SYN_A.*2024-11-07/);
    const csv = await runStudyCli(['--returns', file, ...TEXTBOOK, '--securities', 'SYN_A', '--format', 'csv']);
    const records = Papa.parse<Record<string, string>>(csv.stdout, { header: true, skipEmptyLines: true }).data;
    const last = records.at(-1);
    expect([last?.days_in_window, last?.window_length, last?.lost_days]).toEqual(['10', '11', '1']);
  });
});

describe('--percent and impossible returns', () => {
  const inPercent = rows.map((row) => ({ ...row, ...Object.fromEntries(COLUMNS.slice(1).map((column) => [column, String(Number(row[column]) * 100)])) }));
  const percentFile = write('percent.csv', csvOf(inPercent as Record<string, string>[], COLUMNS));

  it('reads per cent with --percent to the same study as fractions (to 1e-9)', async () => {
    const fractions = await study(['--returns', RETURNS, ...TEXTBOOK, '--securities', 'SYN_A']);
    const percent = await study(['--returns', percentFile, '--percent', ...TEXTBOOK, '--securities', 'SYN_A']);
    expect(percent.status).toBe(0);
    for (const [index, day] of (percent.json.securities[0]?.days ?? []).entries()) {
      expectClose(day.ar, fractions.json.securities[0]?.days[index]?.ar as number, `AR ${day.relativeDay}`);
    }
  });

  it('refuses a simple return of -100 % or less with its line and column, and warns of a per-cent scale', async () => {
    const { status, stderr } = await study(['--returns', percentFile, ...TEXTBOOK, '--securities', 'SYN_A']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/line \d+/i);
    expect(stderr).toMatch(/SYN_[A-E]|SYN_MKT/);
    expect(stderr).toMatch(/per cent/i);
  });
});

describe('--min-estimation-days', () => {
  it('lets a 20-day estimation window run when asked for, never below the model\'s floor', async () => {
    const short = ['--returns', RETURNS, '--market', 'SYN_MKT', '--securities', 'SYN_A', '--event-date', '2024-11-06', '--estimation', '-30:-11', '--window', '-5:5'];
    const refused = await study(short);
    expect(refused.status).toBe(1);
    const allowed = await study([...short, '--min-estimation-days', '20']);
    expect(allowed.status).toBe(0);
    expect(allowed.json.minimumEstimationDays).toBe(20);
    expect(allowed.json.securities[0]?.estimationDays).toBe(20);
    const belowFloor = await runStudyCli([...short, '--min-estimation-days', '2']);
    expect(belowFloor.status).toBe(2);
    expect(belowFloor.stderr).toContain('at least 3 for the market model');
  });
});
