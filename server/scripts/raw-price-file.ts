/** Why a snapshot cannot be built: the message names the file and what is wrong with it. */
export class SnapshotBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotBuildError';
  }
}

/**
 * How one raw CSV file is written: its column names and the quirks of its exporter. A price column
 * left out means the source does not have it (its cells stay empty); `adjClose` left out means the
 * source has no separate adjusted close, so AdjClose repeats Close (PROVENANCE.md's convention).
 */
export interface RawLayout {
  /** Lines before the first data row (yfinance's Price/Ticker/Date header has three). */
  headerLines: number;
  date: string;
  /**
   * `iso` (default) YYYY-MM-DD; `iso-midnight` YYYY-MM-DD 00:00:00±hh:mm, a pandas index stamped at
   * midnight of the exchange's own day; `month-day-year` MM/DD/YYYY (investing.com exports).
   */
  dateFormat?: 'iso' | 'iso-midnight' | 'month-day-year';
  /** Newest row first (investing.com exports, KRX statistics); the bars are returned oldest first either way. */
  newestFirst?: boolean;
  /** Numbers written with ',' between thousands inside quoted cells ("1,835.500"), read without them. */
  thousandsSeparators?: boolean;
  open?: string;
  high?: string;
  low?: string;
  close: string;
  adjClose?: string;
  volume?: string;
}

/** One daily bar with every cell exactly as written in the raw file ('' = missing or not in the source). */
export interface RawBar {
  date: string;
  open: string;
  high: string;
  low: string;
  close: string;
  adjClose: string;
  volume: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MIDNIGHT = /^(\d{4}-\d{2}-\d{2})[ T]00:00:00([+-]\d{2}:\d{2}|Z)?$/;
const MONTH_DAY_YEAR = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const GROUPED_NUMBER = /^-?\d{1,3}(,\d{3})*(\.\d+)?$/;
/** Spreadsheet error cells (J-Quants rows of the 2020-10-01 TSE halt) mean "no value", never zero. */
const MISSING_MARKERS = new Set(['', '#VALUE!']);

/**
 * Reads the bars of a raw price file whose date lies in [from, to], oldest first. Cells are copied
 * as text so the snapshot holds the source's own digits (only thousands separators are dropped); a
 * missing value stays empty instead of being filled.
 * @throws SnapshotBuildError when a column is absent, a date is malformed or out of order, or a
 *   cell is neither a plain decimal number nor a known missing marker.
 * @example readRawBars('Date,Open,High,Low,Close,Volume\n2024-11-06,1,2,1,2,5\n', 'x.csv',
 *   { headerLines: 1, date: 'Date', open: 'Open', high: 'High', low: 'Low', close: 'Close', volume: 'Volume' },
 *   '2024-01-01', '2024-12-31')
 */
export function readRawBars(text: string, fileName: string, layout: RawLayout, from: string, to: string): RawBar[] {
  const lines = text.split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '');
  const column = (name: string | undefined): number | null => {
    if (name === undefined) return null;
    const index = header.indexOf(name);
    if (index < 0) throw new SnapshotBuildError(`${fileName}: the header has no column "${name}"`);
    return index;
  };
  const indexes = {
    date: column(layout.date) ?? 0,
    open: column(layout.open),
    high: column(layout.high),
    low: column(layout.low),
    close: column(layout.close),
    adjClose: column(layout.adjClose ?? layout.close),
    volume: column(layout.volume),
  };
  const bars: RawBar[] = [];
  let previousDate = '';
  lines.slice(layout.headerLines).forEach((line, offset) => {
    if (line === '') return;
    const where = `${fileName} line ${layout.headerLines + offset + 1}`;
    const cells = splitCsvLine(line);
    const date = readDate(cells[indexes.date] ?? '', layout.dateFormat ?? 'iso', where);
    if (previousDate !== '' && (layout.newestFirst ? previousDate <= date : previousDate >= date)) {
      throw new SnapshotBuildError(`${where}: ${date} does not come ${layout.newestFirst ? 'before' : 'after'} ${previousDate}`);
    }
    previousDate = date;
    if (date < from || date > to) return;
    const cell = (index: number | null) => (index === null ? '' : numericCell(cells[index] ?? '', layout, where));
    bars.push({
      date,
      open: cell(indexes.open),
      high: cell(indexes.high),
      low: cell(indexes.low),
      close: cell(indexes.close),
      adjClose: cell(indexes.adjClose),
      volume: cell(indexes.volume),
    });
  });
  return layout.newestFirst ? bars.reverse() : bars;
}

/**
 * The cells of one CSV line: fields may be wrapped in double quotes (RFC 4180, "" for a quote), so
 * a quoted field may hold commas.
 * @example splitCsvLine('"05/03/2022","1,222.400",x') // ['05/03/2022', '1,222.400', 'x']
 */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

function readDate(cell: string, format: NonNullable<RawLayout['dateFormat']>, where: string): string {
  let date = cell;
  if (format === 'iso-midnight') date = ISO_MIDNIGHT.exec(cell)?.[1] ?? '';
  if (format === 'month-day-year') {
    const parts = MONTH_DAY_YEAR.exec(cell);
    date = parts ? `${parts[3]}-${parts[1]}-${parts[2]}` : '';
  }
  const time = Date.parse(`${date}T00:00:00Z`);
  const real = ISO_DATE.test(date) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(date);
  if (!real) {
    const expected = { iso: 'YYYY-MM-DD', 'iso-midnight': 'YYYY-MM-DD 00:00:00±hh:mm', 'month-day-year': 'MM/DD/YYYY' }[format];
    throw new SnapshotBuildError(`${where}: "${cell}" is not a ${expected} date`);
  }
  return date;
}

function numericCell(cell: string, layout: RawLayout, where: string): string {
  if (MISSING_MARKERS.has(cell)) return '';
  if (PLAIN_NUMBER.test(cell)) return cell;
  if (layout.thousandsSeparators && GROUPED_NUMBER.test(cell)) return cell.replaceAll(',', '');
  throw new SnapshotBuildError(`${where}: "${cell}" is neither a number nor a known missing marker`);
}
