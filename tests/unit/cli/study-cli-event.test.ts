/**
 * The command-line tool's --event (an event of data/events.json), --format portfolio-csv and the
 * neutralising of formula-like column names, run in-process on the SYNTHETIC fixture (made-up
 * returns for testing the maths only).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../server/cli/run-cli';
import { fixturePath } from './cli-harness';
import { writeDerivedInputs } from './derived-inputs';

const PAYLOAD = "=cmd|' /C calc'!A0";
const inputs = writeDerivedInputs();
afterAll(() => inputs.remove());

const data = ['--returns', fixturePath('input_simple_returns.csv'), '--market', 'SYN_MKT', '--securities', 'SYN_A,SYN_B,SYN_C'];
const study = [...data, '--estimation', '-130:-11', '--window', '-5:5'];

async function run(args: readonly string[]): Promise<string> {
  const outcome = await runCli(args);
  expect(outcome.stderr).toBe('');
  expect(outcome.exitCode).toBe(0);
  return outcome.stdout;
}

function rows(csv: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
}

describe('--event ID', () => {
  it("places day 0 by the event's own time and zone and writes its id, the numbers as with --event-date", async () => {
    // 19:00 New York on 5 Nov 2024 is after the close there (SYN_MKT counts as New York), so day 0 is 6 Nov.
    const byEvent = rows(await run([...study, '--event', 'us-election-2024', '--format', 'csv']));
    const byDate = rows(await run([...study, '--event-date', '2024-11-06', '--format', 'csv']));
    expect(byEvent.every((row) => row.event_id === 'us-election-2024' && row.day_zero === '2024-11-06')).toBe(true);
    expect(byDate.every((row) => row.event_id === '')).toBe(true);
    expect(byEvent.map((row) => ({ ...row, event_id: '' }))).toEqual(byDate);
  });

  it('moves day 0 to the next session for an event after the close, and keeps a bare date', async () => {
    // Sunday 27 Oct 2024, 20:00 Tokyo: 07:00 that Sunday in New York, so the next session, Monday 28 Oct.
    const late = rows(await run([...data, '--estimation', '-100:-11', '--window', '-1:1', '--event', 'japan-general-election-2024', '--format', 'csv']));
    expect(late[0]?.day_zero).toBe('2024-10-28');
    const call = rows(await run([...study, '--event', 'ishiba-trump-call-2024', '--format', 'csv']));
    expect(call[0]?.day_zero).toBe('2024-11-07');
  });

  it('names the events there are when the id is unknown, and refuses --event with --event-date', async () => {
    const unknown = await runCli([...study, '--event', 'nope']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toBe('study: data/events.json has no event "nope" (events: ldp-leadership-2024, japan-general-election-2024, us-election-2024, ishiba-trump-call-2024)\n');
    expect(await runCli([...study, '--event', 'us-election-2024', '--event-date', '2024-11-06'])).toMatchObject({ exitCode: 2, stderr: 'study: Give --event-date or --event, not both (see --help)\n' });
    expect(await runCli(study)).toMatchObject({ exitCode: 2, stderr: 'study: Missing --event-date YYYY-MM-DD, --event ID or --events FILE.csv (see --help)\n' });
  });
});

describe('--format portfolio-csv', () => {
  it('writes the portfolio CSV holding the same AAR, CAAR and BMP t as the JSON output', async () => {
    const json = JSON.parse(await run([...study, '--event', 'us-election-2024'])) as {
      aggregate: { days: { relativeDay: number; aar: number; caar: number; tests: { bmpT: { statistic: number } } }[]; windows: { from: number; to: number; caar: number }[] };
    };
    const portfolio = rows(await run([...study, '--event', 'us-election-2024', '--format', 'portfolio-csv']));
    const daily = portfolio.filter((row) => row.row_type === 'daily');
    expect(daily.map((row) => [Number(row.relative_day), Number(row.aar), Number(row.caar), Number(row.bmp_t)])).toEqual(
      json.aggregate.days.map((day) => [day.relativeDay, day.aar, day.caar, day.tests.bmpT.statistic]),
    );
    const windows = portfolio.filter((row) => row.row_type === 'window');
    expect(windows.map((row) => [Number(row.from), Number(row.to), Number(row.caar)])).toEqual(json.aggregate.windows.map((window) => [window.from, window.to, window.caar]));
    expect(portfolio.every((row) => row.event_id === 'us-election-2024')).toBe(true);
  });
});

describe('the JSON summary', () => {
  it("states the answer as the page's panel does: each security's day-0 AR in words and the group under the rules' test", async () => {
    interface Tested { value: number; pValue: number; words: string }
    const json = JSON.parse(await run([...study, '--event', 'us-election-2024'])) as {
      securities: { symbol: string; days: { relativeDay: number; ar: number }[] }[];
      aggregate: { days: { relativeDay: number; aar: number; tests: Record<string, { pValue: number }> }[] };
      summary: { groups: { id: string; title: string; securities: { symbol: string; name: string; dayZeroAr: Tested }[]; choice: { test: string; crossCheck: string }; result: { dayZeroAar: Tested } }[] };
    };
    const [group] = json.summary.groups;
    expect(group?.id).toBe('us-election-2024');
    expect(group?.title).toBe('US presidential election: Donald Trump wins');
    expect(group?.securities.map((security) => [security.symbol, security.name, security.dayZeroAr.value])).toEqual(
      json.securities.map((security) => [security.symbol, security.symbol, security.days.find((day) => day.relativeDay === 0)?.ar]),
    );
    expect(group?.securities[0]?.dayZeroAr.words).toMatch(/^[+-]\d+\.\d\d %(, p [<=] \d\.\d{3} — (not significant|significant at \d+ %)| \(no p-value: .*\))$/);
    // Three securities on one day 0: the portfolio time-series t, Brown–Warner 1985 beside it.
    expect(group?.choice).toMatchObject({ test: 'portfolioTimeSeriesT', crossCheck: 'brownWarner1985T' });
    const day0 = json.aggregate.days.find((day) => day.relativeDay === 0);
    expect(group?.result.dayZeroAar.value).toBe(day0?.aar);
    expect(group?.result.dayZeroAar.pValue).toBe(day0?.tests.portfolioTimeSeriesT?.pValue);
    expect(Object.keys(day0?.tests ?? {})).toEqual(expect.arrayContaining(['brownWarner1985T', 'portfolioTimeSeriesT']));
  });

  it('names an event given by its date alone by its day 0', async () => {
    const json = JSON.parse(await run([...study, '--event-date', '2024-11-06'])) as { summary: { groups: { title: string }[] } };
    expect(json.summary.groups[0]?.title).toBe('Event with day 0 on 6 Nov 2024');
  });
});

describe('a formula-like security name', () => {
  it('comes out of the CSV quoted and prefixed with an apostrophe, so no spreadsheet runs it', async () => {
    const file = join(inputs.directory, 'hostile.csv');
    writeFileSync(file, Papa.unparse(inputs.rows.map((row) => ({ date: row.date, [PAYLOAD]: row.SYN_A, SYN_MKT: row.SYN_MKT }))));
    const csv = await run(['--returns', file, '--market', 'SYN_MKT', '--securities', PAYLOAD, '--event-date', '2024-11-06', '--estimation', '-130:-11', '--window', '-1:1', '--format', 'csv']);
    expect(csv.split('\r\n')[1]).toMatch(/^,"'=cmd\|' \/C calc'!A0",SYN_MKT,2024-11-06,/);
    expect(rows(csv).map((row) => row.security)).toEqual([`'${PAYLOAD}`, `'${PAYLOAD}`, `'${PAYLOAD}`]);
  });
});
