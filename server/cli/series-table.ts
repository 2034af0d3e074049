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
  /**
   * Each column by name, aligned with `dates`: its numbers when the whole file was read as numbers
   * at once (numericTable), else its cells' text, turned into numbers when a study asks for it.
   */
  values: Map<string, { numbers: number[] } | { cells: string[] }>;
  /** The line of the file each data row is on, for messages; null when row i is on line i + 2 (no blank lines). */
  lines: number[] | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads and checks a CSV file: a header with a `date` column and unique names, the same number of
 * cells on every row, dates YYYY-MM-DD strictly ascending. Files may hold thousands of columns: the
 * usual file (numbers only) is read a row at a time as numbers; any other goes through papaparse
 * into one array of cells per column, and only the columns a study asks for are turned into numbers.
 * @throws {CliError} naming the file and the offending row or column.
 */
export function readSeriesTable(path: string): SeriesTable {
  const text = readText(path);
  return numericTable(path, text) ?? textTable(path, text);
}

/**
 * The usual file read in one pass: no quotes and no carriage returns, the date first, every other
 * cell a number as JSON writes one. JSON.parse reads a whole row of them at once, to the same
 * doubles as Number() (both round the decimal correctly), instead of one string and one Number() per
 * cell. JSON's numbers are plain decimals (no '+', no leading zero, no '.5' or '5.'), so such a
 * file reads the same either way; anything else, from a missing cell to a wrong date, gives null,
 * and textTable reads the file and words any error.
 */
function numericTable(path: string, text: string): SeriesTable | null {
  if (text.includes('"') || text.includes('\r')) return null;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const [header, ...rows] = lines;
  const names = (header ?? '').split(',').map((name) => name.trim());
  const width = names.length - 1;
  if (rows.length === 0 || width === 0 || names[0]?.toLowerCase() !== 'date' || names.includes('') || new Set(names).size !== names.length) return null;
  const columns = names.slice(1).map(() => new Array<number>(rows.length));
  const dates: string[] = [];
  for (const [rowIndex, row] of rows.entries()) {
    const comma = row.indexOf(',');
    const date = row.slice(0, comma).trim();
    if (comma === -1 || !ISO_DATE.test(date) || date <= (dates[dates.length - 1] ?? '')) return null;
    const numbers = jsonNumbers(row.slice(comma + 1));
    if (numbers?.length !== width) return null;
    for (let column = 0; column < width; column += 1) (columns[column] as number[])[rowIndex] = numbers[column] as number;
    dates.push(date);
  }
  return { path, dates, columns: names.slice(1), values: new Map(names.slice(1).map((name, index) => [name, { numbers: columns[index] as number[] }])), lines: null };
}

/** The cells of `cells` (comma-separated) as finite numbers, or null when one is not a JSON number. */
function jsonNumbers(cells: string): number[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(`[${cells}]`);
  } catch {
    return null;
  }
  return Array.isArray(parsed) && parsed.every((value) => typeof value === 'number' && Number.isFinite(value)) ? (parsed as number[]) : null;
}

function textTable(path: string, text: string): SeriesTable {
  const { rows, lines: rowLines } = parseRows(path, text);
  const [header, ...body] = rows;
  const lines = rowLines.slice(1);
  if (header === undefined || body.length === 0) throw new CliError(`${path} has no data rows`);
  const names = header.map((name) => name.trim());
  const dateIndex = names.findIndex((name) => name.toLowerCase() === 'date');
  if (dateIndex === -1) throw new CliError(`${path} has no "date" column (columns: ${names.join(', ')})`);
  checkUniqueNames(path, names);

  const dates: string[] = [];
  const byColumn = names.map(() => new Array<string>(body.length));
  body.forEach((row, rowIndex) => {
    const line = lines[rowIndex] as number;
    if (row.length !== names.length) {
      throw new CliError(`${path} line ${line} has ${row.length} cells but the header has ${names.length}`);
    }
    dates.push(checkDate(path, line, row[dateIndex] ?? '', dates.length === 0 ? undefined : { date: dates[dates.length - 1] as string, line: lines[rowIndex - 1] as number }));
    for (let columnIndex = 0; columnIndex < row.length; columnIndex += 1) {
      (byColumn[columnIndex] as string[])[rowIndex] = (row[columnIndex] as string).trim();
    }
  });
  const values = new Map(names.map((name, index) => [name, { cells: byColumn[index] as string[] }]));
  values.delete(names[dateIndex] as string);
  return { path, dates, columns: [...values.keys()], values, lines };
}

/**
 * The line of the file that data row `rowIndex` of the table is on (the header is line 1).
 * @throws never
 * @example lineOf(table, 0) // 2 for a file without blank lines
 */
export function lineOf(table: SeriesTable, rowIndex: number): number {
  return table.lines?.[rowIndex] ?? rowIndex + 2;
}

/**
 * One column as numbers, `null` for a missing cell (empty or NA).
 * @throws {CliError} for an unknown column or a cell that is not a plain decimal number.
 */
export function numericColumn(table: SeriesTable, name: string): (number | null)[] {
  const values = table.values.get(name);
  if (values === undefined) {
    throw new CliError(`${table.path} has no column "${name}" (columns: ${table.columns.join(', ')})`);
  }
  if ('numbers' in values) return values.numbers;
  return values.cells.map((cell, index) => {
    if (isMissing(cell)) return null;
    const value = Number(cell);
    if (!Number.isFinite(value) || hasRadixPrefix(cell)) {
      throw new CliError(
        `${table.path}, line ${lineOf(table, index)}, column ${name}, ${table.dates[index]}: "${cell}" is not a number (leave the cell empty or write NA for a missing value)`,
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

/** A file's text without its byte-order mark, or a CliError naming the file and why it cannot be read. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Cannot read ${path}: ${reason}`);
  }
}

function parseRows(path: string, text: string): { rows: string[][]; lines: number[] } {
  // Papa's skipEmptyLines would lose the line numbers messages give, and its 'greedy' form joins
  // every row into one string to see whether it is blank, which costs much of the parse with
  // thousands of columns. The same test, every cell blank, stops at the first cell that is not,
  // normally a row's first. A record is on line index + 1 unless a quoted cell spans lines.
  const parsed = Papa.parse<string[]>(text, { delimiter: ',' });
  const [first] = parsed.errors;
  if (first !== undefined) {
    throw new CliError(`${path} is not valid CSV: ${first.message} (line ${(first.row ?? 0) + 1})`);
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  parsed.data.forEach((row, index) => {
    if (row.every((cell) => cell.trim() === '')) return;
    rows.push(row);
    lines.push(index + 1);
  });
  return { rows, lines };
}

function checkUniqueNames(path: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (name === '') throw new CliError(`${path} has a column without a name`);
    if (seen.has(name)) throw new CliError(`${path} has two columns named "${name}"`);
    seen.add(name);
  }
}

function checkDate(path: string, line: number, text: string, previous: { date: string; line: number } | undefined): string {
  const date = text.trim();
  if (!ISO_DATE.test(date)) {
    throw new CliError(`${path} line ${line}: date "${text}" is not of the form YYYY-MM-DD`);
  }
  if (previous !== undefined && date === previous.date) {
    throw new CliError(`${path} line ${line}: the date ${date} is repeated (also on line ${previous.line}); each date must have one row`);
  }
  if (previous !== undefined && date < previous.date) {
    throw new CliError(`${path} line ${line}: dates must be ascending, but ${date} follows ${previous.date}`);
  }
  return date;
}
