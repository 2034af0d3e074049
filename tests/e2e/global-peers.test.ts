/**
 * The Global defence peers preset in real Chromium against the real server on the offline
 * snapshot: every peer of the snapshot studied against its own exchange's benchmark from its own
 * day 0, the groups compared, each member's price source named; at desktop and phone sizes.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot } from './helpers/harness.ts';
import { IHI_DAY_ZERO_CELL, useServerAndBrowser } from './helpers/lifecycle.ts';

const PEERS: [symbol: string, exchange: string, benchmark: string][] = [
  ['7011.T', 'Tokyo Stock Exchange', 'TOPIX'],
  ['7721.T', 'Tokyo Stock Exchange', 'TOPIX'],
  ['NOC', 'New York Stock Exchange', '^GSPC'],
  ['BA.L', 'London Stock Exchange', '^FTSE'],
  ['RHM.DE', 'Xetra (Deutsche Börse)', '^GDAXI'],
  ['HO.PA', 'Euronext Paris', '^FCHI'],
  ['LDO.MI', 'Euronext Milan (Borsa Italiana)', 'FTSEMIB.MI'],
  ['SAAB-B.ST', 'Nasdaq Stockholm', '^OMX'],
  ['012450.KS', 'Korea Exchange', '^KS11'],
  ['047810.KS', 'Korea Exchange', '^KS11'],
  ['079550.KS', 'Korea Exchange', '^KS11'],
];

const e2e = useServerAndBrowser();
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ page, errors } = await newPage(e2e.browser));
  await page.goto(e2e.server.url);
  await page.locator(IHI_DAY_ZERO_CELL).waitFor();
});

describe('the Global defence peers preset in Chromium', () => {
  it('studies every peer on its own exchange, benchmark and day 0, and compares the four groups', async () => {
    await page.getByRole('button', { name: 'Global defence peers' }).click();
    const section = page.locator('#peer-groups-us-election-2024');
    await section.waitFor({ timeout: 20_000 });
    await page.locator('#group-comparison-us-election-2024 svg.recharts-surface').first().waitFor();
    expect((await section.locator('tbody th[scope="row"]').allInnerTexts()).map((text) => text.split('\n')[0])).toEqual(['Japan (6)', 'US primes (4)', 'European peers (5)', 'Korean peers (3)']);
    for (const group of ['japan', 'us-primes', 'europe', 'korea']) {
      const value = await page.getByTestId(`group-car-${group}-0-0`).getAttribute('data-value');
      expect(Number.isFinite(Number(value)) && value !== '').toBe(true);
    }
    // Every peer has its own day-0 AR cell in the statistics table, so none failed.
    for (const [symbol] of PEERS) await expect(page.locator(`[data-testid="ar0-us-election-2024:${symbol}"]`).count()).resolves.toBe(1);

    await section.locator('details summary').click();
    for (const [symbol, exchange, benchmark] of PEERS) {
      const row = section.locator(`tr[data-member="${symbol}"]`);
      const text = await row.innerText();
      expect(text, symbol).toContain(exchange);
      expect(text, symbol).toContain(benchmark);
      expect(text, symbol).toContain('6 Nov 2024');
      expect((await row.locator('.group-source').innerText()).length, symbol).toBeGreaterThan(10);
    }
    await screenshot(page, 'global-peers-desktop');
    await section.screenshot({ path: 'tests/artifacts/global-peers-groups-desktop.png' });
    expect(errors).toEqual([]);
  });

  it('lays the picker and the groups out on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const section = page.locator('#peer-groups-us-election-2024');
    await section.scrollIntoViewIfNeeded();
    // The section and the picker fit the screen; only the tables scroll, in their own boxes.
    for (const selector of ['#peer-groups-us-election-2024', '.security-picker']) {
      const box = await page.evaluate((css) => {
        const element = document.querySelector(css) as HTMLElement;
        return { right: element.getBoundingClientRect().right, overflow: element.scrollWidth - element.clientWidth, screen: window.innerWidth };
      }, selector);
      expect(box.right, selector).toBeLessThanOrEqual(box.screen);
      expect(box.overflow, selector).toBeLessThanOrEqual(0);
    }
    await section.screenshot({ path: 'tests/artifacts/global-peers-groups-phone.png' });
    await page.locator('.security-picker').screenshot({ path: 'tests/artifacts/global-peers-picker-phone.png' });
    await page.setViewportSize({ width: 1440, height: 1000 });
    expect(errors).toEqual([]);
  });
});
