import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, runStudyCli, type CliRun } from './cli-harness';
import { writeDerivedInputs, type DerivedInputs } from './derived-inputs';

const returnsFile = () => fixturePath('input_simple_returns.csv');
const studyArguments = (overrides: Record<string, string> = {}): string[] => {
  const options: Record<string, string> = {
    '--market': 'SYN_MKT',
    '--securities': 'SYN_A,SYN_B,SYN_C,SYN_D,SYN_E',
    '--event-date': '2024-11-06',
    '--estimation': '-130:-11',
    '--gap': '-10:-6',
    '--window': '-5:5',
    ...overrides,
  };
  return Object.entries(options).flatMap(([name, value]) => (value === '' ? [] : [name, value]));
};

/** Bad input: the given exit code, nothing on stdout and exactly one line on stderr. */
function expectOneLineFailure(run: CliRun, exitCode: number, message: RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^study: [^\n]+\n$/);
  expect(run.stderr).toMatch(message);
  expect(run.status).toBe(exitCode);
}

describe('study CLI on bad input', () => {
  let derived: DerivedInputs;
  beforeAll(() => {
    derived = writeDerivedInputs();
  });
  afterAll(() => derived.remove());

  it('reports an unreadable input file and an unwritable output file', async () => {
    const run = await runStudyCli(['--returns', `${derived.directory}/missing.csv`, ...studyArguments()]);
    expectOneLineFailure(run, 1, /Cannot read .*missing\.csv: ENOENT/);
    const out = `${derived.directory}/no-such-directory/study.json`;
    expectOneLineFailure(await runStudyCli(['--returns', returnsFile(), ...studyArguments(), '--out', out]), 1, /^study: Cannot write .*study\.json: ENOENT/);
  });

  it('reports an unknown market or security column, listing the columns there are', async () => {
    expectOneLineFailure(
      await runStudyCli(['--returns', returnsFile(), ...studyArguments({ '--market': 'TOPIX' })]),
      1,
      /no column "TOPIX" \(columns: rel_day, SYN_A, SYN_B, SYN_C, SYN_D, SYN_E, SYN_MKT\)/,
    );
    expectOneLineFailure(
      await runStudyCli(['--returns', returnsFile(), ...studyArguments({ '--securities': 'SYN_A,SYN_Z' })]),
      1,
      /no column "SYN_Z"/,
    );
  });

  it('reports an event date outside the data', async () => {
    const run = await runStudyCli(['--returns', returnsFile(), ...studyArguments({ '--event-date': '2025-01-06' })]);
    expectOneLineFailure(run, 1, /2025-01-06 has no trading session in the data \(trading days from 2024-04-18 to 2024-11-20\)/);
  });

  it('names the security that has too few estimation days', async () => {
    const run = await runStudyCli(['--returns', derived.sparse, ...studyArguments()]);
    expectOneLineFailure(run, 1, /SYN_A: only 19 usable estimation days, at least 30 needed/);
  });

  it('reports a window that does not fit the data', async () => {
    expectOneLineFailure(
      await runStudyCli(['--returns', returnsFile(), ...studyArguments({ '--window': '-5:20' })]),
      1,
      /The event window -5:20 does not fit the data: .* has days -135:10 around day 0 = 2024-11-06/,
    );
    expectOneLineFailure(
      await runStudyCli(['--returns', returnsFile(), ...studyArguments({ '--estimation': '' })]),
      1,
      /The default estimation window -250:-11 does not fit the data/,
    );
  });

  it('reports inconsistent windows as the engine explains them', async () => {
    const run = await runStudyCli(['--returns', returnsFile(), ...studyArguments({ '--gap': '-12:-6' })]);
    expectOneLineFailure(run, 1, /gap|overlap/i);
  });

  it('reports a malformed number with its column and date', async () => {
    const run = await runStudyCli(['--returns', derived.malformed, ...studyArguments()]);
    expectOneLineFailure(run, 1, /column SYN_C, 2024-06-03: "0\.01x" is not a number/);
  });

  it('reports a file that is not a series table', async () => {
    const run = await runStudyCli(['--returns', fixturePath('windows.json'), ...studyArguments()]);
    expectOneLineFailure(run, 1, /windows\.json/);
  });

  it('rejects a wrong command line with exit code 2', async () => {
    expectOneLineFailure(await runStudyCli(['--returns', returnsFile(), ...studyArguments(), '--frobnicate', '1']), 2, /Unknown option --frobnicate/);
    expectOneLineFailure(await runStudyCli(['--returns', returnsFile(), ...studyArguments({ '--window': '5' })]), 2, /--window must look like A:B/);
    expectOneLineFailure(await runStudyCli(['--returns', returnsFile(), ...studyArguments({ '--market': '' })]), 2, /Missing --market/);
    expectOneLineFailure(await runStudyCli(['--returns', returnsFile(), ...studyArguments({ '--model': 'fama-french' })]), 2, /--model must be one of market, market-adjusted, mean-adjusted/);
    expectOneLineFailure(await runStudyCli(studyArguments()), 2, /Missing --returns FILE\.csv or --prices FILE\.csv/);
    expectOneLineFailure(await runStudyCli(['--returns', returnsFile(), ...studyArguments(), '--returns-kind', 'percent']), 2, /--returns-kind must be one of simple, log/);
    expectOneLineFailure(await runStudyCli(['--returns', returnsFile(), ...studyArguments(), '--window', '-1:1']), 2, /--window is given twice/);
    expectOneLineFailure(await runStudyCli(['--returns', returnsFile(), ...studyArguments({ '--estimation': '-130:eleven' })]), 2, /"eleven" is neither a trading-day offset nor a YYYY-MM-DD date/);
  });
});
