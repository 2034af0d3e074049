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

/**
 * Reads and checks a CSV file: a header with a `date` column and unique names, the same number of
 * cells on every row, dates YYYY-MM-DD strictly ascending. Files may hold thousands of columns, so
 * the cells go straight into one array per column (no lookup per cell), and only the columns a
 * study asks for are ever turned into numbers (numericColumn).
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
  const byColumn = names.map(() => new Array<string>(body.length));
  body.forEach((row, rowIndex) => {
    if (row.length !== names.length) {
      throw new CliError(`${path} row ${rowIndex + 1} has ${row.length} cells but the header has ${names.length}`);
    }
    dates.push(checkDate(path, rowIndex, row[dateIndex] ?? '', dates[dates.length - 1]));
    for (let columnIndex = 0; columnIndex < row.length; columnIndex += 1) {
      (byColumn[columnIndex] as string[])[rowIndex] = (row[columnIndex] as string).trim();
    }
  });
  const cells = new Map(names.map((name, index) => [name, byColumn[index] as string[]]));
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
    if (isMissing(cell)) return null;
    const value = Number(cell);
    if (!Number.isFinite(value) || hasRadixPrefix(cell)) {
      throw new CliError(
        `${table.path}, column ${name}, ${table.dates[index]}: "${cell}" is not a number (leave the cell empty or write NA for a missing value)`,
      );
    }
    return value;
  });
}

/**
 * Whether a cell that Number() reads as a finite number is not a plain decimal after all. Number()
 * reads, besides plain decimals ([+-]digits[.digits][e[+-]digits], or [+-].digits[e…]), only
 * Infinity (not finite), white space around the number (cells are trimmed, with the same notion of
 * white space) and integers in base 16, 8 or 2 written 0x…, 0o…, 0b… (ECMA-262, StringNumericLiteral).
 * So this one test on the first two characters replaces a regular expression run on every cell.
 */
function hasRadixPrefix(cell: string): boolean {
  return cell.length > 1 && cell[0] === '0' && 'xXoObB'.includes(cell[1] as string);
}

function isMissing(cell: string): boolean {
  return cell === '' || cell === 'NA';
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
  // Papa's 'greedy' option joins every row into one string to see whether it is blank; with
  // thousands of columns that costs much of the parse. The same test, every cell blank, stops at the
  // first cell that is not, normally a row's first.
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true });
  const [first] = parsed.errors;
  if (first !== undefined) {
    throw new CliError(`${path} is not valid CSV: ${first.message} (row ${(first.row ?? 0) + 1})`);
  }
  return parsed.data.filter((row) => !row.every((cell) => cell.trim() === ''));
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
