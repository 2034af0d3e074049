import type { UpstreamBlock, UpstreamState } from '../upstream/upstream-state.ts';
import type { CacheEntry, PriceCache } from './price-cache.ts';
import type { RedisConnection } from './redis-connection.ts';

/**
 * Runs `shared` while Redis answers, `local` when it is down or when `shared` fails (which also
 * tells the connection, so that a Redis that stopped answering is skipped from then on).
 */
async function sharedOrLocal<T>(connection: RedisConnection, what: string, shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
  if (!connection.isUp()) return local();
  try {
    return await shared();
  } catch (error) {
    connection.reportFailure(what, error);
    return local();
  }
}

/**
 * The price cache of an instance that shares it through Redis: the Redis cache while Redis
 * answers, this instance's own cache (the disk cache) while it does not. Nothing is copied between
 * them: while Redis is down the instance works as it would alone, and when Redis is back it
 * shares again.
 * @example new FailoverPriceCache(connection, new RedisPriceCache({ client: connection.client, maxBytes }), diskCache)
 */
export class FailoverPriceCache implements PriceCache {
  constructor(
    private readonly connection: RedisConnection,
    private readonly shared: PriceCache,
    private readonly local: PriceCache,
  ) {}

  get(symbol: string): Promise<CacheEntry | undefined> {
    return sharedOrLocal(this.connection, `reading the cache of ${symbol}`, () => this.shared.get(symbol), () => this.local.get(symbol));
  }

  put(entry: CacheEntry): Promise<void> {
    return sharedOrLocal(this.connection, `writing the cache of ${entry.symbol}`, () => this.shared.put(entry), () => this.local.put(entry));
  }

  /** The local cache is tidied as always; the shared one needs no tidying. */
  tidy(): Promise<void> {
    return this.local.tidy();
  }
}

/**
 * Yahoo's back-off state shared through Redis while it answers, this process's memory while not.
 * @example new FailoverUpstreamState(connection, new RedisUpstreamState({ client: connection.client, nowMs }), new MemoryUpstreamState(nowMs))
 */
export class FailoverUpstreamState implements UpstreamState {
  constructor(
    private readonly connection: RedisConnection,
    private readonly shared: UpstreamState,
    private readonly local: UpstreamState,
  ) {}

  get(key: string): Promise<UpstreamBlock | undefined> {
    return sharedOrLocal(this.connection, 'reading the upstream back-off', () => this.shared.get(key), () => this.local.get(key));
  }

  set(key: string, block: UpstreamBlock, forgetAtMs: number): Promise<void> {
    return sharedOrLocal(this.connection, 'recording the upstream back-off', () => this.shared.set(key, block, forgetAtMs), () => this.local.set(key, block, forgetAtMs));
  }

  clear(key: string): Promise<boolean> {
    return sharedOrLocal(this.connection, 'clearing the upstream back-off', () => this.shared.clear(key), () => this.local.clear(key));
  }
}
