/**
 * A failing price API in real Chromium: the error panel shows the server's message and Retry
 * recovers once the API answers again. Failures are injected with page.route; the real server
 * answers everything else.
 */
import { describe, expect, it } from 'vitest';
import { newPage, screenshot } from './helpers/harness.ts';
import { IHI_DAY_ZERO_CELL, useServerAndBrowser } from './helpers/lifecycle.ts';


const e2e = useServerAndBrowser();

describe('a failing price API', () => {
  it("shows the server's message in an error panel when /api/prices answers 500, and Retry recovers", async () => {
    const { page } = await newPage(e2e.browser);
    const message = 'The offline snapshot cannot be read: data/snapshot/TOPIX.csv is missing.';
    await page.route('**/api/prices?**', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'SNAPSHOT_UNAVAILABLE', message } }) }),
    );
    await page.goto(e2e.server.url);
    const panel = page.locator('.error-panel');
    await panel.waitFor();
    expect(await panel.locator('.error-title').innerText()).toBe('The prices could not be loaded');
    expect(await panel.locator('.error-message').innerText()).toBe(message);
    await screenshot(page, 'error-panel');

    await page.unroute('**/api/prices?**');
    await panel.getByRole('button', { name: 'Retry' }).click();
    await page.locator(IHI_DAY_ZERO_CELL).waitFor();
    expect(await page.locator('.error-panel').count()).toBe(0);
    await page.close();
  });

  it('explains an aborted request as an unreachable server', async () => {
    const { page } = await newPage(e2e.browser);
    await page.route('**/api/prices?**', (route) => route.abort('connectionrefused'));
    await page.goto(e2e.server.url);
    await page.locator('.error-panel').waitFor();
    expect(await page.locator('.error-panel .error-message').innerText()).toBe('The Kabuto server did not answer. Check that it is running (npm start) and try again.');
    await page.unroute('**/api/prices?**');
    await page.locator('.error-panel').getByRole('button', { name: 'Retry' }).click();
    await page.locator(IHI_DAY_ZERO_CELL).waitFor();
    await page.close();
  });
});
