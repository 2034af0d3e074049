/**
 * The study service's bounded, shared work, in-process on the REAL offline snapshot with a job
 * runner that counts (and, where a test needs it, holds) the computations: one per query and data
 * version for all three files, one for identical studies asked together, dropped once every client
 * has gone, and kept within its byte budget.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PricesResponse } from '../../../src/domain/price-api.ts';
import { createApp } from '../../../server/app.ts';
import { ClientGoneError } from '../../../server/errors.ts';
import { PriceService } from '../../../server/price-service.ts';
import type { PricesQuery } from '../../../server/request-validation.ts';
import { SnapshotSource } from '../../../server/sources/snapshot-source.ts';
import { createStudyService } from '../../../server/study-service.ts';
import { computeStudyJob, type StudyJob, type StudyJobResult } from '../../../server/study/study-job.ts';
import { PROJECT_ROOT } from '../../../server/versions.ts';

const NOW = new Date('2026-11-28T07:00:00.000Z');
const SNAPSHOT = new SnapshotSource(path.join(PROJECT_ROOT, 'data/snapshot'));

interface CountingRunner {
  runJob: (job: StudyJob, signal: AbortSignal) => Promise<StudyJobResult>;
  jobs: { job: StudyJob; signal: AbortSignal }[];
  /** Lets every held job compute (when the runner holds them). */
  release: () => void;
}

function countingRunner(hold = false): CountingRunner {
  let release: () => void = () => undefined;
  const gate = hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  const runner: CountingRunner = {
    jobs: [],
    release: () => release(),
    runJob: async (job, signal) => {
      runner.jobs.push({ job, signal });
      await gate;
      return computeStudyJob(job);
    },
  };
  return runner;
}

function appWith(runner: CountingRunner, studyCacheBytes?: number) {
  return createApp({ mode: 'snapshot', sources: { snapshot: SNAPSHOT }, runStudyJob: runner.runJob, studyCacheBytes, now: () => NOW });
}

