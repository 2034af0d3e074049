/**
 * The bundle budget's graph and size logic on a MADE-UP bundle (file names and sizes invented here):
 * an entry importing a vendor chunk that imports a shared chunk, an entry stylesheet, a lazily
 * loaded presentation chunk with its own stylesheet, and a chunk reached both ways.
 */
import { describe, expect, it } from 'vitest';
import {
  BundleGraphError,
  budgetVerdict,
  bundleReport,
  bundleTableRows,
  bundleTableText,
  initialLoad,
  INITIAL_LOAD_BUDGET_GZIP_BYTES,
  kilobytes,
  type BundleFile,
} from '../../bench/bundle-budget.ts';

function script(fileName: string, gzipBytes: number, links: Partial<Pick<BundleFile, 'isEntry' | 'imports' | 'dynamicImports' | 'css'>> = {}): BundleFile {
  return { fileName, kind: 'script', isEntry: false, imports: [], dynamicImports: [], css: [], rawBytes: gzipBytes * 3, gzipBytes, ...links };
}

function style(fileName: string, gzipBytes: number): BundleFile {
  return { fileName, kind: 'style', isEntry: false, imports: [], dynamicImports: [], css: [], rawBytes: gzipBytes * 4, gzipBytes };
}

const MADE_UP_BUNDLE: readonly BundleFile[] = [
  script('assets/index.js', 40_000, { isEntry: true, imports: ['assets/vendor.js'], dynamicImports: ['assets/presentation.js', 'assets/both.js'], css: ['assets/index.css'] }),
  script('assets/vendor.js', 150_000, { imports: ['assets/shared.js', 'assets/both.js'], css: ['assets/vendor.css'] }),
  script('assets/shared.js', 9_000),
  script('assets/both.js', 1_000),
  script('assets/presentation.js', 70_000, { imports: ['assets/shared.js', 'assets/slides.js'], css: ['assets/presentation.css'] }),
  script('assets/slides.js', 20_000),
  style('assets/index.css', 3_000),
  style('assets/vendor.css', 500),
  style('assets/presentation.css', 2_000),
  { fileName: 'index.html', kind: 'other', isEntry: false, imports: [], dynamicImports: [], css: [], rawBytes: 700, gzipBytes: 410 },
];

describe('initialLoad', () => {
  it('follows static imports recursively and takes the CSS of every initial chunk, but not what only import() reaches', () => {
    expect([...initialLoad(MADE_UP_BUNDLE)].sort()).toEqual(['assets/both.js', 'assets/index.css', 'assets/index.js', 'assets/shared.js', 'assets/vendor.css', 'assets/vendor.js']);
  });

  it('refuses a bundle without an entry chunk with a typed error', () => {
    const withoutEntry = MADE_UP_BUNDLE.map((file) => ({ ...file, isEntry: false }));
    expect(() => initialLoad(withoutEntry)).toThrow(BundleGraphError);
    expect(() => initialLoad(withoutEntry)).toThrow('The bundle has no entry chunk, so its initial load cannot be measured.');
  });

  it('names the chunk and the missing file when a static import points outside the bundle', () => {
    const broken = [script('assets/index.js', 1, { isEntry: true, imports: ['assets/gone.js'] })];
    expect(() => initialLoad(broken)).toThrow('assets/index.js loads assets/gone.js, which is not in the bundle.');
  });

  it('refuses a file listed twice, which would be counted twice', () => {
    const twice = [script('assets/index.js', 1, { isEntry: true }), script('assets/index.js', 1)];
    expect(() => initialLoad(twice)).toThrow('The bundle lists assets/index.js twice.');
  });
});

describe('bundleReport', () => {
  const report = bundleReport(MADE_UP_BUNDLE);

  it('sums the initial load and the lazy files separately', () => {
    expect(report.initialGzipBytes).toBe(40_000 + 150_000 + 9_000 + 1_000 + 3_000 + 500);
    expect(report.initialRawBytes).toBe(3 * (40_000 + 150_000 + 9_000 + 1_000) + 4 * (3_000 + 500));
    expect(report.lazyGzipBytes).toBe(70_000 + 20_000 + 2_000);
    expect(report.withinBudget).toBe(true);
  });

  it('lists initial files first, then lazy ones, then other files, heaviest first within each', () => {
    expect(report.rows.map((row) => `${row.load} ${row.fileName}`)).toEqual([
      'initial assets/vendor.js',
      'initial assets/index.js',
      'initial assets/shared.js',
      'initial assets/index.css',
      'initial assets/both.js',
      'initial assets/vendor.css',
      'lazy assets/presentation.js',
      'lazy assets/slides.js',
      'lazy assets/presentation.css',
      'other index.html',
    ]);
  });

  it('passes at exactly the budget and fails one byte over it (250 kB = 250,000 bytes)', () => {
    expect(INITIAL_LOAD_BUDGET_GZIP_BYTES).toBe(250_000);
    const exactly = [script('assets/index.js', 250_000, { isEntry: true })];
    expect(bundleReport(exactly).withinBudget).toBe(true);
    const over = [script('assets/index.js', 250_001, { isEntry: true })];
    expect(bundleReport(over).withinBudget).toBe(false);
  });

  it('takes a budget other than the default', () => {
    expect(bundleReport(MADE_UP_BUNDLE, 203_499).withinBudget).toBe(false);
    expect(bundleReport(MADE_UP_BUNDLE, 203_500).withinBudget).toBe(true);
  });
});

describe('the printed table and verdict', () => {
  it('prints kB of 1000 bytes with two decimals', () => {
    expect(kilobytes(295_750)).toBe('295.75');
    expect(kilobytes(410)).toBe('0.41');
  });

  it('ends the table with the totals and the budget line', () => {
    const rows = bundleTableRows(bundleReport(MADE_UP_BUNDLE));
    expect(rows[0]).toEqual(['assets/vendor.js', 'initial', '450.00', '150.00']);
    expect(rows.slice(-3)).toEqual([
      ['total initial load', 'initial', '614.00', '203.50'],
      ['total lazy', 'lazy', '', '92.00'],
      ['initial-load budget', 'PASS', '', '250.00'],
    ]);
  });

  it('aligns the text table: names left, sizes right', () => {
    const lines = bundleTableText(bundleReport(MADE_UP_BUNDLE)).split('\n');
    expect(lines[0]).toBe('file                     load     raw kB  gzip kB');
    expect(lines[1]).toBe('assets/vendor.js         initial  450.00   150.00');
    expect(lines.at(-1)).toBe('initial-load budget      PASS              250.00');
  });

  it('says the budget holds, with the lazy total', () => {
    expect(budgetVerdict(bundleReport(MADE_UP_BUNDLE))).toBe('Initial load 203.50 kB gzip, within the 250.00 kB budget (3 files lazy, 92.00 kB gzip).');
  });

  it('names the overshoot and the heaviest initial files when over budget', () => {
    const report = bundleReport(MADE_UP_BUNDLE, 200_000);
    expect(bundleTableRows(report).at(-1)).toEqual(['initial-load budget', 'OVER', '', '200.00']);
    expect(budgetVerdict(report)).toBe(
      'Initial load 203.50 kB gzip is over the 200.00 kB budget by 3.50 kB. Heaviest initial files: assets/vendor.js 150.00 kB, assets/index.js 40.00 kB, assets/shared.js 9.00 kB. ' +
        'Load heavy parts with import() (React.lazy) so they leave the initial load.',
    );
  });
});
