/**
 * Issue 11, finding 8: yahoo-finance2 3.15 logged "Requires Node >= 22.0.0 … Things might break or
 * work unexpectedly!" on every live or auto start, while the README said 3.x supports Node 20. Its
 * package.json does declare `engines: { node: ">=20.0.0" }` (4.x declares >=22); the warning is a
 * separate runtime check in its constructor. Against the REAL server process on this Node: the
 * warning is not logged, and chart() — the one call the server makes — reads the recorded Yahoo
 * answers served by the fake Yahoo, in live and auto mode.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse, PricesResponse } from '../../src/domain/price-api.ts';
import { startFakeYahoo, type FakeYahoo } from './helpers/fake-yahoo.ts';
import { FAKE_YAHOO_ENTRY, PROJECT_ROOT, startServerProcess, type ServerProcess } from './helpers/server-process.ts';
import { tempRoot } from './helpers/temp-folders.ts';

let yahoo: FakeYahoo;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  yahoo = await startFakeYahoo();
  const root = await tempRoot('node20');
  for (const mode of ['live', 'auto']) {
    servers.push(await startServerProcess(FAKE_YAHOO_ENTRY, { FAKE_YAHOO_ORIGIN: yahoo.origin, PRICE_SOURCE: mode, KABUTO_CACHE_DIR: path.join(root, mode) }));
  }
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await yahoo?.close();
});

describe('finding 8: yahoo-finance2 on Node 20', () => {
  it('the installed yahoo-finance2 declares Node 20 in its engines', () => {
    const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'node_modules/yahoo-finance2/package.json'), 'utf8')) as { version: string; engines: { node: string } };
    expect(manifest.version).toMatch(/^3\./);
    expect(manifest.engines.node).toBe('>=20.0.0');
  });

  it.each(['live', 'auto'])('%s mode starts without the runtime warning and reads Yahoo charts through chart()', async (mode) => {
    const server = servers.find((candidate) => candidate.log().includes(`(${mode} mode)`));
    if (!server) throw new Error(`no ${mode} server started`);
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as HealthResponse;
    expect(health.node).toBe(process.version);
    const response = await fetch(`${server.url}/api/prices?symbols=7011.T,7013.T&from=2024-10-28&to=2024-11-08`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as PricesResponse;
    expect(body.series.map((series) => [series.symbol, series.source, series.bars.length])).toEqual([['7011.T', 'live', 9], ['7013.T', 'live', 9]]);
    expect(body.series[1]?.bars.find((bar) => bar.date === '2024-11-06')?.close).toBe(1325.7);
    expect(server.log()).not.toMatch(/might break|Requires Node|Unsupported environment/);
    expect(server.log()).not.toContain('yahoo-finance2:');
  });
});
