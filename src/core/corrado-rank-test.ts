import { normalTwoSidedPValue } from './distributions';
import { EventStudyError } from './errors';
import { buildRankPanel, type RankPanel, type RankRow } from './rank-panel';
import { rankingPeriodOf, rankTableOf, type RankTable } from './rank-tables';
import type { DayRange, TestResult } from './types';

// Average ranks used to live here; the import path stays for callers.
export { averageRanks } from './average-ranks';

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
  const panel = panelOf(series);
  const rankedDays = estimationWindow ? rankingPeriodOf(panel, estimationWindow, days) : null;
  return rankStatistic(rankTableOf(panel, rankedDays), days);
}

/**
 * The rank test's statistic from a table of centred rank sums already built for its ranking period
 * (a study builds them all at once, see {@link rankTablesOf}): Σₜ Ūₜ / (√L · S) over the tested
 * days that have returns.
 * @throws never
 * @example rankStatistic(rankTableOf(panel, null), [0])
 */
export function rankStatistic(table: RankTable, days: readonly number[]): TestResult {
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

// Sorting every series is the costly part and is the same for every day and window of one study.
const panels = new WeakMap<readonly RankSeries[], RankPanel>();

function panelOf(series: readonly RankSeries[]): RankPanel {
  const cached = panels.get(series);
  if (cached) return cached;
  series.forEach(requireValidSeries);
  const panel = buildRankPanel(series.map(rankRowOf));
  panels.set(series, panel);
  return panel;
}

function rankRowOf(series: RankSeries): RankRow {
  const values = Float64Array.from(series.abnormalReturns, (value) => (value === null ? Number.NaN : value));
  return { values, relativeDays: series.relativeDays };
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
