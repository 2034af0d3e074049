import type { DayRange } from './types';

/** Per day offset: Σᵢ Uᵢₜ (centred ranks) and the number of securities ranked; and S. */
export interface RankTable {
  firstDay: number;
  centredRankSums: Float64Array;
  securities: Uint32Array;
  /** S = √((1/T̄) Σₜ Ūₜ²) over every ranked day (Corrado 1989), 0 when nothing is ranked. */
  deviation: number;
}

/**
 * Every series of a rank test sorted once, stored flat: each series' non-missing returns, from
 * smallest to largest, as the day offset (relative day − firstDay) each came from. Ranking any
 * period (the estimation window plus a CAR window's days for Cowan's cumulative test) is then one
 * walk along this order, without sorting again; the ranks over every day (Corrado's daily test) are
 * summed while the panel is built. Declared here, beside the RankTable it holds, so that
 * rank-panel.ts (which builds it) and this file do not import each other. Its two N·M-sized arrays
 * are scratch buffers (see ScratchBuffer): a panel is valid until the next one is built.
 */
export interface RankPanel {
  firstDay: number;
  /** Day offsets 0 … width − 1 cover every day with a return. */
  width: number;
  /** Series r occupies sorted positions rowStarts[r] … rowStarts[r + 1] − 1. */
  rowStarts: Int32Array;
  /** 16 bits a day offset when the days fit, which halves the panel's largest array. */
  sortedDays: Uint16Array | Int32Array;
  /** 1 where the return at this sorted position equals the one before it in the same series. */
  tiedWithPrevious: Uint8Array;
  rowHasTies: Uint8Array;
  /** Per day offset, how many series have a return that day. */
  seriesOnDay: Uint32Array;
  /** Centred ranks over every day of each series, summed per day. */
  fullTable: RankTable;
}

/** A panel's sorted series, before or after its full table is summed. */
type SortedSeries = Omit<RankPanel, 'fullTable'>;

/**
 * The centred ranks of every series over the ranked days, summed per day. Each series is ranked over
 * its returns on those days (average ranks for ties, like R's `rank(ties.method = "average")`) and
 * centred on its own mean rank (Tᵢ + 1)/2. Ranks and mean ranks are multiples of ½, so every sum
 * here is exact in double precision and does not depend on the order of the securities.
 *
 * @param rankedDays 1 on the day offsets to rank, or null for every day (the panel's own table).
 * @throws never
 * @example rankTableOf(panel, rankingPeriodOf(panel, { from: -250, to: -11 }, [0, 1])).deviation
 */
export function rankTableOf(panel: RankPanel, rankedDays: Uint8Array | null): RankTable {
  return rankedDays === null ? panel.fullTable : rankTablesOf(panel, [rankedDays])[0]!;
}

/**
 * {@link rankTableOf} for several ranking periods at once (a study's CAR windows): each series is
 * counted once for all periods, then walked once per period.
 * @throws never
 * @example rankTablesOf(panel, windows.map((window) => rankingPeriodOf(panel, estimation, daysOf(window))))
 */
export function rankTablesOf(panel: RankPanel, periods: readonly (Uint8Array | null)[]): RankTable[] {
  const tables: RankTable[] = [];
  for (let first = 0; first < periods.length; first += MASKS_PER_WALK) {
    const group = periods.slice(first, first + MASKS_PER_WALK);
    const masked = group.filter((period): period is Uint8Array => period !== null);
    const walked = masked.length > 0 ? maskedTables(panel, masked) : [];
    for (const period of group) tables.push(period === null ? panel.fullTable : walked[masked.indexOf(period)]!);
  }
  return tables;
}

/**
 * Cowan's (1992) ranking period of a CAR window: the estimation window plus the tested days.
 * @returns the day offsets to rank, or null when that period holds every day with a return, so the
 *   full table applies as it is.
 * @throws never
 * @example rankingPeriodOf(panel, { from: -250, to: -11 }, [0, 1])
 */
