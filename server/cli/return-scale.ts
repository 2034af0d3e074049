/**
 * The scale of a `--returns` file's columns. Returns are fractions (0.0521 for 5.21 %) unless
 * `--percent` says the file holds per cent (5.21), which is then divided by 100. A simple return of
 * −1 or less is impossible (a loss of everything or more) and refused, naming the cell: per cent
 * read as fractions is the usual cause, and a buy-and-hold return would otherwise compound it.
 *
 * The warning heuristic: daily returns in fractions have a median |r| of about 0.01 (the most
 * volatile stocks about 0.03), in per cent about 1. A column (with at least 10 values) looks like
 * per cent when its median |r| exceeds 0.2, or when more than 5 % of its values exceed 1 in size
 * (a day that more than doubles a price); with --percent, a column whose median |r| after the
 * division is below 0.001 (0.1 %) looks like fractions divided once too often.
 */
import { CliError } from './cli-error';
import { lineOf, numericColumn, type SeriesTable } from './series-table';

export interface ScaledColumn {
  values: (number | null)[];
  /** Why the column's scale looks wrong, or null. */
  warning: string | null;
}

const LEAST_VALUES = 10;

/**
 * One column of a returns file as fractions, checked.
 * @throws {CliError} for a cell that is not a number, or a simple return ≤ −1, naming its line,
 *   column and date.
 * @example scaledReturns(table, 'IDX_A', { percent: true, simple: true }).values[5] // -0.0521 for a cell -5.21
 */
export function scaledReturns(table: SeriesTable, column: string, scale: { percent: boolean; simple: boolean }): ScaledColumn {
  const read = numericColumn(table, column);
  const values = scale.percent ? read.map((value) => (value === null ? null : value / 100)) : read;
  if (scale.simple) {
    const impossible = values.findIndex((value) => value !== null && value <= -1);
    if (impossible !== -1) {
      const hint = scale.percent ? '' : '; if the file holds per cent (-5.21 for -5.21 %), add --percent';
      throw new CliError(
        `${table.path}, line ${lineOf(table, impossible)}, column ${column}, ${table.dates[impossible]}: the simple return ${String(read[impossible])}${scale.percent ? ' %' : ''} is impossible (-1 or less is a loss of 100 % or more)${hint}`,
      );
    }
  }
  return { values, warning: scaleWarning(column, values, scale.percent) };
}

function scaleWarning(column: string, values: readonly (number | null)[], percent: boolean): string | null {
  // A typed array sorts numerically without a comparator call per step: this runs for every column
  // of the file (1,000 × 300 values in the CLI benchmark) and was a tenth of the tool's time.
  const sizes = new Float64Array(values.length);
  let count = 0;
  let largeCount = 0;
  for (const value of values) {
    if (value === null) continue;
    const size = Math.abs(value);
    sizes[count] = size;
    count += 1;
    if (size > 1) largeCount += 1;
  }
  if (count < LEAST_VALUES) return null;
  const sorted = sizes.subarray(0, count).sort();
  const middle = count >> 1;
  const median = count % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  const large = largeCount / count;
  const shown = `median |r| ${formatSize(median)}`;
  if (!percent && (median > 0.2 || large > 0.05)) {
    return `${column}: the returns look like per cent (${shown}, ${Math.round(large * 100)} % of days above 1 in size); if -5.21 means -5.21 %, add --percent`;
  }
  if (percent && median < 0.001) {
    return `${column}: with --percent the returns look too small (${shown} after dividing by 100); if the file holds fractions (0.0521 for 5.21 %), drop --percent`;
  }
  return null;
}

function formatSize(value: number): string {
  return Number(value.toPrecision(3)).toString();
}
