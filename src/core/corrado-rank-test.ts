import { normalTwoSidedPValue } from './distributions';
import { EventStudyError } from './errors';
import type { DayRange, TestResult } from './types';

/**
 * One security's (or one security-event's) abnormal returns over its estimation and event-window
 * days, in time order, on relative trading days. `null` is a missing day.
 */
export interface RankSeries {
  abnormalReturns: readonly (number | null)[];
  relativeDays: readonly number[];
}

export interface RankTestOptions {
  /**
   * For a CAR window: rank over this estimation window plus the tested days only (Cowan 1992;
   * estudy2 `car_rank_test`). Omit it for daily statistics, which rank over the whole series.
   */
  estimationWindow?: DayRange;
}

/**
 * Corrado (1989) rank test, and over several days Cowan's (1992) cumulative rank test.
 *
 * Each series is ranked over its non-missing days in the ranking period (average ranks for ties,
 * like R's `rank(ties.method = "average")`); Uᵢₜ = Kᵢₜ − (Tᵢ + 1)/2 centres the ranks, Tᵢ = the
 * security's ranked days. Ūₜ is the mean of Uᵢₜ over the securities with a return on relative day
 * t, and S = √((1/T̄) Σₜ Ūₜ²) over every ranked day, T̄ = mean Tᵢ. Daily statistic: Ūₜ / S. Over a
 * window of L days: Σₜ Ūₜ / (√L · S), the sum of the daily statistics over √L. Two-sided p-values
 * from N(0,1).
 *
 * S divides by T̄, not T̄ − 1, and subtracts no mean because centred ranks average zero by
 * construction: Corrado's own formula, and what estudy2 0.10.0 `rank_test` and `car_rank_test`
 * compute (reproduced to 1e-15). The ranking period: daily statistics rank over the estimation and
 * the whole event window (Corrado 1989, estudy2 `rank_test`); with `estimationWindow` a window is
 * ranked over the estimation days plus the tested days only, so days of the event window outside it
 * do not move its ranks (Cowan 1992, estudy2 `car_rank_test`). With missing days estudy2's
 * cumulative test centres on the mean rank of all securities and drops days with ≤ 90% coverage;
 * here each security is centred on its own mean rank and every day with a return counts, as in the
 * daily test. Without missing days the two coincide.
 *
 * The ranks of one `series` array are computed once and reused while the same array is passed
 * again: build it once per study, call day after day, and never mutate it.
 *
 * @param series one entry per security (or security-event), aligned on relative trading days.
 * @param days the relative days tested: one day for the daily statistic, several for a window.
 * @returns the statistic and p-value, or a reason when no tested day has a return or the ranks have
 *   no variance (e.g. a single return per series).
 * @throws EventStudyError INVALID_INPUT for non-finite abnormal returns, series whose lengths differ
 *   or whose days are not increasing integers, or `days` empty, repeated or not integers;
 *   INVALID_WINDOW for an estimation window that is not a range of whole days.
 * @example corradoRankTest([{ abnormalReturns: [0.01, -0.02, 0.03], relativeDays: [-2, -1, 0] }], [0])
 * // ranks 2,1,3 → U = 0,−1,1 → S = √(2/3), statistic = 1/√(2/3) ≈ 1.2247
 * @example corradoRankTest(series, [0, 1], { estimationWindow: { from: -250, to: -11 } })
 */
export function corradoRankTest(
  series: readonly RankSeries[],
  days: readonly number[],
  options: RankTestOptions = {},
): TestResult {
  requireTestedDays(days);
  const { estimationWindow } = options;
  if (estimationWindow) requireWindow(estimationWindow);
  const panel = preparedPanelOf(series);
  const table = estimationWindow
    ? buildRankTable(panel, rankingPeriod(panel, estimationWindow, days))
    : fullRankTable(panel);
  return rankStatistic(table, days);
}

