/**
 * Preloaded into the server process by the load test only (node --expose-gc --import tsx
 * --import tests/reliability/helpers/gc-on-signal.ts server/main.ts): on SIGUSR2 it runs a full
 * garbage collection, then writes a line saying so to stderr, so memory can be read with no
 * garbage left in it. Under load the resident size swings by tens of MB with the collector's
 * timing; a reading after a forced collection is what a leak would show in. Production never
 * loads this file.
 */
// tests/bench/load.ts waits for exactly this line.
const GC_DONE_LINE = '[load-test] full garbage collection done';

const collect = (globalThis as { gc?: () => void }).gc;
process.on('SIGUSR2', () => {
  if (collect) collect();
  process.stderr.write(`${collect ? GC_DONE_LINE : '[load-test] cannot collect: start node with --expose-gc'}\n`);
});
