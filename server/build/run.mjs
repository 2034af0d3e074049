/**
 * `node server/build/run.mjs <target>/<entry> [arguments…]`, e.g. `server/main` or `cli/study --help`:
 * brings the target (and what it runs with: the server serves the app) up to date, then runs
 * dist/<target>/<entry>.js in this same process with the arguments. This is how `npm start` and
 * `npm run study` run the compiled code without ever running stale code. Build messages go to
 * stderr: stdout belongs to the program (the server's one line, the study's output).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, targetNames } from './ensure-built.mjs';
import { PROJECT_ROOT, TARGETS } from './targets.mjs';

const [entry = '', ...rest] = process.argv.slice(2);
const [targetName = '', entryName] = entry.split('/');
const log = (/** @type {string} */ line) => process.stderr.write(`[build] ${line}\n`);

/** The compiled file to run, once it is up to date; null when that failed (and was said). */
async function freshEntry() {
  try {
    const [name] = targetNames([targetName]);
    if (name === undefined || entryName === undefined) throw new Error('usage: node server/build/run.mjs <target>/<entry> [arguments], e.g. server/main');
    const target = TARGETS[name];
    await ensureBuilt(targetNames(target.runsWith), { quiet: true, log });
    return path.join(PROJECT_ROOT, target.outDir, `${entryName}.js`);
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    return null;
  }
}

const file = await freshEntry();
if (file === null) {
  process.exitCode = 1;
} else {
  // The program reads its arguments from process.argv as if it had been started directly.
  process.argv = [process.argv[0] ?? 'node', file, ...rest];
  await import(pathToFileURL(file).href);
}
