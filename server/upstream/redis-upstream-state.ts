import type { Redis } from 'ioredis';
import { z } from 'zod';
import { DEFAULT_REDIS_PREFIX } from '../cache/redis-connection.ts';
import { RedisScript } from '../cache/redis-script.ts';
import type { UpstreamBlock, UpstreamState } from './upstream-state.ts';

const blockSchema = z.object({ untilMs: z.number().finite(), code: z.string(), message: z.string(), failures: z.number().int().positive() });

/**
 * Stores a block unless the one stored lasts longer. KEYS: the block's key; ARGV: its JSON, its
 * untilMs, ms until it is forgotten. Returns 1 when stored, 0 when the longer one stays.
 */
const SET_UNLESS_LONGER = new RedisScript(`
local stored = tonumber(redis.call('HGET', KEYS[1], 'untilMs') or '0')
if stored > tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 'block', ARGV[1], 'untilMs', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`);

export interface RedisUpstreamStateOptions {
  client: Redis;
  /** Epoch ms now: when a block is to be forgotten is turned into an expiry relative to it. */
  nowMs: () => number;
  prefix?: string;
}

/**
 * Yahoo's remembered failures and 429 pauses in Redis (`kabuto:upstream:7011.T`,
 * `kabuto:upstream:*`), so that what one instance learns, every instance obeys: a symbol that
 * failed for one is not asked by another, and a 429 with its Retry-After deadline pauses all of
 * them. Redis forgets each block by itself (PEXPIRE). Two instances recording a block at once
 * cannot shorten it: the one that lasts longer stays (the circuit breaker only ever records a block
 * that outlasts the one it read, so this changes nothing for one instance). Deadlines are epoch
 * ms of the recording instance's clock; instances whose clocks differ by a second see a back-off
 * end a second apart. Every call rejects when Redis fails; the failover state
 * (FailoverUpstreamState in server/cache/failover.ts) then uses this instance's memory.
 * @example const state = new RedisUpstreamState({ client, nowMs: () => Date.now() })
 */
export class RedisUpstreamState implements UpstreamState {
  private readonly prefix: string;

  constructor(private readonly options: RedisUpstreamStateOptions) {
    this.prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
  }

  async get(key: string): Promise<UpstreamBlock | undefined> {
    const text = await this.options.client.hget(this.keyOf(key), 'block');
    if (text === null) return undefined;
    try {
      const parsed = blockSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, block: UpstreamBlock, forgetAtMs: number): Promise<void> {
    const expiresInMs = Math.max(1, Math.ceil(forgetAtMs - this.options.nowMs()));
    await SET_UNLESS_LONGER.run(this.options.client, [this.keyOf(key)], [JSON.stringify(block), Math.round(block.untilMs), expiresInMs]);
  }

  async clear(key: string): Promise<boolean> {
    return (await this.options.client.del(this.keyOf(key))) > 0;
  }

  private keyOf(key: string): string {
    return `${this.prefix}upstream:${key}`;
  }
}
