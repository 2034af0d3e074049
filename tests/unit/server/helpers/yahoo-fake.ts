import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FetchLike } from '../../../../server/sources/price-source.ts';

const FIXTURE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/yahoo');

/** The Yahoo chart JSON (`response.bodyJson`) of a file in tests/fixtures/yahoo. */
export function chartBody(fileName: string): unknown {
  const fixture = JSON.parse(readFileSync(path.join(FIXTURE_DIR, fileName), 'utf8')) as { response: { bodyJson: unknown } };
  return fixture.response.bodyJson;
}

export const TOKYO_FIXTURES: Record<string, string> = {
  '7011.T': 'constructed-chart-7011.T-2024-10-28-to-2024-11-08.json',
  '7013.T': 'constructed-chart-7013.T-2024-10-28-to-2024-11-08.json',
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** The symbol in a chart URL: https://query2.finance.yahoo.com/v8/finance/chart/<symbol>?... */
export function symbolOf(input: string | URL | Request): string {
  const url = new URL(input instanceof Request ? input.url : String(input));
  return decodeURIComponent(url.pathname.split('/').at(-1) ?? '');
}

export interface FakeYahoo {
  fetch: FetchLike;
  /** URLs requested, in order. */
  calls: string[];
  /** Most requests running at the same time. */
  peakConcurrency: number;
}

/**
 * A stand-in for Yahoo: `answer` decides each response. Records calls and peak concurrency so
 * tests can prove coalescing and the queue limit.
 */
export function fakeYahoo(answer: (symbol: string, url: string, init?: RequestInit) => Promise<Response> | Response): FakeYahoo {
  const fake: FakeYahoo = { calls: [], peakConcurrency: 0, fetch: async () => new Response() };
  let running = 0;
  fake.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    fake.calls.push(url);
    running += 1;
    fake.peakConcurrency = Math.max(fake.peakConcurrency, running);
    try {
      return await answer(symbolOf(input), url, init);
    } finally {
      running -= 1;
    }
  };
  return fake;
}

/** Yahoo answering from the constructed Tokyo fixtures, 404 (Yahoo's own JSON) for anything else. */
export function tokyoYahoo(delayMs = 0): FakeYahoo {
  return fakeYahoo(async (symbol) => {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const file = TOKYO_FIXTURES[symbol];
    if (!file) return json({ chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } } }, 404);
    return json(chartBody(file));
  });
}

/** A fetch that never settles, not even when its signal aborts: the worst a hung socket can do. */
export function neverAnswering(): FakeYahoo {
  return fakeYahoo(() => new Promise<Response>(() => undefined));
}
