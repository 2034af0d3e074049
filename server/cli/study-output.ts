/**
 * The study from parsed arguments to output text: read, run the engine, format. Loaded by run-cli.ts
 * only when a study runs, so `--help` and a wrong command line load none of it.
 */
import { studyAggregateCsv, studySecuritiesCsv } from '../../src/application/study-csv';
import type { CliArguments } from './arguments';
import { readSeriesTable } from './series-table';
import { studyInput } from './study-input';
import { studyJson } from './study-json';
import { studyReport } from './study-report';
import type { UnitFailure } from './study-input';

export interface StudyOutput {
  /** The output, or null when no unit could be studied. */
  text: string | null;
  /** Every unit (events-file row) that could not be studied. */
  failures: UnitFailure[];
  warnings: string[];
}

/**
 * Runs the study the arguments describe.
 * @throws {CliError} or EventStudyError when the study cannot be run at all.
 */
export async function studyOutput(args: CliArguments): Promise<StudyOutput> {
  const input = await studyInput(args, readSeriesTable(args.input.path));
  const report = studyReport(input);
  const { result } = report;
  if (result.securities.length === 0) return { text: null, failures: report.failures, warnings: report.warnings };
  // The CSV files say where each series came from: the user's own file.
  const priceSources = Object.fromEntries(result.securities.flatMap((security) => [[security.symbol, 'file'], [security.benchmark, 'file']]));
  const context = { ...(input.event === null ? {} : { eventId: input.event.id }), priceSources };
  const text =
    args.format === 'csv'
      ? studySecuritiesCsv(result, context)
      : args.format === 'portfolio-csv'
        ? studyAggregateCsv(result, context)
        : `${JSON.stringify(studyJson(report, args), null, 2)}\n`;
  return { text, failures: report.failures, warnings: report.warnings };
}
