/**
 * The per-symbol fetch lock in a real redis-server: two instances never fetch one symbol at the
 * same time, and no wait is unbounded (a holder that died, a holder that takes too long, a Redis
 * that is not there).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisConnection } from '../../../server/cache/redis-connection.ts';
import { RedisFetchLock } from '../../../server/upstream/redis-fetch-lock.ts';
import { freePort, startRedisServer, type RedisServer } from '../../reliability/helpers/redis-server.ts';

let redis: RedisServer;
const connections: RedisConnection[] = [];
let prefixes = 0;

beforeAll(async () => {
  redis = await startRedisServer();
});

afterAll(async () => {
  for (const connection of connections) connection.close();
  await redis?.stop();
});

async function connect(url: string): Promise<RedisConnection> {
  const connection = new RedisConnection({ url, log: () => undefined });
  connections.push(connection);
  await connection.start();
  return connection;
}

/** Two instances' locks on one Redis, on their own key prefix. */
async function twoLocks(options: { waitMs?: number; leaseMs?: number } = {}) {
  prefixes += 1;
  const prefix = `test-${prefixes}:`;
  const log: string[] = [];
  const locks = await Promise.all(
    [0, 1].map(async () => new RedisFetchLock({ connection: await connect(redis.url), prefix, waitMs: options.waitMs ?? 20_000, leaseMs: options.leaseMs, log: (line) => log.push(line) })),
  );
  return { locks: locks as [RedisFetchLock, RedisFetchLock], prefix, log };
}

/** Takes the lock of `symbol` and holds it until `release` is called. */
async function heldLock(lock: RedisFetchLock, symbol: string) {
  let release: () => void = () => undefined;
  let taken: () => void = () => undefined;
  const isTaken = new Promise<void>((resolve) => (taken = resolve));
  const holding = lock.exclusive(symbol, () => {
    taken();
    return new Promise<void>((resolve) => (release = resolve));
  });
  await isTaken;
  return { holding, release: () => release() };
}

describe('the fetch lock', () => {
  it('lets one instance at a time run the fetch of a symbol, and tells each to read the cache again', async () => {
    const { locks } = await twoLocks();
    let running = 0;
    let most = 0;
    const seen: boolean[] = [];
    const fetch = async (cacheMayHaveChanged: boolean) => {
      seen.push(cacheMayHaveChanged);
      running += 1;
      most = Math.max(most, running);
      await sleep(300);
      running -= 1;
    };
    await Promise.all([locks[0].exclusive('7011.T', fetch), locks[1].exclusive('7011.T', fetch), locks[0].exclusive('7011.T', fetch), locks[1].exclusive('7011.T', fetch)]);
    expect(most).toBe(1);
    expect(seen).toEqual([true, true, true, true]);
  });

  it('does not make other symbols wait', async () => {
    const { locks } = await twoLocks();
    const { holding, release } = await heldLock(locks[0], '7011.T');
    // Would wait for the 20-second bound if the lock were not per symbol; the test's own timeout is 20 s.
    await locks[1].exclusive('7013.T', async () => undefined);
    release();
    await holding;
  });

  it('keeps the lock past its lease while the holder is still fetching (the holder renews it)', async () => {
    const { locks, log } = await twoLocks({ leaseMs: 2_400 });
    const order: string[] = [];
    // The waiter asks only once the holder has the lock, however slow the machine.
    const { holding, release } = await heldLock(locks[0], '7011.T');
    const waiting = locks[1].exclusive('7011.T', async () => {
      order.push('waiter ran');
    });
    // Twice the lease: renewed every 800 ms, it would run out only if a renewal came 1.6 s late.
    await sleep(4_800);
    order.push('holder done');
    release();
    await Promise.all([holding, waiting]);
    expect(order).toEqual(['holder done', 'waiter ran']);
    expect(log).toEqual([]);
  });

  it('is taken over once the lease of a holder that died has run out', async () => {
    const { locks, prefix, log } = await twoLocks();
    const leaseMs = 1_500;
    // A holder that took the lock and died: nobody renews or releases it.
    await connections.at(-1)!.client.set(`${prefix}fetch-lock:7011.T`, 'died', 'PX', leaseMs);
    const started = performance.now();
    let ran = false;
    await locks[0].exclusive('7011.T', async () => {
      ran = true;
    });
    expect(ran).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(leaseMs - 100);
    expect(log).toEqual([]);
  });

  it('waits for a slow holder at most waitMs, then fetches anyway and says so', async () => {
    const waitMs = 1_500;
    const { locks, log } = await twoLocks({ waitMs });
    const { holding, release } = await heldLock(locks[0], '7011.T');
    const started = performance.now();
    let ran = false;
    await locks[1].exclusive('7011.T', async () => {
      ran = true;
    });
    expect(ran).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(waitMs - 100);
    expect(log).toEqual([`fetch lock: another instance has been fetching 7011.T for more than ${waitMs} ms; fetching it here too`]);
    release();
    await holding;
  });

  it('runs the fetch at once when Redis cannot be reached', async () => {
    const nowhere = await connect(`redis://127.0.0.1:${await freePort()}`);
    const lock = new RedisFetchLock({ connection: nowhere, waitMs: 20_000, log: () => undefined });
    expect(await lock.exclusive('7011.T', async (cacheMayHaveChanged) => `ran, read again: ${cacheMayHaveChanged}`)).toBe('ran, read again: true');
  });
});
