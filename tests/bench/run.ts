/**
 * `npm run bench`: runs every registered benchmark one after the other and prints a table for each.
 * To add a benchmark, write a `Bench` (see bench.ts) in its own file and append it to BENCHES.
 */
import type { Bench } from './bench';
import { engineBench } from './engine';

const BENCHES: readonly Bench[] = [engineBench];

function printTable(title: string, columns: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = columns.map((column, index) => Math.max(column.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, index) => cell.padStart(widths[index] ?? 0)).join('  ');
  console.log(`\n${title}`);
  console.log(line(columns));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

for (const bench of BENCHES) {
  printTable(bench.name, bench.columns, await bench.run());
}
console.log(`\nNode ${process.version}, one thread.`);
