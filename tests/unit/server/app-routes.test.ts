import { readFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pricesResponseSchema, type PricesResponse, type SymbolsResponse } from '../../../src/domain/price-api.ts';
import { createApp } from '../../../server/app.ts';
import type { HealthResponse } from '../../../src/domain/price-api.ts';
import { ConfigurationError } from '../../../server/errors.ts';
import { MAX_SYMBOLS } from '../../../server/request-validation.ts';
import { CONTENT_SECURITY_POLICY } from '../../../server/security-headers.ts';
import { SnapshotSource } from '../../../server/sources/snapshot-source.ts';
import { YahooPriceSource } from '../../../server/sources/yahoo-source.ts';
import { computeStudyJob } from '../../../server/study/study-job.ts';
import { DiskPriceCache } from '../../../server/cache/disk-cache.ts';
import { PROJECT_ROOT } from '../../../server/versions.ts';
import { tempDir } from './helpers/temp-snapshot.ts';
import { tokyoYahoo } from './helpers/yahoo-fake.ts';

const NOW = new Date('2026-11-28T07:00:00.000Z');
const REAL_SNAPSHOT = path.join(PROJECT_ROOT, 'data/snapshot');
const manifest = JSON.parse(readFileSync(path.join(REAL_SNAPSHOT, 'manifest.json'), 'utf8')) as { builtAt: string; series: { symbol: string; name: string }[] };

let staticDir: string;
let cacheDir: string;