describe('one study computation', () => {
  it('serves the CSV, the portfolio CSV and the manifest of a query from one computation, whatever the parameter order', async () => {
    const runner = countingRunner();
    const app = appWith(runner);
    const query = 'events=us-election-2024&securities=7011.T,7013.T&window=-5:10';
    const reordered = 'window=-5:10&securities=7011.T,7013.T&events=us-election-2024&focus=us-election-2024';
    for (const route of ['/api/study.csv', '/api/study-portfolio.csv', '/api/study-manifest.json']) {
      expect((await app.request(`${route}?${query}`)).status).toBe(200);
    }
    expect((await app.request(`/api/study.csv?${reordered}`)).status).toBe(200);
    expect(runner.jobs).toHaveLength(1);
    // Another study is another computation.
    await app.request('/api/study.csv?events=us-election-2024&securities=7011.T,7013.T&window=-5:11');
    expect(runner.jobs).toHaveLength(2);
  });

  it('shares one computation among identical studies asked at the same time', async () => {
    const runner = countingRunner(true);
    const app = appWith(runner);
    const answers = Promise.all(Array.from({ length: 10 }, (_, index) => app.request(index % 2 === 0 ? '/api/study.csv' : '/api/study-manifest.json')));
    await waitFor(() => runner.jobs.length === 1);
    runner.release();
    expect((await answers).map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(runner.jobs).toHaveLength(1);
  });

  it('aborts a shared computation only when its last client has gone', async () => {
    const runner = countingRunner(true);
    // Both clients must have joined before the first leaves. After its prices a client awaits only
    // the articles' catalogue, one promise that the first job's existence proves settled; so once
    // both price answers are out, the job exists, and a timer has run, both have joined.
    let pricesAnswered = 0;
    const prices = async (query: PricesQuery): Promise<PricesResponse> => {
      const answer = await snapshotPrices(query);
      pricesAnswered += 1;
      return answer;
    };
    const study = createStudyService({ prices, now: () => NOW, appVersion: 'test', runJob: runner.runJob });
    const [first, second] = [new AbortController(), new AbortController()];
    const answers = [study('', first.signal), study('', second.signal)].map((answer) => answer.catch((error: unknown) => error));
    await waitFor(() => pricesAnswered === 2 && runner.jobs.length > 0);
    expect(runner.jobs).toHaveLength(1);
    first.abort();
    expect(await answers[0]).toBeInstanceOf(ClientGoneError);
    expect(runner.jobs[0]?.signal.aborted).toBe(false);
    second.abort();
    expect(await answers[1]).toBeInstanceOf(ClientGoneError);
    expect(runner.jobs[0]?.signal.aborted).toBe(true);
    // A request after that starts afresh rather than joining the abandoned computation.
    const fresh = study('');
    await waitFor(() => runner.jobs.length === 2);
    expect(runner.jobs[1]?.signal.aborted).toBe(false);
    runner.release();
    expect((await fresh).files).toBeDefined();
  });

  it('builds the PowerPoint deck in a job of its own, only when it is asked for, once per query, guardrail choice and group test', async () => {
    const runner = countingRunner();
    const app = appWith(runner);
    const query = 'events=us-election-2024&securities=7011.T,7013.T';
    expect((await app.request(`/api/study.csv?${query}`)).status).toBe(200);
    expect(runner.jobs.map((item) => item.job.part)).toEqual(['tables']);
    for (let twice = 0; twice < 2; twice += 1) expect((await app.request(`/api/study.pptx?${query}`)).status).toBe(200);
    expect((await app.request(`/api/study-manifest.json?${query}&test=patellZ`)).status).toBe(200);
    expect(runner.jobs.map((item) => item.job.part)).toEqual(['tables', 'deck']);
    // The deck names the group test, so another test is another deck.
    expect((await app.request(`/api/study.pptx?${query}&test=patellZ`)).status).toBe(200);
    expect(runner.jobs.map((item) => [item.job.part, item.job.selection])).toEqual([
      ['tables', 'auto'],
      ['deck', 'auto'],
      ['deck', 'patellZ'],
    ]);
    // The guardrails' choices change the numbers of every part, the deck's included.
    expect((await app.request(`/api/study.pptx?${query}&contamination=exclude`)).status).toBe(200);
    expect((await app.request(`/api/study.pptx?events=us-election-2024,ishiba-trump-call-2024&securities=7011.T,7013.T&overlap=cluster`)).status).toBe(200);
    expect((await app.request(`/api/study.pptx?events=us-election-2024,ishiba-trump-call-2024&securities=7011.T,7013.T`)).status).toBe(200);
    expect(runner.jobs.map((item) => [item.job.part, item.job.query.contamination, item.job.query.overlap]).slice(3)).toEqual([
      ['deck', 'exclude', 'separate'],
      ['deck', 'keep', 'cluster'],
      ['deck', 'keep', 'separate'],
    ]);
  });

  it('gives each waiting client ClientGoneError when it leaves', async () => {
    const runner = countingRunner(true);
    const study = createStudyService({ prices: snapshotPrices, now: () => NOW, appVersion: 'test', runJob: runner.runJob });
    const controller = new AbortController();
    const waiting = study('', controller.signal);
    await waitFor(() => runner.jobs.length === 1);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(ClientGoneError);
    runner.release();
  });

  it('keeps computed studies within its byte budget', async () => {
    const runner = countingRunner();
    // Smaller than one study's files: nothing can be kept, so each request computes.
    const app = appWith(runner, 1_000);
    await app.request('/api/study.csv');
    await app.request('/api/study.csv');
    expect(runner.jobs).toHaveLength(2);
  });

  it('computes again when the prices change (a new fetch is a new data version), not otherwise', async () => {
    const runner = countingRunner();
    let fetchedAt = '2026-11-28T07:00:00.000Z';
    const prices = async (query: PricesQuery): Promise<PricesResponse> => {
      const answer = await snapshotPrices(query);
      return { ...answer, series: answer.series.map((series) => ({ ...series, source: 'live' as const, fetchedAt })) };
    };
    const study = createStudyService({ prices, now: () => NOW, appVersion: 'test', runJob: runner.runJob });
    await study('');
    await study('');
    expect(runner.jobs).toHaveLength(1);
    fetchedAt = '2026-11-28T13:00:00.000Z';
    const answer = await study('');
    expect(runner.jobs).toHaveLength(2);
    // Live prices: the files are not marked for revalidation.
    expect(answer.snapshotBacked).toBe(false);
  });
});

const snapshotService = new PriceService({ mode: 'snapshot', snapshot: SNAPSHOT, live: undefined, cache: undefined, now: () => NOW, cacheTtlMs: 1, log: () => undefined });

function snapshotPrices(query: PricesQuery): Promise<PricesResponse> {
  return snapshotService.prices(query);
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 10_000) throw new Error('the condition did not come true within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
