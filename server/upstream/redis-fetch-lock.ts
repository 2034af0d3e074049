import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_REDIS_PREFIX, type RedisConnection } from '../cache/redis-connection.ts';
import { RedisScript } from '../cache/redis-script.ts';
import type { FetchLock } from './fetch-lock.ts';

/** A holder's lease; renewed while its fetch runs, so only a holder that died loses it. */
export const DEFAULT_LOCK_LEASE_MS = 5_000;
/** How often a waiter asks whether the lock is free. */
const POLL_MS = 100;

/** Deletes the lock only if `token` still holds it (a lease that ran out may be someone else's now). */
const RELEASE = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`);

/** Extends the lease only if `token` still holds it. ARGV: token, lease ms. */
const RENEW = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`);

export interface RedisFetchLockOptions {
  connection: RedisConnection;
  /** Longest wait for another instance's fetch; then this one fetches too. */
  waitMs: number;
  leaseMs?: number;
  pollMs?: number;
  prefix?: string;
  log: (line: string) => void;
}

/**
 * The fetch lock in Redis: `SET kabuto:fetch-lock:<symbol> <token> NX PX <lease>`. The holder
 * renews its lease every third of it while it fetches and stores, and deletes the lock when done
 * (only if its token still holds it). A waiter tries again every 100 ms, and then reads the shared
 * cache again before fetching: usually it finds what the holder stored and asks Yahoo nothing; if
 * the holder failed, the shared back-off it recorded answers for Yahoo. No deadlock: a holder that
 * dies stops renewing, so its lock frees itself within a lease; a wait is bounded by `waitMs`; and
 * when Redis fails or is down the task runs at once, unlocked.
 * @example const lock = new RedisFetchLock({ connection, waitMs: 10_000, log: console.error })
 */
export class RedisFetchLock implements FetchLock {
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly prefix: string;

  constructor(private readonly options: RedisFetchLockOptions) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LOCK_LEASE_MS;
    this.pollMs = options.pollMs ?? POLL_MS;
    this.prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
  }

  async exclusive<T>(symbol: string, task: (cacheMayHaveChanged: boolean) => Promise<T>): Promise<T> {
    const { connection } = this.options;
    const key = `${this.prefix}fetch-lock:${symbol}`;
    const token = randomUUID();
    const waitUntil = performance.now() + this.options.waitMs;
    for (;;) {
      if (!connection.isUp()) return task(true);
      let acquired: boolean;
      try {
        acquired = (await connection.client.set(key, token, 'PX', this.leaseMs, 'NX')) === 'OK';
      } catch (error) {
        connection.reportFailure('taking a fetch lock', error);
        return task(true);
      }
      if (acquired) return this.holding(key, token, task);
      if (performance.now() >= waitUntil) {
        this.options.log(`fetch lock: another instance has been fetching ${symbol} for more than ${this.options.waitMs} ms; fetching it here too`);
        return task(true);
      }
      await sleep(this.pollMs);
    }
  }

  private async holding<T>(key: string, token: string, task: (cacheMayHaveChanged: boolean) => Promise<T>): Promise<T> {
    const { connection } = this.options;
    const renewal = setInterval(() => {
      RENEW.run(connection.client, [key], [token, this.leaseMs]).catch(() => undefined);
    }, Math.max(1, Math.floor(this.leaseMs / 3)));
    renewal.unref();
    try {
      return await task(true);
    } finally {
      clearInterval(renewal);
      // Not awaited: the answer need not wait for Redis; a lock not released frees itself within a lease.
      RELEASE.run(connection.client, [key], [token]).catch((error: unknown) => connection.reportFailure('releasing a fetch lock', error));
    }
  }
}
