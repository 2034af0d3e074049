/**
 * The engine's own answer for the dashboard's default case, computed without the app: the same
 * snapshot bars, day 0 from the event's timing, buildStudyUnit and runStudy. Tests compare the
 * numbers the page shows against this.
 */
import { buildStudyUnit, dayZero, DEFAULT_STUDY_OPTIONS, runStudy } from '../../../../src/core/index.ts';
import { exchangeForSymbol } from '../../../../src/domain/exchanges.ts';
import type { StudyOptions, StudyResult } from '../../../../src/core/types.ts';
import { snapshotBars } from './snapshot-api.ts';

/** The US election as data/events.json states it. */
export const US_ELECTION = { id: 'us-election-2024', date: '2024-11-05', time: '19:00', timeZone: 'America/New_York' };

export function referenceStudy(
  symbols: readonly string[],
  benchmark: string,
  range: { from: string; to: string },
  options: StudyOptions = DEFAULT_STUDY_OPTIONS,
): StudyResult {
  const inRange = (symbol: string) => snapshotBars(symbol).filter((bar) => bar.date >= range.from && bar.date <= range.to);
  const benchmarkBars = inRange(benchmark);
  const units = symbols.map((symbol) =>
    buildStudyUnit({
      id: `${US_ELECTION.id}:${symbol}`,
      symbol,
      benchmark,
      eventId: US_ELECTION.id,
      securityPrices: inRange(symbol),
      benchmarkPrices: benchmarkBars,
      dayZero: dayZero(US_ELECTION, exchangeForSymbol(symbol), benchmarkBars.map((bar) => bar.date)),
      returnKind: 'simple',
    }),
  );
  return runStudy(units, options);
}

/** The day-0 abnormal return of one security in a result. */
export function dayZeroAr(result: StudyResult, symbol: string): number {
  const ar = result.securities.find((security) => security.symbol === symbol)?.days.find((day) => day.relativeDay === 0)?.ar;
  if (typeof ar !== 'number') throw new Error(`no day-0 AR for ${symbol}`);
  return ar;
}
