/** Why a snapshot cannot be built: the message names the file and what is wrong with it. */
export class SnapshotBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotBuildError';
  }
}

/** Column names of one raw CSV layout; `adjClose` absent means the source has no separate adjusted close. */
export interface RawLayout {
  /** Lines before the first data row (yfinance's Price/Ticker/Date header has three). */
  headerLines: number;
  date: string;
  open: string;
  high: string;
  low: string;
  close: string;
  adjClose?: string;
  volume?: string;
}

/** One daily bar with every cell exactly as written in the raw file ('' = missing). */
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
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** Spreadsheet error cells (J-Quants rows of the 2020-10-01 TSE halt) mean "no value", never zero. */
const MISSING_MARKERS = new Set(['', '#VALUE!']);

/**
 * Reads the bars of a raw price file whose date lies in [from, to]. Cells are copied as text so the
 * snapshot holds the source's own digits; a missing value stays empty instead of being filled.
 * Without `adjClose` in the layout, AdjClose repeats the Close text (PROVENANCE.md's convention).
 * @throws SnapshotBuildError when a column is absent, a date is malformed or out of order, or a
 *   cell is neither a plain decimal number nor a known missing marker.
 * @example readRawBars('Date,Open,High,Low,Close,Volume\n2024-11-06,1,2,1,2,5\n', 'x.csv',
 *   { headerLines: 1, date: 'Date', open: 'Open', high: 'High', low: 'Low', close: 'Close', volume: 'Volume' },
 *   '2024-01-01', '2024-12-31')
 */
export function readRawBars(text: string, fileName: string, layout: RawLayout, from: string, to: string): RawBar[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  const column = (name: string | undefined): number | null => {
    if (name === undefined) return null;
    const index = header.indexOf(name);
    if (index < 0) throw new SnapshotBuildError(`${fileName}: the header has no column "${name}"`);
    return index;
  };
  const indexes = {
    date: column(layout.date),
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
    const cells = line.split(',');
    const date = cells[indexes.date ?? 0] ?? '';
    if (!ISO_DATE.test(date)) throw new SnapshotBuildError(`${where}: "${date}" is not a YYYY-MM-DD date`);
    if (previousDate >= date) throw new SnapshotBuildError(`${where}: ${date} does not come after ${previousDate}`);
    previousDate = date;
    if (date < from || date > to) return;
    const cell = (index: number | null) => (index === null ? '' : numericCell(cells[index] ?? '', where));
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
  return bars;
}

function numericCell(cell: string, where: string): string {
  if (MISSING_MARKERS.has(cell)) return '';
  if (!PLAIN_NUMBER.test(cell)) throw new SnapshotBuildError(`${where}: "${cell}" is neither a number nor a known missing marker`);
  return cell;
}
