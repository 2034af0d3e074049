import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { cacheFileText, parseCacheFile } from './disk-cache.ts';
import { mergeCacheEntries } from './merge-cache-entries.ts';
import type { CacheEntry, PriceCache } from './price-cache.ts';
import { DEFAULT_REDIS_PREFIX } from './redis-connection.ts';
import { RedisScript } from './redis-script.ts';

/**
 * An entry nobody has read or written for this long expires on its own. Every key the server
 * writes carries an expiry, so a Redis whose maxmemory-policy is one of the volatile-* policies may
 * also drop them under memory pressure; the size cap below does not rely on that.
 */
export const DEFAULT_REDIS_ENTRY_IDLE_MS = 30 * 24 * 60 * 60 * 1000;
/** Writes of one symbol that may lose the race to another instance's before this one gives up. */
const MAX_WRITE_ATTEMPTS = 10;

export interface RedisPriceCacheOptions {
  client: Redis;
  /** Bytes of stored entries (their JSON) allowed, all instances together; least recently used go first beyond it. */
  maxBytes: number;
  idleMs?: number;
  prefix?: string;
  log?: (line: string) => void;
}

/**
 * Reads an entry and marks it used. KEYS: entry, lru, clock, sizes, total; ARGV: symbol, idleMs.
 * An entry that has expired meanwhile is also taken out of the size accounting.
 */
const READ = new RedisScript(`
local text = redis.call('HGET', KEYS[1], 'json')
if not text then
  local bytes = redis.call('HGET', KEYS[4], ARGV[1])
  if bytes then
    redis.call('HDEL', KEYS[4], ARGV[1])
    redis.call('ZREM', KEYS[2], ARGV[1])
    redis.call('DECRBY', KEYS[5], bytes)
  end
  return false
end
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return text`);

/**
 * Writes an entry if it is still at the version read (else returns -1 and writes nothing), marks it
 * used, then deletes the least recently used other entries while the total is above the cap.
 * KEYS: entry, lru, clock, sizes, total; ARGV: symbol, text, bytes, version read ('' for none),
 * maxBytes, idleMs, prefix of entry keys. Returns how many entries it evicted.
 */
const WRITE = new RedisScript(`
local version = redis.call('HGET', KEYS[1], 'version') or ''
if version ~= ARGV[4] then return -1 end
local tick = redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[1], 'json', ARGV[2], 'version', tick)
redis.call('PEXPIRE', KEYS[1], ARGV[6])
local before = tonumber(redis.call('HGET', KEYS[4], ARGV[1]) or '0')
redis.call('HSET', KEYS[4], ARGV[1], ARGV[3])
local total = redis.call('INCRBY', KEYS[5], tonumber(ARGV[3]) - before)
redis.call('ZADD', KEYS[2], tick, ARGV[1])
local evicted = 0
while total > tonumber(ARGV[5]) do
  local oldest = redis.call('ZRANGE', KEYS[2], 0, 1)
  local victim = oldest[1]
  if victim == ARGV[1] then victim = oldest[2] end
  if not victim then break end
  local bytes = tonumber(redis.call('HGET', KEYS[4], victim) or '0')
  redis.call('DEL', ARGV[7] .. victim)
  redis.call('HDEL', KEYS[4], victim)
  redis.call('ZREM', KEYS[2], victim)
  total = redis.call('DECRBY', KEYS[5], bytes)
  evicted = evicted + 1
end
return evicted`);

/**
 * The price cache in Redis, shared by every instance that names the same Redis: one hash per
 * symbol (`kabuto:price:7011.T`: the entry's JSON, as the disk cache writes it, and a version),
 * with the least-recently-used order in a sorted set of use ticks (`kabuto:price-lru`, ticks from
 * one counter, so no instance's clock matters), each entry's size in a hash and their total in a
 * counter. The cap is enforced by the writing script itself, not by the server's maxmemory-policy,
 * which belongs to whoever runs Redis. Reading an entry marks it used and renews its idle expiry.
 *
 * A write merges with what is there (mergeCacheEntries) without losing a concurrent write of
 * another instance: it reads the entry and its version, merges in this process (the bars' numbers
 * never pass through Lua, whose JSON would round them), and the writing script stores the result
 * only if the version is unchanged; otherwise it reads and merges again.
 *
 * Every call rejects when Redis fails (timeout, lost connection); the failover cache
 * (FailoverPriceCache in failover.ts) turns that into this instance's own cache. Needs one Redis server, not
 * a Cluster: the scripts touch entries of symbols they are not given as keys.
 * @example const cache = new RedisPriceCache({ client: new Redis('redis://127.0.0.1:6379'), maxBytes: 256 * 1024 * 1024 })
 */
export class RedisPriceCache implements PriceCache {
  private readonly prefix: string;
  private readonly idleMs: number;
  private readonly log: (line: string) => void;
  /** Symbols whose unusable value was reported, so each is reported once rather than per request. */
  private readonly reported = new Set<string>();

  constructor(private readonly options: RedisPriceCacheOptions) {
    this.prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
    this.idleMs = options.idleMs ?? DEFAULT_REDIS_ENTRY_IDLE_MS;
    this.log = options.log ?? (() => undefined);
  }

  /** The entry of `symbol`, or undefined (also for a value that does not parse). Rejects when Redis fails. */
  async get(symbol: string): Promise<CacheEntry | undefined> {
    const text = await READ.run(this.options.client, this.keys(symbol), [symbol, this.idleMs]);
    if (typeof text !== 'string') return undefined;
    const entry = parseCacheFile(text);
    if (entry?.symbol === symbol) return entry;
    if (this.reported.has(symbol)) return undefined;
    this.reported.add(symbol);
    this.log(`cache: ignoring the Redis entry of ${symbol}, which does not parse; the next live fetch replaces it`);
    return undefined;
  }

  /** Merges `entry` into the stored one and evicts beyond the cap. Rejects when Redis fails or other writes keep winning. */
  async put(entry: CacheEntry): Promise<void> {
    const { client } = this.options;
    const keys = this.keys(entry.symbol);
    for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt += 1) {
      const [text, version] = await client.hmget(this.entryKey(entry.symbol), 'json', 'version');
      const stored = typeof text === 'string' ? parseCacheFile(text) : undefined;
      const merged = cacheFileText(mergeCacheEntries(stored, entry));
      const args = [entry.symbol, merged, Buffer.byteLength(merged), version ?? '', this.options.maxBytes, this.idleMs, this.entryKey('')];
      if ((await WRITE.run(client, keys, args)) === -1) {
        // Another write came first: read it and merge again, after a random pause so that racing writers spread out.
        await sleep(Math.random() * 5 * attempt);
        continue;
      }
      this.reported.delete(entry.symbol);
      return;
    }
    throw new Error(`${MAX_WRITE_ATTEMPTS} writes of ${entry.symbol} in a row lost to other instances' writes`);
  }

  /** Nothing to tidy: a write is one atomic script, so no interrupted one leaves anything behind. */
  async tidy(): Promise<void> {}

  private keys(symbol: string): string[] {
    const { prefix } = this;
    return [this.entryKey(symbol), `${prefix}price-lru`, `${prefix}price-clock`, `${prefix}price-sizes`, `${prefix}price-total`];
  }

  private entryKey(symbol: string): string {
    return `${this.prefix}price:${symbol}`;
  }
}
