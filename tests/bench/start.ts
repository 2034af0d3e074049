/**
 * Start-up benchmark: a second `npm start` with nothing changed (the build is up to date, so it
 * only checks that and runs the compiled server), timed from spawn until GET /api/health answers
 * 200, as someone restarting the dashboard waits for it; and the compiled server started directly
 * with node, for comparison. Offline snapshot, a fresh temporary cache folder, a free port.
 * Target (issue 15): under 1.5 s (median). Timings are printed, never asserted.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listeningUrl } from '../e2e/helpers/harness.ts';
import { PROJECT_ROOT } from '../reliability/helpers/server-process.ts';
import type { Bench } from './bench';

const ROUNDS = 7;
const TARGET_MS = 1_500;

interface Start {
  label: string;
  command: string;
  args: string[];
  timings: number[];
}

/**
 * The start-up benchmark (needs an up-to-date build, which `npm run bench` makes first).
 * @throws Error when a server does not start within 30 s or /api/health does not answer 200.
 * @example await startBench.run()
 */
export const startBench: Bench = {
  name: `Server start with nothing to rebuild, spawn → first 200 from /api/health (offline snapshot; ${ROUNDS} rounds after 1 warm-up)`,
  columns: ['command', 'runs', 'median ms', 'min ms', 'max ms', 'target', 'verdict'],
  async run() {
    const starts: Start[] = [
      { label: 'npm start', command: 'npm', args: ['start'], timings: [] },
      { label: 'node dist/server/main.js', command: process.execPath, args: ['dist/server/main.js'], timings: [] },
    ];
    for (let round = 0; round <= ROUNDS; round += 1) {
      for (const start of starts) {
        const elapsed = await untilHealthy(start);
        if (round > 0) start.timings.push(elapsed);
      }
    }
    return starts.map((start, index) => {
      const sorted = [...start.timings].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
      const judged = index === 0;
      return [
        start.label,
        String(sorted.length),
        median.toFixed(0),
        (sorted[0] ?? NaN).toFixed(0),
        (sorted[sorted.length - 1] ?? NaN).toFixed(0),
        judged ? `< ${TARGET_MS} ms` : '',
        judged ? (median < TARGET_MS ? 'PASS' : 'MISS') : '',
      ];
    });
  },
};

/** Milliseconds from spawn to the first 200 from /api/health; the server is stopped before it returns. */
async function untilHealthy(start: Start): Promise<number> {
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'kabuto-start-bench-'));
  const began = performance.now();
  // Its own process group, so that npm, its shell and the server all receive the stop signal.
  const child = spawn(start.command, start.args, {
    cwd: PROJECT_ROOT,
    detached: true,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PRICE_SOURCE: 'snapshot', KABUTO_CACHE_DIR: cacheDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const url = await listeningUrl(child);
    const response = await fetch(`${url}/api/health`);
    if (response.status !== 200) throw new Error(`${start.label}: /api/health answered ${response.status}`);
    return performance.now() - began;
  } finally {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
    await rm(cacheDir, { recursive: true, force: true });
  }
}
