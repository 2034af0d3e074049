/**
 * The `--factors` file: a date column and one column per factor (Fama–French, Carhart, a sector
 * index, any series the user has), added to the market model as regressors. Read and checked by the
 * page's rule (numbers, unique dates, each problem with its line and column), then laid on each
 * security's own calendar by date. Values are used as written: a factor's unit (per cent, as
 * Kenneth French's files write them, or fractions) changes its slope only, never an AR or its
 * variance (OLS fitted values and the forecast-error term do not depend on a regressor's unit).
 */
import { basename } from 'node:path';
import { readFactorFile } from '../../src/domain/factor-file';
import { CliError } from './cli-error';
import { readText } from './series-table';

export interface FactorTable {
  path: string;
  names: string[];
  /** Each factor's values by date; null for an empty or NA cell (a missing day, never filled). */
  byDate: Map<string, (number | null)[]>;
}

/**
 * Reads and checks a factor file by the page's rule (src/domain/factor-file.ts), so the tool and the
 * page accept and refuse the same files in the same words.
 * @throws {CliError} for an unreadable file, or every problem of the file, named by line and column.
 * @example readFactorTable('ff3.csv').names // ['SMB', 'HML']
 */
export function readFactorTable(path: string): FactorTable {
  const reading = readFactorFile(readText(path), basename(path));
  if (reading.file === null) throw new CliError(`${path}: ${reading.problems.join(' ')}`);
  const { factors, dates, values } = reading.file;
  const byDate = new Map(dates.map((date, row) => [date, factors.map((factor) => values[factor]?.[row] ?? null)]));
  return { path, names: factors, byDate };
}

/**
 * The factors on a security's calendar, each aligned to `dates`. Every day the study reads (the
 * estimation and event windows, rows `used`) must be a date of the file: a day without a row is
 * named, while an empty cell is a missing day like a missing return.
 * @throws {CliError} naming the security and the dates the file lacks.
 * @example factorsOn(table, unit.dates, [[10, 130], [135, 146]], 'SYN_A').SMB[12]
 */
export function factorsOn(table: FactorTable, dates: readonly string[], used: readonly (readonly [number, number])[], symbol: string): Record<string, (number | null)[]> {
  const absent = used.flatMap(([from, to]) => dates.slice(from, to + 1).filter((date) => !table.byDate.has(date)));
  if (absent.length > 0) {
    const shown = absent.slice(0, 5).join(', ');
    const more = absent.length > 5 ? ` and ${absent.length - 5} more` : '';
    throw new CliError(`${table.path} has no row for ${absent.length} of ${symbol}'s estimation and event days: ${shown}${more}`);
  }
  const rows = dates.map((date) => table.byDate.get(date));
  return Object.fromEntries(table.names.map((name, position) => [name, rows.map((row) => row?.[position] ?? null)]));
}
