/**
 * Vitest global setup: brings the compiled app, server and command-line tool in dist/ up to date
 * before any test file runs (a no-op after `npm run build`), and the reliability tests' compiled
 * server, so the tests that start the server or the tool as production runs them never test stale code.
 */
import { ensureBuilt } from '../server/build/ensure-built.mjs';
import { PRODUCT_TARGETS } from '../server/build/targets.mjs';

export default async function buildOnce(): Promise<void> {
  await ensureBuilt([...PRODUCT_TARGETS, 'test-server'], { quiet: true, log: (line) => console.error(`[build] ${line}`) });
}
