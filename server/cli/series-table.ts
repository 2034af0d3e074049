/**
 * Reads the tool's input file: a `date` column and one numeric column per series. Only reading and
 * checking happen here; returns are computed by the engine.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { CliError } from './cli-error';

export interface SeriesTable {
  path: string;
  /** Trading dates, ascending, one per data row. */
  dates: string[];
  /** Column names in file order, without the date column. */
  columns: string[];
  /** Raw cells by column name, aligned with `dates`. */
  cells: Map<string, string[]>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const MISSING = new Set(['', 'NA']);

/**
 * Reads and checks a CSV file: a header with a `date` column and unique names, the same number of
 * cells on every row, dates YYYY-MM-DD strictly ascending.
 * @throws {CliError} naming the file and the offending row or column.
 */
export function readSeriesTable(path: string): SeriesTable {
  const rows = parseRows(path, readText(path));
  const [header, ...body] = rows;
  if (header === undefined || body.length === 0) throw new CliError(`${path} has no data rows`);
  const names = header.map((name) => name.trim());
  const dateIndex = names.findIndex((name) => name.toLowerCase() === 'date');
  if (dateIndex === -1) throw new CliError(`${path} has no "date" column (columns: ${names.join(', ')})`);
  checkUniqueNames(path, names);

  const dates: string[] = [];
  const cells = new Map<string, string[]>(names.map((name) => [name, []]));
  body.forEach((row, rowIndex) => {
    if (row.length !== names.length) {
      throw new CliError(`${path} row ${rowIndex + 1} has ${row.length} cells but the header has ${names.length}`);
    }
    dates.push(checkDate(path, rowIndex, row[dateIndex] ?? '', dates[dates.length - 1]));
    row.forEach((cell, columnIndex) => cells.get(names[columnIndex] ?? '')?.push(cell.trim()));
  });
  const dateName = names[dateIndex] ?? 'date';
  cells.delete(dateName);
  return { path, dates, columns: names.filter((name) => name !== dateName), cells };
}

/**
 * One column as numbers, `null` for a missing cell (empty or NA).
 * @throws {CliError} for an unknown column or a cell that is not a plain decimal number.
 */
export function numericColumn(table: SeriesTable, name: string): (number | null)[] {
  const raw = table.cells.get(name);
  if (raw === undefined) {
    throw new CliError(`${table.path} has no column "${name}" (columns: ${table.columns.join(', ')})`);
  }
  return raw.map((cell, index) => {
    if (MISSING.has(cell)) return null;
    if (!DECIMAL.test(cell) || !Number.isFinite(Number(cell))) {
      throw new CliError(
        `${table.path}, column ${name}, ${table.dates[index]}: "${cell}" is not a number (leave the cell empty or write NA for a missing value)`,
      );
    }
    return Number(cell);
  });
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Cannot read ${path}: ${reason}`);
  }
}

function parseRows(path: string, text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: 'greedy' });
  const [first] = parsed.errors;
  if (first !== undefined) {
    throw new CliError(`${path} is not valid CSV: ${first.message} (row ${(first.row ?? 0) + 1})`);
  }
  return parsed.data;
}

function checkUniqueNames(path: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (name === '') throw new CliError(`${path} has a column without a name`);
    if (seen.has(name)) throw new CliError(`${path} has two columns named "${name}"`);
    seen.add(name);
  }
}

function checkDate(path: string, rowIndex: number, text: string, previous: string | undefined): string {
  const date = text.trim();
  if (!ISO_DATE.test(date)) {
    throw new CliError(`${path} row ${rowIndex + 1}: date "${text}" is not of the form YYYY-MM-DD`);
  }
  if (previous !== undefined && date <= previous) {
    throw new CliError(`${path} row ${rowIndex + 1}: dates must be ascending without repeats, but ${date} follows ${previous}`);
  }
  return date;
}
