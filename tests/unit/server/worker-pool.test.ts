/**
 * The worker pool on real worker threads (tests/unit/server/helpers/test-worker.ts, and the real
 * study worker): parallelism capped at its size, the event loop free while jobs run, a short queue
 * with a fast 503 beyond it, queued jobs dropped when their client goes, recovery from a dead worker.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEventCatalog } from '../../../src/domain/event-catalog.ts';
import { parseStudyQuery } from '../../../src/application/study-query.ts';
import { studyPlan } from '../../../src/application/study-plan.ts';
import { ClientGoneError, ServerBusyError } from '../../../server/errors.ts';
import { toErrorResponse } from '../../../server/error-response.ts';
import { PriceService } from '../../../server/price-service.ts';
import { pricesResponseBody } from '../../../server/prices-json.ts';
import { SnapshotSource } from '../../../server/sources/snapshot-source.ts';
import { computeStudyJob, type StudyJob, type StudyJobResult } from '../../../server/study/study-job.ts';
import { STUDY_WORKER_SOURCE, workerLaunch } from '../../../server/study/study-worker-location.ts';
import { WorkerPool, WorkerStoppedError, type WorkerPoolOptions } from '../../../server/study/worker-pool.ts';
import { deckParts } from './helpers/deck-parts.ts';
import { PROJECT_ROOT } from '../../../server/versions.ts';
import type { TestJob, TestJobDone } from './helpers/test-worker.ts';

const TEST_WORKER = new URL('./helpers/test-worker.ts', import.meta.url);
const pools: WorkerPool<unknown, unknown>[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function testPool(options: Partial<WorkerPoolOptions> = {}): WorkerPool<TestJob, TestJobDone> {
  const pool = new WorkerPool<TestJob, TestJobDone>({ ...workerLaunch(TEST_WORKER), size: 2, queueLimit: 4, what: 'test jobs', ...options });
  pools.push(pool as WorkerPool<unknown, unknown>);
  return pool;
}

/** The longest gap between ticks of a 10 ms timer while `work` runs: how long the event loop was blocked. */
async function longestTimerGap(work: Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  await work;
  clearInterval(timer);
  return longest;
}

