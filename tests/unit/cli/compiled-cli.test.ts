/**
 * The compiled command-line tool as users run it: dist/cli/study.js (`npm run study`) and
 * dist/cli/kabuto.js (the package's `kabuto` bin, run through its #! line), as child processes.
 * The other CLI tests call runCli in-process; these check what only a process shows: bytes on
 * stdout, exit codes, one line on stderr. On the SYNTHETIC fixture (made-up returns).
 * vitest's global setup (tests/build-setup.ts) builds dist/ first when it is out of date.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { studySecuritiesCsv } from '../../../src/application/study-csv';
import { parseArguments } from '../../../server/cli/arguments';
import { readSeriesTable } from '../../../server/cli/series-table';
import { studyInput } from '../../../server/cli/study-input';
import { studyJson } from '../../../server/cli/study-json';
import { studyReport } from '../../../server/cli/study-report';
import { fixturePath, repositoryRoot, type CliRun } from './cli-harness';
import { writeDerivedInputs } from './derived-inputs';

const STUDY_JS = join(repositoryRoot, 'dist/cli/study.js');
const KABUTO_JS = join(repositoryRoot, 'dist/cli/kabuto.js');
const textbook = [
  '--returns', fixturePath('input_simple_returns.csv'), '--market', 'SYN_MKT', '--securities', 'SYN_A,SYN_B,SYN_C,SYN_D,SYN_E',
  '--event-date', '2024-11-06', '--estimation', '-130:-11', '--gap', '-10:-6', '--window', '-5:5',
];
const derived = writeDerivedInputs();
afterAll(() => derived.remove());

function run(command: string, args: readonly string[], viaNode = true): CliRun {
  const child = spawnSync(viaNode ? process.execPath : command, viaNode ? [command, ...args] : args, { cwd: repositoryRoot, encoding: 'utf8', timeout: 30_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/**
 * What the source's pipeline (input, engine, report) and the documented formatters give for the
 * textbook study, in this process: the compiled file must write exactly that.
 */
async function expectedOutput(format: 'json' | 'csv'): Promise<string> {
  const args = parseArguments(textbook);
  const report = studyReport(await studyInput(args, readSeriesTable(fixturePath('input_simple_returns.csv'))));
  const priceSources = Object.fromEntries(['SYN_A', 'SYN_B', 'SYN_C', 'SYN_D', 'SYN_E', 'SYN_MKT'].map((symbol) => [symbol, 'file']));
  return format === 'csv' ? studySecuritiesCsv(report.result, { priceSources }) : `${JSON.stringify(studyJson(report, args), null, 2)}\n`;
}

describe('dist/cli/study.js', () => {
  it('writes the study as JSON on stdout, byte for byte what the engine and the documented JSON shape give', async () => {
    const result = run(STUDY_JS, textbook);
    expect(result).toEqual({ status: 0, stdout: await expectedOutput('json'), stderr: '' });
  });

  it('writes the per-security CSV to --out, byte for byte', async () => {
    const out = join(derived.directory, 'compiled.csv');
    expect(run(STUDY_JS, [...textbook, '--format', 'csv', '--out', out])).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toBe(await expectedOutput('csv'));
  });

  it('exits 1 with one line on stderr when the data cannot be used, 2 for a wrong command line', async () => {
    const malformed = run(STUDY_JS, [...textbook.slice(2), '--returns', derived.malformed]);
    expect(malformed).toEqual({ status: 1, stdout: '', stderr: expect.stringMatching(/^study: [^\n]*"0\.01x" is not a number[^\n]*\n$/) });
    const unknown = run(STUDY_JS, [...textbook, '--frobnicate', '1']);
    expect(unknown).toEqual({ status: 2, stdout: '', stderr: expect.stringMatching(/^study: Unknown option --frobnicate[^\n]*\n$/) });
  });

  it('prints the usage with --help', async () => {
    const help = run(STUDY_JS, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: /);
  });
});

describe('dist/cli/kabuto.js (the kabuto bin)', () => {
  it('runs `kabuto study …` as the study tool, started through its own #! line', async () => {
    expect(run(KABUTO_JS, ['study', ...textbook], false)).toEqual({ status: 0, stdout: await expectedOutput('json'), stderr: '' });
  });

  it('lists its commands with --help, and refuses a missing or unknown command with exit code 2', async () => {
    const help = run(KABUTO_JS, ['--help']);
    expect(help).toEqual({ status: 0, stdout: expect.stringMatching(/^Usage: kabuto <command>[\s\S]*\n {2}study {4}/), stderr: '' });
    expect(run(KABUTO_JS, [])).toMatchObject({ status: 2, stdout: '', stderr: expect.stringMatching(/^kabuto: name a command\n/) });
    expect(run(KABUTO_JS, ['frobnicate'])).toMatchObject({ status: 2, stdout: '', stderr: expect.stringMatching(/^kabuto: unknown command "frobnicate"\n/) });
    expect(run(KABUTO_JS, ['study', '--help']).stdout).toBe(run(STUDY_JS, ['--help']).stdout);
  });
});
