/**
 * The study tool from command line to output text: parse, read, run the engine, format. Every
 * failure comes back as one line and an exit code, never as a stack trace.
 */
import { writeFileSync } from 'node:fs';
import { isEventStudyError } from '../../src/core/errors';
import { counted } from '../../src/domain/english';
import { parseArguments, wantsHelp } from './arguments';
import { CliError } from './cli-error';
import type { UnitFailure } from './study-input';
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

/**
 * Runs the tool on `argv` (the arguments after the script name). The study itself is loaded only
 * when one runs, so `--help` stays quick.
 */
export async function runCli(argv: readonly string[]): Promise<CliOutcome> {
  if (wantsHelp(argv)) return { exitCode: 0, stdout: USAGE, stderr: '' };
  try {
    const args = parseArguments(argv);
    const { studyOutput } = await import('./study-output');
    const output = await studyOutput(args);
    const stdout = output.text === null || args.out !== null ? '' : output.text;
    if (output.text !== null && args.out !== null) writeOutput(args.out, output.text);
    const stderr = [...output.warnings.map((warning) => `warning: ${warning}`), ...output.failures.map(failureLine), ...closingLines(output, args.event.kind === 'file' ? args.event.path : null)];
    return { exitCode: output.failures.length > 0 || output.text === null ? 1 : 0, stdout, stderr: stderr.map((line) => `study: ${oneLine(line)}\n`).join('') };
  } catch (error) {
    return { exitCode: exitCodeOf(error), stdout: '', stderr: `study: ${oneLine(messageOf(error))}\n` };
  }
}

function failureLine(failure: UnitFailure): string {
  const where = failure.line === null ? '' : `line ${failure.line}`;
  const who = failure.security === null ? '' : ` (${failure.security})`;
  return `${where}${who}: ${failure.reason}`;
}

// With --events, the last line says how many rows ran, so a partial run is never mistaken for a whole one.
function closingLines(output: { text: string | null; failures: readonly UnitFailure[] }, eventsFile: string | null): string[] {
  if (eventsFile === null || output.failures.length === 0) return [];
  if (output.text === null) return [`no row of ${eventsFile} could be studied`];
  return [`${counted(output.failures.length, 'row')} of ${eventsFile} failed; the others ran`];
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
