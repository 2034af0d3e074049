/**
 * Issue 11, finding 7: nothing was compressed, nothing revalidated, a 404 had no Cache-Control, and
 * a study CSV built from stale prices looked like any other. Against the REAL server process over
 * node:http (which, unlike fetch, shows the bytes as sent): br and gzip for static files, JSON and
 * CSV; strong ETags answered with 304; Cache-Control on every answer.
 */
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeYahoo, type FakeYahoo } from './helpers/fake-yahoo.ts';
import { madeUpChart } from './helpers/made-up-chart.ts';
import { FAKE_YAHOO_ENTRY, MAIN_ENTRY, startServerProcess, type ServerProcess } from './helpers/server-process.ts';
import { madeUpStaticApp, tempRoot } from './helpers/temp-folders.ts';

const BUNDLE = '/assets/big-0a1b2c.js';
const PRICES = '/api/prices?symbols=7011.T,7013.T,TOPIX&from=2023-01-01&to=2025-03-31';
const STUDY = '/api/study.csv?events=us-election-2024&securities=7011.T,7013.T';

let yahoo: FakeYahoo;
let snapshot: ServerProcess;
let auto: ServerProcess;
let live: ServerProcess;

beforeAll(async () => {
  yahoo = await startFakeYahoo();
  const root = await tempRoot('compression');
  const staticDir = await madeUpStaticApp(path.join(root, 'static'));
  // MADE-UP TEST DATA: a bundle large enough to be worth compressing.
  await writeFile(path.join(staticDir, BUNDLE), Array.from({ length: 2_000 }, (_, index) => `console.log("made-up line ${index}");`).join('\n'));
  // MADE-UP TEST DATA: years of made-up bars, enough for a live study's estimation window.
  for (const symbol of ['7011.T', '7013.T', 'TOPIX']) yahoo.setChart(symbol, madeUpChart(symbol, '2021-01-04', '2025-03-31'));
  [snapshot, auto, live] = await Promise.all([
    startServerProcess(MAIN_ENTRY, { PRICE_SOURCE: 'snapshot', KABUTO_STATIC_DIR: staticDir, KABUTO_CACHE_DIR: path.join(root, 'cache-snapshot') }),
    startServerProcess(FAKE_YAHOO_ENTRY, { FAKE_YAHOO_ORIGIN: yahoo.origin, PRICE_SOURCE: 'auto', KABUTO_STATIC_DIR: staticDir, KABUTO_CACHE_DIR: path.join(root, 'cache-auto') }),
    startServerProcess(FAKE_YAHOO_ENTRY, { FAKE_YAHOO_ORIGIN: yahoo.origin, PRICE_SOURCE: 'live', KABUTO_STATIC_DIR: staticDir, KABUTO_CACHE_DIR: path.join(root, 'cache-live') }),
  ]);
});

afterAll(async () => {
  await Promise.all([snapshot?.stop(), auto?.stop(), live?.stop()]);
  await yahoo?.close();
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(server: ServerProcess, target: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${server.url}${target}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('finding 7: compression', () => {
  it.each([BUNDLE, PRICES, STUDY])('%s goes out as br (or gzip when that is all the client takes) and decodes to the plain bytes', async (target) => {
    const plain = await get(snapshot, target);
    const brotli = await get(snapshot, target, { 'Accept-Encoding': 'br, gzip' });
    const gzip = await get(snapshot, target, { 'Accept-Encoding': 'gzip' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    console.info(`${target.split('?')[0]}: ${plain.body.byteLength} bytes plain, ${brotli.body.byteLength} br, ${gzip.body.byteLength} gzip`);
    expect(brotli.body.byteLength).toBeLessThan(plain.body.byteLength / 2);
    expect(brotli.headers.vary).toBe('Accept-Encoding');
  });
});

describe('finding 7: revalidation', () => {
  it.each([BUNDLE, '/', PRICES, STUDY, '/api/symbols'])('%s carries a strong ETag; If-None-Match with it gets 304 and no body', async (target) => {
    const first = await get(snapshot, target, { 'Accept-Encoding': 'br, gzip' });
    const etag = String(first.headers.etag ?? '');
    expect(etag).toMatch(/^"[\w-]{22}(-br)?"$/);
    const again = await get(snapshot, target, { 'Accept-Encoding': 'br, gzip', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe(first.headers['cache-control']);
    expect(again.headers['content-security-policy']).toBeDefined();
  });

  it('a study CSV from stale prices says so on every row, and is never stored, so it carries no ETag', async () => {
    yahoo.setFault(() => 'server-error');
    try {
      const stale = await get(auto, STUDY);
      expect(stale.status).toBe(200);
      expect(stale.headers['cache-control']).toBe('no-store');
      expect(stale.headers.etag).toBeUndefined();
      expect(sourcesOf(stale.body)).toEqual(new Set(['snapshot-stale snapshot-stale']));
    } finally {
      yahoo.setFault(() => 'ok');
    }
  });

  it('a study CSV from live prices says live, and cache once they come from the cache', async () => {
    const query = '/api/study.csv?events=us-election-2024&securities=7011.T,7013.T&window=-4:10';
    const fresh = await get(live, query);
    expect(fresh.status).toBe(200);
    expect(sourcesOf(fresh.body)).toEqual(new Set(['live live']));
    const again = await get(live, `${query}&model=market-adjusted`);
    expect(sourcesOf(again.body)).toEqual(new Set(['cache cache']));
  });
});

/** The (price_source, benchmark_price_source) pairs of a per-security CSV's rows, read by column name. */
function sourcesOf(body: Buffer): Set<string> {
  const [header = '', ...rows] = body.toString('utf8').split('\r\n').filter((line) => line !== '');
  const columns = header.split(',');
  const [security, benchmark] = [columns.indexOf('price_source'), columns.indexOf('benchmark_price_source')];
  expect(security).toBeGreaterThan(0);
  expect(rows.length).toBeGreaterThan(0);
  // No cell of these rows holds a comma (the reason column is empty when volume is there).
  return new Set(rows.map((row) => row.split(',')).map((cells) => `${cells[security]} ${cells[benchmark]}`));
}

describe('finding 7: Cache-Control on every answer', () => {
  it.each([
    [BUNDLE, 200, 'public, max-age=31536000, immutable'],
    ['/', 200, 'no-cache'],
    ['/assets/missing-0000.js', 404, 'no-store'],
    ['/favicon.ico', 404, 'no-store'],
    ['/api/nothing', 404, 'no-store'],
    ['/api/health', 200, 'no-store'],
  ])('%s → %i, Cache-Control: %s', async (target, status, cacheControl) => {
    const answer = await get(snapshot, target);
    expect(answer.status).toBe(status);
    expect(answer.headers['cache-control']).toBe(cacheControl);
  });
});
