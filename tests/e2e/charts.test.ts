/**
 * The charts read correctly, in real Chromium on the offline snapshot (issue 14, item 4): only the
 * events of the study are drawn, each line labelled where it is drawn and in the saved images; a
 * tick on every day of the window; the abnormal-return panels on one scale and level; each benchmark
 * its own line style and legend entry; stars and labels clear of the plotted series; the brush's
 * labels inside the chart.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { newPage, screenshot } from './helpers/harness.ts';
import { IHI_DAY_ZERO_CELL, useServerAndBrowser } from './helpers/lifecycle.ts';

const e2e = useServerAndBrowser();
let page: Page;
const CHARTS = ['#price-chart', '.small-multiple[data-unit="us-election-2024:7011.T"]', '.small-multiple[data-unit="us-election-2024:7013.T"]', '#portfolio-chart'];

async function open(query = ''): Promise<void> {
  ({ page } = await newPage(e2e.browser));
  await page.goto(`${e2e.server.url}/${query}`);
  await page.locator(IHI_DAY_ZERO_CELL).waitFor();
  await page.locator('#portfolio-chart svg.recharts-surface').waitFor();
}

afterEach(async () => {
  await page?.close();
});

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** In one chart: its svg's box, its plot area, the x-axis tick marks and labels, and its event lines and their labels. */
function chartGeometry(selector: string) {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope);
    const svg = root?.querySelector('svg.recharts-surface');
    if (!root || !svg) throw new Error(`no chart at ${scope}`);
    const box = (element: Element): Box => {
      const rect = element.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
    };
    const grid = svg.querySelector('.recharts-cartesian-grid');
    const yTicks = [...svg.querySelectorAll('.recharts-yAxis-tick-labels text')].map((text) => text.textContent ?? '');
    return {
      svg: box(svg),
      plot: grid ? box(grid) : null,
      xTickLines: svg.querySelectorAll('.recharts-xAxis .recharts-cartesian-axis-tick-line').length,
      xLabels: [...svg.querySelectorAll('.recharts-xAxis-tick-labels text')].map((text) => text.textContent ?? ''),
      yTicks,
      eventLines: svg.querySelectorAll('.recharts-reference-line-line[stroke-dasharray="3 3"], .recharts-reference-line-line[stroke="#000000"]').length,
      eventLabels: [...svg.querySelectorAll('.event-marker')].map((marker) => ({ id: marker.getAttribute('data-event-id'), text: marker.querySelector('text')?.lastChild?.textContent ?? '', box: box(marker.querySelector('text') ?? marker) })),
      stars: [...svg.querySelectorAll('.significance-stars')].map((text) => ({ text: text.textContent ?? '', box: box(text) })),
    };
  }, selector);
}

describe('event lines', () => {
  it('draws only the events of the study, each labelled on every chart, inside the chart and above the plot', async () => {
    await open();
    for (const chart of CHARTS) {
      const geometry = await chartGeometry(chart);
      expect(geometry.eventLabels.map((label) => label.id), chart).toEqual(['us-election-2024']);
      expect(geometry.eventLines, chart).toBe(1);
      for (const label of geometry.eventLabels) {
        expect(label.text, chart).toMatch(/^US presidential election/);
        expect(label.box.left, chart).toBeGreaterThanOrEqual(geometry.svg.left - 0.5);
        expect(label.box.right, chart).toBeLessThanOrEqual(geometry.svg.right + 0.5);
        expect(label.box.bottom, chart).toBeLessThanOrEqual((geometry.plot?.top ?? 0) + 0.5);
      }
    }
  });

  it('labels both events where the call is in the study too, each in its own row', async () => {
    await open('?events=us-election-2024,ishiba-trump-call-2024');
    for (const chart of CHARTS.slice(0, 3)) {
      const geometry = await chartGeometry(chart);
      expect(geometry.eventLabels.map((label) => label.id), chart).toEqual(['us-election-2024', 'ishiba-trump-call-2024']);
      const [election, call] = geometry.eventLabels;
      expect(call && election && call.box.bottom <= election.box.top + 0.5, chart).toBe(true);
      expect(call?.text, chart).toMatch(/^Ishiba–Trump/);
    }
    // The portfolio chart labels every line it draws too (day 0 of the pooled events, or each event).
    const portfolio = await chartGeometry('#portfolio-chart');
    expect(portfolio.eventLabels.length).toBeGreaterThan(0);
    expect(portfolio.eventLabels).toHaveLength(portfolio.eventLines);
    for (const label of portfolio.eventLabels) expect(label.text).not.toBe('');
    await screenshot(page, 'charts-two-events');
  });

  it("leaves the call's line out of the saved image when the call is not in the study, and keeps the election's label", async () => {
    await open();
    const panel = page.locator('.small-multiple[data-unit="us-election-2024:7013.T"]');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /^SVG image of/ }).click()]);
    const svg = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(svg).toContain('US presidential election');
    expect(svg).not.toContain('ishiba-trump-call-2024');
    expect(svg.match(/stroke-dasharray="3 3"/g)).toHaveLength(1);
  });
});

