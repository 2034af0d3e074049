/**
 * Whether a build is up to date. After each build a stamp next to its output folder records every
 * file the build read (size and modification time), the folders those files sit in (a folder's
 * time changes when a file is added to it or removed, e.g. a new article an import.meta.glob picks
 * up), the files it wrote and its settings. The build is fresh while all of them are unchanged;
 * anything else (an edit, a checkout, a deleted output, another setting) asks for a rebuild.
 * Only stat() calls: a check of a few hundred files takes milliseconds, so every start can afford it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {object} Stamp
 * @property {unknown} settings what else decides the output (e.g. an environment variable the build reads)
 * @property {[string, number, number | null][]} files inputs as [path, size, mtimeMs]; null when the file changed during the build
 * @property {[string, number | null][]} folders the inputs' folders as [path, mtimeMs]
 * @property {string[]} outputs the files the build wrote
 */

/**
 * Files modified this close to the start of a build (or after it) may have changed after the build
 * read them; they are recorded as unknown, so the next check rebuilds. File times come from the
 * kernel's coarse clock, which can lag the wall clock by a few milliseconds.
 */
const CLOCK_MARGIN_MS = 100;

/**
 * Why the build recorded in `stampFile` is out of date, or null when it is fresh.
 * @param {string} root the project root; the stamp's paths are relative to it
 * @param {string} stampFile
 * @param {unknown} settings the settings the build would use now
 * @returns {string | null}
 * @example staleness(root, 'dist/cli.build.json', {}) // 'server/cli/run-cli.ts changed'
 */
export function staleness(root, stampFile, settings) {
  /** @type {Stamp} */
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(root, stampFile), 'utf8'));
  } catch {
    return 'not built yet';
  }
  if (JSON.stringify(stamp.settings) !== JSON.stringify(settings)) return 'its settings changed';
  for (const [file, size, mtimeMs] of stamp.files) {
    const now = statSync(path.join(root, file), { throwIfNoEntry: false });
    if (now === undefined) return `${file} is gone`;
    if (now.size !== size || now.mtimeMs !== mtimeMs) return `${file} changed`;
  }
  for (const [folder, mtimeMs] of stamp.folders) {
    if (statSync(path.join(root, folder), { throwIfNoEntry: false })?.mtimeMs !== mtimeMs) return `files were added to or removed from ${folder}/`;
  }
  const missing = stamp.outputs.find((file) => !existsSync(path.join(root, file)));
  return missing === undefined ? null : `${missing} is missing`;
}

/**
 * Records a finished build (written to a temporary file and renamed, so a reader never sees half a stamp).
 * @param {string} root
 * @param {string} stampFile
 * @param {{ settings: unknown, inputs: Iterable<string>, outputs: Iterable<string>, startedAtMs: number }} build
 *   inputs and outputs as paths relative to `root`
 */
export function writeStamp(root, stampFile, { settings, inputs, outputs, startedAtMs }) {
  const files = [...new Set(inputs)].sort();
  const trusted = (/** @type {number} */ mtimeMs) => (mtimeMs < startedAtMs - CLOCK_MARGIN_MS ? mtimeMs : null);
  /** @type {Stamp} */
  const stamp = {
    settings,
    files: files.map((file) => {
      const stats = statSync(path.join(root, file));
      return [file, stats.size, trusted(stats.mtimeMs)];
    }),
    folders: [...new Set(files.map((file) => path.dirname(file)))]
      .filter((folder) => folder !== '.')
      .sort()
      .map((folder) => [folder, trusted(statSync(path.join(root, folder)).mtimeMs)]),
    outputs: [...outputs].sort(),
  };
  const target = path.join(root, stampFile);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(`${target}.tmp`, `${JSON.stringify(stamp)}\n`);
  renameSync(`${target}.tmp`, target);
}

/**
 * Forgets a build before it is redone, so that a build that fails half-way is never taken as fresh.
 * @param {string} root
 * @param {string} stampFile
 */
export function removeStamp(root, stampFile) {
  rmSync(path.join(root, stampFile), { force: true });
}
