/**
 * The connection to Redis and the failover around it, against a real redis-server that the test
 * starts late, stops, restarts and pauses: start-up never waits past the connect timeout, each
 * change of state is one log line (never the password), and while Redis is down or hangs the
 * instance's own cache and memory answer.
 */
import { createServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskPriceCache } from '../../../server/cache/disk-cache.ts';
import { FailoverPriceCache, FailoverUpstreamState } from '../../../server/cache/failover.ts';
import { REDIS_CONNECT_TIMEOUT_MS, RedisConnection } from '../../../server/cache/redis-connection.ts';
import { RedisPriceCache } from '../../../server/cache/redis-price-cache.ts';
import { RedisUpstreamState } from '../../../server/upstream/redis-upstream-state.ts';
import { MemoryUpstreamState } from '../../../server/upstream/upstream-state.ts';
import { freePort, startRedisServer, type RedisServer } from '../../reliability/helpers/redis-server.ts';
import { tempRoot } from '../../reliability/helpers/temp-folders.ts';
import { madeUpEntry } from './helpers/made-up-entries.ts';

/** Reconnection attempts come at most 2 s apart; this leaves room for a busy machine. */
const RECONNECT_WAIT_MS = 12_000;
const connections: RedisConnection[] = [];
const servers: RedisServer[] = [];

afterAll(async () => {
  for (const connection of connections) connection.close();
  await Promise.all(servers.map((server) => server.stop()));
});

function connection(url: string, log: string[], commandTimeoutMs = 1_000): RedisConnection {
  const opened = new RedisConnection({ url, log: (line) => log.push(line), commandTimeoutMs });
  connections.push(opened);
  return opened;
}

async function until(condition: () => boolean, what: string, timeoutMs = RECONNECT_WAIT_MS): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** A failover cache on `redis`, with a disk cache of its own. */
async function failoverCache(redis: RedisConnection) {
  const local = new DiskPriceCache({ directory: await tempRoot('failover') });
  const shared = new RedisPriceCache({ client: redis.client, maxBytes: 1024 * 1024 });
  return { cache: new FailoverPriceCache(redis, shared, local), local, shared };
}

describe('a Redis that is not there at start', () => {
  it('is logged once and waited for no longer than the connect timeout; the cache works locally, then shares once Redis comes', async () => {
    const port = await freePort();
    const log: string[] = [];
    const redis = connection(`redis://:hunter2@127.0.0.1:${port}`, log);
    const started = performance.now();
    await redis.start();
    // Refused at once here; an unanswered connect would be given up after the timeout. Either way, no hang.
    expect(performance.now() - started).toBeLessThan(REDIS_CONNECT_TIMEOUT_MS + 5_000);
    expect(redis.isUp()).toBe(false);
    const { cache, local, shared } = await failoverCache(redis);
    const entry = madeUpEntry('7011.T', '2024-01-01', '2024-01-31', 1);
    await cache.put(entry);
    expect(await local.get('7011.T')).toEqual(entry);
    expect(await cache.get('7011.T')).toEqual(entry);

    servers.push(await startRedisServer(port));
    await until(() => redis.isUp(), 'reconnecting');
    // Now Redis is the cache: it does not have the entry written while it was away.
    expect(await cache.get('7011.T')).toBeUndefined();
    const next = madeUpEntry('7013.T', '2024-01-01', '2024-01-31', 2);
    await cache.put(next);
    expect(await shared.get('7013.T')).toEqual(next);
    expect(await local.get('7013.T')).toBeUndefined();

    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(new RegExp(`^redis: cannot reach redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port} \\(.+\\); this instance uses its own cache and memory until Redis answers$`));
    expect(log[1]).toBe(`redis: redis://:***@127.0.0.1:${port} answers again; the price cache, Yahoo's back-off and fetch locks are shared with the other instances`);
    expect(log.join('\n')).not.toContain('hunter2');
  });
});

