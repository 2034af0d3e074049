import type { PriceBar } from '../../src/domain/price-api.ts';
import { isCalendarDate } from '../../src/domain/calendar.ts';
import { SnapshotUnavailableError } from '../errors.ts';

export const SNAPSHOT_CSV_HEADER = 'Date,Open,High,Low,Close,AdjClose,Volume';

/**
 * Parses a snapshot price file (`Date,Open,High,Low,Close,AdjClose,Volume`, an empty cell is a
 * missing value). Every cell is checked rather than coerced, because a silently mangled number would
 * flow straight into the event study.
 * @throws SnapshotUnavailableError naming the file and line of the first bad cell, a wrong header,
 *   or dates that are not strictly ascending.
 * @example parseSnapshotCsv('Date,Open,High,Low,Close,AdjClose,Volume\n2024-11-06,1,2,0.5,1.5,1.5,\n', 'x.csv')
 */
export function parseSnapshotCsv(text: string, fileName: string): PriceBar[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] !== SNAPSHOT_CSV_HEADER) {
    throw new SnapshotUnavailableError(`${fileName} does not start with the header ${SNAPSHOT_CSV_HEADER}`);
  }
  const bars: PriceBar[] = [];
  lines.slice(1).forEach((line, index) => {
    if (line === '') return;
    const bar = parseRow(line, `${fileName} line ${index + 2}`);
    const previous = bars.at(-1);
    if (previous && previous.date >= bar.date) {
      throw new SnapshotUnavailableError(`${fileName} line ${index + 2}: ${bar.date} does not come after ${previous.date}`);
    }
    bars.push(bar);
  });
  return bars;
}

function parseRow(line: string, where: string): PriceBar {
  const cells = line.split(',');
  if (cells.length !== 7) throw new SnapshotUnavailableError(`${where} has ${cells.length} cells instead of 7`);
  const [date, open, high, low, close, adjClose, volume] = cells as [string, string, string, string, string, string, string];
  if (!isCalendarDate(date)) throw new SnapshotUnavailableError(`${where}: ${JSON.stringify(date)} is not a YYYY-MM-DD date`);
  return {
    date,
    open: parseCell(open, 'Open', where),
    high: parseCell(high, 'High', where),
    low: parseCell(low, 'Low', where),
    close: parseCell(close, 'Close', where),
    adjClose: parseCell(adjClose, 'AdjClose', where),
    volume: parseCell(volume, 'Volume', where),
  };
}

function parseCell(cell: string, column: string, where: string): number | null {
  if (cell === '') return null;
  const value = Number(cell);
  // Number(' ') is 0 and Number('0x1') is 1: accept only plain decimal notation.
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(cell) || !Number.isFinite(value)) {
    throw new SnapshotUnavailableError(`${where}: ${column} ${JSON.stringify(cell)} is not a number`);
  }
  return value;
}
