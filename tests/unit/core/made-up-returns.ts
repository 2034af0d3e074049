/**
 * MADE-UP test data: seeded pseudo-random daily returns on a made-up calendar. Not market data;
 * only for exercising the engine (missing days, failures, properties).
 */
import type { StudyUnit } from '../../../src/core/types';

/** Mulberry32: a small, seedable uniform generator, so every run sees the same numbers. */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller from the seeded uniform. */
export function seededNormal(seed: number): () => number {
  const uniform = seededUniform(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** `count` made-up weekday dates from 2023-01-02, skipping Saturdays and Sundays. */
export function madeUpDates(count: number): string[] {
  const dates: string[] = [];
  const day = new Date(Date.UTC(2023, 0, 2));
  while (dates.length < count) {
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) dates.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return dates;
}

/**
 * A made-up unit: market N(0.0004, 0.01), security 0.0002 + beta·market + N(0, 0.015), with day 0
 * at index `dayZeroIndex`.
 */
export function madeUpUnit(options: { symbol: string; seed: number; days?: number; dayZeroIndex?: number; beta?: number }): StudyUnit {
  const days = options.days ?? 300;
  const normal = seededNormal(options.seed);
  const marketReturns = Array.from({ length: days }, () => 0.0004 + 0.01 * normal());
  const returns = marketReturns.map((market) => 0.0002 + (options.beta ?? 1.1) * market + 0.015 * normal());
  const dates = madeUpDates(days);
  return {
    id: options.symbol,
    symbol: options.symbol,
    benchmark: 'MADE_UP_MKT',
    dates,
    returns,
    marketReturns,
    dayZero: dates[options.dayZeroIndex ?? days - 20] as string,
  };
}