describe('the day axis', () => {
  it('has a tick on every trading day of a 21-day window on every chart, with days -1, 0 and +1 labelled', async () => {
    await open('?window=-10:10');
    for (const chart of CHARTS) {
      const geometry = await chartGeometry(chart);
      expect(geometry.xTickLines, chart).toBe(21);
      expect(geometry.xLabels, chart).toEqual(expect.arrayContaining(['-1', '0', '+1']));
    }
    // The page's first chart is wide enough to label all 21 days.
    expect((await chartGeometry('#price-chart')).xLabels).toHaveLength(21);
  });
});

describe('the abnormal-return panels', () => {
  it('share one y scale and stand level, until the user frees the scale', async () => {
    // IHI moved far more than Mitsubishi Electric: on their own scales their axes differ.
    await open('?securities=6503.T,7013.T');
    const panels = ['.small-multiple[data-unit="us-election-2024:6503.T"]', CHARTS[2] ?? ''] as const;
    const [mhi, ihi] = [await chartGeometry(panels[0]), await chartGeometry(panels[1])];
    expect(mhi.yTicks.length).toBeGreaterThan(2);
    expect(mhi.yTicks).toEqual(ihi.yTicks);
    expect(Math.abs((mhi.plot?.top ?? 0) - (ihi.plot?.top ?? 1))).toBeLessThan(0.5);
    expect(Math.abs((mhi.plot?.bottom ?? 0) - (ihi.plot?.bottom ?? 1))).toBeLessThan(0.5);
    await page.getByLabel('Same scale for all').uncheck();
    await page.waitForFunction(([a, b]) => {
      const ticks = (scope: string) => [...document.querySelectorAll(`${scope} .recharts-yAxis-tick-labels text`)].map((text) => text.textContent).join();
      return ticks(a as string) !== ticks(b as string);
    }, panels);
  });
});

describe('benchmarks', () => {
  it('draws TOPIX and the S&P 500 in different line styles, each with its own legend entry', async () => {
    await open('?securities=7013.T,LMT');
    const styles = await page.evaluate(() =>
      [...document.querySelectorAll('#price-chart .line-legend li')].map((item) => ({ name: item.textContent?.trim() ?? '', dash: item.querySelector('line')?.getAttribute('stroke-dasharray') ?? '', colour: item.querySelector('line')?.getAttribute('stroke') ?? '' })),
    );
    const benchmarks = styles.filter((style) => style.name.endsWith('(benchmark)'));
    expect(benchmarks.map((style) => style.name)).toEqual(['TOPIX (benchmark)', 'S&P 500 (benchmark)']);
    expect(new Set(benchmarks.map((style) => `${style.colour} ${style.dash}`)).size).toBe(2);
    // The lines drawn carry the same styles as their legend entries.
    const drawn = await page.evaluate(() => [...document.querySelectorAll('#price-chart .recharts-line-curve')].map((path) => path.getAttribute('stroke-dasharray') ?? ''));
    for (const style of benchmarks) expect(drawn).toContain(style.dash);
  });
});

describe('labels clear of the series', () => {
  it('puts the significance stars in a row above the plot area, where no bar, line or band is drawn', async () => {
    await open('?securities=7011.T,7013.T,7012.T,6503.T,6701.T&test=patellZ');
    const geometry = await chartGeometry('#portfolio-chart');
    expect(geometry.stars.length).toBeGreaterThan(0);
    for (const star of geometry.stars) {
      expect(star.text).toMatch(/^\*{1,3}$/);
      expect(star.box.bottom).toBeLessThanOrEqual((geometry.plot?.top ?? 0) + 0.5);
      expect(star.box.top).toBeGreaterThanOrEqual(geometry.svg.top - 0.5);
    }
    // And the event labels above the stars, not on them.
    for (const label of geometry.eventLabels) for (const star of geometry.stars) expect(label.box.bottom <= star.box.top + 0.5 || label.box.right <= star.box.left || label.box.left >= star.box.right).toBe(true);
  });

  it("writes the brush's day labels inside the chart when the brush is in use", async () => {
    await open('?window=-10:10');
    const brush = page.locator('#price-chart .recharts-brush');
    await brush.hover();
    await page.locator('#price-chart .recharts-brush-texts text').first().waitFor();
    const texts = await page.evaluate(() => {
      const svg = document.querySelector('#price-chart svg.recharts-surface')?.getBoundingClientRect();
      return [...document.querySelectorAll('#price-chart .recharts-brush-texts text')].map((text) => {
        const box = text.getBoundingClientRect();
        return { text: text.textContent, inside: Boolean(svg && box.left >= svg.left && box.right <= svg.right) };
      });
    });
    expect(texts).toEqual([
      { text: '-10', inside: true },
      { text: '+10', inside: true },
    ]);
  });
});
