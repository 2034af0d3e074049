import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_COLUMNS } from '../../../src/application/study-csv';
import { expectClose, fixturePath, readFixtureCsv, runStudyCli } from './cli-harness';
import { writeDerivedInputs, type DerivedInputs } from './derived-inputs';

const SECURITIES = 'SYN_A,SYN_B,SYN_C,SYN_D,SYN_E';
const textbookArguments = [
  '--market', 'SYN_MKT',
  '--securities', SECURITIES,
  '--event-date', '2024-11-06',
  '--estimation', '-130:-11',
  '--gap', '-10:-6',
  '--window', '-5:5',
];

interface DayJson {
  date: string;
  relativeDay: number;
  return: number | null;
  ar: number;
  arVariance: number;
  sar: number;
  car: number;
  carVariance: number;
  [key: string]: unknown;
}
interface SecurityJson {
  symbol: string;
  alpha: number;
  beta: number;
  s2: number;
  estimationDays: number;
  days: DayJson[];
  bhar: number;
}
interface TestJson {
  statistic: number | null;
  pValue: number | null;
  reason?: string;
}
interface StudyJson {
  model: string;
  eventDate: string;
  estimation: { from: number; to: number };
  window: { from: number; to: number };
  securities: SecurityJson[];
  aggregate: {
    days: { date: string; relativeDay: number; n: number; aar: number; caar: number; tests: Record<string, TestJson> }[];
    windows: { from: number; to: number; caar: number; tests: Record<string, TestJson> }[];
  };
}

