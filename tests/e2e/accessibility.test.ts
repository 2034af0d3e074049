/**
 * The dashboard for everyone, in real Chromium on the offline snapshot: axe-core finds no serious
 * or critical violation on the default page, in the states that colour text differently (a selected
 * excerpt, a symbol left out, an error) and in the presentation; headings go in order from the one
 * h1; a skip link is the first stop of the keyboard and lands on the results.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { newPage, screenshot } from './helpers/harness.ts';
import { axeViolations, headingOutline, isSerious } from './helpers/axe.ts';
import { IHI_DAY_ZERO_CELL, useServerAndBrowser } from './helpers/lifecycle.ts';

const e2e = useServerAndBrowser();
let page: Page;
let errors: string[];

async function open(query = ''): Promise<void> {
  ({ page, errors } = await newPage(e2e.browser));
  await page.goto(`${e2e.server.url}/${query}`);
}

async function openStudy(query = ''): Promise<void> {
  await open(query);
  await page.locator(IHI_DAY_ZERO_CELL).waitFor();
  await page.locator('#portfolio-chart svg.recharts-surface').waitFor();
}

afterEach(async () => {
  await page?.close();
});

describe('axe-core on the dashboard', () => {
  it('finds nothing serious or critical on the default page, and no heading out of order', async () => {
    await openStudy();
    const findings = await axeViolations(page);
    expect(findings.filter(isSerious)).toEqual([]);
    expect(findings.filter((finding) => finding.id === 'heading-order')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('finds nothing serious in the highlighted colours of a selected excerpt and its event', async () => {
    await openStudy();
    await page.locator('button.excerpt[data-excerpt-id="markets-ihi-mhi-gains"]').click();
    await page.waitForFunction(() => document.querySelector('.event-picker li[data-event-id="us-election-2024"]')?.getAttribute('data-highlighted') === 'true');
    expect((await axeViolations(page)).filter(isSerious)).toEqual([]);
  });

  it('finds nothing serious with a symbol left out of the study, or in an error panel and its code', async () => {
    await openStudy('?securities=7011.T,7013.T,FAKE.T');
    await page.locator('[data-testid="price-failures"]').waitFor();
    expect((await axeViolations(page)).filter(isSerious)).toEqual([]);
    await page.close();
    // No security and no benchmark with prices: the whole prices request fails, by name.
    await open('?securities=FAKE.T&benchmarks=XTKS:FAKE2.T');
    await page.locator('.error-panel .error-code').waitFor();
    expect((await axeViolations(page)).filter(isSerious)).toEqual([]);
  });

  it('finds nothing serious or critical in the presentation', async () => {
    await openStudy();
    await page.getByRole('button', { name: 'Present' }).click();
    await page.getByRole('dialog', { name: /^Presentation/ }).waitFor();
    // The slide on screen is drawn once its footer's page number is: what axe then reads is whole.
    await page.locator('.presentation .slide:not([hidden]) .deck-footer').first().waitFor();
    const findings = await axeViolations(page);
    await screenshot(page, 'presentation-axe');
    expect(findings.filter(isSerious)).toEqual([]);
  });
});

describe('keyboard and structure', () => {
  it('has one h1 and headings that never skip a level', async () => {
    await openStudy();
    const outline = await headingOutline(page);
    expect(outline[0]).toEqual([1, 'Kabuto']);
    expect(outline.filter(([level]) => level === 1)).toHaveLength(1);
    outline.forEach(([level], index) => {
      const previous = outline[index - 1]?.[0] ?? 0;
      expect(level, `heading ${index} "${outline[index]?.[1]}" after level ${previous}`).toBeLessThanOrEqual(previous + 1);
    });
    expect(outline.map(([, text]) => text)).toEqual(expect.arrayContaining(['Prices rebased to 100 at day −1', 'Daily abnormal returns and CAR', 'Statistics']));
  });

  it('offers a skip link as the first Tab stop, which takes the keyboard to the results', async () => {
    await openStudy();
    await page.keyboard.press('Tab');
    const first = page.locator(':focus');
    expect(await first.innerText()).toBe('Skip to the results');
    expect(await first.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#results')))).toBe(true);
  });

  it('lets the keyboard reach and scroll every statistics table, each region named by its caption', async () => {
    await openStudy();
    const regions = page.locator('.statistics .table-scroll');
    expect(await regions.count()).toBe(3);
    for (const region of await regions.all()) {
      expect(await region.getAttribute('tabindex')).toBe('0');
      expect(await region.getAttribute('role')).toBe('region');
      const label = await region.getAttribute('aria-labelledby');
      expect(await page.locator(`#${label}`).innerText()).toMatch(/^(Per security|Portfolio tests)/);
    }
  });
});
