/**
 * Load test of the real price server on 127.0.0.1, in two parts.
 *
 * 1. autocannon (a real HTTP load generator) on a cached `/api/prices` call and the static app,
 *    one after the other.
 * 2. Issue 11's heavy studies: 20 distinct copies of the heaviest valid study (finding 2) asked at
 *    once, while `/api/health` and the cached `/api/prices` call are timed one request after
 *    another; before that, the heavy study's CSV cold and its other two files after it. The
 *    server's resident memory before, at its peak, after, and once its idle study workers stopped.
 *
 *   node --import tsx tests/bench/load.ts [--duration 20] [--connections 10] [--studies 20]
 *
 * Needs the built app and server (npm run build): dist/app/, or the folder named by
 * KABUTO_STATIC_DIR. Prints requests per second and p50/p99 latency against the targets (printed,
 * never asserted: timings depend on the machine), and exits 1 when a correctness bound fails: any
 * error, timeout or non-2xx answer of part 1, or the server's resident memory after it more than
 * 20% above its level before; in part 2, an answer that is neither the study nor 503 with
 * Retry-After, or a failed health check.
 */
import { request as httpRequest } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { heavyStudyQuery } from '../reliability/helpers/heavy-study.ts';
import { cpuSeconds, MAIN_ENTRY, PROJECT_ROOT, residentBytes, startServerProcess, type ServerProcess } from '../reliability/helpers/server-process.ts';
import type { Bench } from './bench.ts';

/** The part of autocannon's result this script reads (autocannon ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: { url: string; connections: number; duration: number; pipelining: number }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** One URL loaded in turn, with the targets for it when it sets some. */
export interface LoadTarget {
  name: string;
  path: string;
  /** Printed next to the figures; undefined when the issue sets no target. */
  target?: { requestsPerSecond: number; p99Ms: number };
}

/** The cached price call of the README example (plus TOPIX) and the static app. */
export const LOAD_TARGETS: readonly LoadTarget[] = [
  {
    name: 'cached /api/prices (7011.T, 7013.T, TOPIX, 2023-01-01 to 2025-03-31)',
    path: '/api/prices?symbols=7011.T,7013.T,TOPIX&from=2023-01-01&to=2025-03-31',
    target: { requestsPerSecond: 2_000, p99Ms: 20 },
  },
  { name: 'static app /', path: '/' },
];

/** The figures of one target's run. */
export interface LoadFigures {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** CPU time the server process used per request answered, in microseconds: a figure that depends far less on what else the machine runs than req/s does. */
  serverCpuMicrosecondsPerRequest: number;
  target?: LoadTarget['target'];
}

/** A whole load run: every target's figures and the server's memory before and after. */
export interface LoadReport {
  durationSeconds: number;
  connections: number;
  figures: LoadFigures[];
  /** Server RSS after the warm-up and a full garbage collection, before the measured runs. */
  rssBeforeBytes: number;
  /** Server RSS after the measured runs and a full garbage collection. */
  rssAfterBytes: number;
}

/** How to run the load test. */
export interface LoadOptions {
  durationSeconds: number;
  connections: number;
  /** The built app to serve. */
  staticDir: string;
  /** Untimed load per target before the "before" memory reading (default 2). */
  warmUpSeconds?: number;
  /** Idle time before each memory reading, in ms (default 1,000), so answers in flight have finished. */
  settleMs?: number;
  log?: (line: string) => void;
}

/** What the server's gc-on-signal.ts preload writes to stderr once a collection asked for is done. */
const GC_DONE_LINE = '[load-test] full garbage collection done';
/** Node flags that let the load test ask the server for a full garbage collection before reading its memory. */
const GC_PRELOAD = ['--expose-gc', '--import', './tests/reliability/helpers/gc-on-signal.ts'];

/** Allowed growth of the server's resident memory over the run. */
export const MAX_MEMORY_GROWTH = 0.2;

