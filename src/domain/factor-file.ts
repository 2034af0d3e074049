/**
 * A user's factor file: a CSV with a date column and one column per factor (Fama–French, Carhart, a
 * sector index, any daily series), the further regressors of the market model + factors
 * (src/core/factor-model.ts). Read once here, through zod schemas, by the page (an uploaded file) and
 * the command-line tool (`--factors FILE`), so both accept and refuse the same files in the same
 * words: a bad header, a date that is not a date or comes twice, a cell that is not a number (named
 * by line and column). An empty cell or NA is a missing day, never filled.
 *
 * Any scale of the factors is fine (per cent as in Kenneth French's files, or fractions): OLS
 * predictions, and so the abnormal returns and their variances, do not change when a regressor is
 * multiplied by a constant; only that factor's slope does.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import { isCalendarDate } from './calendar.ts';
import { sha256Hex } from './content-hash.ts';

/** A factor file as the study reads it: each factor's values on each date of the file. */
export interface FactorFile {
  /** The file's name as the user gave it (shown and recorded, never used as a path). */
  name: string;
  /** SHA-256 of the file's text (UTF-8), 64 hex digits: names the file in links and manifests. */
  sha256: string;
  /** The factors, in the file's column order. */
  factors: string[];
  /** The file's dates, ascending, YYYY-MM-DD. */
  dates: string[];
  /** Each factor's value on each of `dates`; null for a missing day. */
  values: Record<string, (number | null)[]>;
}

export type FactorFileReading = { file: FactorFile; problems: [] } | { file: null; problems: string[] };

/** What one file may hold: a study needs a few factors, and a browser's storage is small. */
export const FACTOR_FILE_LIMITS = Object.freeze({ factors: 10, rows: 40_000, nameLength: 120 });

const FACTOR_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const MISSING = new Set(['', 'NA', 'na', 'NaN', 'nan']);
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** Problems listed one by one before the rest are counted. */
const LISTED_PROBLEMS = 5;

/**
 * The name of a factor as a column header and in a link: a letter, then letters, digits, _ . or -
 * (SMB, HML, Mkt-RF, Mom, sector_index), at most 32 characters.
 */
export const factorNameSchema = z.string().regex(FACTOR_NAME, {
  error: (issue) => `${JSON.stringify(String(issue.input).slice(0, 40))} is not a factor name: start with a letter, then letters, digits, "_", "." or "-" (at most 32), e.g. SMB.`,
});

const headerSchema = z
  .array(z.string().transform((text) => text.trim()))
  .superRefine((cells, context) => {
    if (cells.length < 2) context.addIssue({ code: 'custom', message: 'The first line must name a date column and at least one factor, e.g. date,SMB,HML.' });
    else if (!/^date$/i.test(cells[0] ?? '')) context.addIssue({ code: 'custom', message: `The first column must be the date column, headed "date"; it is headed ${JSON.stringify(cells[0])}.` });
  })
  .transform((cells) => cells.slice(1))
  .pipe(
    z
      .array(factorNameSchema)
      .max(FACTOR_FILE_LIMITS.factors, { error: (issue) => `It has ${(issue.input as unknown[]).length} factor columns; a study takes at most ${FACTOR_FILE_LIMITS.factors}.` })
      .superRefine((names, context) => {
        const repeated = names.find((name, index) => names.indexOf(name) !== index);
        if (repeated !== undefined) context.addIssue({ code: 'custom', message: `The factor ${repeated} has two columns.` });
      }),
  );

/** A date as YYYY-MM-DD or, as Kenneth French's files write it, YYYYMMDD. */
const dateSchema = z
  .string()
  .transform((text) => text.trim())
  .transform((text) => text.replace(COMPACT_DATE, '$1-$2-$3'))
  .refine(isCalendarDate, { error: (issue) => `${JSON.stringify(String(issue.input).slice(0, 20))} is not a date written YYYY-MM-DD (or YYYYMMDD)` });

