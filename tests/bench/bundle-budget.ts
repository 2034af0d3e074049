/**
 * The production bundle's budget, as pure logic on a description of the built files (no Vite, no
 * file system, no zlib): which files the browser needs for the first render, their total gzip
 * size, and the printed table. The Vite plugin (bundle-budget-plugin.ts) feeds it the real bundle.
 *
 * Conventions:
 * - The initial load is every entry chunk, every chunk those import statically (recursively: the
 *   browser fetches them before the entry runs), and the CSS Vite links for any of those chunks.
 *   Chunks reached only through `import()` are lazy; they load when the page asks for them.
 * - kB are 1000 bytes, as Vite's own build report prints them; the budget is 250 kB = 250,000
 *   bytes of gzip.
 */

/** What the browser would fetch: a JavaScript chunk, a stylesheet, or anything else (HTML, images). */
export type BundleFileKind = 'script' | 'style' | 'other';

/** One file of the built app, with its sizes and what it loads. */
export interface BundleFile {
  fileName: string;
  kind: BundleFileKind;
  /** A chunk the HTML page loads itself. */
  isEntry: boolean;
  /** Chunks this chunk imports statically, so they load with it. */
  imports: readonly string[];
  /** Chunks this chunk loads later through `import()`. */
  dynamicImports: readonly string[];
  /** Stylesheets Vite loads together with this chunk. */
  css: readonly string[];
  rawBytes: number;
  gzipBytes: number;
}

/** When a file is fetched: with the first render, later on demand, or neither (not a script or style). */
export type LoadTime = 'initial' | 'lazy' | 'other';

/** A file of the report with the time the browser fetches it. */
export interface BundleRow extends BundleFile {
  load: LoadTime;
}

/** The measured bundle: every file, the initial-load and lazy totals, and the verdict against the budget. */
export interface BundleReport {
  /** Initial files first, then lazy ones, then the rest; larger gzip size first within each. */
  rows: readonly BundleRow[];
  initialRawBytes: number;
  initialGzipBytes: number;
  lazyGzipBytes: number;
  budgetGzipBytes: number;
  withinBudget: boolean;
}

/** The initial-load budget of the issue: 250 kB of gzip, kB being 1000 bytes as in Vite's report. */
export const INITIAL_LOAD_BUDGET_GZIP_BYTES = 250_000;

/** The bundle description cannot be measured: no entry chunk, or a reference to a file that is not in it. */
export class BundleGraphError extends Error {
  override readonly name = 'BundleGraphError';
}

/**
 * The file names the first render needs: entries, their static imports recursively, and the CSS of
 * all of those.
 * @throws BundleGraphError when no file is an entry chunk or a chunk names a file missing from `files`.
 * @example initialLoad(files) // Set { 'assets/index.js', 'assets/react.js', 'assets/index.css' }
 */
export function initialLoad(files: readonly BundleFile[]): Set<string> {
  const byName = indexByName(files);
  const entries = files.filter((file) => file.kind === 'script' && file.isEntry);
  if (entries.length === 0) throw new BundleGraphError('The bundle has no entry chunk, so its initial load cannot be measured.');
  const initial = new Set<string>();
  const pending = entries.map((entry) => entry.fileName);
  while (pending.length > 0) {
    const fileName = pending.pop() as string;
    if (initial.has(fileName)) continue;
    initial.add(fileName);
    const file = byName.get(fileName) as BundleFile;
    for (const reference of [...file.imports, ...file.css]) {
      if (!byName.has(reference)) throw new BundleGraphError(`${fileName} loads ${reference}, which is not in the bundle.`);
      pending.push(reference);
    }
  }
  return initial;
}

/**
 * Sizes of the initial load and of everything else, checked against `budgetGzipBytes`.
 * @throws BundleGraphError as initialLoad does.
 * @example bundleReport(files).withinBudget // true when the initial load's gzip total is at most 250,000 bytes
 */
