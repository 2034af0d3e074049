/**
 * `npm run bench`: brings the build in dist/ up to date, runs every registered benchmark one after
 * the other and prints a table for each, then the machine they ran on. `npm run bench -- dashboard
 * bundle` runs only the named ones.
 * To add a benchmark, write a `Bench` (see bench.ts) in its own file and add it to BENCHES.
 *
 * Benchmarks are imported only when chosen, so a benchmark that cannot load does not stop the others.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { ensureBuilt } from '../../server/build/ensure-built.mjs';
import { PRODUCT_TARGETS } from '../../server/build/targets.mjs';
import type { Bench } from './bench';
import { removeAppBuilds } from './bundle-build.ts';

const BENCHES: Readonly<Record<string, () => Promise<Bench>>> = {
  engine: async () => (await import('./engine')).engineBench,
  cli: async () => (await import('./cli.ts')).cliBench,
  start: async () => (await import('./start.ts')).startBench,
  bundle: async () => (await import('./bundle.ts')).bundleBench,
  dashboard: async () => (await import('./dashboard.ts')).dashboardBench,
  load: async () => (await import('./load.ts')).loadBench,
};

function chosenBenches(names: readonly string[]): string[] {
  const unknown = names.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark ${unknown.join(', ')}. Choose from: ${Object.keys(BENCHES).join(', ')} (none = all), e.g. npm run bench -- dashboard`);
    process.exit(2);
  }
  return names.length > 0 ? [...names] : Object.keys(BENCHES);
}

function printTable(title: string, columns: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = columns.map((column, index) => Math.max(column.length, ...rows.map((row) => (row[index] ?? '').length)));
  // Labels read best left-aligned, figures right-aligned: a first column of words is a label column.
  const labelColumn = rows.some((row) => Number.isNaN(Number(row[0])));
  const line = (cells: readonly string[]) => cells.map((cell, index) => (index === 0 && labelColumn ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');
  console.log(`\n${title}`);
  console.log(line(columns));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

/**
 * The machine, so the figures can be compared with another run; the load average at the start
 * says how busy the machine was (timings grow with it on a shared machine).
 */
function machineLine(withChromium: boolean, loadAverageAtStart: number): string {
  const cpus = os.cpus();
  const parts = [
    `${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown model'})`,
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `1-minute load average ${loadAverageAtStart.toFixed(2)} at the start`,
    `${os.type()} ${os.release()}`,
    `Node ${process.version}`,
  ];
  if (withChromium) parts.push(chromiumVersion());
  return parts.join(', ');
}

function chromiumVersion(): string {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'Chromium version unknown';
  }
}

const names = chosenBenches(process.argv.slice(2));
// The cli, start, dashboard and load benchmarks run the compiled code in dist/: never a stale one.
await ensureBuilt(PRODUCT_TARGETS, { quiet: true, log: (line) => console.error(`[build] ${line}`) });
const loadAverageAtStart = os.loadavg()[0] ?? 0;
try {
  for (const name of names) {
    const bench = await (BENCHES[name] as () => Promise<Bench>)();
    printTable(bench.name, bench.columns, await bench.run());
  }
} finally {
  removeAppBuilds();
}
console.log(`\nMachine: ${machineLine(names.includes('dashboard'), loadAverageAtStart)}. Benchmarks run one at a time.`);