async function runJson(args: readonly string[]): Promise<StudyJson> {
  const run = await runStudyCli(args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as StudyJson;
}

function dayOf(study: StudyJson, symbol: string | undefined, relativeDay: number): DayJson {
  const day = study.securities.find((security) => security.symbol === symbol)?.days.find((d) => d.relativeDay === relativeDay);
  if (day === undefined) throw new Error(`no day ${relativeDay} for ${symbol}`);
  return day;
}

/** Every per-security number of MacKinlay's textbook computation (the fixture's reference file). */
function expectTextbookPerSecurity(study: StudyJson): void {
  const reference = readFixtureCsv('textbook_mackinlay_per_security.csv');
  expect(reference).toHaveLength(55);
  for (const row of reference) {
    const label = `${row.security} day ${row.rel_day}`;
    const security = study.securities.find((entry) => entry.symbol === row.security);
    const day = dayOf(study, row.security, Number(row.rel_day));
    expect(day.date, label).toBe(row.date);
    expectClose(security?.alpha, Number(row.alpha), `${label} alpha`);
    expectClose(security?.beta, Number(row.beta), `${label} beta`);
    expectClose(security?.s2, Number(row.s2_M_minus_2), `${label} s2`);
    expectClose(day.ar, Number(row.AR), `${label} AR`);
    expectClose(day.arVariance, Number(row.var_AR), `${label} var AR`);
    expectClose(day.sar, Number(row.SAR), `${label} SAR`);
    expectClose(day.car, Number(row.CAR), `${label} CAR`);
    expectClose(day.carVariance, Number(row.var_CAR_exact), `${label} var CAR`);
  }
}

describe('study CLI on the synthetic fixture (market model, textbook windows)', () => {
  let study: StudyJson;
  let derived: DerivedInputs;

  beforeAll(async () => {
    study = await runJson(['--returns', fixturePath('input_simple_returns.csv'), ...textbookArguments]);
    derived = writeDerivedInputs();
  });
  afterAll(() => derived.remove());

  it('describes the study it ran', async () => {
    expect(study.model).toBe('market');
    expect(study.eventDate).toBe('2024-11-06');
    expect(study.estimation).toEqual({ from: -130, to: -11 });
    expect(study.window).toEqual({ from: -5, to: 5 });
    expect(study.securities.map((security) => security.symbol)).toEqual(SECURITIES.split(','));
    expect(study.securities.map((security) => security.estimationDays)).toEqual([120, 120, 120, 120, 120]);
    expect(study.securities[0]?.days.map((day) => day.relativeDay)).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5]);
  });

  it('reproduces α, β, s², AR, var(AR), SAR, CAR and exact var(CAR) of the textbook computation', async () => {
    expectTextbookPerSecurity(study);
  });

  it('reproduces the daily AAR, CAAR, BMP t and Kolari–Pynnönen t of the textbook computation', async () => {
    for (const row of readFixtureCsv('textbook_mackinlay_daily_aggregate.csv')) {
      const day = study.aggregate.days.find((entry) => entry.relativeDay === Number(row.rel_day));
      const label = `aggregate day ${row.rel_day}`;
      expect(day?.date, label).toBe(row.date);
      expect(day?.n, label).toBe(5);
      expectClose(day?.aar, Number(row.AAR), `${label} AAR`);
      expectClose(day?.caar, Number(row.CAAR), `${label} CAAR`);
      expectClose(day?.tests.bmpT?.statistic, Number(row.BMP_t), `${label} BMP t`);
      expectClose(day?.tests.bmpT?.pValue, Number(row.BMP_p), `${label} BMP p`);
      expectClose(day?.tests.kpT?.statistic, Number(row.KP_adj_BMP_t), `${label} KP t`);
      expectClose(day?.tests.patellZ?.statistic, Number(row.patell_Z), `${label} Patell Z`);
    }
  });

  it('reports the default CAR windows that fit and the whole event window, each test as statistic and p-value or a reason', async () => {
    expect(study.aggregate.windows.map((window) => [window.from, window.to])).toEqual([[0, 0], [0, 1], [-1, 1], [-5, 5]]);
    const whole = study.aggregate.windows[3];
    expectClose(whole?.caar, Number(study.aggregate.days[10]?.caar), 'CAAR over [-5,5]');
    for (const window of study.aggregate.windows) {
      expect(Object.keys(window.tests)).toEqual([
        'crossSectionalT', 'patellZ', 'bmpT', 'kpT', 'j1', 'j2', 'signZ', 'generalizedSignZ', 'rankT', 'wilcoxon', 'brownWarner1985T', 'portfolioTimeSeriesT',
      ]);
      for (const test of Object.values(window.tests)) {
        if (test.statistic === null) expect(test).toEqual({ statistic: null, pValue: null, reason: expect.any(String) });
        else expect(Object.keys(test)).toEqual(['statistic', 'pValue']);
      }
    }
  });

  it('reproduces the textbook CAR-window aggregates for --car-windows', async () => {
    const named = await runJson([
      '--returns', fixturePath('input_simple_returns.csv'), ...textbookArguments,
      '--car-windows', '0:0,0:1,-1:1,0:5,-5:5',
    ]);
    for (const row of readFixtureCsv('textbook_mackinlay_car_windows_aggregate.csv')) {
      const [from, to] = (row.window ?? '').replace(/[[\]]/g, '').split(',').map(Number);
      const window = named.aggregate.windows.find((entry) => entry.from === from && entry.to === to);
      const label = `window ${row.window}`;
      expectClose(window?.caar, Number(row.CAAR), `${label} CAAR`);
      expectClose(window?.tests.crossSectionalT?.statistic, Number(row.csect_t), `${label} cross-sectional t`);
      expectClose(window?.tests.crossSectionalT?.pValue, Number(row.csect_p), `${label} cross-sectional p`);
      expectClose(window?.tests.bmpT?.statistic, Number(row.BMP_t), `${label} BMP t`);
      expectClose(window?.tests.kpT?.statistic, Number(row.KP_BMP_t), `${label} KP t`);
      expectClose(window?.tests.signZ?.statistic, Number(row.sign_z), `${label} sign z`);
    }
  });

  it('reproduces the buy-and-hold abnormal return over the event window (EventStudy, R)', async () => {
    const bhar = readFixtureCsv('EventStudy_MarketModel_single_BHART.csv').filter((row) => row.relative_index === '5');
    expect(bhar).toHaveLength(5);
    for (const row of bhar) {
      const security = study.securities.find((entry) => entry.symbol === row.security);
      expectClose(security?.bhar, Number(row.bhar), `${row.security} BHAR`);
    }
  });

  it('gives the same study when the windows are written as dates', async () => {
    const byDate = await runJson([
      '--returns', fixturePath('input_simple_returns.csv'),
      '--market', 'SYN_MKT', '--securities', SECURITIES, '--event-date', '2024-11-06',
      '--estimation', '2024-04-25:2024-10-21', '--gap', '-10:-6', '--window', '2024-10-29:2024-11-13',
    ]);
    expect(byDate).toEqual(study);
  });

  it('moves an event date that is not a row of the file (the 2024-11-04 holiday) to the next row', async () => {
    const holiday = await runJson([
      '--returns', fixturePath('input_simple_returns.csv'), ...textbookArguments.slice(0, 4),
      '--event-date', '2024-11-04', ...textbookArguments.slice(6),
    ]);
    expect(holiday.eventDate).toBe('2024-11-05');
    expect(dayOf(holiday, 'SYN_A', 0).date).toBe('2024-11-05');
  });

  it('computes the same study from prices (--prices) as from the returns they imply', async () => {
    const fromPrices = await runJson(['--prices', derived.prices, ...textbookArguments]);
    expectTextbookPerSecurity(fromPrices);
  });

  it('computes log returns from prices with --returns-kind log', async () => {
    const logStudy = await runJson(['--prices', derived.prices, ...textbookArguments, '--returns-kind', 'log']);
    const simpleReturn = Number(derived.rows.find((row) => row.date === '2024-11-06')?.SYN_A);
    expectClose(dayOf(logStudy, 'SYN_A', 0).return, Math.log1p(simpleReturn), 'SYN_A log return on day 0');
  });

  it('writes CSV with the shared formatter, holding the same numbers as the JSON', async () => {
    const run = await runStudyCli(['--returns', fixturePath('input_simple_returns.csv'), ...textbookArguments, '--format', 'csv']);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\r\n')[0]).toBe(SECURITY_COLUMNS.join(','));
    const rows = Papa.parse<Record<string, string>>(run.stdout, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(55);
    for (const row of rows) {
      const day = dayOf(study, row.security, Number(row.relative_day));
      expect(row.day_zero).toBe('2024-11-06');
      expect(row.benchmark).toBe('SYN_MKT');
      expect(row.date).toBe(day.date);
      expect(Number(row.ar)).toBe(day.ar);
      expect(Number(row.ar_variance)).toBe(day.arVariance);
      expect(Number(row.car_variance)).toBe(day.carVariance);
      expect(Number(row.sar)).toBe(day.sar);
    }
  });

  it('writes to --out instead of stdout, the same bytes', async () => {
    const out = join(derived.directory, 'study.json');
    const run = await runStudyCli(['--returns', fixturePath('input_simple_returns.csv'), ...textbookArguments, '--out', out]);
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(study);
  });

  it('prints the usage with --help and exits 0', async () => {
    const run = await runStudyCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run --silent study --/);
    for (const option of ['--returns', '--prices', '--market', '--securities', '--model', '--returns-kind', '--event-date',
      '--estimation', '--gap', '--window', '--car-windows', '--format', '--out']) {
      expect(run.stdout).toContain(option);
    }
  });
});
