/**
 * The Redis price cache against a real redis-server (Debian's, started for this file on a free
 * port): what goes in comes out to the last digit, writes of one symbol merge without losing one
 * another (also when two clients race), the size cap evicts the least recently used entry of all
 * clients, and idle entries expire. MADE-UP TEST DATA (tests/unit/server/helpers/made-up-entries.ts).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFileText } from '../../../server/cache/disk-cache.ts';
import { RedisPriceCache } from '../../../server/cache/redis-price-cache.ts';
import { startRedisServer, type RedisServer } from '../../reliability/helpers/redis-server.ts';
import { madeUpEntry, weekdays } from './helpers/made-up-entries.ts';

let redis: RedisServer;
let first: Redis;
let second: Redis;
let prefixes = 0;

beforeAll(async () => {
  redis = await startRedisServer();
  [first, second] = [new Redis(redis.url), new Redis(redis.url)];
});

afterAll(async () => {
  first?.disconnect();
  second?.disconnect();
  await redis?.stop();
});

/** Caches on their own key prefix, so the tests of this file share one Redis without seeing each other. */
function cachesOn(clients: Redis[], options: { maxBytes?: number; idleMs?: number; log?: string[] } = {}) {
  prefixes += 1;
  const prefix = `test-${prefixes}:`;
  const caches = clients.map(
    (client) => new RedisPriceCache({ client, prefix, maxBytes: options.maxBytes ?? 1024 * 1024 * 1024, idleMs: options.idleMs, log: (line) => options.log?.push(line) }),
  );
  return { caches, prefix };
}

/** Bytes the cache counts for an entry: its stored JSON. */
const bytesOf = (entry: ReturnType<typeof madeUpEntry>) => Buffer.byteLength(cacheFileText(entry));

