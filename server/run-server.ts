import { createApp } from './app.ts';
import { DiskPriceCache } from './cache/disk-cache.ts';
import type { PriceCache } from './cache/price-cache.ts';
import { readServerConfig, type ServerConfig } from './config.ts';
import { ProxyError } from './errors.ts';
import { createHttpServer } from './http-server.ts';
import { openRedisSharing, type RedisSharing } from './redis-sharing.ts';
import type { FetchLike } from './sources/price-source.ts';
import { SnapshotSource } from './sources/snapshot-source.ts';
import { YahooPriceSource } from './sources/yahoo-source.ts';
import type { StudyJob, StudyJobResult } from './study/study-job.ts';
import { STUDY_WORKER_SOURCE, workerLaunch } from './study/study-worker-location.ts';
import { WorkerPool } from './study/worker-pool.ts';

/** How long a shutdown waits for open requests before exiting anyway. */
const SHUTDOWN_GRACE_MS = 5_000;
/** Heap of one study worker: far above the heaviest valid study, so only a runaway one reaches it. */
const STUDY_WORKER_HEAP_MB = 512;

type Environment = Readonly<Record<string, string | undefined>>;

/** What the entry point hands to runServer besides the environment. */
export interface RunServerOptions {
  /** The clock (only the entry point reads the real one). */
  now: () => Date;
  /**
   * The fetch that Yahoo requests go through; the global fetch when absent. The reliability tests
   * start this same routine with one that sends Yahoo's chart URLs to a fake Yahoo on loopback.
   */
  yahooFetch?: FetchLike;
  /**
   * The study worker's module: server/study/study-worker.ts (through tsx) when absent. A compiled
   * build passes the URL of its own emitted worker file.
   */
  studyWorker?: URL;
}

// stdout carries exactly one line (the URL) for scripts and tests to read; the log goes to stderr.
const log = (line: string) => console.error(`[kabuto] ${line}`);

/**
 * The whole life of the server process: reads the configuration from `environment`, tidies the
 * price cache in live and auto mode (a cache it cannot tidy is logged, never fatal; snapshot mode
 * does not touch it), connects to the shared Redis when KABUTO_REDIS_URL names one (live and auto
 * mode only; one that cannot be reached is logged, never fatal), listens, prints `Kabuto listening on <url>` as its only stdout line, and
 * closes on SIGTERM/SIGINT. A configuration it cannot use is reported on stderr and ends the
 * process with status 1; a stray late rejection is logged, never fatal.
 * @example await runServer(process.env, { now: () => new Date() })
 */
export async function runServer(environment: Environment, options: RunServerOptions): Promise<void> {
  try {
    const config = readServerConfig(environment);
    const cache = config.mode === 'snapshot' ? undefined : new DiskPriceCache({ directory: config.cacheDir, maxBytes: config.cacheMaxBytes, log });
    await cache?.tidy();
    if (config.mode === 'snapshot' && config.redisUrl) log('KABUTO_REDIS_URL is not used in snapshot mode: Redis is not contacted');
    const sharing =
      cache && config.redisUrl
        ? await openRedisSharing({ url: config.redisUrl, local: cache, maxBytes: config.cacheMaxBytes, upstreamTimeoutMs: config.upstreamTimeoutMs, now: options.now, log })
        : undefined;
    listen(config, cache, sharing, options);
  } catch (error) {
    log(error instanceof ProxyError ? error.message : `cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

function listen(config: ServerConfig, cache: PriceCache | undefined, sharing: RedisSharing | undefined, { now, yahooFetch, studyWorker }: RunServerOptions): void {
  const live = config.mode === 'snapshot' ? undefined : new YahooPriceSource({ now, log, timeoutMs: config.upstreamTimeoutMs, fetch: yahooFetch });
  const studies = new WorkerPool<StudyJob, StudyJobResult>({
    ...workerLaunch(studyWorker ?? STUDY_WORKER_SOURCE),
    size: config.studyWorkers,
    queueLimit: config.studyQueue,
    resourceLimits: { maxOldGenerationSizeMb: STUDY_WORKER_HEAP_MB },
    what: 'studies',
    log,
  });
  const app = createApp({
    mode: config.mode,
    sources: { snapshot: new SnapshotSource(config.snapshotDir), live },
    cache: sharing?.cache ?? cache,
    upstreamState: sharing?.upstreamState,
    fetchLock: sharing?.fetchLock,
    upstreamBackoffMs: config.upstreamBackoffMs,
    runStudyJob: (job, signal) => studies.run(job, signal),
    studyCacheBytes: config.studyCacheBytes,
    staticDir: config.staticDir,
    now,
    log,
  });
  const server = createHttpServer(app.fetch, { log, hostname: config.host });
  server.on('error', (error: NodeJS.ErrnoException) => {
    log(`cannot listen on ${config.host}:${config.port}: ${error.code === 'EADDRINUSE' ? 'the port is in use (set PORT to another one)' : error.message}`);
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    console.log(`Kabuto listening on http://${urlHost(config.host)}:${port}`);
    const kept = sharing ? `cache shared in Redis ${sharing.where} (while it is down: ${config.cacheDir})` : `cache ${config.cacheDir}`;
    log(`prices from ${config.mode === 'snapshot' ? `the offline snapshot (${config.snapshotDir})` : `Yahoo Finance (${config.mode} mode), ${kept}`}`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, closing`);
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    void studies.close();
    sharing?.close();
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // A stray rejection (an abandoned upstream call failing late) must not take the server down.
  process.on('unhandledRejection', (reason) => log(`unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`));
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
