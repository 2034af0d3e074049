/**
 * Compression (br, gzip) and revalidation (strong ETags, 304) of the app's answers, in-process on
 * the REAL offline snapshot and a made-up built app, and Cache-Control on every answer.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { DiskPriceCache } from '../../../server/cache/disk-cache.ts';
import { chooseCoding } from '../../../server/http/compression.ts';
import { SnapshotSource } from '../../../server/sources/snapshot-source.ts';
import { YahooPriceSource } from '../../../server/sources/yahoo-source.ts';
import { computeStudyJob } from '../../../server/study/study-job.ts';
import { PROJECT_ROOT } from '../../../server/versions.ts';
import { tempDir } from './helpers/temp-snapshot.ts';
import { tokyoYahoo } from './helpers/yahoo-fake.ts';

const NOW = new Date('2026-11-28T07:00:00.000Z');
const SNAPSHOT = new SnapshotSource(path.join(PROJECT_ROOT, 'data/snapshot'));
/** MADE-UP TEST DATA: a "bundle" large enough (over 1 kB) to be compressed. */
const BUNDLE = `/* made-up bundle */\n${Array.from({ length: 200 }, (_, index) => `console.log("line ${index}");`).join('\n')}\n`;
const PRICES = '/api/prices?symbols=7011.T,7013.T,TOPIX&from=2023-01-01&to=2025-03-31';

let staticDir: string;

beforeAll(async () => {
  staticDir = await tempDir('dist');
  await mkdir(path.join(staticDir, 'assets'));
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Kabuto test page</title>');
  await writeFile(path.join(staticDir, 'assets', 'index-3f2a9c.js'), BUNDLE);
});

function snapshotApp() {
  return createApp({ mode: 'snapshot', sources: { snapshot: SNAPSHOT }, runStudyJob: computeStudyJob, staticDir, now: () => NOW });
}

async function get(app: ReturnType<typeof createApp>, url: string, headers: Record<string, string> = {}) {
  const response = await app.request(url, { headers });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('chooseCoding (Accept-Encoding, RFC 9110 §12.5.3)', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', undefined],
    ['*', 'br'],
    ['*;q=0.1, gzip;q=0.5', 'gzip'],
    ['identity', undefined],
    ['', undefined],
    ['BR', 'br'],
  ])('%j → %s', (header, coding) => {
    expect(chooseCoding(header)).toBe(coding);
  });
});

describe('compression', () => {
  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('sends static files, JSON and CSV as %s when asked, decoding to the same bytes', async (coding, decode) => {
    const app = snapshotApp();
    for (const url of ['/assets/index-3f2a9c.js', PRICES, '/api/study.csv', '/api/symbols']) {
      const plain = await get(app, url);
      const encoded = await get(app, url, { 'Accept-Encoding': coding });
      expect(encoded.response.headers.get('content-encoding')).toBe(coding);
      expect(encoded.response.headers.get('vary')).toBe('Accept-Encoding');
      expect(Number(encoded.response.headers.get('content-length'))).toBe(encoded.bytes.byteLength);
      expect(encoded.bytes.byteLength).toBeLessThan(plain.bytes.byteLength / 2);
      expect(decode(encoded.bytes).equals(plain.bytes)).toBe(true);
      expect(plain.response.headers.get('content-encoding')).toBeNull();
    }
  });

  it('leaves small answers and answers to clients that accept no coding as they are', async () => {
    const app = snapshotApp();
    expect((await get(app, '/api/health', { 'Accept-Encoding': 'br' })).response.headers.get('content-encoding')).toBeNull();
    expect((await get(app, PRICES, { 'Accept-Encoding': 'identity' })).response.headers.get('content-encoding')).toBeNull();
  });
});

describe('revalidation', () => {
  it.each(['/assets/index-3f2a9c.js', '/', PRICES, '/api/symbols', '/api/study.csv', '/api/study-manifest.json'])('%s carries a strong ETag and answers If-None-Match with 304', async (url) => {
    const app = snapshotApp();
    const first = await get(app, url);
    const etag = first.response.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const brotli = (await get(app, url, { 'Accept-Encoding': 'br' })).response.headers.get('etag') ?? '';
    for (const given of [etag, `W/${etag}`, `"other", ${etag}`, brotli, '*']) {
      const again = await get(app, url, { 'If-None-Match': given, 'Accept-Encoding': 'br' });
      expect(again.response.status).toBe(304);
      expect(again.bytes.byteLength).toBe(0);
      expect(again.response.headers.get('etag')).toBe(url === '/' ? etag : brotli);
      expect(again.response.headers.get('cache-control')).toBe(first.response.headers.get('cache-control'));
    }
    expect((await get(app, url, { 'If-None-Match': '"not-this-one"' })).response.status).toBe(200);
  });

  it('gives each coding its own ETag, and the same body the same ETag on every request', async () => {
    const app = snapshotApp();
    const tags = await Promise.all(['identity', 'br', 'gzip', 'identity'].map(async (coding) => (await get(app, PRICES, { 'Accept-Encoding': coding })).response.headers.get('etag')));
    expect(new Set(tags).size).toBe(3);
    expect(tags[0]).toBe(tags[3]);
    expect(tags[1]).toBe(`${tags[0]?.slice(0, -1)}-br"`);
  });

  it('does not offer revalidation for live answers, which are never stored', async () => {
    const app = createApp({
      mode: 'live',
      sources: { snapshot: SNAPSHOT, live: new YahooPriceSource({ fetch: tokyoYahoo().fetch, now: () => NOW }) },
      cache: new DiskPriceCache({ directory: await tempDir('cache') }),
      runStudyJob: computeStudyJob,
      now: () => NOW,
    });
    const { response } = await get(app, '/api/prices?symbols=7011.T&from=2024-10-28&to=2024-11-08');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('Cache-Control on every answer', () => {
  it.each([
    ['/assets/index-3f2a9c.js', 200, 'public, max-age=31536000, immutable'],
    ['/', 200, 'no-cache'],
    [PRICES, 200, 'no-cache'],
    ['/api/health', 200, 'no-store'],
    ['/assets/missing-0000.js', 404, 'no-store'],
    ['/api/nothing-here', 404, 'no-store'],
    ['/api/prices?symbols=../x&from=2024-01-01&to=2024-01-02', 400, 'no-store'],
  ])('%s → %i with Cache-Control %s', async (url, status, cacheControl) => {
    const { response } = await get(snapshotApp(), url);
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe(cacheControl);
  });
});
