/**
 * Bundle benchmark: builds the app into a temp folder with the project's Vite config and prints
 * the size of every file it wrote, initial or lazy, with the initial load checked against its
 * 250 kB gzip budget — the same table `npm run build` prints.
 */
import type { Bench } from './bench';
import { BUNDLE_TABLE_COLUMNS, bundleTableRows } from './bundle-budget.ts';
import { buildAppOnce } from './bundle-build.ts';

/**
 * The bundle table as a benchmark.
 * @throws Error when the build fails.
 * @example await bundleBench.run()
 */
export const bundleBench: Bench = {
  name: 'Production bundle (vite build; gzip = node:zlib level 9; kB = 1000 bytes; budget: initial load <= 250 kB gzip)',
  columns: BUNDLE_TABLE_COLUMNS,
  async run() {
    const { report } = await buildAppOnce();
    return bundleTableRows(report);
  },
};