describe('something at the Redis address that accepts connections and never answers', () => {
  it('is given up after the connect timeout, logged once, and start() does not hang', async () => {
    const held: Socket[] = [];
    const silent = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const log: string[] = [];
      const redis = connection(`redis://127.0.0.1:${port}`, log);
      const started = performance.now();
      await redis.start();
      expect(performance.now() - started).toBeLessThan(REDIS_CONNECT_TIMEOUT_MS + 5_000);
      expect(redis.isUp()).toBe(false);
      expect(log).toEqual([expect.stringMatching(new RegExp(`^redis: cannot reach redis://127\\.0\\.0\\.1:${port} \\(.+\\); this instance uses its own cache and memory until Redis answers$`))]);
      redis.close();
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('a Redis that goes away while the server runs', () => {
  it('stopped: one log line however many calls fail, the local state answers, and sharing resumes when it is back', async () => {
    const server = await startRedisServer();
    servers.push(server);
    const log: string[] = [];
    const redis = connection(server.url, log);
    await redis.start();
    expect(redis.isUp()).toBe(true);
    const nowMs = () => Date.now();
    const state = new FailoverUpstreamState(redis, new RedisUpstreamState({ client: redis.client, nowMs }), new MemoryUpstreamState(nowMs));
    const block = { untilMs: Date.now() + 60_000, code: 'UPSTREAM_TIMEOUT', message: 'slow', failures: 1 };

    await server.stop();
    await until(() => !redis.isUp(), 'noticing the loss');
    for (let call = 0; call < 5; call += 1) await state.set('7011.T', block, block.untilMs);
    expect(await state.get('7011.T')).toEqual(block);

    await server.restart();
    await until(() => redis.isUp(), 'reconnecting');
    // The restarted Redis is empty, and now it is the state again.
    expect(await state.get('7011.T')).toBeUndefined();
    expect(log.slice(1)).toEqual([
      expect.stringMatching(/^redis: lost redis:\/\/127\.0\.0\.1:\d+ \(.+\); this instance uses its own cache and memory until Redis answers$/),
      expect.stringMatching(/^redis: redis:\/\/127\.0\.0\.1:\d+ answers again; /),
    ]);
  });

  it('hanging (connected, answering nothing): the first command gives up after the command timeout, later ones skip Redis until it answers again', async () => {
    const server = await startRedisServer();
    servers.push(server);
    const log: string[] = [];
    const commandTimeoutMs = 4_000;
    const redis = connection(server.url, log, commandTimeoutMs);
    await redis.start();
    const { cache, local } = await failoverCache(redis);
    const entry = madeUpEntry('7011.T', '2024-01-01', '2024-01-31', 1);
    server.pause();
    try {
      const started = performance.now();
      await cache.put(entry);
      // One command timeout, then the disk: no hang.
      expect(performance.now() - started).toBeGreaterThanOrEqual(commandTimeoutMs - 100);
      expect(performance.now() - started).toBeLessThan(commandTimeoutMs + 5_000);
      expect(redis.isUp()).toBe(false);
      expect(log.at(-1)).toMatch(/^redis: lost redis:\/\/127\.0\.0\.1:\d+ \(writing the cache of 7011\.T: Command timed out\); /);
      const again = performance.now();
      expect(await cache.get('7011.T')).toEqual(entry);
      expect(await local.get('7011.T')).toEqual(entry);
      // Skipped, not timed out again.
      expect(performance.now() - again).toBeLessThan(commandTimeoutMs / 2);
    } finally {
      server.resume();
    }
    await until(() => redis.isUp(), 'answering again after the pause');
    expect(log.at(-1)).toMatch(/answers again/);
    expect(log.filter((line) => line.includes(' lost '))).toHaveLength(1);
  });
});

describe('a Redis that refuses commands', () => {
  it('out of memory under noeviction: the write goes to the local cache, one log line for many refusals, and Redis stays in use', async () => {
    const server = await startRedisServer();
    servers.push(server);
    const log: string[] = [];
    const redis = connection(server.url, log);
    await redis.start();
    const { cache, local } = await failoverCache(redis);
    // What its operator might have set: a memory limit already reached, and no eviction.
    await redis.client.config('SET', 'maxmemory-policy', 'noeviction');
    await redis.client.config('SET', 'maxmemory', '1');
    for (const symbol of ['AAA.T', 'BBB.T', 'CCC.T']) await cache.put(madeUpEntry(symbol, '2024-01-01', '2024-01-31', 1));
    expect(await local.get('CCC.T')).toBeDefined();
    expect(redis.isUp()).toBe(true);
    expect(log.slice(1)).toEqual([expect.stringMatching(/^redis: redis:\/\/127\.0\.0\.1:\d+ refused writing the cache of AAA\.T \(OOM command not allowed .*\); this instance used its own cache or memory instead$/)]);
  });
});

