/**
 * The answer first, in real Chromium against the real server on the offline snapshot: IHI's and
 * MHI's day-0 abnormal returns with their p-values in words inside the first screen at 1440×900 and
 * on a 390×844 phone (above the controls there), the portfolio chart's stars from the test the rules
 * pick for two clustered securities, the overlap notice of the election and the call with no pooled
 * test, the choice recorded in the manifest, and a glossary term opened from the keyboard.
 * Screenshots go to tests/artifacts/ (answer-desktop-1440x900.png, answer-phone-390x844.png, …).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildStudyUnit, dayZero, DEFAULT_STUDY_OPTIONS, runStudy } from '../../src/core/index.ts';
import { exchangeForSymbol } from '../../src/domain/exchanges.ts';
import { significanceStars } from '../../src/domain/significance.ts';
import { US_ELECTION } from '../unit/app/helpers/reference-study.ts';
import { snapshotBars } from '../unit/app/helpers/snapshot-api.ts';
import { newPage, screenshot } from './helpers/harness.ts';
import { recordPriceRange, useServerAndBrowser } from './helpers/lifecycle.ts';

const IHI = '[data-testid="answer-ar0-us-election-2024:7013.T"]';
const MHI = '[data-testid="answer-ar0-us-election-2024:7011.T"]';
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const e2e = useServerAndBrowser();

async function open(path: string, viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[]; range: { from: string; to: string } }> {
  const opened = await newPage(e2e.browser, viewport);
  const range = recordPriceRange(opened.page);
  await opened.page.goto(`${e2e.server.url}${path}`);
  await opened.page.locator(IHI).waitFor();
  return { ...opened, range };
}

/** True when the element lies wholly inside the first screen (the page not scrolled). */
async function inFirstScreen(page: Page, selector: string, viewport: { width: number; height: number }): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width;
}

/** The portfolio time-series t of each event day, from the engine run here on the same snapshot bars. */
function portfolioStars(range: { from: string; to: string }): Map<number, string> {
  const inRange = (symbol: string) => snapshotBars(symbol).filter((bar) => bar.date >= range.from && bar.date <= range.to);
  const benchmark = inRange('TOPIX');
  const units = ['7011.T', '7013.T'].map((symbol) =>
    buildStudyUnit({
      id: symbol,
      symbol,
      benchmark: 'TOPIX',
      securityPrices: inRange(symbol),
      benchmarkPrices: benchmark,
      dayZero: dayZero(US_ELECTION, exchangeForSymbol(symbol), benchmark.map((bar) => bar.date)),
      returnKind: 'simple',
    }),
  );
  const result = runStudy(units, DEFAULT_STUDY_OPTIONS);
  return new Map(result.aggregate.days.map((day) => [day.relativeDay, significanceStars(day.tests.portfolioTimeSeriesT.pValue)]));
}

