/**
 * The input reader's numbers: a cell is a number exactly when it is a plain decimal,
 * [+-]digits[.digits][e[+-]digits] or [+-].digits[e…], whose value is finite; empty and NA are
 * missing. The reader checks this without a regular expression per cell (series-table.ts), so the
 * regular expression here is the independent statement of the rule.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../../../server/cli/cli-error';
import { numericColumn, readSeriesTable } from '../../../server/cli/series-table';

const PLAIN_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const folder = mkdtempSync(path.join(tmpdir(), 'kabuto-series-table-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Each cell read back through a one-row file: its number, null when missing, or 'refused'. */
function readCells(cells: readonly string[]): (number | null | 'refused')[] {
  const file = path.join(folder, 'cells.csv');
  const names = cells.map((_, index) => `c${index}`);
  writeFileSync(file, `date,${names.join(',')}\n2024-11-06,${cells.join(',')}\n`);
  const table = readSeriesTable(file);
  return names.map((name) => {
    try {
      return numericColumn(table, name)[0] ?? null;
    } catch (error) {
      if (error instanceof CliError && error.message.includes('is not a number')) return 'refused';
      throw error;
    }
  });
}

describe('numericColumn', () => {
  it('reads plain decimals and missing cells, and refuses what Number() would read otherwise', () => {
    expect(readCells(['1', '-1', '+1.5', '1.', '.5', '-.5e-3', '1E5', '0.1e+2', '007', '', 'NA', ' 2 '])).toEqual([
      1, -1, 1.5, 1, 0.5, -0.0005, 100000, 10, 7, null, null, 2,
    ]);
    expect(readCells(['0x10', '0X1f', '0b1', '0B1', '0o7', '0O7', 'Infinity', '-Infinity', '1e400', '1_000', '.', '+', '1e', 'e5', '1 2', '--1', 'NaN', 'na'])).toEqual(
      Array(18).fill('refused'),
    );
  });

  it('agrees with the plain-decimal rule on any short string of digits, signs, dots, exponent and radix letters', () => {
    const cell = fc.array(fc.constantFrom(...'0123456789.eE+-xXoObB_'), { minLength: 1, maxLength: 7 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 20 }), (cells) => {
        const expected = cells.map((text) => (PLAIN_DECIMAL.test(text) && Number.isFinite(Number(text)) ? Number(text) : 'refused'));
        expect(readCells(cells)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
