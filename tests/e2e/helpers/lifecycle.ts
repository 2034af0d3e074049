/**
 * What every end-to-end file sets up: the real server and Chromium for the file's tests, and the
 * default case's landmarks. Apart from harness.ts because it registers vitest hooks, and the
 * benchmarks import the harness outside vitest.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, startServer, type RunningServer } from './harness.ts';

/** IHI's day-0 AR cell of the default case: its data-value is the engine's number at full precision. */
export const IHI_DAY_ZERO_CELL = '[data-testid="ar0-us-election-2024:7013.T"]';

export interface ServerAndBrowser {
  server: RunningServer;
  browser: Browser;
}

/**
 * Starts the real server and Chromium before the file's tests and stops both after them. The
 * fields are set when this beforeAll has run, so read them in later hooks and in tests.
 * @example const e2e = useServerAndBrowser(); it('…', async () => { await newPage(e2e.browser); });
 */
export function useServerAndBrowser(): ServerAndBrowser {
  const running = {} as ServerAndBrowser;
  beforeAll(async () => {
    running.server = await startServer();
    running.browser = await launchBrowser();
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.server?.stop();
  });
  return running;
}

/**
 * The date range of the page's latest /api/prices request, kept up to date in the returned
 * object, so a test can compute the reference study on exactly the prices the page fetched.
 */
export function recordPriceRange(page: Page): { from: string; to: string } {
  const range = { from: '', to: '' };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname !== '/api/prices') return;
    range.from = url.searchParams.get('from') ?? '';
    range.to = url.searchParams.get('to') ?? '';
  });
  return range;
}