export function rankingPeriodOf(panel: RankPanel, estimationWindow: DayRange, days: readonly number[]): Uint8Array | null {
  const ranked = new Uint8Array(panel.width);
  const from = Math.max(estimationWindow.from - panel.firstDay, 0);
  const to = Math.min(estimationWindow.to - panel.firstDay, panel.width - 1);
  for (let offset = from; offset <= to; offset += 1) ranked[offset] = 1;
  for (const day of days) {
    const offset = day - panel.firstDay;
    if (offset >= 0 && offset < panel.width) ranked[offset] = 1;
  }
  for (let offset = 0; offset < panel.width; offset += 1) {
    if (panel.seriesOnDay[offset]! > 0 && ranked[offset] === 0) return ranked;
  }
  return null;
}

/**
 * A table from its per-day sums: the securities per ranked day (every series with a return on a
 * ranked day is ranked there) and S.
 * @throws never
 * @example finishedTable(panel, null, sums, 261_000, 1_000)
 */
export function finishedTable(
  panel: SortedSeries,
  rankedDays: Uint8Array | null,
  sums: Float64Array,
  rankedDaysTotal: number,
  rankedSeries: number,
): RankTable {
  const securities = rankedDays === null ? panel.seriesOnDay : panel.seriesOnDay.map((count, offset) => (rankedDays[offset] === 1 ? count : 0));
  const deviation = rankedSeries === 0 ? 0 : rankDeviation(sums, securities, rankedDaysTotal / rankedSeries);
  return { firstDay: panel.firstDay, centredRankSums: sums, securities, deviation };
}

/**
 * Adds one series' centred ranks to `sums` when it has ties: each group of equal returns shares the
 * mean of the ranks it spans among the ranked days.
 * @param rankedDays 1 on the day offsets to rank, or null for every day.
 * @throws never
 * @example addTiedRanks(panel, 0, 261, null, 131, sums)
 */
export function addTiedRanks(
  panel: SortedSeries,
  start: number,
  end: number,
  rankedDays: Uint8Array | null,
  meanRank: number,
  sums: Float64Array,
): void {
  const { sortedDays, tiedWithPrevious } = panel;
  const isRanked = (position: number) => rankedDays === null || rankedDays[sortedDays[position]!] === 1;
  let rankedBefore = 0;
  let groupStart = start;
  while (groupStart < end) {
    let groupEnd = groupStart + 1;
    while (groupEnd < end && tiedWithPrevious[groupEnd] === 1) groupEnd += 1;
    let tied = 0;
    for (let position = groupStart; position < groupEnd; position += 1) if (isRanked(position)) tied += 1;
    // The ranked tied returns occupy ranks rankedBefore + 1 … rankedBefore + tied.
    const rank = rankedBefore + (tied + 1) / 2;
    for (let position = groupStart; position < groupEnd; position += 1) {
      if (!isRanked(position)) continue;
      const day = sortedDays[position]!;
      sums[day] = sums[day]! + rank - meanRank;
    }
    rankedBefore += tied;
    groupStart = groupEnd;
  }
}

/** Periods are bits of one 32-bit integer per day. */
const MASKS_PER_WALK = 30;

/** Tables for up to 30 periods. */
function maskedTables(panel: RankPanel, periods: readonly Uint8Array[]): RankTable[] {
  const walk = new MaskedWalk(panel, periods);
  for (let row = 0; row + 1 < panel.rowStarts.length; row += 1) walk.addRow(row);
  return walk.tables();
}

/**
 * Ranks each series over several periods; its counters are reused from series to series. The
 * periods are bits of one integer per day, and the days every period ranks (the estimation window)
 * take a shortcut when counting.
 */
class MaskedWalk {
  private readonly bits: Int32Array;
  private readonly all: number;
  private readonly sums: Float64Array[];
  private readonly ranked: Int32Array;
  private readonly meanRanks: Float64Array;
  private readonly rankedDaysTotal: Float64Array;
  private readonly rankedSeries: Float64Array;

