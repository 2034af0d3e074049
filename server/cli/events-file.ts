/**
 * Reads an `--events` file: a CSV with a header and one row per study unit, `security,date` and
 * optionally `time,zone,event,benchmark` (the request files analysts keep for EventStudyTools and
 * Stata). Only the file's own form is checked here, row by row; whether a row's columns are in the
 * data and where its day 0 falls is the study's business (study-input.ts).
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { isCalendarDate, isTimeOfDay, isTimeZone } from '../../src/domain/calendar';
import { CliError } from './cli-error';

/** One good row of the file. */
export interface EventRow {
  /** Its line in the file (the header is line 1). */
  line: number;
  security: string;
  /** The event's local date, YYYY-MM-DD. */
  date: string;
  /** HH:mm in `timeZone`; without it the event counts as during that date's session. */
  time?: string;
  timeZone?: string;
  /** The event's id, written in the CSV files' event_id. */
  eventId?: string;
  /** The benchmark column of this row; without it, --market. */
  benchmark?: string;
}

/** A row that cannot be studied, and why, in words for the user. */
export interface RowProblem {
  line: number;
  security: string | null;
  reason: string;
}

export interface EventsFile {
  path: string;
  rows: EventRow[];
  problems: RowProblem[];
}

const REQUIRED = ['security', 'date'] as const;
const COLUMNS = ['security', 'date', 'time', 'zone', 'event', 'benchmark'] as const;
type Column = (typeof COLUMNS)[number];

/**
 * The rows of an events file, each good row with its line, each bad one with its line and reason.
 * @throws {CliError} when the file cannot be read or is no events file at all (no header with
 *   security and date, an unknown or repeated column, no rows).
 * @example readEventsFile('events.csv').problems[0] // { line: 4, security: 'IHI', reason: 'the date "2024-13-01" is not a date YYYY-MM-DD' }
 */
export function readEventsFile(path: string): EventsFile {
  const records = recordsOf(path);
  const [header, ...body] = records;
  if (header === undefined) throw new CliError(`${path} is empty: an events file has a header (security,date[,time,zone,event,benchmark]) and one row per event`);
  const positions = columnPositions(path, header.cells);
  if (body.length === 0) throw new CliError(`${path} has a header but no events`);
  const rows: EventRow[] = [];
  const problems: RowProblem[] = [];
  for (const { line, cells } of body) {
    const read = readRow(line, cells, positions, header.cells.length);
    if ('reason' in read) problems.push(read);
    else rows.push(read);
  }
  return { path, rows, problems };
}

function recordsOf(path: string): { line: number; cells: string[] }[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new CliError(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = Papa.parse<string[]>(text, { delimiter: ',' });
  const [first] = parsed.errors;
  if (first !== undefined) throw new CliError(`${path} is not valid CSV: ${first.message} (line ${(first.row ?? 0) + 1})`);
  // A record is on line index + 1 (unless a quoted cell spans lines); blank lines are skipped.
  return parsed.data.flatMap((cells, index) => (cells.every((cell) => cell.trim() === '') ? [] : [{ line: index + 1, cells: cells.map((cell) => cell.trim()) }]));
}

function columnPositions(path: string, names: readonly string[]): Map<Column, number> {
  const positions = new Map<Column, number>();
  names.forEach((raw, index) => {
    const name = raw.toLowerCase();
    const column = COLUMNS.find((candidate) => candidate === name);
    if (column === undefined) throw new CliError(`${path}: unknown column "${raw}" in the header (columns: ${COLUMNS.join(', ')})`);
    if (positions.has(column)) throw new CliError(`${path}: the column ${column} is in the header twice`);
    positions.set(column, index);
  });
  const missing = REQUIRED.filter((column) => !positions.has(column));
  if (missing.length > 0) throw new CliError(`${path}: the header has no ${missing.join(' and no ')} column (an events file starts security,date[,time,zone,event,benchmark])`);
  return positions;
}

function readRow(line: number, cells: readonly string[], positions: Map<Column, number>, width: number): EventRow | RowProblem {
  const cell = (column: Column) => {
    const position = positions.get(column);
    return position === undefined ? '' : (cells[position] ?? '');
  };
  const security = cell('security');
  const problem = (reason: string): RowProblem => ({ line, security: security === '' ? null : security, reason });
  if (cells.length !== width) return problem(`${cells.length} cells but the header has ${width}`);
  if (security === '') return problem('no security');
  const date = cell('date');
  if (!isCalendarDate(date)) return problem(date === '' ? 'no date' : `the date "${date}" is not a date YYYY-MM-DD`);
  const time = cell('time');
  const timeZone = cell('zone');
  if (time !== '' && !isTimeOfDay(time)) return problem(`the time "${time}" is not a time HH:mm (00:00–23:59)`);
  if (time !== '' && timeZone === '') return problem(`the time ${time} needs a zone (an IANA time zone such as Asia/Tokyo)`);
  if (timeZone !== '' && !isTimeZone(timeZone)) return problem(`the zone "${timeZone}" is not an IANA time zone (e.g. Asia/Tokyo, America/New_York)`);
  const eventId = cell('event');
  const benchmark = cell('benchmark');
  return {
    line,
    security,
    date,
    ...(time === '' ? {} : { time }),
    ...(timeZone === '' ? {} : { timeZone }),
    ...(eventId === '' ? {} : { eventId }),
    ...(benchmark === '' ? {} : { benchmark }),
  };
}
