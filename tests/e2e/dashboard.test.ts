/**
 * The dashboard in real Chromium against the real server on the offline snapshot: the default
 * case, its numbers checked against the engine run in this process on the same snapshot bars.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STUDY_OPTIONS } from '../../src/core/index.ts';
import { formatPercent } from '../../src/lib/format.ts';
import { dayZeroAr, referenceStudy } from '../unit/app/helpers/reference-study.ts';
import { newPage, screenshot } from './helpers/harness.ts';
import { IHI_DAY_ZERO_CELL, recordPriceRange, useServerAndBrowser } from './helpers/lifecycle.ts';

const MHI_CELL = '[data-testid="ar0-us-election-2024:7011.T"]';

const e2e = useServerAndBrowser();
let page: Page;
let errors: string[];
let range: { from: string; to: string };
let firstRenderMs = 0;

beforeAll(async () => {
  ({ page, errors } = await newPage(e2e.browser));
  range = recordPriceRange(page);
  const started = Date.now();
  await page.goto(e2e.server.url);
  await page.locator(IHI_DAY_ZERO_CELL).waitFor();
  firstRenderMs = Date.now() - started;
});

async function cellValue(selector: string): Promise<number> {
  return Number(await page.locator(selector).getAttribute('data-value'));
}

describe('the dashboard in Chromium', () => {
  it("opens on the default case with IHI's day-0 AR equal to the engine's value, to the displayed digit and to the bit", async () => {
    const reference = referenceStudy(['7011.T', '7013.T'], 'TOPIX', range);
    const expected = dayZeroAr(reference, '7013.T');
    expect(await cellValue(IHI_DAY_ZERO_CELL)).toBe(expected);
    expect((await page.locator(IHI_DAY_ZERO_CELL).innerText()).replace(/\*/g, '').trim()).toBe(formatPercent(expected));
    expect(await cellValue(MHI_CELL)).toBe(dayZeroAr(reference, '7011.T'));
    await expect(page.locator('#price-chart svg.recharts-surface').first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /Offline snapshot/ }).isVisible()).resolves.toBe(true);
    // "Within a second on localhost": generous bound so a busy test machine does not flake.
    expect(firstRenderMs).toBeLessThan(8_000);
    await screenshot(page, 'default-view');
    await screenshot(page, 'default-view-full', true);
    expect(errors).toEqual([]);
  });

  it('changes the numbers when the model changes, to the engine values of the new model', async () => {
    const before = await cellValue(IHI_DAY_ZERO_CELL);
    await page.getByLabel('Normal-return model').selectOption('market-adjusted');
    await page.waitForFunction(([selector, old]) => document.querySelector(selector as string)?.getAttribute('data-value') !== String(old), [IHI_DAY_ZERO_CELL, before] as const);
    const reference = referenceStudy(['7011.T', '7013.T'], 'TOPIX', range, { ...DEFAULT_STUDY_OPTIONS, model: 'market-adjusted' });
    expect(await cellValue(IHI_DAY_ZERO_CELL)).toBe(dayZeroAr(reference, '7013.T'));
    expect(await cellValue(IHI_DAY_ZERO_CELL)).not.toBe(before);
    await screenshot(page, 'market-adjusted-model');
    await page.getByLabel('Normal-return model').selectOption('market');
    await page.waitForFunction(([selector, old]) => document.querySelector(selector as string)?.getAttribute('data-value') === String(old), [IHI_DAY_ZERO_CELL, before] as const);
  });

  it('highlights the election day in the charts when an excerpt about it is selected', async () => {
    const marker = page.locator('#price-chart [data-testid="event-marker-us-election-2024"]');
    expect(await marker.getAttribute('data-highlighted')).toBe('false');
    await page.locator('button.excerpt[data-excerpt-id="markets-ihi-mhi-gains"]').click();
    await page.waitForFunction(() => document.querySelector('#price-chart [data-testid="event-marker-us-election-2024"]')?.getAttribute('data-highlighted') === 'true');
    // The call (day +1) is in neither the study nor the excerpt: the charts draw no line for it.
    expect(await page.locator('#price-chart [data-testid="event-marker-ishiba-trump-call-2024"]').count()).toBe(0);
    expect(await page.locator('.event-picker li[data-event-id="us-election-2024"]').getAttribute('data-highlighted')).toBe('true');
    await screenshot(page, 'excerpt-selected');
    await page.locator('button.excerpt[data-excerpt-id="markets-ihi-mhi-gains"]').click();
  });

  it("highlights the Ishiba–Trump call's excerpts when the pointer rests on day +1, that call's day 0", async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const tick = page.locator('#price-chart text.recharts-cartesian-axis-tick-value', { hasText: /^\+1$/ }).first();
    const tickBox = await tick.boundingBox();
    const plotBox = await page.locator('#price-chart .recharts-cartesian-grid').boundingBox();
    if (!tickBox || !plotBox) throw new Error('the price chart has no +1 tick or no plot area');
    await page.mouse.move(tickBox.x + tickBox.width / 2, plotBox.y + plotBox.height / 2);
    const status = page.locator('.excerpts .linked-day');
    await page.waitForFunction(() => document.querySelector('.excerpts .linked-day')?.textContent?.startsWith('Day +1'));
    expect(await status.innerText()).toBe('Day +1, Thu 7 Nov 2024 is day 0 of Ishiba–Trump telephone call; its excerpts are highlighted.');
    // intro-call speaks of both the call and the election; markets-kim-budget only of the election.
    expect(await page.locator('button.excerpt[data-excerpt-id="intro-call"]').getAttribute('data-linked')).toBe('true');
    expect(await page.locator('button.excerpt[data-excerpt-id="markets-kim-budget"]').getAttribute('data-linked')).toBe('false');
    await screenshot(page, 'hover-day-plus-one');
    await page.mouse.move(5, 5);
  });

  it('zooms every chart together when the brush is dragged', async () => {
    const tickTexts = (selector: string) =>
      page.evaluate((scope) => [...document.querySelectorAll(`${scope} text.recharts-cartesian-axis-tick-value`)].map((text) => text.textContent ?? ''), selector);
    // The mouse reaches only what is on screen: bring the brush there, wherever the answer above ends.
    await page.locator('#price-chart .recharts-brush').scrollIntoViewIfNeeded();
    const traveller = await page.locator('#price-chart .recharts-brush-traveller').first().boundingBox();
    if (!traveller) throw new Error('the price chart has no brush');
    const start = { x: traveller.x + traveller.width / 2, y: traveller.y + traveller.height / 2 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let step = 1; step <= 8; step += 1) await page.mouse.move(start.x + step * 25, start.y);
    await page.mouse.up();
    await page.waitForFunction(() => !document.querySelector('#price-chart text.recharts-cartesian-axis-tick-value')?.textContent?.startsWith('-5'));
    const priceTicks = await tickTexts('#price-chart');
    const firstDay = priceTicks[0];
    expect(firstDay).not.toBe('-5');
    // The abnormal-return panels follow through the shared syncId: the same days, one tick each.
    const dayTicks = (selector: string) => page.locator(`${selector} .recharts-xAxis .recharts-cartesian-axis-tick-line`).count();
    expect(await dayTicks('.small-multiples > .small-multiple:first-child')).toBe(await dayTicks('#price-chart'));
    expect(await dayTicks('#price-chart')).toBeLessThan(16);
    await screenshot(page, 'brush-zoomed');
    await page.reload();
    await page.locator(IHI_DAY_ZERO_CELL).waitFor();
  });

  it('shows the validation message for a bad window, and the results come back when it is fixed', async () => {
    const field = page.getByLabel('Estimation window');
    await field.fill('-11:-250');
    const alert = page.locator('.windows [role="alert"]').first();
    await alert.waitFor();
    expect(await alert.innerText()).toBe('The window starts after it ends; write the earlier day first, e.g. -250:-11.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await alert.scrollIntoViewIfNeeded();
    await screenshot(page, 'bad-window');
    await field.fill('-250:-11');
    await alert.waitFor({ state: 'detached' });
    expect(await field.getAttribute('aria-invalid')).toBe('false');
  });

  it('studies several events together and prints cleanly', async () => {
    await page.locator('.event-picker li[data-event-id="ishiba-trump-call-2024"] input').check();
    await page.locator('[data-testid="ar0-ishiba-trump-call-2024:7013.T"]').waitFor();
    expect(await page.locator('.event-tabs input[type="radio"]').count()).toBe(2);
    await screenshot(page, 'two-events', true);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'print-layout', true);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
  });
});
