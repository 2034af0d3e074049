import { FailoverPriceCache, FailoverUpstreamState } from './cache/failover.ts';
import type { PriceCache } from './cache/price-cache.ts';
import { RedisConnection } from './cache/redis-connection.ts';
import { RedisPriceCache } from './cache/redis-price-cache.ts';
import type { FetchLock } from './upstream/fetch-lock.ts';
import { RedisFetchLock } from './upstream/redis-fetch-lock.ts';
import { RedisUpstreamState } from './upstream/redis-upstream-state.ts';
import { MemoryUpstreamState, type UpstreamState } from './upstream/upstream-state.ts';

/**
 * Beyond the upstream timeout, how long a waiter gives the instance fetching a symbol to store it:
 * room for a few Redis commands on a busy machine.
 */
const FETCH_LOCK_WAIT_MARGIN_MS = 3_000;

export interface RedisSharingOptions {
  url: string;
  /** This instance's own cache, used while Redis is down. */
  local: PriceCache;
  /** Bytes of the shared cache, all instances together. */
  maxBytes: number;
  /** The upstream timeout: a fetch lock is waited for this long plus a margin. */
  upstreamTimeoutMs: number;
  now: () => Date;
  log: (line: string) => void;
}

/** What an instance shares with the others through one Redis, each part falling back to its own while Redis is down. */
export interface RedisSharing {
  cache: PriceCache;
  upstreamState: UpstreamState;
  fetchLock: FetchLock;
  /** The Redis URL without its password. */
  where: string;
  close(): void;
}

/**
 * Connects to the Redis at `url` (waiting at most its connect timeout; a Redis that cannot be
 * reached is logged and tried again in the background, never fatal) and builds on it the shared
 * price cache, the shared upstream back-off and the fetch lock.
 * @example const sharing = await openRedisSharing({ url: 'redis://127.0.0.1:6379', local: diskCache, maxBytes, upstreamTimeoutMs: 8_000, now, log })
 */
export async function openRedisSharing(options: RedisSharingOptions): Promise<RedisSharing> {
  const { log } = options;
  const connection = new RedisConnection({ url: options.url, log });
  await connection.start();
  const { client } = connection;
  const nowMs = () => options.now().getTime();
  return {
    cache: new FailoverPriceCache(connection, new RedisPriceCache({ client, maxBytes: options.maxBytes, log }), options.local),
    upstreamState: new FailoverUpstreamState(connection, new RedisUpstreamState({ client, nowMs }), new MemoryUpstreamState(nowMs)),
    fetchLock: new RedisFetchLock({ connection, waitMs: options.upstreamTimeoutMs + FETCH_LOCK_WAIT_MARGIN_MS, log }),
    where: connection.where,
    close: () => connection.close(),
  };
}