export function bundleReport(files: readonly BundleFile[], budgetGzipBytes: number = INITIAL_LOAD_BUDGET_GZIP_BYTES): BundleReport {
  const initial = initialLoad(files);
  const rows = files.map((file): BundleRow => ({ ...file, load: initial.has(file.fileName) ? 'initial' : file.kind === 'other' ? 'other' : 'lazy' }));
  rows.sort((left, right) => LOAD_ORDER[left.load] - LOAD_ORDER[right.load] || right.gzipBytes - left.gzipBytes || left.fileName.localeCompare(right.fileName));
  const initialRows = rows.filter((row) => row.load === 'initial');
  const initialGzipBytes = sum(initialRows.map((row) => row.gzipBytes));
  return {
    rows,
    initialRawBytes: sum(initialRows.map((row) => row.rawBytes)),
    initialGzipBytes,
    lazyGzipBytes: sum(rows.filter((row) => row.load === 'lazy').map((row) => row.gzipBytes)),
    budgetGzipBytes,
    withinBudget: initialGzipBytes <= budgetGzipBytes,
  };
}

/** Column headings of bundleTableRows. */
export const BUNDLE_TABLE_COLUMNS = ['file', 'load', 'raw kB', 'gzip kB'] as const;

/**
 * The report as table rows (file, load, raw kB, gzip kB), one per file, then the totals and the
 * budget line, whose second cell is PASS or OVER.
 * @example bundleTableRows(report).at(-1) // ['initial-load budget', 'PASS', '', '250.00']
 */
export function bundleTableRows(report: BundleReport): string[][] {
  const fileRows = report.rows.map((row) => [row.fileName, row.load, kilobytes(row.rawBytes), kilobytes(row.gzipBytes)]);
  return [
    ...fileRows,
    ['total initial load', 'initial', kilobytes(report.initialRawBytes), kilobytes(report.initialGzipBytes)],
    ['total lazy', 'lazy', '', kilobytes(report.lazyGzipBytes)],
    ['initial-load budget', report.withinBudget ? 'PASS' : 'OVER', '', kilobytes(report.budgetGzipBytes)],
  ];
}

/**
 * The table as text for the build log: file names left-aligned, sizes right-aligned.
 * @example bundleTableText(report).split('\n')[0] // 'file  load  raw kB  gzip kB' (padded)
 */
export function bundleTableText(report: BundleReport): string {
  const rows = [[...BUNDLE_TABLE_COLUMNS], ...bundleTableRows(report)];
  const widths = BUNDLE_TABLE_COLUMNS.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) => row.map((cell, column) => (column <= 1 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ').trimEnd();
  return rows.map(line).join('\n');
}

/**
 * One line saying whether the initial load fits, and when it does not, which initial files weigh most.
 * @example budgetVerdict(report) // 'Initial load 212.40 kB gzip, within the 250.00 kB budget (38 files lazy, 91.20 kB gzip).'
 */
export function budgetVerdict(report: BundleReport): string {
  const initial = `Initial load ${kilobytes(report.initialGzipBytes)} kB gzip`;
  const lazyCount = report.rows.filter((row) => row.load === 'lazy').length;
  if (report.withinBudget) return `${initial}, within the ${kilobytes(report.budgetGzipBytes)} kB budget (${lazyCount} files lazy, ${kilobytes(report.lazyGzipBytes)} kB gzip).`;
  const heaviest = report.rows
    .filter((row) => row.load === 'initial')
    .slice(0, 3)
    .map((row) => `${row.fileName} ${kilobytes(row.gzipBytes)} kB`)
    .join(', ');
  return (
    `${initial} is over the ${kilobytes(report.budgetGzipBytes)} kB budget by ${kilobytes(report.initialGzipBytes - report.budgetGzipBytes)} kB. ` +
    `Heaviest initial files: ${heaviest}. Load heavy parts with import() (React.lazy) so they leave the initial load.`
  );
}

/** Bytes as Vite prints them: kB of 1000 bytes, two decimals. */
export function kilobytes(bytes: number): string {
  return (bytes / 1000).toFixed(2);
}

const LOAD_ORDER: Record<LoadTime, number> = { initial: 0, lazy: 1, other: 2 };

function indexByName(files: readonly BundleFile[]): Map<string, BundleFile> {
  const byName = new Map<string, BundleFile>();
  for (const file of files) {
    if (byName.has(file.fileName)) throw new BundleGraphError(`The bundle lists ${file.fileName} twice.`);
    byName.set(file.fileName, file);
  }
  return byName;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
