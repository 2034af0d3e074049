/**
 * A REAL server process in auto mode whose Redis (Debian's redis-server on a free port) is not
 * there at start, comes, dies, comes back and hangs: the server never fails to start, never
 * crashes, never hangs, logs one line per change, and answers from its own cache folder (or the
 * snapshot) meanwhile. And snapshot mode, told of a Redis, never connects to it.
 */
import { readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PricesResponse } from '../../src/domain/price-api.ts';
import { startFakeYahoo, type FakeYahoo } from './helpers/fake-yahoo.ts';
import { freePort, startRedisServer, type RedisServer } from './helpers/redis-server.ts';
import { FAKE_YAHOO_ENTRY, MAIN_ENTRY, startServerProcess, type ServerProcess } from './helpers/server-process.ts';
import { tempRoot } from './helpers/temp-folders.ts';

const RANGE = 'from=2024-10-28&to=2024-11-08';
/** Reconnection attempts come at most 2 s apart; this leaves room for a busy machine. */
const LOG_WAIT_MS = 15_000;

let yahoo: FakeYahoo;
let server: ServerProcess;
let redis: RedisServer | undefined;
let redisPort: number;
let cacheDir: string;

beforeAll(async () => {
  yahoo = await startFakeYahoo();
  redisPort = await freePort();
  cacheDir = path.join(await tempRoot('redis-outage'), 'cache');
  server = await startServerProcess(FAKE_YAHOO_ENTRY, {
    FAKE_YAHOO_ORIGIN: yahoo.origin,
    PRICE_SOURCE: 'auto',
    KABUTO_REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    KABUTO_CACHE_DIR: cacheDir,
    KABUTO_UPSTREAM_BACKOFF_MS: '0',
  });
});

afterAll(async () => {
  await server?.stop();
  await Promise.all([yahoo?.close(), redis?.stop()]);
});

async function prices(symbols: string): Promise<{ status: number; body: PricesResponse; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${server.url}/api/prices?symbols=${symbols}&${RANGE}`);
  return { status: response.status, body: (await response.json()) as PricesResponse, ms: performance.now() - started };
}

async function logLines(pattern: RegExp, count: number): Promise<string[]> {
  const started = performance.now();
  for (;;) {
    const lines = server.log().split('\n').filter((line) => pattern.test(line));
    if (lines.length >= count) return lines;
    if (performance.now() - started > LOG_WAIT_MS) throw new Error(`no ${count} log line(s) matching ${pattern} within ${LOG_WAIT_MS} ms; the log: ${server.log()}`);
    await sleep(50);
  }
}

async function inRedis(key: string): Promise<boolean> {
  const client = new Redis(`redis://127.0.0.1:${redisPort}`);
  try {
    return (await client.exists(key)) === 1;
  } finally {
    client.disconnect();
  }
}

const LOST = /redis: (cannot reach|lost) redis:\/\/127\.0\.0\.1:\d+ .*this instance uses its own cache and memory until Redis answers/;
const ANSWERS = /redis: redis:\/\/127\.0\.0\.1:\d+ answers again; /;

describe('a Redis that comes and goes', () => {
  it('not there at start: the server starts all the same, says so, and answers from its own cache folder', async () => {
    expect(await logLines(/redis: cannot reach/, 1)).toHaveLength(1);
    const answer = await prices('7011.T');
    expect(answer.status).toBe(200);
    expect(answer.body.series[0]?.source).toBe('live');
    expect(await readdir(cacheDir)).toContain('7011_2eT.json');
  });

  it('started later: the server finds it by itself and shares from then on', async () => {
    redis = await startRedisServer(redisPort);
    await logLines(ANSWERS, 1);
    expect((await prices('7013.T')).status).toBe(200);
    expect(await inRedis('kabuto:price:7013.T')).toBe(true);
  });

  it('stopped mid-run: every request still answers, and the loss is one log line however many requests meet it', async () => {
    await redis?.stop();
    for (const symbol of ['LMT', 'RTX', 'NOC']) {
      const answer = await prices(symbol);
      expect(answer.status).toBe(200);
      expect(answer.body.series[0]?.source).toBe('live');
    }
    expect(await readdir(cacheDir)).toEqual(expect.arrayContaining(['LMT.json', 'RTX.json', 'NOC.json']));
    expect(server.log().split('\n').filter((line) => LOST.test(line))).toHaveLength(2);
  });

  it('with Yahoo failing as well, auto mode answers from the snapshot', async () => {
    yahoo.setFault(() => 'server-error');
    const answer = await prices('7012.T');
    yahoo.setFault(() => 'ok');
    expect(answer.status).toBe(200);
    expect(answer.body.series[0]).toMatchObject({ source: 'snapshot', stale: true });
  });

  it('back: sharing resumes, one log line', async () => {
    await redis?.restart();
    expect(await logLines(ANSWERS, 2)).toHaveLength(2);
    expect((await prices('GD')).status).toBe(200);
    expect(await inRedis('kabuto:price:GD')).toBe(true);
  });

  it('hanging (SIGSTOP): a request waits one command timeout at most, not for ever, and the next ones skip Redis', async () => {
    redis?.pause();
    try {
      const first = await prices('6503.T');
      expect(first.status).toBe(200);
      // The command timeout is 1 s; a request meets it a few times at most before Redis is marked down.
      expect(first.ms).toBeLessThan(8_000);
      expect(await logLines(LOST, 3)).toHaveLength(3);
      const next = await prices('6701.T');
      expect(next.status).toBe(200);
    } finally {
      redis?.resume();
    }
    expect(await logLines(ANSWERS, 3)).toHaveLength(3);
    expect(server.child.exitCode).toBeNull();
  });
});

describe('snapshot mode', () => {
  let listener: Server;
  let connections = 0;
  let snapshotServer: ServerProcess;

  beforeAll(async () => {
    // Stands where a Redis would be, counting who connects.
    listener = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const address = listener.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    snapshotServer = await startServerProcess(MAIN_ENTRY, { PRICE_SOURCE: 'snapshot', KABUTO_REDIS_URL: `redis://127.0.0.1:${port}` });
  });

  afterAll(async () => {
    await snapshotServer?.stop();
    await new Promise((resolve) => listener?.close(resolve));
  });

  it('never connects to Redis, and says it does not', async () => {
    const response = await fetch(`${snapshotServer.url}/api/prices?symbols=7011.T&${RANGE}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as PricesResponse).series[0]?.source).toBe('snapshot');
    expect(connections).toBe(0);
    expect(snapshotServer.log()).toContain('KABUTO_REDIS_URL is not used in snapshot mode: Redis is not contacted');
  });
});