/** A factor's cell: a finite number, or a missing day (empty or NA). */
const cellSchema = z
  .string()
  .transform((text) => text.trim())
  .transform((text, context): number | null => {
    if (MISSING.has(text)) return null;
    const value = NUMBER.test(text) ? Number(text) : Number.NaN;
    if (Number.isFinite(value)) return value;
    context.addIssue({ code: 'custom', message: `${JSON.stringify(text.slice(0, 20))} is not a number` });
    return z.NEVER;
  });

/**
 * Reads a factor file's text. Every problem is reported (the first few by line and column, then a
 * count), none is guessed around; a file with a problem gives no factors.
 * @param name the file's name, for messages and the record of the study.
 * @throws never
 * @example readFactorFile('date,SMB\n2024-11-06,0.4\n', 'smb.csv').file?.values.SMB // [0.4]
 * @example readFactorFile('date,SMB\n2024-11-06,abc\n', 'smb.csv').problems // ['Line 2, column SMB: "abc" is not a number.']
 */
export function readFactorFile(text: string, name: string): FactorFileReading {
  const fileName = name.trim().slice(0, FACTOR_FILE_LIMITS.nameLength) || 'factors.csv';
  // Blank lines are skipped but counted, so every message names the line an editor shows.
  const lines = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',' })
    .data.map((cells, index) => ({ cells, line: index + 1 }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  const [headerLine, ...rows] = lines;
  const header = headerLine?.cells;
  if (header === undefined) return refused(['The file is empty; it needs a header line (date,SMB,HML) and one line per day.']);
  const factors = headerSchema.safeParse(header);
  if (!factors.success) return refused([`Line ${headerLine?.line ?? 1}: ${factors.error.issues[0]?.message ?? 'the header cannot be read.'}`]);
  if (rows.length === 0) return refused(['The file has a header but no days.']);
  if (rows.length > FACTOR_FILE_LIMITS.rows) return refused([`The file has ${rows.length} days; at most ${FACTOR_FILE_LIMITS.rows} are read. Keep the years your studies need.`]);
  const table = readRows(rows, factors.data);
  if (table.problems.length > 0) return refused(table.problems);
  return { file: { name: fileName, sha256: sha256Hex(text), factors: factors.data, dates: table.dates, values: table.values }, problems: [] };
}

function readRows(rows: readonly { cells: string[]; line: number }[], factors: readonly string[]) {
  const problems: string[] = [];
  let more = 0;
  const report = (message: string) => (problems.length < LISTED_PROBLEMS ? problems.push(message) : (more += 1));
  const byDate = new Map<string, (number | null)[]>();
  const firstLine = new Map<string, number>();
  rows.forEach(({ cells: row, line }) => {
    if (row.length !== factors.length + 1) {
      report(`Line ${line} has ${row.length} cells; the header names ${factors.length + 1}.`);
      return;
    }
    const date = dateSchema.safeParse(row[0]);
    if (!date.success) {
      report(`Line ${line}, column date: ${date.error.issues[0]?.message ?? 'not a date'}.`);
      return;
    }
    const seen = firstLine.get(date.data);
    if (seen !== undefined) {
      report(`Line ${line}: the date ${date.data} is already on line ${seen}.`);
      return;
    }
    firstLine.set(date.data, line);
    const values = factors.map((factor, position) => {
      const cell = cellSchema.safeParse(row[position + 1] ?? '');
      if (cell.success) return cell.data;
      report(`Line ${line}, column ${factor}: ${cell.error.issues[0]?.message ?? 'not a number'}.`);
      return null;
    });
    byDate.set(date.data, values);
  });
  if (more > 0) problems.push(`… and ${more} more ${more === 1 ? 'problem' : 'problems'}.`);
  const dates = [...byDate.keys()].sort();
  const values = Object.fromEntries(factors.map((factor, position) => [factor, dates.map((date) => byDate.get(date)?.[position] ?? null)]));
  return { problems, dates, values };
}

function refused(problems: string[]): FactorFileReading {
  return { file: null, problems };
}
