/**
 * Input files derived from the SYNTHETIC fixture for the command-line tests, written to a temporary
 * directory. MADE-UP TEST DATA built from simulated returns, never market data:
 * - prices: 100 on the first date, then P_t = P_{t-1}·(1 + R_t) from the fixture's simple returns;
 * - a copy with most of SYN_A's estimation window blanked (too few estimation days);
 * - a copy with one malformed number.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { fixturePath } from './cli-harness';

export const SERIES = ['SYN_A', 'SYN_B', 'SYN_C', 'SYN_D', 'SYN_E', 'SYN_MKT'] as const;

export interface DerivedInputs {
  directory: string;
  prices: string;
  sparse: string;
  malformed: string;
  /** The fixture's rows, as read. */
  rows: Record<string, string>[];
  remove(): void;
}

export function writeDerivedInputs(): DerivedInputs {
  const directory = mkdtempSync(join(tmpdir(), 'kabuto-cli-'));
  const rows = Papa.parse<Record<string, string>>(readFileSync(fixturePath('input_simple_returns.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const write = (name: string, records: Record<string, string | number>[]) => {
    const path = join(directory, name);
    writeFileSync(path, Papa.unparse(records, { newline: '\n' }));
    return path;
  };
  return {
    directory,
    rows,
    prices: write('prices.csv', pricesFrom(rows)),
    sparse: write(
      'sparse.csv',
      rows.map((row) => {
        const day = Number(row.rel_day);
        return day >= -130 && day <= -30 ? { ...row, SYN_A: 'NA' } : row;
      }),
    ),
    malformed: write(
      'malformed.csv',
      rows.map((row) => (row.date === '2024-06-03' ? { ...row, SYN_C: '0.01x' } : row)),
    ),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}

function pricesFrom(rows: readonly Record<string, string>[]): Record<string, string | number>[] {
  const level = new Map<string, number>(SERIES.map((name) => [name, 100]));
  return rows.map((row, index) => {
    const record: Record<string, string | number> = { date: row.date ?? '' };
    for (const name of SERIES) {
      const previous = level.get(name) ?? 100;
      const price = index === 0 ? previous : previous * (1 + Number(row[name]));
      level.set(name, price);
      record[name] = price;
    }
    return record;
  });
}
