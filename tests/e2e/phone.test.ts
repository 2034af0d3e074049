/**
 * The dashboard on a phone (390×844, the size of a current iPhone) in real Chromium on the offline
 * snapshot: nothing scrolls sideways, the controls of every chart are on screen, titles read as
 * lines rather than a word per line, the statistics tables scroll in their own regions with their
 * first column and caption held, and axe-core finds nothing serious or critical.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { screenshot } from './helpers/harness.ts';
import { axeViolations, isSerious } from './helpers/axe.ts';
import { IHI_DAY_ZERO_CELL, useServerAndBrowser } from './helpers/lifecycle.ts';

const PHONE = { width: 390, height: 844 };
const e2e = useServerAndBrowser();
let page: Page;

async function openOnPhone(query = ''): Promise<void> {
  page = await e2e.browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  page.setDefaultTimeout(15_000);
  await page.goto(`${e2e.server.url}/${query}`);
  await page.locator(IHI_DAY_ZERO_CELL).waitFor();
  await page.locator('#portfolio-chart svg.recharts-surface').waitFor();
}

/** How far the page reaches right of the screen, and the elements (outside scroll regions) that do. */
function sidewaysOverflow(): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Anything inside a box that scrolls sideways on its own (a table's region) may be wider than the screen.
    const insideScrollBox = (element: Element): boolean => {
      for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(parent).overflowX)) return true;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll('body *')]
      .filter((element) => !insideScrollBox(element))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
      })
      .slice(0, 10)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, culprits };
  });
}

afterEach(async () => {
  await page?.close();
});

describe('the dashboard at 390×844', () => {
  it.each([
    ['the default study', ''],
    ['two events and a symbol left out', '?events=us-election-2024,ishiba-trump-call-2024&securities=7011.T,7013.T,FAKE.T'],
    ['Tokyo and New York securities', '?securities=7011.T,7013.T,LMT'],
  ])('does not scroll sideways: %s', async (_name, query) => {
    await openOnPhone(query);
    const overflow = await sidewaysOverflow();
    expect(overflow.culprits).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
  });

  it('keeps every chart button on screen and the chart titles in lines, not a word per line', async () => {
    await openOnPhone();
    await screenshot(page, 'phone-top');
    await screenshot(page, 'phone-full', true);
    const buttons = page.getByRole('button', { name: /^(PNG|SVG) image of/ });
    expect(await buttons.count()).toBeGreaterThanOrEqual(8);
    for (const button of await buttons.all()) {
      const box = await button.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= PHONE.width, (await button.getAttribute('aria-label')) ?? '').toBe(true);
    }
    const title = page.locator('#portfolio-chart .chart-title');
    const lineHeight = await title.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
    const height = (await title.boundingBox())?.height ?? Infinity;
    // "Portfolio: average abnormal return and CAAR" is six words; at most two lines on a phone.
    expect(height).toBeLessThanOrEqual(2 * lineHeight + 1);
    const select = await page.getByLabel('Stars from').boundingBox();
    const card = await page.locator('#portfolio-chart').boundingBox();
    expect(select && card && select.x + select.width <= card.x + card.width).toBe(true);
  });

  it('shows each statistics table in a scroll region that holds its first column and caption in view', async () => {
    await openOnPhone();
    const region = page.getByRole('region', { name: /^Per security: cumulative abnormal return by window/ });
    await region.scrollIntoViewIfNeeded();
    const before = await region.boundingBox();
    await region.evaluate((element) => (element.scrollLeft = element.scrollWidth));
    const scrolled = await region.evaluate((element) => element.scrollLeft);
    expect(scrolled).toBeGreaterThan(0);
    const security = await region.locator('tbody th').first().boundingBox();
    const caption = await region.locator('caption').boundingBox();
    expect(security && before && Math.abs(security.x - before.x) < 2).toBe(true);
    expect(caption && before && caption.x >= before.x - 1 && caption.x + caption.width <= before.x + before.width + 1).toBe(true);
    // The CAR column, the table's point, is on screen once scrolled.
    const car = await region.locator('[data-testid="car-us-election-2024:7013.T-0-0"]').boundingBox();
    expect(car && car.x >= 0 && car.x + car.width <= PHONE.width).toBe(true);
    await screenshot(page, 'phone-statistics-scrolled');
  });

  it('passes axe-core with nothing serious or critical', async () => {
    await openOnPhone();
    expect((await axeViolations(page)).filter(isSerious)).toEqual([]);
  });
});
