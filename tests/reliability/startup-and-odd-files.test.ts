/**
 * Issue 11, finding 5: a cache folder the server could not tidy (read-only, holding a leftover
 * temporary file) stopped it from starting, even in snapshot mode, which does not use the cache;
 * a FIFO named like a cache entry hung its requests forever, and five of them took libuv's whole
 * thread pool, after which every request and SIGTERM hung. Against the REAL server process.
 *
 * An undeletable leftover is made by a folder named like one (removing it as a file fails for any
 * user on any file system); a read-only mount or chattr would need privileges CI does not have.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PricesResponse } from '../../src/domain/price-api.ts';
import { startFakeYahoo, type FakeYahoo } from './helpers/fake-yahoo.ts';
import { FAKE_YAHOO_ENTRY, MAIN_ENTRY, startServerProcess, type ServerProcess } from './helpers/server-process.ts';
import { tempRoot } from './helpers/temp-folders.ts';

const TEST_TIMEOUT_MS = 60_000;
const LEFTOVER = '7011_2eT.json.4242.0b0e3f6a-1c2d-4e5f-8a9b-0c1d2e3f4a5b.tmp';
const RANGE = 'from=2024-10-28&to=2024-11-08';

let yahoo: FakeYahoo;
let root: string;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  yahoo = await startFakeYahoo();
  root = await tempRoot('startup');
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await yahoo?.close();
});

async function start(entry: string, env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(entry, { FAKE_YAHOO_ORIGIN: yahoo.origin, ...env });
  servers.push(server);
  return server;
}

/** A cache folder holding a leftover temporary file that cannot be removed. */
async function untidyCache(name: string): Promise<string> {
  const cacheDir = path.join(root, name);
  await mkdir(path.join(cacheDir, LEFTOVER, 'inside'), { recursive: true });
  return cacheDir;
}

async function pricesOf(server: ServerProcess, symbols: string): Promise<{ status: number; body: PricesResponse }> {
  const response = await fetch(`${server.url}/api/prices?symbols=${symbols}&${RANGE}`);
  return { status: response.status, body: (await response.json()) as PricesResponse };
}

describe('finding 5: start-up with a cache it cannot tidy', () => {
  it('snapshot mode starts without touching the cache folder at all', async () => {
    const cacheDir = await untidyCache('cache-snapshot');
    const server = await start(MAIN_ENTRY, { PRICE_SOURCE: 'snapshot', KABUTO_CACHE_DIR: cacheDir });
    expect((await pricesOf(server, '7011.T')).status).toBe(200);
    expect(server.log()).not.toContain('cache:');
    expect(await readdir(cacheDir)).toEqual([LEFTOVER]);
  });

  it('live mode starts, logs what it could not remove, and serves', async () => {
    const cacheDir = await untidyCache('cache-live');
    const server = await start(FAKE_YAHOO_ENTRY, { PRICE_SOURCE: 'live', KABUTO_CACHE_DIR: cacheDir });
    expect(server.log()).toMatch(new RegExp(`cache: could not remove ${LEFTOVER.replace(/\./g, '\\.')} \\(.+\\); it stays, and is never read`));
    const answer = await pricesOf(server, '7011.T');
    expect(answer.status).toBe(200);
    expect(answer.body.series[0]?.source).toBe('live');
  });

  it('auto mode starts when the cache folder cannot even be listed, and still answers', async () => {
    const notAFolder = path.join(root, 'cache-is-a-file');
    await writeFile(notAFolder, 'not a folder');
    const server = await start(FAKE_YAHOO_ENTRY, { PRICE_SOURCE: 'auto', KABUTO_CACHE_DIR: notAFolder });
    expect(server.log()).toMatch(/cache: cannot list .*cache-is-a-file to tidy it \(ENOTDIR/);
    const answer = await pricesOf(server, '7011.T');
    expect(answer.status).toBe(200);
    expect(answer.body.series[0]?.source).toBe('live');
    expect(server.log()).toMatch(/cache: could not write 7011\.T/);
  });
});

describe('finding 5: FIFOs named like cache entries', () => {
  it('five of them hang nothing: their symbols are fetched live, other requests answer, SIGTERM ends the process', async () => {
    const cacheDir = path.join(root, 'cache-fifos');
    await mkdir(cacheDir);
    const symbols = ['7011.T', '7013.T', 'F1.T', 'F2.T', 'F3.T'];
    for (const symbol of symbols) execFileSync('mkfifo', [path.join(cacheDir, `${symbol.replace('.', '_2e')}.json`)]);
    const server = await start(FAKE_YAHOO_ENTRY, { PRICE_SOURCE: 'live', KABUTO_CACHE_DIR: cacheDir });
    const answers = await Promise.all(symbols.map((symbol) => pricesOf(server, symbol)));
    expect(answers.map((answer) => [answer.status, answer.body.series[0]?.source])).toEqual(symbols.map(() => [200, 'live']));
    // Still answering after that, including a request that reads files (the snapshot's symbols).
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/symbols`)).status).toBe(200);
    expect(server.log().match(/which is not a regular file/g)).toHaveLength(symbols.length);
    await server.stop();
    expect(await server.exited).toBe(0);
  }, TEST_TIMEOUT_MS);
});
