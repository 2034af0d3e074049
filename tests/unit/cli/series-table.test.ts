/**
 * The input reader's numbers: a cell is a number exactly when it is a plain decimal,
 * [+-]digits[.digits][e[+-]digits] or [+-].digits[e…], whose value is finite; empty and NA are
 * missing. The reader checks this without a regular expression per cell (series-table.ts), so the
 * regular expression here is the independent statement of the rule. And the reader's two ways
 * (a file of numbers only a row at a time through JSON.parse, any other through papaparse) give
 * the same table. Values are MADE UP.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../../../server/cli/cli-error';
import { numericColumn, readSeriesTable, type SeriesTable } from '../../../server/cli/series-table';

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

/** What a study can get out of a table: dates, column names, and every column as numbers (or the error). */
function contents(table: SeriesTable): unknown {
  const columns = table.columns.map((name) => {
    try {
      return numericColumn(table, name);
    } catch (error) {
      return error instanceof Error ? error.message.replace(table.path, 'FILE') : error;
    }
  });
  return { dates: table.dates, columns: table.columns, values: columns };
}

describe('readSeriesTable', () => {
  it('reads a file of numbers only as numbers at once, and the same file the general way to the same table', () => {
    const plain = path.join(folder, 'plain.csv');
    const quoted = path.join(folder, 'quoted.csv');
    const body = '2024-11-05,0.01,-2.5e-3,100\n2024-11-06,-0.02,1E-2,101.25\n';
    writeFileSync(plain, `date,MKT,A,B\n${body}`);
    // A quoted header cell sends the file through papaparse (quotes are not read the fast way).
    writeFileSync(quoted, `"date",MKT,A,B\n${body}`);
    const fast = readSeriesTable(plain);
    expect(fast.values.get('A')).toEqual({ numbers: [-0.0025, 0.01] });
    expect(readSeriesTable(quoted).values.get('A')).toEqual({ cells: ['-2.5e-3', '1E-2'] });
    expect(contents(fast)).toEqual(contents(readSeriesTable(quoted)));
  });

  it('gives the same table both ways for any small file of made-up cells, numbers or not', () => {
    const number = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String);
    const other = fc.constantFrom('', 'NA', '+1.5', '.5', '5.', '007', ' 2 ', '1e400', 'x', '-0', '1E5');
    const cell = fc.oneof({ arbitrary: number, weight: 6 }, { arbitrary: other, weight: 1 });
    const table = fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(table, (rows) => {
        const names = rows[0]?.map((_, index) => `S${index}`) ?? [];
        const body = rows.map((cells, index) => `2024-11-${String(index + 10)},${cells.join(',')}\n`).join('');
        const plain = path.join(folder, 'plain.csv');
        const quoted = path.join(folder, 'quoted.csv');
        writeFileSync(plain, `date,${names.join(',')}\n${body}`);
        writeFileSync(quoted, `"date",${names.join(',')}\n${body}`);
        expect(contents(readSeriesTable(plain))).toEqual(contents(readSeriesTable(quoted)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the messages of a bad table', () => {
  const problemOf = (name: string, text: string, column?: string): string => {
    const file = path.join(folder, name);
    writeFileSync(file, text);
    try {
      const table = readSeriesTable(file);
      if (column !== undefined) numericColumn(table, column);
    } catch (error) {
      if (error instanceof CliError) return error.message.replace(file, 'FILE');
      throw error;
    }
    return 'no problem';
  };

  it('name the line of a cell that is not a number, counting blank lines and the header', () => {
    expect(problemOf('cell.csv', 'date,A\n2024-11-05,0.01\n\n2024-11-06,0.01x\n', 'A')).toBe(
      'FILE, line 4, column A, 2024-11-06: "0.01x" is not a number (leave the cell empty or write NA for a missing value)',
    );
    // The fast path (numbers only, no blank line) counts the same way.
    expect(problemOf('fast.csv', 'date,A\n2024-11-05,0.01\n2024-11-06,x\n', 'A')).toMatch(/^FILE, line 3, column A, 2024-11-06: "x"/);
  });

  it('name a repeated date with both its lines, and a date out of order', () => {
    expect(problemOf('repeat.csv', 'date,SMB\n2024-11-05,0.01\n2024-11-05,0.02\n')).toBe(
      'FILE line 3: the date 2024-11-05 is repeated (also on line 2); each date must have one row',
    );
    expect(problemOf('order.csv', 'date,SMB\n2024-11-06,0.01\n2024-11-05,0.02\n')).toBe('FILE line 3: dates must be ascending, but 2024-11-05 follows 2024-11-06');
    expect(problemOf('width.csv', 'date,SMB\n2024-11-05,0.01,3\n')).toBe('FILE line 2 has 3 cells but the header has 2');
  });
});