/**
 * Average ranks (1 = smallest; tied values share the mean of their positions), the same as R's
 * `rank(x, ties.method = "average")`.
 * @example averageRanks([0.3, 0.1, 0.3]) // Float64Array [2.5, 1, 2.5]
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const copy = Float64Array.from(values);
  const order = sortedOrder(copy);
  const ranks = new Float64Array(copy.length);
  assignAverageRanks(inOrder(copy, order), order, null, ranks);
  return ranks;
}

function rankStatistic(table: RankTable, days: readonly number[]): TestResult {
  let sum = 0;
  let testedDays = 0;
  for (const day of days) {
    const offset = day - table.firstDay;
    const count = table.securities[offset] ?? 0;
    if (count === 0) continue;
    sum += (table.centredRankSums[offset] as number) / count;
    testedDays += 1;
  }
  if (testedDays === 0) {
    return { statistic: null, pValue: null, reason: 'Rank test: no abnormal returns on the tested days.' };
  }
  if (!(table.deviation > 0)) {
    return {
      statistic: null,
      pValue: null,
      reason: 'Rank test: the ranks do not vary (too few abnormal returns per security).',
    };
  }
  const statistic = sum / (Math.sqrt(testedDays) * table.deviation);
  return { statistic, pValue: normalTwoSidedPValue(statistic) };
}

/** A series' non-missing returns and their relative days, with the sorted order of the returns. */
interface PreparedSeries {
  days: Int32Array;
  /** Indices into `days` from the smallest return to the largest. */
  order: Uint32Array;
  /** The returns in that order. */
  sortedValues: Float64Array;
}

interface PreparedPanel {
  series: PreparedSeries[];
  firstDay: number;
  width: number;
  fullTable?: RankTable;
}

/** Per relative day (offset from `firstDay`): Σᵢ Uᵢₜ, the number of securities, and S. */
interface RankTable {
  firstDay: number;
  centredRankSums: Float64Array;
  securities: Uint32Array;
  deviation: number;
}

// Sorting every series is the costly part and is the same for every day and window of one study.
const preparedPanels = new WeakMap<readonly RankSeries[], PreparedPanel>();

function preparedPanelOf(series: readonly RankSeries[]): PreparedPanel {
  const cached = preparedPanels.get(series);
  if (cached) return cached;
  series.forEach(requireValidSeries);
  const prepared = series.map(prepareSeries);
  const { firstDay, lastDay } = dayBounds(prepared);
  const panel = { series: prepared, firstDay, width: Math.max(0, lastDay - firstDay + 1) };
  preparedPanels.set(series, panel);
  return panel;
}

function fullRankTable(panel: PreparedPanel): RankTable {
  panel.fullTable ??= buildRankTable(panel, null);
  return panel.fullTable;
}

/** Marks, per relative-day offset, the estimation days and the tested days. */
function rankingPeriod(panel: PreparedPanel, estimationWindow: DayRange, days: readonly number[]): Uint8Array {
  const ranked = new Uint8Array(panel.width);
  const from = Math.max(estimationWindow.from - panel.firstDay, 0);
  const to = Math.min(estimationWindow.to - panel.firstDay, panel.width - 1);
  for (let offset = from; offset <= to; offset += 1) ranked[offset] = 1;
  for (const day of days) {
    const offset = day - panel.firstDay;
    if (offset >= 0 && offset < panel.width) ranked[offset] = 1;
  }
  return ranked;
}

