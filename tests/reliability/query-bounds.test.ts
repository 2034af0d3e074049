/**
 * Issue 11, findings 1 and 4, replayed against the REAL server process in snapshot mode: study
 * queries whose windows, offsets, dates or counts go beyond the study limits
 * (src/application/study-limits.ts). Before the limits, `window=-5:1000000000` killed the process
 * ("Fatal JavaScript invalid size error") and `custom=custom-1~9999-09-30~~UTC~T` answered 500.
 * Now each is a fast 400 INVALID_QUERY whose message names the limit, and the server keeps
 * answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_ENTRY, startServerProcess, type ServerProcess } from './helpers/server-process.ts';

/** A 400 is decided before any price is read or any array allocated: far below a study's cost. */
const FAST_MS = 2_000;
const ROUTES = ['/api/study.csv', '/api/study-portfolio.csv', '/api/study-manifest.json'];
const STUDY = 'events=us-election-2024&securities=7011.T,7013.T';

const CASES: { name: string; query: string; message: RegExp }[] = [
  // Finding 1: window lengths without an upper bound.
  { name: 'window=-5:1000000000', query: `${STUDY}&window=-5:1000000000`, message: /window: The event window -5:1000000000 reaches beyond 250 trading days from day 0; at most ±250/ },
  { name: 'estimation=-1000000000:-11', query: `${STUDY}&estimation=-1000000000:-11`, message: /estimation: The estimation window -1000000000:-11 has 999999990 trading days; at most 1,000/ },
  { name: 'estimation=-200000000:-11', query: `${STUDY}&estimation=-200000000:-11`, message: /at most 1,000 are allowed/ },
  { name: 'estimation=-100000000:-11', query: `${STUDY}&estimation=-100000000:-11`, message: /at most 1,000 are allowed/ },
  { name: 'a gap 10 million days back', query: `${STUDY}&estimation=-250:-11&gap=-10000000:-9999990`, message: /gap: The gap -10000000:-9999990 reaches beyond 1,500 trading days/ },
  { name: 'car-windows=0:99999999', query: `${STUDY}&car-windows=0:99999999`, message: /car-windows: The CAR window 0:99999999 reaches beyond 250/ },
  { name: '21 CAR windows', query: `${STUDY}&car-windows=${Array.from({ length: 21 }, () => '0:0').join(',')}`, message: /car-windows: It lists 21 CAR windows; at most 20/ },
  // Finding 4: a date no price source can hold.
  { name: 'custom=custom-1~9999-09-30~~UTC~T', query: 'events=custom-1&custom=custom-1~9999-09-30~~UTC~T&securities=7011.T', message: /custom: .*9999-09-30 is after 2099-12-31/ },
  { name: 'custom=custom-1~0001-01-01~~UTC~T', query: 'events=custom-1&custom=custom-1~0001-01-01~~UTC~T&securities=7011.T', message: /custom: .*0001-01-01 is before 1970-01-01/ },
];

describe('study query limits against the real server', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess(MAIN_ENTRY, { PRICE_SOURCE: 'snapshot' });
  });
  afterAll(async () => server?.stop());

  it.each(CASES)('$name: a fast 400 INVALID_QUERY naming the limit, on every study route', async ({ query, message }) => {
    for (const route of ROUTES) {
      const started = performance.now();
      const response = await fetch(`${server.url}${route}?${query}`);
      const elapsed = performance.now() - started;
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(response.status, route).toBe(400);
      expect(body.error.code).toBe('INVALID_QUERY');
      expect(body.error.message).toMatch(message);
      expect(elapsed, `${route} answered in ${Math.round(elapsed)} ms`).toBeLessThan(FAST_MS);
    }
  });

  it('stays up and computes a valid study after all of them', async () => {
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    const csv = await fetch(`${server.url}/api/study.csv?${STUDY}`);
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^event_id,security,benchmark,/);
    expect(server.child.exitCode).toBeNull();
    expect(server.log()).not.toMatch(/RangeError|invalid size|INTERNAL_ERROR/);
  });
});