beforeAll(async () => {
  staticDir = await tempDir('dist');
  await mkdir(path.join(staticDir, 'assets'));
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Kabuto test page</title>');
  await writeFile(path.join(staticDir, 'assets', 'index-3f2a9c.js'), 'console.log("test bundle")');
  await writeFile(path.join(staticDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  cacheDir = await tempDir('cache');
});

function snapshotApp() {
  return createApp({ mode: 'snapshot', sources: { snapshot: new SnapshotSource(REAL_SNAPSHOT) }, runStudyJob: computeStudyJob, staticDir, now: () => NOW });
}

function expectSecurityHeaders(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error;
}

describe('GET /api/health', () => {
  it('reports mode and versions (app from package.json, Node, yahoo-finance2 as installed)', async () => {
    const response = await snapshotApp().request('/api/health');
    expect(response.status).toBe(200);
    const installed = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'node_modules/yahoo-finance2/package.json'), 'utf8')) as { version: string };
    const app = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await response.json()) as HealthResponse).toEqual({ status: 'ok', mode: 'snapshot', version: app.version, node: process.version, yahooFinance2: installed.version });
    expect(installed.version).toMatch(/^3\./);
    expectSecurityHeaders(response);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers HEAD without a body', async () => {
    const response = await snapshotApp().request('/api/health', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('GET /api/symbols', () => {
  it('lists every snapshot series with name, exchange and coverage', async () => {
    const response = await snapshotApp().request('/api/symbols');
    expect(response.status).toBe(200);
    const body = (await response.json()) as SymbolsResponse;
    expect(body.symbols.map((info) => [info.symbol, info.name])).toEqual(manifest.series.map((entry) => [entry.symbol, entry.name]));
    expect(body.symbols.find((info) => info.symbol === '7011.T')).toMatchObject({ exchange: 'XTKS', exchangeTimezoneName: 'Asia/Tokyo', currency: 'JPY', kind: 'equity' });
    expect(Object.keys(body.symbols[0] ?? {}).sort()).toEqual(['benchmarks', 'currency', 'exchange', 'exchangeTimezoneName', 'firstDate', 'gaps', 'kind', 'lastDate', 'name', 'rows', 'symbol']);
  });
});

describe('GET /api/prices in snapshot mode', () => {
  it('serves 7011.T and 7013.T from the snapshot with provenance, dated on Tokyo trading days', async () => {
    const response = await snapshotApp().request('/api/prices?symbols=7011.T,7013.T&from=2024-11-05&to=2024-11-07');
    expect(response.status).toBe(200);
    const body = (await response.json()) as PricesResponse;
    expect(body).toMatchObject({ mode: 'snapshot', from: '2024-11-05', to: '2024-11-07', warnings: [] });
    expect(body.series.map((series) => [series.symbol, series.source, series.stale, series.fetchedAt])).toEqual([
      ['7011.T', 'snapshot', false, manifest.builtAt],
      ['7013.T', 'snapshot', false, manifest.builtAt],
    ]);
    // CROSSCHECK.md: MHI 2060.0 → 2263.0 (+9.85%), IHI 1111.4 → 1325.7 (+19.28%, ÷7 scale).
    expect(body.series[0]?.bars.map((bar) => [bar.date, bar.close])).toEqual([['2024-11-05', 2060], ['2024-11-06', 2263], ['2024-11-07', 2256]]);
    expect(body.series[1]?.bars.map((bar) => bar.close)).toEqual([1111.4, 1325.7, 1326.4]);
    expect(body.series[0]?.provenance.repository).toBe('keroppa88/chart0');
    expect(Object.keys(body.series[0] ?? {}).sort()).toEqual(
      ['bars', 'currency', 'exchange', 'exchangeTimezoneName', 'fetchedAt', 'name', 'provenance', 'source', 'stale', 'symbol'],
    );
  });

  it('answers the README example range (2023-01-01 to 2025-03-31) in full', async () => {
    const response = await snapshotApp().request('/api/prices?symbols=7011.T,7013.T&from=2023-01-01&to=2025-03-31');
    const body = (await response.json()) as PricesResponse;
    expect(response.status).toBe(200);
    expect(body.series.map((series) => [series.bars[0]?.date, series.bars.at(-1)?.date])).toEqual([
      ['2023-01-04', '2025-03-31'],
      ['2023-01-04', '2025-03-31'],
    ]);
  });

  it('404s a well-formed symbol the snapshot does not hold when it is the only one asked for, naming it', async () => {
    const response = await snapshotApp().request('/api/prices?symbols=7203.T&from=2024-11-01&to=2024-11-07');
    expect(response.status).toBe(404);
    const error = await errorOf(response);
    expect(error.code).toBe('UNKNOWN_SYMBOL');
    expect(error.message).toMatch(/^7203\.T is not in the offline snapshot/);
    expectSecurityHeaders(response);
  });

  it('answers the other symbols with 200 and names the one the snapshot does not hold in failures', async () => {
    const response = await snapshotApp().request('/api/prices?symbols=7011.T,7203.T,TOPIX&from=2024-11-01&to=2024-11-07');
    expect(response.status).toBe(200);
    const body = pricesResponseSchema.parse(await response.json());
    expect(body.series.map((series) => series.symbol)).toEqual(['7011.T', 'TOPIX']);
    expect(body.series[0]?.bars.length).toBeGreaterThan(0);
    expect(body.failures).toEqual([{ symbol: '7203.T', code: 'UNKNOWN_SYMBOL', message: expect.stringMatching(/^7203\.T is not in the offline snapshot/) }]);
  });
});

const RANGE = 'from=2024-11-01&to=2024-11-07';
const BAD_REQUESTS: [string, string, string][] = [
  ['path traversal ../', `/api/prices?symbols=../../etc/passwd&${RANGE}`, 'INVALID_SYMBOL'],
  ['encoded traversal %2e%2e%2f', `/api/prices?symbols=%2e%2e%2f%2e%2e%2fpackage.json&${RANGE}`, 'INVALID_SYMBOL'],
  ['a slash', `/api/prices?symbols=7011.T%2F..&${RANGE}`, 'INVALID_SYMBOL'],
  ['unicode (katakana)', `/api/prices?symbols=%E3%83%86%E3%82%B9%E3%83%88&${RANGE}`, 'INVALID_SYMBOL'],
  ['full-width digits', `/api/prices?symbols=%EF%BC%97%EF%BC%90%EF%BC%91%EF%BC%91.T&${RANGE}`, 'INVALID_SYMBOL'],
  ['header injection CRLF', `/api/prices?symbols=7011.T%0d%0aSet-Cookie:%20x=1&${RANGE}`, 'INVALID_SYMBOL'],
  ['a script tag', `/api/prices?symbols=%3Cscript%3Ealert(1)%3C/script%3E&${RANGE}`, 'INVALID_SYMBOL'],
  ['an empty symbols parameter', `/api/prices?symbols=&${RANGE}`, 'INVALID_SYMBOL'],
  ['a query array', `/api/prices?symbols=7011.T&symbols=7013.T&${RANGE}`, 'INVALID_QUERY'],
  ['from twice', `/api/prices?symbols=7011.T&from=2024-11-01&from=2024-11-02&to=2024-11-07`, 'INVALID_QUERY'],
  ['28 symbols', `/api/prices?symbols=${Array.from({ length: MAX_SYMBOLS + 1 }, (_, index) => `${7000 + index}.T`).join(',')}&${RANGE}`, 'TOO_MANY_SYMBOLS'],
  ['1,000 symbols', `/api/prices?symbols=${Array.from({ length: 1_000 }, (_, index) => `S${index}`).join(',')}&${RANGE}`, 'INVALID_QUERY'],
  ['an overlong unrelated parameter', `/api/prices?symbols=7011.T&${RANGE}&x=${'a'.repeat(5_000)}`, 'INVALID_QUERY'],
  ['a missing symbols parameter', `/api/prices?${RANGE}`, 'INVALID_QUERY'],
  ['a missing from', '/api/prices?symbols=7011.T&to=2024-11-07', 'INVALID_QUERY'],
  ['an unparseable date', '/api/prices?symbols=7011.T&from=06/11/2024&to=2024-11-07', 'INVALID_DATE'],
  ['an impossible date', '/api/prices?symbols=7011.T&from=2024-02-30&to=2024-11-07', 'INVALID_DATE'],
  ['reversed dates', '/api/prices?symbols=7011.T&from=2024-11-07&to=2024-11-01', 'INVALID_RANGE'],
  ['a range over 20 years', '/api/prices?symbols=7011.T&from=2000-01-01&to=2024-11-07', 'INVALID_RANGE'],
];

describe('bad input gets 400 with a readable JSON error, and never reaches Yahoo or the disk', () => {
  it.each(BAD_REQUESTS)('%s', async (_label, url, code) => {
    const yahoo = tokyoYahoo();
    const emptyCache = await tempDir('cache');
    const app = createApp({
      mode: 'auto',
      sources: { snapshot: new SnapshotSource(REAL_SNAPSHOT), live: new YahooPriceSource({ fetch: yahoo.fetch, now: () => NOW }) },
      cache: new DiskPriceCache({ directory: emptyCache }),
      runStudyJob: computeStudyJob,
      staticDir,
      now: () => NOW,
    });
    const response = await app.request(url);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe(code);
    expectSecurityHeaders(response);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(yahoo.calls).toEqual([]);
    expect(await readdir(emptyCache)).toEqual([]);
  });
});

describe('other API paths and methods', () => {
  it('404s an unknown /api path as JSON (not the app page)', async () => {
    for (const url of ['/api/nope', '/api', '/api/prices/extra']) {
      const response = await snapshotApp().request(url);
      expect([url, response.status]).toEqual([url, 404]);
      expect((await errorOf(response)).code).toBe('NOT_FOUND');
      expectSecurityHeaders(response);
    }
  });

  it('405s other methods on API routes, with Allow', async () => {
    const response = await snapshotApp().request('/api/prices?symbols=7011.T&from=2024-11-01&to=2024-11-07', { method: 'POST', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect((await errorOf(response)).code).toBe('METHOD_NOT_ALLOWED');
  });

  it('405s writes to the static app too', async () => {
    const response = await snapshotApp().request('/index.html', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expectSecurityHeaders(response);
  });

  it('refuses to start live or auto mode without a live source', () => {
    expect(() => createApp({ mode: 'live', sources: { snapshot: new SnapshotSource(REAL_SNAPSHOT) }, runStudyJob: computeStudyJob, now: () => NOW })).toThrow(ConfigurationError);
  });
});

describe('the built app (dist/)', () => {
  it('serves index.html at / for revalidation, with the security headers', async () => {
    const response = await snapshotApp().request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('Kabuto test page');
    expectSecurityHeaders(response);
  });

  it('serves hashed assets as immutable JavaScript', async () => {
    const response = await snapshotApp().request('/assets/index-3f2a9c.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('console.log("test bundle")');
  });

  it('falls back to index.html for client-side routes', async () => {
    for (const url of ['/events/us-election-2024', '/securities', '/deep/link?x=1']) {
      const response = await snapshotApp().request(url);
      expect([url, response.status]).toEqual([url, 200]);
      expect(await response.text()).toContain('Kabuto test page');
    }
  });

  it('404s a missing asset instead of sending HTML as JavaScript', async () => {
    const response = await snapshotApp().request('/assets/index-000000.js');
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('NOT_FOUND');
  });

  it('never serves files outside dist/', async () => {
    for (const url of ['/%2e%2e/package.json', '/../package.json', '/assets/%2e%2e/%2e%2e/package.json']) {
      const response = await snapshotApp().request(url);
      expect(await response.text()).not.toContain('"devDependencies"');
    }
    for (const url of ['/..%2fpackage.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e%5cpackage.json', '/a%00b']) {
      const response = await snapshotApp().request(url);
      expect([url, response.status]).toEqual([url, 400]);
      expect((await errorOf(response)).code).toBe('INVALID_PATH');
    }
  });

  it('explains how to build the app when dist/ is missing', async () => {
    const app = createApp({ mode: 'snapshot', sources: { snapshot: new SnapshotSource(REAL_SNAPSHOT) }, runStudyJob: computeStudyJob, staticDir: path.join(cacheDir, 'no-dist'), now: () => NOW });
    const response = await app.request('/');
    expect(response.status).toBe(404);
    const error = await errorOf(response);
    expect(error.code).toBe('APP_NOT_BUILT');
    expect(error.message).toContain('npm run build');
  });
});
