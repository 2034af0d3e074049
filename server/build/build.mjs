/**
 * `npm run build [-- --force] [app|server|cli|test-server …]`: builds the targets that are missing
 * or out of date (the product's, app, server and cli, when none is named), or every named one with --force.
 */
import { ensureBuilt, targetNames } from './ensure-built.mjs';
import { PRODUCT_TARGETS } from './targets.mjs';

const args = process.argv.slice(2);
const force = args.includes('--force');
const log = (/** @type {string} */ line) => console.error(`[build] ${line}`);
try {
  const named = targetNames(args.filter((arg) => arg !== '--force'));
  const names = named.length > 0 ? named : [...PRODUCT_TARGETS];
  const built = await ensureBuilt(names, { force, log });
  if (built.length < names.length) log(`up to date: ${names.filter((name) => !built.includes(name)).join(', ')}`);
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
