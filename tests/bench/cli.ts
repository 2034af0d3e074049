/**
 * Command-line benchmark: whole processes, timed from spawn to exit by the wall clock, as a user
 * waits for them. A study of 1,000 MADE-UP securities × 300 days (made-up-returns-csv.ts; market
 * model, default windows, every test, JSON on stdout redirected to a file) through the README's
 * command, `npm run --silent study -- …`, against an empty `npm run` script (what npm itself
 * costs), and the compiled tool run directly with node, on the same study and with --help.
 * The commands run in rounds, one of each per round, so a busy spell of the machine hits them all.
 * Targets (issue 15): `npm run --silent study` under 2× the empty `npm run` (medians); --help
 * under 200 ms. Timings are printed, never asserted.
 * A floor is timed beside them: a script run by `npm run` that reads the same input and writes a
 * saved copy of the study's output, computing nothing. No tool that reads this input and writes this
 * output can run faster than it, which says how much of the 2× is left for parsing, the statistics
 * and formatting.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../reliability/helpers/server-process.ts';
import type { Bench } from './bench';
import { MADE_UP_MARKET, writeMadeUpReturnsCsv } from './made-up-returns-csv.ts';

const SECURITIES = 1_000;
const DAYS = 300;
/** Day 0 leaves room for the default windows: estimation -250:-11 and event window -5:10. */
const DAY_ZERO_INDEX = 270;
const ROUNDS = 11;
const WARM_UP_ROUNDS = 2;
const RATIO_TARGET = 2;
const HELP_TARGET_MS = 200;
const COMPILED_STUDY = path.join(PROJECT_ROOT, 'dist/cli/study.js');

interface Command {
  label: string;
  command: string;
  args: string[];
  cwd: string;
  /** Where stdout goes: a file (the study's JSON), else nowhere. */
  stdoutFile?: string;
  timings: number[];
}

/**
 * The command-line benchmark (needs dist/cli/, which `npm run bench` brings up to date).
 * @throws Error when a command fails or the two study runs do not write the same JSON.
 * @example await cliBench.run()
 */
export const cliBench: Bench = {
  name: `Command-line tool, whole processes (${SECURITIES.toLocaleString('en-US')} made-up securities × ${DAYS} days, market model, every test, JSON to a file; ${ROUNDS} rounds after ${WARM_UP_ROUNDS} warm-up; ratios of medians)`,
  columns: ['command', 'runs', 'median ms', 'min ms', '× empty npm run', 'target', 'verdict'],
  run() {
    const folder = mkdtempSync(path.join(tmpdir(), 'kabuto-cli-bench-'));
    try {
      const input = path.join(folder, 'returns.csv');
      const { dates } = writeMadeUpReturnsCsv(input, { securities: SECURITIES, days: DAYS, seed: 20241106 });
      const study = ['--returns', input, '--market', MADE_UP_MARKET, '--event-date', dates[DAY_ZERO_INDEX] as string];
      const saved = path.join(folder, 'saved-output.json');
      const first = command('the study once, for the floor', process.execPath, [COMPILED_STUDY, ...study], PROJECT_ROOT, saved);
      wallMilliseconds(first);
      const emptyProject = writeEmptyProject(path.join(folder, 'empty-project'), input, saved);
      const empty = command('npm run --silent empty (the script is ":")', 'npm', ['run', '--silent', 'empty'], emptyProject);
      const floor = command('npm run --silent floor (read input, write saved output)', 'npm', ['run', '--silent', 'floor'], emptyProject, path.join(folder, 'floor.json'));
      const help = command('node dist/cli/study.js --help', process.execPath, [COMPILED_STUDY, '--help'], PROJECT_ROOT);
      const direct = command('node dist/cli/study.js <study>', process.execPath, [COMPILED_STUDY, ...study], PROJECT_ROOT, path.join(folder, 'direct.json'));
      const viaNpm = command('npm run --silent study -- <study>', 'npm', ['run', '--silent', 'study', '--', ...study], PROJECT_ROOT, path.join(folder, 'npm.json'));
      const commands = [empty, floor, help, direct, viaNpm];
      for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round += 1) {
        for (const each of commands) {
          const elapsed = wallMilliseconds(each);
          if (round >= WARM_UP_ROUNDS) each.timings.push(elapsed);
        }
      }
      checkStudyOutputs(direct, viaNpm, floor);
      const emptyMedian = median(empty.timings);
      const row = (each: Command, target = '', verdict = ''): string[] => [
        each.label,
        String(each.timings.length),
        median(each.timings).toFixed(0),
        Math.min(...each.timings).toFixed(0),
        (median(each.timings) / emptyMedian).toFixed(2),
        target,
        verdict,
      ];
      return [
        row(empty),
        row(floor),
        row(help, `< ${HELP_TARGET_MS} ms`, median(help.timings) < HELP_TARGET_MS ? 'PASS' : 'MISS'),
        row(direct),
        row(viaNpm, `< ${RATIO_TARGET}× empty`, median(viaNpm.timings) < RATIO_TARGET * emptyMedian ? 'PASS' : 'MISS'),
      ];
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};

function command(label: string, program: string, args: string[], cwd: string, stdoutFile?: string): Command {
  return { label, command: program, args, cwd, ...(stdoutFile === undefined ? {} : { stdoutFile }), timings: [] };
}

/**
 * A package with two scripts: `empty` does nothing (the time of `npm run` itself); `floor` reads the
 * input as the tool does and writes the saved output to stdout as the tool does, computing nothing.
 */
function writeEmptyProject(folder: string, input: string, savedOutput: string): string {
  mkdirSync(folder);
  const floorScript = [
    "import { readFileSync } from 'node:fs';",
    'readFileSync(process.argv[2], "utf8");',
    'process.stdout.write(readFileSync(process.argv[3], "utf8"));',
  ].join('\n');
  writeFileSync(path.join(folder, 'floor.mjs'), `${floorScript}\n`);
  const scripts = { empty: ':', floor: `node floor.mjs ${JSON.stringify(input)} ${JSON.stringify(savedOutput)}` };
  writeFileSync(path.join(folder, 'package.json'), `${JSON.stringify({ name: 'kabuto-bench-empty', private: true, scripts })}\n`);
  return folder;
}

/** Spawn to exit, in milliseconds; stdout to the command's file (truncated first) or nowhere. */
function wallMilliseconds(each: Command): number {
  const stdout = each.stdoutFile === undefined ? 'ignore' : openSync(each.stdoutFile, 'w');
  try {
    const start = performance.now();
    const child = spawnSync(each.command, each.args, { cwd: each.cwd, stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8' });
    const elapsed = performance.now() - start;
    if (child.status !== 0) throw new Error(`${each.label} failed with status ${child.status}: ${child.stderr || child.error?.message}`);
    return elapsed;
  } finally {
    if (typeof stdout === 'number') closeSync(stdout);
  }
}

/** Both ways of running the study and the floor wrote the same bytes, and the JSON holds every security. */
function checkStudyOutputs(direct: Command, viaNpm: Command, floor: Command): void {
  const [directJson, npmJson, floorJson] = [direct, viaNpm, floor].map((each) => readFileSync(each.stdoutFile as string, 'utf8'));
  if (directJson !== npmJson) throw new Error('npm run study and node dist/cli/study.js wrote different output for the same study');
  if (floorJson !== directJson) throw new Error('the floor did not write the study\'s output');
  const securities = (JSON.parse(directJson ?? '') as { securities: unknown[] }).securities.length;
  if (securities !== SECURITIES) throw new Error(`the study's JSON holds ${securities} securities, not ${SECURITIES}`);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