/** Ranks every series over its days in `rankedDays` (every day when null) and sums Uᵢₜ per day. */
function buildRankTable(panel: PreparedPanel, rankedDays: Uint8Array | null): RankTable {
  const { firstDay } = panel;
  const centredRankSums = new Float64Array(panel.width);
  const securities = new Uint32Array(panel.width);
  const longest = panel.series.reduce((most, { days }) => Math.max(most, days.length), 0);
  const ranks = new Float64Array(longest);
  const kept = rankedDays ? new Uint8Array(longest) : null;
  let rankedDaysTotal = 0;
  let rankedSeries = 0;
  for (const { days, order, sortedValues } of panel.series) {
    if (kept && rankedDays) {
      for (let index = 0; index < days.length; index += 1) {
        kept[index] = rankedDays[(days[index] as number) - firstDay] as number;
      }
    }
    const ranked = assignAverageRanks(sortedValues, order, kept, ranks);
    if (ranked === 0) continue;
    const meanRank = (ranked + 1) / 2;
    for (let index = 0; index < days.length; index += 1) {
      if (kept && kept[index] === 0) continue;
      const offset = (days[index] as number) - firstDay;
      centredRankSums[offset] = (centredRankSums[offset] as number) + (ranks[index] as number) - meanRank;
      securities[offset] = (securities[offset] as number) + 1;
    }
    rankedDaysTotal += ranked;
    rankedSeries += 1;
  }
  const deviation =
    rankedSeries === 0 ? 0 : rankDeviation(centredRankSums, securities, rankedDaysTotal / rankedSeries);
  return { firstDay, centredRankSums, securities, deviation };
}

/** S = √((1/T̄) Σₜ Ūₜ²) over every relative day with at least one ranked return. */
function rankDeviation(sums: Float64Array, securities: Uint32Array, meanRankedDays: number): number {
  let sumOfSquares = 0;
  for (let offset = 0; offset < sums.length; offset += 1) {
    const count = securities[offset] as number;
    if (count === 0) continue;
    const meanCentredRank = (sums[offset] as number) / count;
    sumOfSquares += meanCentredRank * meanCentredRank;
  }
  return Math.sqrt(sumOfSquares / meanRankedDays);
}

/**
 * Writes into `ranks[order[k]]` the average rank of every kept value among the kept ones (all when
 * `kept` is null), walking the values from smallest to largest: skipping indices re-ranks a
 * sub-period without sorting again. Returns how many values were ranked.
 */
function assignAverageRanks(
  sortedValues: Float64Array,
  order: Uint32Array,
  kept: Uint8Array | null,
  ranks: Float64Array,
): number {
  let rankedBefore = 0;
  let start = 0;
  while (start < order.length) {
    const value = sortedValues[start];
    let end = start;
    let tied = 0;
    while (end < order.length && sortedValues[end] === value) {
      if (!kept || kept[order[end] as number] === 1) tied += 1;
      end += 1;
    }
    // The kept tied values occupy ranks rankedBefore + 1 … rankedBefore + tied.
    const rank = rankedBefore + (tied + 1) / 2;
    for (let position = start; position < end; position += 1) ranks[order[position] as number] = rank;
    rankedBefore += tied;
    start = end;
  }
  return rankedBefore;
}

/**
 * Indices of `values` from smallest to largest: insertion sort on runs of 8, then bottom-up merges.
 * Written out because a comparator passed to Array/TypedArray sort is about twice as slow, and
 * ranking the estimation and event days of every security is the costliest step of a study.
 */
function sortedOrder(values: Float64Array): Uint32Array {
  const length = values.length;
  let order = new Uint32Array(length);
  let buffer = new Uint32Array(length);
  for (let index = 0; index < length; index += 1) order[index] = index;
  for (let runStart = 0; runStart < length; runStart += SORTED_RUN) {
    insertionSort(values, order, runStart, Math.min(runStart + SORTED_RUN, length));
  }
  for (let width = SORTED_RUN; width < length; width *= 2) {
    for (let low = 0; low < length; low += 2 * width) {
      merge(values, order, buffer, low, Math.min(low + width, length), Math.min(low + 2 * width, length));
    }
    [order, buffer] = [buffer, order];
  }
  return order;
}

const SORTED_RUN = 8;

function insertionSort(values: Float64Array, order: Uint32Array, from: number, to: number): void {
  for (let next = from + 1; next < to; next += 1) {
    const moving = order[next] as number;
    const value = values[moving] as number;
    let slot = next;
    while (slot > from && (values[order[slot - 1] as number] as number) > value) {
      order[slot] = order[slot - 1] as number;
      slot -= 1;
    }
    order[slot] = moving;
  }
}

