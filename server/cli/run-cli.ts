/**
 * The study tool from command line to output text: parse, read, run the engine, format. Every
 * failure comes back as one line and an exit code, never as a stack trace.
 */
import { writeFileSync } from 'node:fs';
import { isEventStudyError, runStudy, type StudyResult } from '../../src/core/index';
import { studyAggregateCsv, studySecuritiesCsv } from '../../src/application/study-csv';
import { parseArguments, wantsHelp, type CliArguments } from './arguments';
import { CliError } from './cli-error';
import { readSeriesTable } from './series-table';
import { studyInput } from './study-input';
import { studyJson } from './study-json';
import { USAGE } from './usage';

export interface CliOutcome {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/**
 * Hands an outcome to the process: the output to stdout and stderr, and the exit code, set rather
 * than passed to process.exit so that a piped stdout is written out in full first.
 */
export function finish(outcome: CliOutcome): void {
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
}

/** Runs the tool on `argv` (the arguments after the script name). */
export async function runCli(argv: readonly string[]): Promise<CliOutcome> {
  if (wantsHelp(argv)) return { exitCode: 0, stdout: USAGE, stderr: '' };
  try {
    const args = parseArguments(argv);
    const output = await studyOutput(args);
    if (args.out === null) return { exitCode: 0, stdout: output, stderr: '' };
    writeOutput(args.out, output);
    return { exitCode: 0, stdout: '', stderr: '' };
  } catch (error) {
    return { exitCode: exitCodeOf(error), stdout: '', stderr: `study: ${oneLine(messageOf(error))}\n` };
  }
}

async function studyOutput(args: CliArguments): Promise<string> {
  const input = await studyInput(args, readSeriesTable(args.input.path));
  const result = runStudy(input.units, input.options);
  checkNoFailures(result);
  const context = input.eventId === null ? {} : { eventId: input.eventId };
  if (args.format === 'csv') return studySecuritiesCsv(result, context);
  if (args.format === 'portfolio-csv') return studyAggregateCsv(result, context);
  return `${JSON.stringify(studyJson(result, input.dayZero, input.event), null, 2)}\n`;
}

/** A script asking for N securities gets N or an error: a partial result would pass unnoticed. */
function checkNoFailures(result: StudyResult): void {
  if (result.failures.length === 0) return;
  throw new CliError(result.failures.map((failure) => failure.error.message).join('; '));
}

function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function exitCodeOf(error: unknown): 1 | 2 {
  return error instanceof CliError ? error.exitCode : 1;
}

function messageOf(error: unknown): string {
  if (error instanceof CliError || isEventStudyError(error)) return error.message;
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return `unexpected error: ${String(error)}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
