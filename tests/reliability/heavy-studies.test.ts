/**
 * Issue 11, finding 2: a valid but heavy study (the 845-byte query: 13 series, 14 events,
 * estimation [-800, -201], window [-200, 60], 10 CAR windows) cost 1–1.5 s of CPU, blocked every
 * other request, was recomputed for each of its files, and kept computing after its client left.
 * Against the REAL server process on the offline snapshot, with two study workers and a queue of
 * three (one worker on a one-core machine): the heavy study is computed once for its three files; twenty of them at once get a
 * correct answer or a fast 503 with Retry-After while /api/health keeps answering; abandoned
 * studies are dropped. Latencies are printed, never asserted (npm run bench -- load measures them).
 */
import { availableParallelism } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heavyStudyQuery } from './helpers/heavy-study.ts';
import { cpuSeconds, MAIN_ENTRY, startServerProcess, type ServerProcess } from './helpers/server-process.ts';
import { tempRoot } from './helpers/temp-folders.ts';

/** Two, or one on a one-core machine (the server runs at most one study per core). */
const WORKERS = Math.min(2, availableParallelism());
const QUEUE = 3;
const TEST_TIMEOUT_MS = 120_000;

let server: ServerProcess;
let pid: number;

beforeAll(async () => {
  const root = await tempRoot('heavy');
  server = await startServerProcess(MAIN_ENTRY, { PRICE_SOURCE: 'snapshot', KABUTO_CACHE_DIR: `${root}/cache`, KABUTO_STUDY_WORKERS: String(WORKERS), KABUTO_STUDY_QUEUE: String(QUEUE) });
  pid = server.child.pid ?? 0;
});

afterAll(async () => {
  await server?.stop();
});

/** The server's CPU seconds spent while `work` ran. */
async function cpuOf(work: () => Promise<unknown>): Promise<number> {
  const before = await cpuSeconds(pid);
  await work();
  return (await cpuSeconds(pid)) - before;
}

async function body(url: string, init?: RequestInit): Promise<{ status: number; bytes: number; retryAfter: string | null }> {
  const response = await fetch(url, init);
  const bytes = (await response.arrayBuffer()).byteLength;
  return { status: response.status, bytes, retryAfter: response.headers.get('retry-after') };
}

describe('finding 2: heavy studies', () => {
  it('computes the heavy study once for its CSV, portfolio CSV and manifest', async () => {
    const query = heavyStudyQuery();
    let csv = { status: 0, bytes: 0, retryAfter: null as string | null };
    const computing = await cpuOf(async () => (csv = await body(`${server.url}/api/study.csv?${query}`)));
    expect(csv.status).toBe(200);
    expect(csv.bytes).toBeGreaterThan(5_000_000);
    const reusing = await cpuOf(async () => {
      for (const route of ['/api/study-portfolio.csv', '/api/study-manifest.json', '/api/study.csv']) expect((await body(`${server.url}${route}?${query}`)).status).toBe(200);
    });
    console.info(`heavy study: ${csv.bytes} bytes of CSV; server CPU ${computing.toFixed(2)} s to compute, ${reusing.toFixed(2)} s for its three files again`);
    // Recomputing even one of them would cost about as much as the first answer.
    expect(reusing).toBeLessThan(computing / 4);
  }, TEST_TIMEOUT_MS);

  it('answers 20 distinct heavy studies at once with files or a fast 503 + Retry-After, while /api/health keeps answering', async () => {
    let sampling = true;
    const health: { status: number; ms: number }[] = [];
    const sampler = (async () => {
      while (sampling) {
        const started = performance.now();
        const { status } = await body(`${server.url}/api/health`);
        health.push({ status, ms: performance.now() - started });
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const answer = await body(`${server.url}/api/study.csv?${heavyStudyQuery(index + 1)}`);
        return { ...answer, ms: performance.now() - started };
      }),
    );
    sampling = false;
    await sampler;
    const done = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status === 503);
    const slowest = (items: { ms: number }[]) => Math.max(...items.map((item) => item.ms)).toFixed(0);
    console.info(
      `20 heavy studies: ${done.length} answered (last after ${slowest(done)} ms), ${refused.length} refused with 503 (last after ${slowest(refused)} ms); ` +
        `/api/health answered ${health.length} times, slowest ${slowest(health)} ms`,
    );
    expect(done.length + refused.length).toBe(20);
    // Two running and three waiting when the twenty arrive; more only if some finished meanwhile.
    expect(done.length).toBeGreaterThanOrEqual(WORKERS + QUEUE);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of done) expect(answer.bytes).toBeGreaterThan(5_000_000);
    for (const answer of refused) expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((answer) => answer.status === 200)).toBe(true);
    expect(server.child.exitCode).toBeNull();
  }, TEST_TIMEOUT_MS);

  it('drops the studies whose clients have gone instead of computing them', async () => {
    // One study's cost, measured on this machine now.
    const one = await cpuOf(() => body(`${server.url}/api/study.csv?${heavyStudyQuery(40)}`));
    // These keep every worker busy; three more wait in the queue, and their clients leave.
    const kept = Array.from({ length: WORKERS }, (_, index) => body(`${server.url}/api/study.csv?${heavyStudyQuery(41 + index)}`));
    const clients = [43, 44, 45].map(() => new AbortController());
    const abandoned = clients.map((client, index) => body(`${server.url}/api/study.csv?${heavyStudyQuery(43 + index)}`, { signal: client.signal }).catch(() => 'aborted'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const client of clients) client.abort();
    expect(await Promise.all(abandoned)).toEqual(['aborted', 'aborted', 'aborted']);
    await Promise.all(kept);
    // Had the three abandoned studies been computed, the server would now spend about 3 × `one`.
    const afterwards = await cpuOf(() => new Promise((resolve) => setTimeout(resolve, 3_000)));
    console.info(`abandoned studies: one study costs ${one.toFixed(2)} s of CPU; after the kept ones finished, the server used ${afterwards.toFixed(2)} s in 3 s`);
    expect(afterwards).toBeLessThan(one);
    // They were dropped, not computed and kept: asking one again computes it now.
    const again = await cpuOf(() => body(`${server.url}/api/study.csv?${heavyStudyQuery(43)}`));
    expect(again).toBeGreaterThan(one / 4);
  }, TEST_TIMEOUT_MS);
});