/**
 * Starts the real server (compiled, dist/server/main.js; offline snapshot, a fresh temporary cache
 * folder), warms it (first requests fill the in-memory caches; a short untimed load lets the JIT and the
 * heap settle), then runs autocannon for `durationSeconds` against each of LOAD_TARGETS.
 * @throws Error when the server does not start or a target does not answer 200 before the load.
 * @example const report = await runLoadTest({ durationSeconds: 5, connections: 10, staticDir: 'dist/app' })
 */
export async function runLoadTest(options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? (() => undefined);
  const warmUpSeconds = options.warmUpSeconds ?? 2;
  const settleMs = options.settleMs ?? 1_000;
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'kabuto-load-cache-'));
  const server = await startServerProcess(MAIN_ENTRY, { PRICE_SOURCE: 'snapshot', KABUTO_CACHE_DIR: cacheDir, KABUTO_STATIC_DIR: options.staticDir }, GC_PRELOAD);
  try {
    const pid = server.child.pid ?? 0;
    for (const target of LOAD_TARGETS) await expectOk(server.url + target.path);
    log(`warming up for ${warmUpSeconds} s per target`);
    for (const target of LOAD_TARGETS) await autocannon({ url: server.url + target.path, connections: options.connections, duration: warmUpSeconds, pipelining: 1 });
    const rssBeforeBytes = await residentBytesAfterGc(server, settleMs);
    const figures: LoadFigures[] = [];
    for (const target of LOAD_TARGETS) {
      log(`loading ${target.name} for ${options.durationSeconds} s with ${options.connections} connections`);
      const cpuBefore = await cpuSeconds(pid);
      const result = await autocannon({ url: server.url + target.path, connections: options.connections, duration: options.durationSeconds, pipelining: 1 });
      figures.push(toFigures(target, result, (await cpuSeconds(pid)) - cpuBefore));
    }
    const rssAfterBytes = await residentBytesAfterGc(server, settleMs);
    return { durationSeconds: options.durationSeconds, connections: options.connections, figures, rssBeforeBytes, rssAfterBytes };
  } finally {
    await server.stop();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/**
 * The correctness bounds a load run broke (empty when none): errors, timeouts, non-2xx answers,
 * memory growth beyond MAX_MEMORY_GROWTH. Timing targets are not among them.
 * @example loadProblems(report) // []
 */
export function loadProblems(report: LoadReport): string[] {
  const problems = report.figures.flatMap((figures) =>
    [
      figures.errors > 0 ? `${figures.name}: ${figures.errors} connection errors` : '',
      figures.timeouts > 0 ? `${figures.name}: ${figures.timeouts} timeouts` : '',
      figures.non2xx > 0 ? `${figures.name}: ${figures.non2xx} non-2xx answers` : '',
      figures.requests === 0 ? `${figures.name}: no request completed` : '',
    ].filter(Boolean),
  );
  const growth = report.rssAfterBytes / report.rssBeforeBytes - 1;
  if (growth > MAX_MEMORY_GROWTH) problems.push(`server memory grew ${percent(growth)} (limit ${percent(MAX_MEMORY_GROWTH)})`);
  return problems;
}

/**
 * The report as printable lines: one per target, then memory.
 * @example formatLoadReport(report).forEach((line) => console.log(line))
 */
export function formatLoadReport(report: LoadReport): string[] {
  const lines = [`autocannon, ${report.durationSeconds} s per target, ${report.connections} connections, Node ${process.version}, server on 127.0.0.1`];
  for (const figures of report.figures) {
    lines.push(
      `${figures.name}: ${figures.requestsPerSecond.toFixed(0)} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, ` +
        `${figures.requests} requests, ${figures.errors} errors, ${figures.timeouts} timeouts, ${figures.non2xx} non-2xx, ` +
        `server CPU ${figures.serverCpuMicrosecondsPerRequest.toFixed(0)} µs/request`,
    );
    if (figures.target) {
      const { requestsPerSecond, p99Ms } = figures.target;
      lines.push(
        `  target: >= ${requestsPerSecond} req/s (${figures.requestsPerSecond >= requestsPerSecond ? 'met' : 'MISSED'}), ` +
          `p99 < ${p99Ms} ms (${figures.p99Ms < p99Ms ? 'met' : 'MISSED'})`,
      );
    }
  }
  const growth = report.rssAfterBytes / report.rssBeforeBytes - 1;
  lines.push(`server RSS: ${megabytes(report.rssBeforeBytes)} MB before, ${megabytes(report.rssAfterBytes)} MB after (${growth >= 0 ? '+' : ''}${percent(growth)}; limit +${percent(MAX_MEMORY_GROWTH)})`);
  return lines;
}

/** A table for `npm run bench` (tests/bench/run.ts): 20 s per target, 10 connections, then 20 heavy studies. */
export const loadBench: Bench = {
  name: 'Price server under load (autocannon, 20 s per target, 10 connections; then 20 heavy studies at once)',
  columns: ['target', 'req/s', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'errors', 'non-2xx'],
  async run() {
    const report = await runLoadTest({ durationSeconds: 20, connections: 10, staticDir: defaultStaticDir() });
    const heavy = await runHeavyStudyLoad({ studies: 20, staticDir: defaultStaticDir() });
    for (const line of [...formatLoadReport(report).slice(-1), ...formatHeavyReport(heavy)]) console.log(line);
    const steady = report.figures.map((figures) => [
      figures.name,
      figures.requestsPerSecond.toFixed(0),
      String(figures.p50Ms),
      String(figures.p99Ms),
      figures.serverCpuMicrosecondsPerRequest.toFixed(0),
      String(figures.errors + figures.timeouts),
      String(figures.non2xx),
    ]);
    const during = (name: string, latency: Latency) => [`${name} while ${heavy.studies} heavy studies run`, '-', latency.p50Ms.toFixed(1), latency.p99Ms.toFixed(1), '-', String(latency.failures), '-'];
    return [...steady, during('/api/health', heavy.health), during('cached /api/prices', heavy.prices)];
  },
};

/** Latencies of requests sent one after another. */
export interface Latency {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers other than 200. */
  failures: number;
}

/** What part 2 measured. */
export interface HeavyLoadReport {
  studies: number;
  /** The heavy study's CSV, computed cold (its worker started first). */
  coldCsvMs: number;
  /** Its portfolio CSV and manifest, asked after the CSV. */
  otherFilesMs: number;
  answered: number;
  refused: number;
  /** Answers that were neither the study nor 503 with Retry-After. */
  wrong: number;
  /** From the first request to the last answer. */
  allAnsweredMs: number;
  slowestRefusalMs: number;
  health: Latency;
  prices: Latency;
  rss: { beforeBytes: number; peakBytes: number; afterBytes: number; idleBytes: number };
}

/** How long part 2 waits for the idle study workers to stop (the pool stops them after 15 s). */
const WORKER_RETIREMENT_WAIT_MS = 25_000;

/**
 * Part 2: starts the real server on the offline snapshot, asks the heavy study's CSV cold and its
 * other files after it, then `studies` distinct heavy studies at once (node:http, bodies drained
 * unread, so the client costs little CPU) while /api/health and a cached /api/prices call are timed
 * back to back, and reads the server's memory before, during, after and once idle.
 * @throws Error when the server does not start.
 * @example const heavy = await runHeavyStudyLoad({ studies: 20, staticDir: 'dist/app' })
 */
export async function runHeavyStudyLoad(options: { studies: number; staticDir: string; log?: (line: string) => void }): Promise<HeavyLoadReport> {
  const log = options.log ?? (() => undefined);
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'kabuto-load-cache-'));
  const server = await startServerProcess(MAIN_ENTRY, { PRICE_SOURCE: 'snapshot', KABUTO_CACHE_DIR: cacheDir, KABUTO_STATIC_DIR: options.staticDir }, GC_PRELOAD);
  try {
    const pid = server.child.pid ?? 0;
    const pricesPath = LOAD_TARGETS[0]?.path ?? '';
    await expectOk(server.url + pricesPath);
    await expectOk(`${server.url}/api/health`);
    const beforeBytes = await residentBytesAfterGc(server, 500);

    log('heavy study: CSV cold, then its portfolio CSV and manifest');
    const coldCsvMs = (await drained(`${server.url}/api/study.csv?${heavyStudyQuery()}`)).ms;
    const portfolio = await drained(`${server.url}/api/study-portfolio.csv?${heavyStudyQuery()}`);
    const manifest = await drained(`${server.url}/api/study-manifest.json?${heavyStudyQuery()}`);

    log(`${options.studies} distinct heavy studies at once, /api/health and ${pricesPath} timed meanwhile`);
    let peakBytes = beforeBytes;
    const memory = setInterval(() => void residentBytes(pid).then((bytes) => (peakBytes = Math.max(peakBytes, bytes)), () => undefined), 100);
    let running = true;
    const health: Timed[] = [];
    const prices: Timed[] = [];
    const sampler = (async () => {
      while (running) {
        health.push(await drained(`${server.url}/api/health`));
        prices.push(await drained(server.url + pricesPath));
        await sleep(10);
      }
    })();
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: options.studies }, async (_, index) => {
        const answer = await drained(`${server.url}/api/study.csv?${heavyStudyQuery(index + 1)}`);
        return { ...answer, ms: performance.now() - started };
      }),
    );
    running = false;
    await sampler;
    clearInterval(memory);
    const afterBytes = await residentBytesAfterGc(server, 500);
    log('waiting for the idle study workers to stop');
    await sleep(WORKER_RETIREMENT_WAIT_MS);
    const idleBytes = await residentBytesAfterGc(server, 0);

    const answered = answers.filter((answer) => answer.status === 200 && answer.bytes > 1_000_000);
    const refused = answers.filter((answer) => answer.status === 503 && Number(answer.retryAfter) >= 1);
    return {
      studies: options.studies,
      coldCsvMs,
      otherFilesMs: portfolio.ms + manifest.ms,
      answered: answered.length,
      refused: refused.length,
      wrong: options.studies - answered.length - refused.length,
      allAnsweredMs: Math.max(...answers.map((answer) => answer.ms)),
      slowestRefusalMs: Math.max(0, ...refused.map((answer) => answer.ms)),
      health: latency(health),
      prices: latency(prices),
      rss: { beforeBytes, peakBytes, afterBytes, idleBytes },
    };
  } finally {
    await server.stop();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/**
 * The correctness bounds part 2 broke (empty when none): wrong answers, failed health checks or
 * cached price calls. Timings and memory are printed, not bounded: a study cache filling is the point.
 * @example heavyLoadProblems(report) // []
 */
export function heavyLoadProblems(report: HeavyLoadReport): string[] {
  return [
    report.wrong > 0 ? `${report.wrong} heavy studies got neither the study nor 503 with Retry-After` : '',
    report.health.failures > 0 ? `/api/health failed ${report.health.failures} times during the heavy studies` : '',
    report.prices.failures > 0 ? `cached /api/prices failed ${report.prices.failures} times during the heavy studies` : '',
  ].filter(Boolean);
}

/**
 * Part 2 as printable lines.
 * @example formatHeavyReport(report).forEach((line) => console.log(line))
 */
export function formatHeavyReport(report: HeavyLoadReport): string[] {
  const met = (latency: Latency) => (latency.p99Ms < HEAVY_TARGET_P99_MS ? 'met' : 'MISSED');
  const { rss } = report;
  return [
    `heavy study (issue 11 finding 2): CSV cold ${report.coldCsvMs.toFixed(0)} ms; its portfolio CSV and manifest after it ${report.otherFilesMs.toFixed(0)} ms together (one computation)`,
    `${report.studies} distinct heavy studies at once: ${report.answered} answered (the last after ${report.allAnsweredMs.toFixed(0)} ms), ` +
      `${report.refused} refused with 503 + Retry-After (the last after ${report.slowestRefusalMs.toFixed(0)} ms), ${report.wrong} wrong`,
    `  /api/health meanwhile: ${report.health.count} requests, p50 ${report.health.p50Ms.toFixed(1)} ms, p99 ${report.health.p99Ms.toFixed(1)} ms, max ${report.health.maxMs.toFixed(1)} ms (target p99 < ${HEAVY_TARGET_P99_MS} ms: ${met(report.health)})`,
    `  cached /api/prices meanwhile: ${report.prices.count} requests, p50 ${report.prices.p50Ms.toFixed(1)} ms, p99 ${report.prices.p99Ms.toFixed(1)} ms, max ${report.prices.maxMs.toFixed(1)} ms (target p99 < ${HEAVY_TARGET_P99_MS} ms: ${met(report.prices)})`,
    `  server RSS: ${megabytes(rss.beforeBytes)} MB before, ${megabytes(rss.peakBytes)} MB at the peak, ${megabytes(rss.afterBytes)} MB after, ` +
      `${megabytes(rss.idleBytes)} MB once the idle study workers had stopped`,
  ];
}

const HEAVY_TARGET_P99_MS = 100;

interface Timed {
  status: number;
  bytes: number;
  ms: number;
  retryAfter: string | undefined;
}

/** GET over node:http, the body counted and dropped: the client costs as little CPU as it can. */
function drained(url: string): Promise<Timed> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
      response.on('end', () => {
        const retryAfter = response.headers['retry-after'];
        resolve({ status: response.statusCode ?? 0, bytes, ms: performance.now() - started, retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

function latency(timed: readonly Timed[]): Latency {
  const sorted = timed.map((item) => item.ms).sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? 0;
  return { count: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted.at(-1) ?? 0, failures: timed.filter((item) => item.status !== 200).length };
}

/** KABUTO_STATIC_DIR when set (parallel work builds into its own folder), else dist/app/. */
export function defaultStaticDir(): string {
  return path.resolve(PROJECT_ROOT, process.env.KABUTO_STATIC_DIR ?? 'dist/app');
}

function toFigures(target: LoadTarget, result: AutocannonResult, serverCpuSeconds: number): LoadFigures {
  return {
    name: target.name,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    serverCpuMicrosecondsPerRequest: result.requests.total > 0 ? (serverCpuSeconds * 1e6) / result.requests.total : 0,
    target: target.target,
  };
}

async function expectOk(url: string): Promise<void> {
  const response = await fetch(url);
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status} before the load test: ${body.slice(0, 300)}`);
}

/**
 * The server's resident memory after `settleMs` idle and a full garbage collection (see
 * gc-on-signal.ts): under load RSS swings by tens of MB with the collector's timing, so a plain
 * reading says more about when it last ran than about a leak.
 */
async function residentBytesAfterGc(server: ServerProcess, settleMs: number): Promise<number> {
  await sleep(settleMs);
  const collections = server.log().split(GC_DONE_LINE).length;
  server.child.kill('SIGUSR2');
  for (let waited = 0; server.log().split(GC_DONE_LINE).length === collections; waited += 20) {
    if (waited > 10_000) throw new Error(`the server did not report a garbage collection; its log: ${server.log().slice(-500)}`);
    await sleep(20);
  }
  return residentBytes(server.child.pid ?? 0);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function numberOption(args: readonly string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  if (index === -1) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number of at least 1, not ${JSON.stringify(args[index + 1])}`);
  return value;
}

async function main(args: readonly string[]): Promise<number> {
  const durationSeconds = numberOption(args, '--duration', 20);
  const connections = numberOption(args, '--connections', 10);
  const studies = numberOption(args, '--studies', 20);
  const log = (line: string) => console.error(line);
  const report = await runLoadTest({ durationSeconds, connections, staticDir: defaultStaticDir(), log });
  for (const line of formatLoadReport(report)) console.log(line);
  const heavy = await runHeavyStudyLoad({ studies, staticDir: defaultStaticDir(), log });
  for (const line of formatHeavyReport(heavy)) console.log(line);
  const problems = [...loadProblems(report), ...heavyLoadProblems(heavy)];
  for (const problem of problems) console.error(`FAILED: ${problem}`);
  return problems.length === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
