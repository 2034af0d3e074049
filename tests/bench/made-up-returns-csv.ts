/**
 * MADE-UP input for the command-line benchmark: a returns CSV (date, a market column, then one
 * column per security) of seeded pseudo-random daily returns on a made-up weekday calendar. Not
 * market data: market N(0.0004, 0.01); security i: 0.0002 + β_i·market + N(0, 0.015), β_i from
 * 0.5 to 1.7. Numbers are written as JavaScript prints them (up to 17 significant digits), as a
 * script exporting doubles would.
 */
import { writeFileSync } from 'node:fs';
import { madeUpDates, seededNormal } from '../unit/core/made-up-returns.ts';

/** The market column's name in the made-up file. */
export const MADE_UP_MARKET = 'MADE_UP_MKT';

export interface MadeUpReturnsCsv {
  /** Trading dates, one per row. */
  dates: string[];
  /** The security columns' names. */
  securities: string[];
}

/**
 * Writes the made-up returns CSV to `path`.
 * @example writeMadeUpReturnsCsv('/tmp/returns.csv', { securities: 1_000, days: 300, seed: 20241106 }).dates[270]
 */
export function writeMadeUpReturnsCsv(path: string, { securities, days, seed }: { securities: number; days: number; seed: number }): MadeUpReturnsCsv {
  const normal = seededNormal(seed);
  const dates = madeUpDates(days);
  const names = Array.from({ length: securities }, (_, index) => `MADE_UP_${String(index + 1).padStart(5, '0')}`);
  const betas = names.map((_, index) => 0.5 + (1.2 * index) / Math.max(1, securities - 1));
  const lines = [['date', MADE_UP_MARKET, ...names].join(',')];
  for (const date of dates) {
    const market = 0.0004 + 0.01 * normal();
    lines.push([date, market, ...betas.map((beta) => 0.0002 + beta * market + 0.015 * normal())].join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { dates, securities: names };
}
