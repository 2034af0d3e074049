import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DEFAULT_CACHE_MAX_BYTES } from './cache/disk-cache.ts';
import { isRedisUrl, redactedUrl } from './cache/redis-url.ts';
import { ConfigurationError } from './errors.ts';
import type { PriceMode } from './price-service.ts';
import { DEFAULT_UPSTREAM_TIMEOUT_MS } from './sources/yahoo-source.ts';
import { DEFAULT_STUDY_CACHE_BYTES } from './study-service.ts';
import { DEFAULT_BACKOFF_MS, MAX_BACKOFF_MS } from './upstream/circuit-breaker.ts';
import { PROJECT_ROOT } from './versions.ts';

export interface ServerConfig {
  host: string;
  /** 0 asks the operating system for a free port. */
  port: number;
  mode: PriceMode;
  cacheDir: string;
  snapshotDir: string;
  staticDir: string;
  upstreamTimeoutMs: number;
  /** First back-off of a failing symbol; 0 remembers no failure. */
  upstreamBackoffMs: number;
  /** Bytes of the price cache (live and auto mode): the disk cache's, or the Redis cache's, all instances together. */
  cacheMaxBytes: number;
  /** The Redis that instances share their price cache, Yahoo's back-off and fetch locks through; none: each instance alone. */
  redisUrl: string | undefined;
  /** Studies computed at once, each on its own worker thread. */
  studyWorkers: number;
  /** Studies waiting for a worker at most; more are answered 503. */
  studyQueue: number;
  /** Bytes of computed studies kept in memory. */
  studyCacheBytes: number;
}

type Environment = Readonly<Record<string, string | undefined>>;

const MODES: readonly PriceMode[] = ['snapshot', 'live', 'auto'];
const MEBIBYTE = 1024 * 1024;

/**
 * The server's settings from environment variables: HOST (127.0.0.1), PORT (8787; 0 = any free
 * port), PRICE_SOURCE (snapshot | live | auto; snapshot keeps the default run offline),
 * KABUTO_CACHE_DIR (data/cache), KABUTO_SNAPSHOT_DIR (data/snapshot), KABUTO_STATIC_DIR (dist/app),
 * KABUTO_UPSTREAM_TIMEOUT_MS (8000), KABUTO_UPSTREAM_BACKOFF_MS (30000), KABUTO_CACHE_MAX_MB (256),
 * KABUTO_STUDY_WORKERS (the cores, at most), KABUTO_STUDY_QUEUE (4 per worker), KABUTO_STUDY_CACHE_MB (128),
 * KABUTO_REDIS_URL (none; live and auto mode only). Relative folders are read from the current directory.
 * @throws ConfigurationError naming the variable and the values it accepts.
 * @example readServerConfig({ PORT: '0' }).port // 0
 */
export function readServerConfig(environment: Environment, cores = availableParallelism()): ServerConfig {
  // At most one study per core: more would only make them share the cores, and slow the event loop.
  const studyWorkers = integerIn(environment, 'KABUTO_STUDY_WORKERS', Math.max(1, cores), 1, Math.max(1, cores));
  return {
    host: nonEmpty(environment.HOST) ?? '127.0.0.1',
    port: integerIn(environment, 'PORT', 8787, 0, 65_535),
    mode: mode(environment.PRICE_SOURCE),
    cacheDir: folder(environment.KABUTO_CACHE_DIR, 'data/cache'),
    snapshotDir: folder(environment.KABUTO_SNAPSHOT_DIR, 'data/snapshot'),
    staticDir: folder(environment.KABUTO_STATIC_DIR, 'dist/app'),
    upstreamTimeoutMs: integerIn(environment, 'KABUTO_UPSTREAM_TIMEOUT_MS', DEFAULT_UPSTREAM_TIMEOUT_MS, 1, 120_000),
    upstreamBackoffMs: integerIn(environment, 'KABUTO_UPSTREAM_BACKOFF_MS', DEFAULT_BACKOFF_MS, 0, MAX_BACKOFF_MS),
    cacheMaxBytes: integerIn(environment, 'KABUTO_CACHE_MAX_MB', DEFAULT_CACHE_MAX_BYTES / MEBIBYTE, 1, 1_000_000) * MEBIBYTE,
    redisUrl: redisUrl(environment.KABUTO_REDIS_URL),
    studyWorkers,
    studyQueue: integerIn(environment, 'KABUTO_STUDY_QUEUE', 4 * studyWorkers, 0, 1_000),
    studyCacheBytes: integerIn(environment, 'KABUTO_STUDY_CACHE_MB', DEFAULT_STUDY_CACHE_BYTES / MEBIBYTE, 1, 100_000) * MEBIBYTE,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function mode(value: string | undefined): PriceMode {
  const given = nonEmpty(value);
  if (given === undefined) return 'snapshot';
  const found = MODES.find((candidate) => candidate === given);
  if (!found) throw new ConfigurationError(`PRICE_SOURCE=${JSON.stringify(given)} is not one of ${MODES.join(', ')}.`);
  return found;
}

function redisUrl(value: string | undefined): string | undefined {
  const given = nonEmpty(value);
  if (given === undefined || isRedisUrl(given)) return given;
  // The value may hold a password: it is quoted only as far as it parses, with the password hidden.
  const quoted = URL.canParse(given) ? `=${JSON.stringify(redactedUrl(given))}` : ' (not a URL)';
  throw new ConfigurationError(`KABUTO_REDIS_URL${quoted} must be a redis:// or rediss:// URL with a host, e.g. redis://127.0.0.1:6379.`);
}

function integerIn(environment: Environment, name: string, fallback: number, minimum: number, maximum: number): number {
  const given = nonEmpty(environment[name]);
  if (given === undefined) return fallback;
  const value = Number(given);
  if (!/^\d+$/.test(given) || value < minimum || value > maximum) {
    throw new ConfigurationError(`${name}=${JSON.stringify(given)} must be a whole number from ${minimum} to ${maximum}.`);
  }
  return value;
}

function folder(value: string | undefined, projectDefault: string): string {
  const given = nonEmpty(value);
  return given === undefined ? path.join(PROJECT_ROOT, projectDefault) : path.resolve(given);
}