describe('the Redis price cache', () => {
  it('gives back exactly what was written, every digit, and a miss for a symbol it does not hold', async () => {
    const { caches: [cache] } = cachesOn([first]);
    const entry = madeUpEntry('7011.T', '2024-10-28', '2024-11-08', 1);
    entry.series.bars[0]!.close = 1234.5678901234567;
    entry.series.bars[1]!.volume = null;
    await cache!.put(entry);
    expect(await cache!.get('7011.T')).toEqual(entry);
    expect(await cache!.get('7013.T')).toBeUndefined();
  });

  it("merges a write with the stored range, whichever instance stored it", async () => {
    const { caches: [mine, theirs] } = cachesOn([first, second]);
    const january = madeUpEntry('7011.T', '2024-01-01', '2024-01-31', 1);
    const february = madeUpEntry('7011.T', '2024-02-01', '2024-02-29', 2);
    await theirs!.put(january);
    await mine!.put(february);
    const stored = await theirs!.get('7011.T');
    expect([stored?.from, stored?.to]).toEqual(['2024-01-01', '2024-02-29']);
    expect(stored?.series.bars).toEqual([...january.series.bars, ...february.series.bars]);
  });

  it('loses no write when eight writers on two connections merge ranges of one symbol at once', async () => {
    const { caches } = cachesOn([first, second]);
    // Every range holds June 2024, so any two of them join; together they span January to November.
    const writes = Array.from({ length: 8 }, (_, index) => {
      const month = String((index % 6) + 1).padStart(2, '0');
      const endMonth = String((index % 6) + 6).padStart(2, '0');
      return madeUpEntry('7011.T', `2024-${month}-01`, `2024-${endMonth}-28`, index + 1);
    });
    await Promise.all(writes.map((entry, index) => caches[index % 2]!.put(entry)));
    const stored = await caches[0]!.get('7011.T');
    expect([stored?.from, stored?.to]).toEqual(['2024-01-01', '2024-11-28']);
    expect(stored?.series.bars.map((bar) => bar.date)).toEqual(weekdays('2024-01-01', '2024-11-28'));
    // Each bar is the bar of a write whose range holds its date.
    for (const bar of stored?.series.bars ?? []) {
      const writer = writes[(bar.volume ?? 0) - 1];
      expect(writer && bar.date >= writer.from && bar.date <= writer.to).toBe(true);
      expect(writer?.series.bars.find((own) => own.date === bar.date)).toEqual(bar);
    }
  });

  it('evicts the least recently used entry beyond the cap, counting the uses of every client', async () => {
    const entries = ['AAA.T', 'BBB.T', 'CCC.T'].map((symbol) => madeUpEntry(symbol, '2024-01-01', '2024-03-31', 1));
    const size = bytesOf(entries[0]!);
    // Room for two entries, not three.
    const { caches: [mine, theirs], prefix } = cachesOn([first, second], { maxBytes: 2 * size + size / 2 });
    await mine!.put(entries[0]!);
    await mine!.put(entries[1]!);
    // The other instance reads AAA.T: now BBB.T is the least recently used.
    expect((await theirs!.get('AAA.T'))?.symbol).toBe('AAA.T');
    await theirs!.put(entries[2]!);
    expect(await mine!.get('BBB.T')).toBeUndefined();
    expect((await mine!.get('AAA.T'))?.symbol).toBe('AAA.T');
    expect((await mine!.get('CCC.T'))?.symbol).toBe('CCC.T');
    expect(await first.exists(`${prefix}price:BBB.T`)).toBe(0);
    expect(Number(await first.get(`${prefix}price-total`))).toBe(2 * size);
    expect(await first.zrange(`${prefix}price-lru`, 0, -1)).toEqual(['AAA.T', 'CCC.T']);
  });

  it('keeps an entry larger than the cap alone rather than none', async () => {
    const entry = madeUpEntry('BIG.T', '2024-01-01', '2024-12-31', 1);
    const { caches: [cache] } = cachesOn([first], { maxBytes: 100 });
    await cache!.put(madeUpEntry('SMALL.T', '2024-01-01', '2024-01-05', 1));
    await cache!.put(entry);
    expect(await cache!.get('SMALL.T')).toBeUndefined();
    expect(await cache!.get('BIG.T')).toEqual(entry);
  });

  it('lets an entry nobody uses expire, and takes it out of the size count when it is next asked for', async () => {
    const { caches: [cache], prefix } = cachesOn([first], { idleMs: 1_000 });
    await cache!.put(madeUpEntry('7011.T', '2024-01-01', '2024-01-31', 1));
    expect(Number(await first.get(`${prefix}price-total`))).toBeGreaterThan(0);
    await sleep(2_500);
    expect(await cache!.get('7011.T')).toBeUndefined();
    expect(Number(await first.get(`${prefix}price-total`))).toBe(0);
    expect(await first.zcard(`${prefix}price-lru`)).toBe(0);
  });

  it('renews the idle expiry of an entry each time it is read', async () => {
    const idleMs = 60_000;
    const { caches: [cache], prefix } = cachesOn([first], { idleMs });
    await cache!.put(madeUpEntry('7011.T', '2024-01-01', '2024-01-31', 1));
    const key = `${prefix}price:7011.T`;
    expect(await first.pttl(key)).toBeGreaterThan(idleMs - 10_000);
    // As if it had not been used for most of its idle time.
    await first.pexpire(key, 5_000);
    await cache!.get('7011.T');
    expect(await first.pttl(key)).toBeGreaterThan(idleMs - 10_000);
  });

  it('treats a stored value that does not parse as a miss, says so once, and replaces it with the next write', async () => {
    const log: string[] = [];
    const { caches: [cache], prefix } = cachesOn([first], { log });
    await first.hset(`${prefix}price:7011.T`, 'json', '{"format":"something else"}', 'version', '1');
    expect(await cache!.get('7011.T')).toBeUndefined();
    expect(await cache!.get('7011.T')).toBeUndefined();
    expect(log).toEqual(['cache: ignoring the Redis entry of 7011.T, which does not parse; the next live fetch replaces it']);
    const entry = madeUpEntry('7011.T', '2024-01-01', '2024-01-31', 1);
    await cache!.put(entry);
    expect(await cache!.get('7011.T')).toEqual(entry);
  });
});
