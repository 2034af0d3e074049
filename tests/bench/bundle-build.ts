/**
 * A production build of the app for the benchmarks, into a temp folder so it never touches dist/
 * (which others serve and test). It uses the project's vite.config.ts as is, except that the
 * bundle-budget plugin reports instead of failing: a benchmark prints an over-budget bundle as
 * OVER rather than stopping.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, loadConfigFromFile, type PluginOption } from 'vite';
import type { BundleReport } from './bundle-budget.ts';
import { BUNDLE_BUDGET_PLUGIN_NAME, bundleBudgetPlugin } from './bundle-budget-plugin.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A finished build: where it is and what the budget plugin measured. */
export interface AppBuild {
  outDir: string;
  report: BundleReport;
}

let pending: Promise<AppBuild> | null = null;
const buildFolders: string[] = [];

/**
 * Builds the app once per process (the bundle and dashboard benchmarks share it).
 * @throws Error when vite.config.ts cannot be loaded or the build fails for another reason than the budget.
 * @example const { outDir, report } = await buildAppOnce();
 */
export function buildAppOnce(): Promise<AppBuild> {
  pending ??= buildApp();
  return pending;
}

/**
 * Deletes the temp build folders; run.ts calls it when the benchmarks end.
 * @example removeAppBuilds()
 */
export function removeAppBuilds(): void {
  for (const folder of buildFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

async function buildApp(): Promise<AppBuild> {
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, path.join(PROJECT_ROOT, 'vite.config.ts'), PROJECT_ROOT, 'silent');
  if (!loaded) throw new Error('vite.config.ts could not be loaded for the benchmark build.');
  const folder = mkdtempSync(path.join(tmpdir(), 'kabuto-bench-build-'));
  buildFolders.push(folder);
  const outDir = path.join(folder, 'dist');
  let report: BundleReport | null = null;
  const plugins = [...withoutBudgetPlugin(loaded.config.plugins ?? []), bundleBudgetPlugin({ onOverBudget: 'warn', onReport: (built) => (report = built) })];
  await build({
    ...loaded.config,
    configFile: false,
    root: path.resolve(PROJECT_ROOT, loaded.config.root ?? '.'),
    logLevel: 'error',
    plugins,
    build: { ...loaded.config.build, outDir, emptyOutDir: true },
  });
  if (!report) throw new Error('the bundle-budget plugin did not report on the benchmark build.');
  return { outDir, report };
}

/** vite.config.ts lists the budget plugin at the top level of its plugins, so one level is enough. */
function withoutBudgetPlugin(plugins: readonly PluginOption[]): PluginOption[] {
  return plugins.filter((plugin) => !(plugin !== null && typeof plugin === 'object' && 'name' in plugin && plugin.name === BUNDLE_BUDGET_PLUGIN_NAME));
}