  constructor(
    private readonly panel: RankPanel,
    private readonly periods: readonly Uint8Array[],
  ) {
    const count = periods.length;
    this.bits = new Int32Array(panel.width);
    periods.forEach((period, index) => {
      for (let offset = 0; offset < panel.width; offset += 1) this.bits[offset] = this.bits[offset]! | (period[offset]! << index);
    });
    this.all = (1 << count) - 1;
    this.sums = periods.map(() => new Float64Array(panel.width));
    this.ranked = new Int32Array(count);
    this.meanRanks = new Float64Array(count);
    this.rankedDaysTotal = new Float64Array(count);
    this.rankedSeries = new Float64Array(count);
  }

  /** Adds the row's centred ranks for every period, and its Tᵢ to the totals behind T̄. */
  addRow(row: number): void {
    const { panel, periods, ranked, meanRanks } = this;
    const start = panel.rowStarts[row]!;
    const end = panel.rowStarts[row + 1]!;
    this.countRanked(start, end);
    for (let index = 0; index < periods.length; index += 1) {
      meanRanks[index] = (ranked[index]! + 1) / 2;
      if (ranked[index] === 0) continue;
      this.rankedDaysTotal[index] = this.rankedDaysTotal[index]! + ranked[index]!;
      this.rankedSeries[index] = this.rankedSeries[index]! + 1;
    }
    if (panel.rowHasTies[row] === 1) {
      periods.forEach((period, index) => addTiedRanks(panel, start, end, period, meanRanks[index]!, this.sums[index]!));
    } else {
      this.addRanks(start, end);
    }
  }

  tables(): RankTable[] {
    return this.periods.map((period, index) =>
      finishedTable(this.panel, period, this.sums[index]!, this.rankedDaysTotal[index]!, this.rankedSeries[index]!),
    );
  }

  /** Tᵢ per period: the row's returns on days the period ranks. */
  private countRanked(start: number, end: number): void {
    const { bits, all, ranked } = this;
    const { sortedDays } = this.panel;
    const count = this.periods.length;
    let everywhere = 0;
    ranked.fill(0);
    for (let position = start; position < end; position += 1) {
      const dayBits = bits[sortedDays[position]!]!;
      if (dayBits === all) everywhere += 1;
      else for (let index = 0; index < count; index += 1) ranked[index] = ranked[index]! + ((dayBits >> index) & 1);
    }
    for (let index = 0; index < count; index += 1) ranked[index] = ranked[index]! + everywhere;
  }

  /**
   * Without ties each ranked return's rank is one more than the last one's. One tight walk per
   * period: faster than one walk updating every period, whose counters would live in memory.
   */
  private addRanks(start: number, end: number): void {
    const { bits, sums, meanRanks } = this;
    const { sortedDays } = this.panel;
    for (let index = 0; index < this.periods.length; index += 1) {
      const periodSums = sums[index]!;
      const meanRank = meanRanks[index]!;
      let rank = 0;
      for (let position = start; position < end; position += 1) {
        const day = sortedDays[position]!;
        if (((bits[day]! >> index) & 1) === 0) continue;
        rank += 1;
        periodSums[day] = periodSums[day]! + rank - meanRank;
      }
    }
  }
}

/** S = √((1/T̄) Σₜ Ūₜ²) over every day with at least one ranked return. */
function rankDeviation(sums: Float64Array, securities: Uint32Array, meanRankedDays: number): number {
  let sumOfSquares = 0;
  for (let offset = 0; offset < sums.length; offset += 1) {
    const count = securities[offset]!;
    if (count === 0) continue;
    const meanCentredRank = sums[offset]! / count;
    sumOfSquares += meanCentredRank * meanCentredRank;
  }
  return Math.sqrt(sumOfSquares / meanRankedDays);
}
