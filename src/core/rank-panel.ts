import { addTiedRanks, finishedTable, type RankPanel } from './rank-tables';
import { ScratchBuffer } from './scratch-buffer';
import { SortedOrder } from './sorted-order';

export type { RankPanel } from './rank-tables';

/** One series to rank: its abnormal returns (NaN = missing day) on increasing whole relative days. */
export interface RankRow {
  values: ArrayLike<number>;
  relativeDays: ArrayLike<number>;
}

/**
 * Sorts every series once and sums its centred ranks over all its days (Corrado 1989; average ranks
 * for ties). The rows must hold whole, increasing relative days and no NaN other than missing days;
 * the callers check that (the public rank test) or guarantee it (an analysed security).
 * @throws never
 * @example buildRankPanel([{ values: [0.01, NaN, 0.03], relativeDays: [-2, -1, 0] }]).fullTable.deviation
 */
export function buildRankPanel(rows: readonly RankRow[]): RankPanel {
  const bounds = dayBoundsOf(rows);
  const width = Math.max(0, bounds.lastDay - bounds.firstDay + 1);
  const panel: Omit<RankPanel, 'fullTable'> = {
    firstDay: bounds.firstDay,
    width,
    rowStarts: new Int32Array(rows.length + 1),
    sortedDays: width <= 2 ** 16 ? sortedDayScratch.uint16(bounds.capacity) : sortedDayScratch.int32(bounds.capacity),
    tiedWithPrevious: tieScratch.zeroedUint8(bounds.capacity),
    rowHasTies: new Uint8Array(rows.length),
    seriesOnDay: new Uint32Array(width),
  };
  const sums = new Float64Array(width);
  const compactValues = new Float64Array(bounds.longest);
  const compactDays = new Int32Array(bounds.longest);
  const sorter = new SortedOrder();
  let start = 0;
  let rankedSeries = 0;
  rows.forEach((row, index) => {
    const present = compact(row, bounds.firstDay, compactValues, compactDays);
    sorter.sort(compactValues, present);
    panel.rowHasTies[index] = storeSortedRow(panel, start, present, sorter, compactDays, sums);
    start += present;
    panel.rowStarts[index + 1] = start;
    if (present > 0) rankedSeries += 1;
  });
  return { ...panel, fullTable: finishedTable(panel, null, sums, start, rankedSeries) };
}

const sortedDayScratch = new ScratchBuffer();
const tieScratch = new ScratchBuffer();

interface DayBounds {
  firstDay: number;
  lastDay: number;
  /** Returns in all rows and in the longest row, counting missing days: room enough. */
  capacity: number;
  longest: number;
}

/** The first and last day with a return: relative days increase, so each row is read from its ends. */
function dayBoundsOf(rows: readonly RankRow[]): DayBounds {
  const bounds: DayBounds = { firstDay: 0, lastDay: -1, capacity: 0, longest: 0 };
  for (const { values, relativeDays } of rows) {
    bounds.capacity += values.length;
    bounds.longest = Math.max(bounds.longest, values.length);
    let first = 0;
    while (first < values.length && Number.isNaN(values[first])) first += 1;
    if (first === values.length) continue;
    let last = values.length - 1;
    while (Number.isNaN(values[last])) last -= 1;
    const empty = bounds.lastDay < bounds.firstDay;
    if (empty || relativeDays[first]! < bounds.firstDay) bounds.firstDay = relativeDays[first]!;
    if (empty || relativeDays[last]! > bounds.lastDay) bounds.lastDay = relativeDays[last]!;
  }
  return bounds;
}

/** Copies a row's non-missing returns and their day offsets to the front of the buffers. */
function compact(row: RankRow, firstDay: number, values: Float64Array, days: Int32Array): number {
  let present = 0;
  for (let index = 0; index < row.values.length; index += 1) {
    const value = row.values[index]!;
    if (Number.isNaN(value)) continue;
    values[present] = value;
    days[present] = row.relativeDays[index]! - firstDay;
    present += 1;
  }
  return present;
}

/**
 * Writes one sorted row into the panel and adds its centred ranks over all its days to `sums`;
 * returns 1 when it has tied returns.
 */
function storeSortedRow(
  panel: Omit<RankPanel, 'fullTable'>,
  start: number,
  count: number,
  sorter: SortedOrder,
  days: Int32Array,
  sums: Float64Array,
): number {
  const { order, sortedValues } = sorter;
  const { sortedDays, seriesOnDay, tiedWithPrevious } = panel;
  let hasTies = 0;
  for (let position = 1; position < count; position += 1) {
    // The flags start at 0 and are read only for rows with ties.
    if (sortedValues[position] !== sortedValues[position - 1]) continue;
    tiedWithPrevious[start + position] = 1;
    hasTies = 1;
  }
  const meanRank = (count + 1) / 2;
  for (let position = 0; position < count; position += 1) {
    const day = days[order[position]!]!;
    sortedDays[start + position] = day;
    seriesOnDay[day] = seriesOnDay[day]! + 1;
    // Without ties the return at sorted position p has rank p + 1.
    if (hasTies === 0) sums[day] = sums[day]! + (position + 1) - meanRank;
  }
  if (hasTies === 1) addTiedRanks(panel, start, start + count, null, meanRank, sums);
  return hasTies;
}
