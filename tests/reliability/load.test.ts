/**
 * The load test (tests/bench/load.ts) as a test: the real server under autocannon must answer
 * every request with a 2xx, without connection errors or timeouts, and its resident memory must
 * end within 20% of where it started. Timings are printed, never asserted.
 *
 * Short form (npm test): 1 s per target, a smoke run of the same path. Full form
 * (KABUTO_RELIABILITY=full, `npm run test:reliability`): the 20-second run of the issue.
 * Needs the built app and server: dist/ (vitest's global setup builds them) or KABUTO_STATIC_DIR.
 */
import { describe, expect, it } from 'vitest';
import { defaultStaticDir, formatLoadReport, loadProblems, runLoadTest } from '../bench/load.ts';

const FULL = process.env.KABUTO_RELIABILITY === 'full';
const DURATION_SECONDS = FULL ? 20 : 1;
const WARM_UP_SECONDS = FULL ? 2 : 1;
const SETTLE_MS = FULL ? 1_000 : 500;
/** Server start, warm-up, two runs and settling, with room for a busy machine. */
const TEST_TIMEOUT_MS = (2 * (DURATION_SECONDS + WARM_UP_SECONDS)) * 1_000 + 2 * SETTLE_MS + 60_000;

describe(`load (${FULL ? 'full' : 'short'} form: ${DURATION_SECONDS} s per target)`, () => {
  it(
    'answers a cached /api/prices call and the static app under load with 0 errors, 0 non-2xx and no memory growth beyond 20%',
    async () => {
      const report = await runLoadTest({ durationSeconds: DURATION_SECONDS, connections: 10, staticDir: defaultStaticDir(), warmUpSeconds: WARM_UP_SECONDS, settleMs: SETTLE_MS });
      for (const line of formatLoadReport(report)) console.info(line);
      expect(loadProblems(report)).toEqual([]);
      expect(report.figures.map((figures) => figures.requests > 0)).toEqual([true, true]);
    },
    TEST_TIMEOUT_MS,
  );
});
