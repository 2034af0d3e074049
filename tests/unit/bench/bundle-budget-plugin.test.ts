/**
 * The bundle-budget plugin inside a real Vite build of a MADE-UP four-file app written to a temp
 * folder here: an entry with a stylesheet, a vendor module split into its own chunk, and a page
 * loaded through import() with its own stylesheet (Vite names the entry's files index-*, after index.html). Checks that the plugin reads the graph Vite
 * produces, measures the written files and fails the build with the verdict when over budget.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleReport } from '../../bench/bundle-budget.ts';
import { bundleBudgetPlugin, type BundleBudgetOptions } from '../../bench/bundle-budget-plugin.ts';

let projectDir: string;

beforeAll(() => {
  projectDir = mkdtempSync(path.join(tmpdir(), 'kabuto-bundle-budget-'));
  const files: Record<string, string> = {
    'index.html': '<!doctype html><html><body><script type="module" src="/main.js"></script></body></html>',
    'main.js': "import './main.css';\nimport { vendorName } from './vendor.js';\ndocument.title = vendorName();\ndocument.body.onclick = () => import('./presentation.js').then((page) => page.show());\n",
    'vendor.js': "export function vendorName() { return 'made-up vendor ' + Math.random(); }\n",
    'presentation.js': "import './presentation.css';\nexport function show() { document.body.textContent = 'made-up presentation'; }\n",
    'main.css': 'body { color: #123456; }\n',
    'presentation.css': '.slide { margin: 1rem; }\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(projectDir, name), text);
});

afterAll(() => rmSync(projectDir, { recursive: true, force: true }));

async function buildMadeUpApp(options: BundleBudgetOptions): Promise<void> {
  await build({
    configFile: false,
    root: projectDir,
    logLevel: 'silent',
    plugins: [bundleBudgetPlugin(options)],
    build: {
      outDir: path.join(projectDir, 'dist'),
      emptyOutDir: true,
      rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'vendor', test: /vendor\.js/ }] } } },
    },
  });
}

describe('the bundle-budget plugin in a real Vite build', () => {
  it('marks the entry, its static chunk and its CSS initial, the import() chunk and its CSS lazy, with gzip level-9 sizes of the written files', async () => {
    let report: BundleReport | undefined;
    await buildMadeUpApp({ onReport: (built) => (report = built) });
    if (!report) throw new Error('the plugin reported nothing');
    const loadOf = (pattern: RegExp) => report?.rows.filter((row) => pattern.test(row.fileName)).map((row) => row.load);
    expect(loadOf(/^assets\/index-.*\.js$/)).toEqual(['initial']);
    expect(loadOf(/^assets\/vendor-.*\.js$/)).toEqual(['initial']);
    expect(loadOf(/^assets\/index-.*\.css$/)).toEqual(['initial']);
    expect(loadOf(/^assets\/presentation-.*\.js$/)).toEqual(['lazy']);
    expect(loadOf(/^assets\/presentation-.*\.css$/)).toEqual(['lazy']);
    expect(loadOf(/^index\.html$/)).toEqual(['other']);
    for (const row of report.rows) {
      const written = readFileSync(path.join(projectDir, 'dist', row.fileName));
      expect(row.rawBytes).toBe(written.byteLength);
      expect(row.gzipBytes).toBe(gzipSync(written, { level: 9 }).byteLength);
    }
    expect(report.withinBudget).toBe(true);
  });

  it('fails the build with the verdict when the initial load is over budget', async () => {
    await expect(buildMadeUpApp({ budgetGzipBytes: 10 })).rejects.toThrow(/Bundle budget: Initial load \d+\.\d\d kB gzip is over the 0\.01 kB budget/);
  });

  it('only warns when asked to, so work in progress can still build', async () => {
    let report: BundleReport | undefined;
    await buildMadeUpApp({ budgetGzipBytes: 10, onOverBudget: 'warn', onReport: (built) => (report = built) });
    expect(report?.withinBudget).toBe(false);
  });
});
