/**
 * Builds the targets that are missing or out of date (freshness.mjs), and only those.
 */
import { performance } from 'node:perf_hooks';
import { removeStamp, staleness, writeStamp } from './freshness.mjs';
import { PROJECT_ROOT, TARGETS } from './targets.mjs';

/** @typedef {keyof typeof TARGETS} TargetName */

/**
 * Brings `names` up to date, in the order given.
 * @param {readonly TargetName[]} names
 * @param {{ force?: boolean, quiet?: boolean, log: (line: string) => void }} options
 *   force rebuilds fresh targets too; quiet keeps Vite's report off stdout (only warnings, on stderr)
 * @returns {Promise<TargetName[]>} the targets it built
 * @example await ensureBuilt(['app', 'server'], { log: console.error }) // [] when nothing changed
 */
export async function ensureBuilt(names, { force = false, quiet = false, log }) {
  /** @type {TargetName[]} */
  const built = [];
  for (const name of names) {
    const target = TARGETS[name];
    const settings = target.settings();
    const reason = force ? 'asked to rebuild' : staleness(PROJECT_ROOT, target.stampFile, settings);
    if (reason === null) continue;
    log(`building ${name} into ${target.outDir}/ (${reason})`);
    const startedAtMs = Date.now();
    const started = performance.now();
    removeStamp(PROJECT_ROOT, target.stampFile);
    const { inputs, outputs } = await target.build({ quiet });
    writeStamp(PROJECT_ROOT, target.stampFile, { settings, inputs, outputs, startedAtMs });
    log(`built ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    built.push(name);
  }
  return built;
}

/**
 * The target names in `candidates`, or an error naming the unknown ones.
 * @param {readonly string[]} candidates
 * @returns {TargetName[]}
 * @throws {Error} for a name that is not a target
 */
export function targetNames(candidates) {
  const unknown = candidates.filter((name) => !(name in TARGETS));
  if (unknown.length > 0) throw new Error(`unknown build target ${unknown.join(', ')} (targets: ${Object.keys(TARGETS).join(', ')})`);
  return /** @type {TargetName[]} */ (candidates);
}