/** Merges the sorted runs order[low, middle) and order[middle, high) into target[low, high). */
function merge(
  values: Float64Array,
  order: Uint32Array,
  target: Uint32Array,
  low: number,
  middle: number,
  high: number,
): void {
  let left = low;
  let right = middle;
  for (let slot = low; slot < high; slot += 1) {
    const takeRight =
      left >= middle ||
      (right < high && (values[order[right] as number] as number) < (values[order[left] as number] as number));
    target[slot] = (takeRight ? order[right++] : order[left++]) as number;
  }
}

function prepareSeries(series: RankSeries): PreparedSeries {
  let present = 0;
  for (const value of series.abnormalReturns) if (value !== null) present += 1;
  const values = new Float64Array(present);
  const days = new Int32Array(present);
  let position = 0;
  series.abnormalReturns.forEach((value, index) => {
    if (value === null) return;
    values[position] = value;
    days[position] = series.relativeDays[index] as number;
    position += 1;
  });
  const order = sortedOrder(values);
  return { days, order, sortedValues: inOrder(values, order) };
}

function inOrder(values: Float64Array, order: Uint32Array): Float64Array {
  const sorted = new Float64Array(order.length);
  for (let position = 0; position < order.length; position += 1) {
    sorted[position] = values[order[position] as number] as number;
  }
  return sorted;
}

/** First and last relative day over all series, as small integers so typed-array indexing stays fast. */
function dayBounds(series: readonly PreparedSeries[]): { firstDay: number; lastDay: number } {
  let firstDay = 0;
  let lastDay = -1;
  for (const { days } of series) {
    const first = days[0];
    const last = days[days.length - 1];
    if (first === undefined || last === undefined) continue;
    const empty = lastDay < firstDay;
    if (empty || first < firstDay) firstDay = first;
    if (empty || last > lastDay) lastDay = last;
  }
  return { firstDay, lastDay };
}

function requireValidSeries(series: RankSeries, index: number): void {
  const label = `Rank test: series #${index + 1}`;
  if (series.abnormalReturns.length !== series.relativeDays.length) {
    throw new EventStudyError(
      'INVALID_INPUT',
      `${label} has ${series.abnormalReturns.length} abnormal returns but ${series.relativeDays.length} relative days.`,
    );
  }
  series.relativeDays.forEach((day, position) => {
    const previous = series.relativeDays[position - 1];
    if (!Number.isInteger(day) || (previous !== undefined && day <= previous)) {
      throw new EventStudyError(
        'INVALID_INPUT',
        `${label}: relative days must be increasing whole numbers, got ${day} after ${previous}.`,
      );
    }
  });
  for (const value of series.abnormalReturns) {
    if (value !== null && !Number.isFinite(value)) {
      throw new EventStudyError(
        'INVALID_INPUT',
        `${label}: every abnormal return must be a finite number or missing, got ${value}.`,
      );
    }
  }
}

function requireWindow(window: DayRange): void {
  if (!Number.isInteger(window.from) || !Number.isInteger(window.to) || window.from > window.to) {
    throw new EventStudyError(
      'INVALID_WINDOW',
      `Rank test: the estimation window must run from one whole day to a later one, got ${window.from}:${window.to}.`,
    );
  }
}

function requireTestedDays(days: readonly number[]): void {
  if (days.length === 0) {
    throw new EventStudyError('INVALID_INPUT', 'Rank test: no relative days to test.');
  }
  const seen = new Set<number>();
  for (const day of days) {
    if (!Number.isInteger(day)) {
      throw new EventStudyError('INVALID_INPUT', `Rank test: tested days must be whole numbers, got ${day}.`);
    }
    if (seen.has(day)) {
      throw new EventStudyError('INVALID_INPUT', `Rank test: relative day ${day} is listed twice.`);
    }
    seen.add(day);
  }
}