describe('WorkerPool', () => {
  it('runs at most `size` jobs at once, each on a thread of its own', async () => {
    const pool = testPool({ size: 2 });
    const done = await Promise.all(Array.from({ length: 5 }, () => pool.run({ ms: 200 })));
    expect(new Set(done.map((job) => job.threadId)).size).toBe(2);
    const overlapping = (at: number) => done.filter((job) => job.startMs <= at && at < job.endMs).length;
    expect(Math.max(...done.map((job) => overlapping(job.startMs)))).toBe(2);
  });

  it('keeps the event loop free while jobs hold the CPU', async () => {
    const pool = testPool({ size: 2 });
    await Promise.all([pool.run({ ms: 1 }), pool.run({ ms: 1 })]);
    const jobs = Promise.all([pool.run({ ms: 2_000, busy: true }), pool.run({ ms: 2_000, busy: true })]);
    // Run on this thread, the jobs would block the loop for 4 s; on workers, the timer keeps ticking.
    expect(await longestTimerGap(jobs)).toBeLessThan(1_000);
  });

  it('refuses at once with ServerBusyError (503 + Retry-After) when every worker is busy and the queue is full', async () => {
    const pool = testPool({ size: 1, queueLimit: 1 });
    const running = pool.run({ ms: 300 });
    const queued = pool.run({ ms: 1 });
    const refused = await pool.run({ ms: 1 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServerBusyError);
    const response = toErrorResponse(refused);
    expect(response.status).toBe(503);
    expect(Number(response.headers['Retry-After'])).toBeGreaterThanOrEqual(1);
    // Refused while the first job still runs: it did not wait for a worker.
    expect(pool.load).toMatchObject({ running: 1, queued: 1 });
    await Promise.all([running, queued]);
  });

  it('drops a queued job whose signal aborts, so it never runs', async () => {
    const pool = testPool({ size: 1 });
    const running = pool.run({ ms: 300 });
    const controller = new AbortController();
    const abandoned = pool.run({ ms: 10_000 }, controller.signal);
    expect(pool.load).toMatchObject({ running: 1, queued: 1 });
    controller.abort();
    await expect(abandoned).rejects.toBeInstanceOf(ClientGoneError);
    expect(pool.load).toMatchObject({ running: 1, queued: 0 });
    const started = performance.now();
    await running;
    // The worker is free for the next job at once, not after the abandoned ten seconds.
    await pool.run({ ms: 1 });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('fails the job of a worker that dies, logs it, and starts another worker for the next job', async () => {
    const log: string[] = [];
    const pool = testPool({ size: 1, log: (line) => log.push(line) });
    const queuedBehind = pool.run({ ms: 1 });
    const died = pool.run({ ms: 1, exit: true });
    await queuedBehind;
    const error = await died.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkerStoppedError);
    expect(log).toEqual(['workers: a test jobs worker stopped (exit code 3); the next job starts another']);
    expect((await pool.run({ ms: 1 })).threadId).toBeGreaterThan(0);
    await expect(pool.run({ ms: 1, fail: true })).rejects.toThrow('the test job failed as asked');
  });

  it('stops a worker that has been idle for idleMs, and starts a new one for the next job', async () => {
    const pool = testPool({ size: 1, idleMs: 100 });
    const first = await pool.run({ ms: 1 });
    expect(pool.load.idle).toBe(1);
    for (let waited = 0; pool.load.idle > 0 && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pool.load).toEqual({ running: 0, queued: 0, idle: 0 });
    const second = await pool.run({ ms: 1 });
    expect(second.threadId).not.toBe(first.threadId);
  });
});

describe('the study worker', () => {
  it('gives the same files, byte for byte, as the computation run in this thread', async () => {
    const catalog = readEventCatalog(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data/events.json'), 'utf8')));
    const query = parseStudyQuery('', { catalogEventIds: catalog.events.map((event) => event.id) }).query.study;
    const plan = studyPlan(query, catalog.events);
    const prices = await new PriceService({
      mode: 'snapshot',
      snapshot: new SnapshotSource(path.join(PROJECT_ROOT, 'data/snapshot')),
      live: undefined,
      cache: undefined,
      now: () => new Date(),
      cacheTtlMs: 1,
      log: () => undefined,
    }).prices({ symbols: plan.symbols, from: plan.range?.from ?? '', to: plan.range?.to ?? '' });
    const job: StudyJob = { part: 'tables', query, selection: 'auto', catalogEvents: catalog.events, claims: [], pricesJson: pricesResponseBody(prices), appVersion: 'test', generatedAt: '2026-11-28T07:00:00.000Z' };
    const pool = new WorkerPool<StudyJob, StudyJobResult>({ ...workerLaunch(STUDY_WORKER_SOURCE), size: 1, queueLimit: 0, what: 'studies' });
    pools.push(pool as WorkerPool<unknown, unknown>);
    const [inWorker, inThread] = await Promise.all([pool.run(job), computeStudyJob(job)]);
    expect(inWorker.computable).toBe(true);
    expect(inWorker).toEqual(inThread);
    // The deck carries the time it was written and pptxgenjs's per-process chart numbers: its parts are compared.
    const deckJob: StudyJob = { ...job, part: 'deck' };
    const [deckInWorker, deckInThread] = await Promise.all([pool.run(deckJob), computeStudyJob(deckJob)]);
    if (!deckInWorker.computable || !deckInThread.computable) throw new Error('the default deck did not compute');
    expect(deckInWorker.files.map((file) => file.name)).toEqual([expect.stringMatching(/^kabuto-us-election-2024-[0-9a-f]{8}-deck\.pptx$/)]);
    expect(await deckParts(deckInWorker.files[0]?.body ?? new Uint8Array())).toEqual(await deckParts(deckInThread.files[0]?.body ?? new Uint8Array()));
  });
});