describe('the answer on the first screen', () => {
  it("shows IHI's +16.25 % and MHI's +6.39 % with p-values in words inside the first 1440×900 screen", async () => {
    const { page, errors } = await open('/', DESKTOP);
    expect(await page.locator(IHI).innerText()).toMatch(/^\+16\.25 %\s*, p < 0\.001 — significant at 1 %$/);
    expect(await page.locator(MHI).innerText()).toMatch(/^\+6\.39 %\s*, p = 0\.00\d — significant at 1 %$/);
    expect(await inFirstScreen(page, IHI, DESKTOP)).toBe(true);
    expect(await inFirstScreen(page, MHI, DESKTOP)).toBe(true);
    expect(await inFirstScreen(page, '[data-testid="answer-aar0-us-election-2024"]', DESKTOP)).toBe(true);
    await screenshot(page, 'answer-desktop-1440x900');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is the first thing on a 390-px phone, above the controls, with IHI in the first screen', async () => {
    const { page, errors } = await open('/', PHONE);
    const answer = await page.locator('#answer').boundingBox();
    const controls = await page.locator('aside.controls').boundingBox();
    expect(answer && controls && answer.y + answer.height <= controls.y).toBe(true);
    expect(await inFirstScreen(page, IHI, PHONE)).toBe(true);
    expect(await page.locator(IHI).innerText()).toMatch(/\+16\.25 %\s*, p < 0\.001 — significant at 1 %$/);
    // The answer itself fits the phone's width (the page's own phone layout is tested with the charts).
    const panel = await page.locator('#answer').boundingBox();
    expect(panel && panel.x >= 0 && panel.x + panel.width <= PHONE.width).toBe(true);
    await screenshot(page, 'answer-phone-390x844');
    await screenshot(page, 'answer-phone-390x844-full', true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the stars of the portfolio chart', () => {
  it('come from the portfolio time-series t by default, and day 0 is starred as that test says', async () => {
    const { page, range } = await open('/', DESKTOP);
    await page.locator('#portfolio-chart svg.recharts-surface').waitFor();
    expect(await page.locator('#portfolio-chart select').inputValue()).toBe('portfolioTimeSeriesT');
    expect(await page.locator('#portfolio-chart').innerText()).toContain('starred when significant under the Portfolio time-series t');
    const expected = portfolioStars(range);
    expect(expected.get(0)).toBe('***');
    // Each star label sits over its day's tick: read both from the drawn chart.
    const drawn = await page.evaluate(() => {
      const centre = (element: Element) => {
        const box = element.getBoundingClientRect();
        return box.left + box.width / 2;
      };
      const chart = document.querySelector('#portfolio-chart svg.recharts-surface');
      // The day axis's ticks are whole numbers; the value axis's end in %.
      const ticks = [...(chart?.querySelectorAll('text.recharts-cartesian-axis-tick-value') ?? [])]
        .filter((tick) => /^[+-]?\d+$/.test((tick.textContent ?? '').trim()))
        .map((tick) => ({ day: Number((tick.textContent ?? '').replace('+', '')), x: centre(tick) }));
      const stars = [...(chart?.querySelectorAll('text') ?? [])].filter((text) => /^\*+$/.test((text.textContent ?? '').trim())).map((text) => ({ stars: (text.textContent ?? '').trim(), x: centre(text) }));
      return stars.map((star) => ({ stars: star.stars, day: ticks.reduce((best, tick) => (Math.abs(tick.x - star.x) < Math.abs(best.x - star.x) ? tick : best)).day }));
    });
    const starred = [...expected.entries()].filter(([, stars]) => stars !== '').map(([day, stars]) => ({ stars, day }));
    expect(drawn.sort((left, right) => left.day - right.day)).toEqual(starred);
    await page.close();
  });
});

describe('two overlapping events', () => {
  it('shows the overlap notice and each event on its own; the manifest records the choice, and no pooled test', async () => {
    const { page, errors } = await open('/?events=us-election-2024,ishiba-trump-call-2024', DESKTOP);
    const notice = page.locator('[data-notice="overlap"]');
    expect(await notice.innerText()).toMatch(/The US presidential election and the Ishiba–Trump telephone call overlap: their event windows share 15 of 16 trading days/);
    expect(await page.locator('#answer article').evaluateAll((items) => items.map((item) => item.getAttribute('data-group')))).toEqual(['us-election-2024', 'ishiba-trump-call-2024']);
    await screenshot(page, 'answer-overlap-separate');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Manifest', exact: true }).click()]);
    const manifest = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      study: { overlap: string };
      groups: { tested: { id: string; kind: string }[]; pooled: boolean };
      summary: { overlap: { choice: string; overlaps: unknown[] }; groups: { id: string }[] };
    };
    expect(manifest.study.overlap).toBe('separate');
    expect(manifest.groups).toEqual({ tested: [expect.objectContaining({ id: 'us-election-2024', kind: 'event' }), expect.objectContaining({ id: 'ishiba-trump-call-2024', kind: 'event' })], pooled: false });
    expect(manifest.summary.overlap.choice).toBe('separate');
    expect(manifest.summary.overlap.overlaps).toHaveLength(1);

    await notice.getByRole('radio', { name: 'Merge into one event cluster' }).check();
    await page.locator('#answer article[data-group="us-election-2024+ishiba-trump-call-2024"]').waitFor();
    expect(new URL(page.url()).searchParams.get('overlap')).toBe('cluster');
    await screenshot(page, 'answer-overlap-cluster');
    const [clustered] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Manifest', exact: true }).click()]);
    const merged = JSON.parse(readFileSync(await clustered.path(), 'utf8')) as { study: { overlap: string }; groups: { tested: { id: string; kind: string; eventWindow: unknown }[] } };
    expect(merged.study.overlap).toBe('cluster');
    expect(merged.groups.tested).toEqual([expect.objectContaining({ id: 'us-election-2024+ishiba-trump-call-2024', kind: 'cluster', eventWindow: { from: -5, to: 11 } })]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the glossary', () => {
  it("opens a term's definition with the keyboard and follows its link to the glossary section", async () => {
    const { page } = await open('/', DESKTOP);
    const term = page.locator('#answer').getByRole('button', { name: 'AR: what it means' }).first();
    await term.focus();
    await page.keyboard.press('Enter');
    const popup = page.locator('#answer .glossary-popup');
    expect(await popup.innerText()).toMatch(/^Abnormal return \(AR\)\. The stock's return on a day minus the return expected/);
    await screenshot(page, 'answer-glossary-popover');
    await page.keyboard.press('Escape');
    expect(await popup.count()).toBe(0);
    await term.focus();
    await page.keyboard.press('Enter');
    await popup.getByRole('link', { name: 'Glossary' }).click();
    expect(new URL(page.url()).hash).toBe('#glossary-ar');
    expect(await inFirstScreen(page, '#glossary-ar', DESKTOP)).toBe(true);
    await page.close();
  });
});
