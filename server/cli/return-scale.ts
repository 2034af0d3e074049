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
  const sizes = values.flatMap((value) => (value === null ? [] : [Math.abs(value)])).sort((a, b) => a - b);
  if (sizes.length < LEAST_VALUES) return null;
  const middle = sizes.length >> 1;
  const median = sizes.length % 2 === 1 ? (sizes[middle] as number) : ((sizes[middle - 1] as number) + (sizes[middle] as number)) / 2;
  const large = sizes.filter((size) => size > 1).length / sizes.length;
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
