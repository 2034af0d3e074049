/**
 * Vite plugin: after every production build, measures the files it wrote, prints the bundle table
 * (raw and gzip size of each file, initial or lazy) and fails the build when the initial load is
 * over its gzip budget. The maths lives in bundle-budget.ts.
 *
 * Gzip sizes are node:zlib gzipSync at level 9, the smallest zlib output (level 6, zlib's default,
 * is about 0.2% larger on this bundle; the line Vite itself prints comes from rolldown's own gzip
 * and reads about 1% larger). Raw sizes are UTF-8 bytes, so they can differ from Vite's line by a
 * few bytes where the code holds non-ASCII characters. The server sends the files uncompressed
 * today: gzip is the size a compressing server or CDN would send, as budgets are usually stated.
 */
import { gzipSync } from 'node:zlib';
import type { Logger, Plugin, Rolldown } from 'vite';
import { budgetVerdict, bundleReport, bundleTableText, INITIAL_LOAD_BUDGET_GZIP_BYTES, type BundleFile, type BundleReport } from './bundle-budget.ts';

/** The plugin's name, so a caller can swap the configured instance for its own. */
export const BUNDLE_BUDGET_PLUGIN_NAME = 'kabuto-bundle-budget';

/** How the plugin judges and reports a build. */
export interface BundleBudgetOptions {
  /** Gzip bytes the initial load may weigh; 250,000 by default. */
  budgetGzipBytes?: number;
  /** `fail` stops the build when over budget; `warn` only prints the verdict (benchmarks, work in progress). */
  onOverBudget?: 'fail' | 'warn';
  /** Receives the report of each build, e.g. for the benchmark table. */
  onReport?: (report: BundleReport) => void;
}

/**
 * The bundle-budget plugin, for production builds only.
 * @throws nothing itself; the build fails with the verdict as its message when over budget and `onOverBudget` is `fail`.
 * @example defineConfig({ plugins: [react(), bundleBudgetPlugin()] })
 */
export function bundleBudgetPlugin(options: BundleBudgetOptions = {}): Plugin {
  const budgetGzipBytes = options.budgetGzipBytes ?? INITIAL_LOAD_BUDGET_GZIP_BYTES;
  let logger: Logger | undefined;
  return {
    name: BUNDLE_BUDGET_PLUGIN_NAME,
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      logger = config.logger;
    },
    writeBundle(_outputOptions, bundle) {
      const report = bundleReport(bundleFiles(bundle), budgetGzipBytes);
      options.onReport?.(report);
      logger?.info(`\nBundle sizes (gzip: node:zlib level 9; kB = 1000 bytes)\n${bundleTableText(report)}\n`);
      const verdict = budgetVerdict(report);
      if (report.withinBudget) logger?.info(verdict);
      else if (options.onOverBudget === 'warn') logger?.warn(`Bundle budget: ${verdict}`);
      else this.error(`Bundle budget: ${verdict} (Set KABUTO_BUNDLE_BUDGET=warn to build anyway while you split the bundle.)`);
    },
  };
}

/**
 * The written bundle as budget input: each chunk with its static and dynamic imports and the CSS
 * Vite links for it, each asset as a stylesheet or other file, with raw and gzip sizes.
 * @example bundleFiles(bundle).find((file) => file.isEntry)?.gzipBytes
 */
export function bundleFiles(bundle: Rolldown.OutputBundle): BundleFile[] {
  return Object.values(bundle).map((output): BundleFile => {
    if (output.type === 'chunk') {
      return {
        fileName: output.fileName,
        kind: 'script',
        isEntry: output.isEntry,
        imports: output.imports,
        dynamicImports: output.dynamicImports,
        css: [...(output.viteMetadata?.importedCss ?? [])],
        ...sizes(output.code),
      };
    }
    return { fileName: output.fileName, kind: output.fileName.endsWith('.css') ? 'style' : 'other', isEntry: false, imports: [], dynamicImports: [], css: [], ...sizes(output.source) };
  });
}

function sizes(content: string | Uint8Array): { rawBytes: number; gzipBytes: number } {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { rawBytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: 9 }).byteLength };
}
