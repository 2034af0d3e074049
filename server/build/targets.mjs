/**
 * What the build makes, each target into its own folder under dist/ (git-ignored):
 *
 * - app: the React app, by Vite with vite.config.ts, into dist/app/ (the server serves it).
 * - server: the Hono server, by esbuild, into dist/server/: one self-contained ES module per entry.
 * - cli: the command-line tool, by esbuild, into dist/cli/: study.js (`npm run study`) and
 *   kabuto.js (the package's `kabuto` bin).
 *
 * Plain JavaScript, because it runs before anything is compiled; Vite and esbuild are loaded only
 * when a target is actually built, so checking that everything is up to date stays cheap.
 */
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Entries of the server build: `name: source` becomes dist/server/<name>.js. A module that runs on
 * its own (a worker thread's file, say) is one more line here; code that starts it finds it at
 * `new URL('./<name>.js', import.meta.url)` from the compiled server (every entry is one file in
 * the same folder, without shared chunks).
 */
export const SERVER_ENTRIES = {
  main: 'server/main.ts',
  'study-worker': 'server/study/study-worker.ts',
};

/**
 * The reliability tests' server (vitest's global setup builds it; `npm run build` does not): the
 * server's own start-up with Yahoo's fetch pointed at a fake Yahoo, compiled exactly as
 * dist/server/ is, so that those tests run the code production runs, study worker included.
 */
export const TEST_SERVER_ENTRIES = {
  'server-with-fake-yahoo': 'tests/reliability/helpers/server-with-fake-yahoo.ts',
  'study-worker': SERVER_ENTRIES['study-worker'],
};

/**
 * Entries of the command-line build: dist/cli/<name>.js. They share their code through chunks
 * next to them, and what only some runs need (the event catalogue's zod schema, for --event) is a
 * chunk of its own, loaded when asked for: a short run compiles less.
 */
export const CLI_ENTRIES = {
  study: 'server/cli/study.ts',
  kabuto: 'server/cli/kabuto.ts',
};

/**
 * Files every target depends on besides what it imports: this build code, the compiler settings,
 * and the lock file, which stands for the installed packages (bundled ones included).
 */
const SHARED_INPUTS = ['server/build/targets.mjs', 'server/build/freshness.mjs', 'server/build/ensure-built.mjs', 'tsconfig.json', 'package-lock.json'];

/** The oldest Node the project supports (package.json engines): what esbuild compiles for. */
const NODE_TARGET = 'node20.19';

/**
 * Bundled CommonJS packages may still call require() (papaparse, @stdlib); an ES module has none, so
 * each output gets one made for it.
 */
const REQUIRE_SHIM = "import { createRequire as __kabutoCreateRequire } from 'node:module'; const require = __kabutoCreateRequire(import.meta.url);";

/**
 * @typedef {object} Built
 * @property {string[]} inputs files the build read, relative to the project root
 * @property {string[]} outputs files it wrote, relative to the project root
 */

/**
 * @typedef {object} Target
 * @property {string} outDir relative to the project root
 * @property {string} stampFile the freshness record (freshness.mjs), beside outDir: the server never serves it with the app
 * @property {string[]} runsWith the targets that must be fresh before this one's output runs (itself included)
 * @property {() => unknown} settings what besides the inputs decides the output
 * @property {(options: { quiet: boolean }) => Promise<Built>} build
 */

/**
 * @typedef {object} NodeBundle
 * @property {Record<string, string>} entries
 * @property {string} outDir
 * @property {string[]} external packages left for Node to load
 * @property {boolean} splitting shared code and dynamic imports as chunks (else one self-contained file per entry)
 * @property {boolean} executable the entries start with #! and may be run as programs
 */

/** What `npm run build` makes: the product, without the tests' own builds. */
export const PRODUCT_TARGETS = /** @type {const} */ (['app', 'server', 'cli']);

/** @type {Record<'app' | 'server' | 'cli' | 'test-server', Target>} */
export const TARGETS = {
  app: {
    outDir: 'dist/app',
    stampFile: 'dist/app.build.json',
    runsWith: ['app'],
    // The bundle-budget plugin reads it: a build that only warned must not pass for one that checked.
    settings: () => ({ bundleBudget: process.env.KABUTO_BUNDLE_BUDGET ?? null }),
    build: ({ quiet }) => buildApp(quiet),
  },
  server: {
    outDir: 'dist/server',
    stampFile: 'dist/server.build.json',
    runsWith: ['app', 'server'],
    settings: () => ({}),
    // yahoo-finance2 is left for Node to load as published: the server reads its package.json for
    // /api/health, and its many modules gain nothing from bundling. The rest loads faster as one file.
    build: () => bundleForNode({ entries: SERVER_ENTRIES, outDir: 'dist/server', external: ['yahoo-finance2'], splitting: false, executable: false }),
  },
  cli: {
    outDir: 'dist/cli',
    stampFile: 'dist/cli.build.json',
    runsWith: ['cli'],
    settings: () => ({}),
    // The package bin (and `npx kabuto`) runs dist/cli/kabuto.js itself.
    build: () => bundleForNode({ entries: CLI_ENTRIES, outDir: 'dist/cli', external: [], splitting: true, executable: true }),
  },
  'test-server': {
    outDir: 'dist/test-server',
    stampFile: 'dist/test-server.build.json',
    runsWith: ['test-server'],
    settings: () => ({}),
    build: () => bundleForNode({ entries: TEST_SERVER_ENTRIES, outDir: 'dist/test-server', external: ['yahoo-finance2'], splitting: false, executable: false }),
  },
};

/**
 * ES modules for Node by esbuild, not minified (stack traces in the log stay readable).
 * @param {NodeBundle} bundle
 * @returns {Promise<Built>}
 */
async function bundleForNode({ entries, outDir, external, splitting, executable }) {
  const esbuild = await import('esbuild');
  rmSync(path.join(PROJECT_ROOT, outDir), { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: entries,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: NODE_TARGET,
    external,
    splitting,
    banner: { js: executable ? `#!/usr/bin/env node\n${REQUIRE_SHIM}` : REQUIRE_SHIM },
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const programs = new Set(executable ? Object.values(entries) : []);
  for (const [file, output] of outputs) if (output.entryPoint !== undefined && programs.has(output.entryPoint)) chmodSync(path.join(PROJECT_ROOT, file), 0o755);
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'));
  return { inputs: [...inputs, ...SHARED_INPUTS], outputs: outputs.map(([file]) => file) };
}

/**
 * The app by Vite, exactly as vite.config.ts says, with one plugin added that records which files
 * went into the bundle (and the config's own imports, which Vite reports when it loads it).
 * @param {boolean} quiet only warnings and errors (on stderr), for builds started by `npm start`
 * @returns {Promise<Built>}
 */
async function buildApp(quiet) {
  const { build, loadConfigFromFile } = await import('vite');
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, path.join(PROJECT_ROOT, 'vite.config.ts'), PROJECT_ROOT, 'silent');
  if (loaded === null) throw new Error('vite.config.ts could not be loaded');
  /** @type {Set<string>} */
  const modules = new Set();
  // Vite builds React's development bundle when NODE_ENV says so, and vitest (whose global setup
  // may be the caller) sets NODE_ENV=test: the app is always built for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      ...loaded.config,
      configFile: false,
      root: path.resolve(PROJECT_ROOT, loaded.config.root ?? '.'),
      logLevel: quiet ? 'warn' : 'info',
      plugins: [...(loaded.config.plugins ?? []), recordModules(modules)],
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const outDir = path.resolve(PROJECT_ROOT, loaded.config.build?.outDir ?? 'dist');
  const projectFiles = [...modules, ...loaded.dependencies.map((file) => path.resolve(PROJECT_ROOT, file))]
    .map((id) => path.relative(PROJECT_ROOT, id.split('?')[0] ?? id))
    .filter((file) => !file.startsWith('..') && !path.isAbsolute(file) && !file.startsWith('node_modules/'));
  return { inputs: [...projectFiles, ...SHARED_INPUTS], outputs: filesUnder(outDir).map((file) => path.relative(PROJECT_ROOT, file)) };
}

/**
 * @param {Set<string>} into
 * @returns {import('vite').Plugin}
 */
function recordModules(into) {
  return {
    name: 'kabuto-build-inputs',
    apply: 'build',
    buildEnd() {
      // Virtual modules start with \0; real files are absolute paths, some with a ?query.
      for (const id of this.getModuleIds()) if (path.isAbsolute(id)) into.add(id);
    },
  };
}

/**
 * @param {string} folder
 * @returns {string[]}
 */
function filesUnder(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
