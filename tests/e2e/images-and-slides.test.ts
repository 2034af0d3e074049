/**
 * Chart images and presentation mode in real Chromium against the real server on the offline
 * snapshot: a chart downloaded as PNG (its pixel size and that it is not blank) and as SVG, the
 * slides stepped through with the keyboard, printed to PDF one 16:9 page per slide with its fonts
 * embedded, and the page's PowerPoint file compared with the server's /api/study.pptx.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { percentInWords } from '../../src/application/study-summary.ts';
import { dayZeroAr, referenceStudy } from '../unit/app/helpers/reference-study.ts';
import { deckParts } from '../unit/server/helpers/deck-parts.ts';
import { ARTIFACTS_DIR, newPage, screenshot } from './helpers/harness.ts';
import { recordPriceRange, useServerAndBrowser } from './helpers/lifecycle.ts';

const IHI_PANEL = '.small-multiple[data-unit="us-election-2024:7013.T"]';
const IHI_TITLE = 'IHI Corporation (7013.T): daily abnormal returns and CAR';
const SLIDE_HEADINGS = [
  /^IHI Corporation \+16\.25\u00a0% and Mitsubishi Heavy Industries/,
  'US presidential election · day 0 Wed 6 Nov 2024',
  'Group result: Portfolio time-series t',
  'What the article says, what the market did',
  'Methods and sources',
  'Glossary',
  'Glossary, continued',
];
/** Each key that moves forward, so every one of them is exercised once on the way through. */
const NEXT_KEYS = ['ArrowRight', 'Space', 'PageDown', 'ArrowDown', 'ArrowRight', 'Space'];

const e2e = useServerAndBrowser();
let page: Page;
let errors: string[];
let range: { from: string; to: string };

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  ({ page, errors } = await newPage(e2e.browser));
  range = recordPriceRange(page);
  await page.goto(e2e.server.url);
  await page.locator(`${IHI_PANEL} svg.recharts-surface`).waitFor();
});

async function downloadFrom(buttonName: RegExp): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(IHI_PANEL).getByRole('button', { name: buttonName }).click()]);
  return download;
}

/** Width and height from a PNG's IHDR chunk, which the PNG format puts first, right after the signature. */
function pngDimensions(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Decodes the PNG in the page and counts its distinct colours, its non-white share and IHI's bar colour. */
function pixelSummary(png: Buffer) {
  return page.evaluate(async (dataUrl) => {
    const image = new Image();
    image.src = dataUrl;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set<number>();
    let nonWhite = 0;
    let orangeBar = 0;
    for (let index = 0; index < data.length; index += 4) {
      const [red, green, blue] = [data[index] ?? 0, data[index + 1] ?? 0, data[index + 2] ?? 0];
      colours.add((red << 16) | (green << 8) | blue);
      if (red < 250 || green < 250 || blue < 250) nonWhite += 1;
      // IHI's bars: Okabe–Ito vermillion #D55E00 at 75% opacity on white is about (224, 134, 64).
      if (Math.abs(red - 224) < 8 && Math.abs(green - 134) < 8 && Math.abs(blue - 64) < 8) orangeBar += 1;
    }
    return { colours: colours.size, nonWhiteShare: nonWhite / (data.length / 4), orangeBar };
  }, `data:image/png;base64,${png.toString('base64')}`);
}

describe('chart images', () => {
  let svgHeight = 0;

  it('downloads the abnormal-return chart as SVG that parses and carries its title, parameters and source', async () => {
    const download = await downloadFrom(/^SVG image of IHI/);
    expect(download.suggestedFilename()).toBe('kabuto-7013-T-abnormal-returns-us-election-2024.svg');
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const parsed = await page.evaluate((markup) => {
      const document = new DOMParser().parseFromString(markup, 'image/svg+xml');
      const root = document.documentElement;
      return {
        error: document.querySelector('parsererror')?.textContent ?? null,
        namespace: root.namespaceURI,
        width: root.getAttribute('width'),
        height: root.getAttribute('height'),
        viewBox: root.getAttribute('viewBox'),
        texts: [...root.children].filter((element) => element.tagName === 'text').map((element) => ({ size: element.getAttribute('font-size'), text: element.textContent ?? '' })),
        charts: root.querySelectorAll('svg').length,
      };
    }, text);
    expect(parsed.error).toBeNull();
    expect(parsed.namespace).toBe('http://www.w3.org/2000/svg');
    // The composer wraps long lines; the title's lines are the ones at 16 px.
    const lines = (size: string) => parsed.texts.filter((text) => text.size === size).map((text) => text.text).join(' ');
    expect(lines('16')).toBe(IHI_TITLE);
    const words = parsed.texts.map((text) => text.text).join(' ');
    expect(words).toContain('Benchmark TOPIX. US presidential election: Donald Trump wins, day 0 6 Nov 2024. Market model, estimation [-250, -11], event window [-5, +10].');
    expect(words).toMatch(/Source: Prices: JPX via J-Quants, split-adjusted; TOPIX: JPX; Kabuto \d+\.\d+\.\d+ calculations, MacKinlay \(1997\) market model\./);
    expect(words).not.toMatch(/keroppa88|commit/);
    expect(parsed.charts).toBe(1);
    const chartWidth = await page.locator(`${IHI_PANEL} svg.recharts-surface`).evaluate((svg) => svg.getBoundingClientRect().width);
    expect(Number(parsed.width)).toBe(Math.ceil(chartWidth));
    expect(parsed.viewBox).toBe(`0 0 ${parsed.width} ${parsed.height}`);
    svgHeight = Number(parsed.height);
  });

  it('downloads the abnormal-return chart as a PNG at twice its CSS size that is not blank', async () => {
    const box = await page.locator(`${IHI_PANEL} svg.recharts-surface`).evaluate((svg) => ({ width: svg.getBoundingClientRect().width, height: svg.getBoundingClientRect().height }));
    const download = await downloadFrom(/^PNG image of IHI/);
    expect(download.suggestedFilename()).toBe('kabuto-7013-T-abnormal-returns-us-election-2024.png');
    const png = readFileSync(await download.path());
    const size = pngDimensions(png);
    expect(size.width).toBe(2 * Math.ceil(box.width));
    // The image is the chart plus its title, subtitle, legend and source line, all at 2×.
    expect(size.height).toBe(2 * svgHeight);
    expect(size.height).toBeGreaterThan(2 * box.height);
    const pixels = await pixelSummary(png);
    expect(pixels.colours).toBeGreaterThan(50);
    expect(pixels.nonWhiteShare).toBeGreaterThan(0.03);
    expect(pixels.orangeBar).toBeGreaterThan(100);
    writeFileSync(path.join(ARTIFACTS_DIR, 'chart-export-ihi-abnormal-returns.png'), png);
    expect(errors).toEqual([]);
  });

  it('saves the price chart without its brush, which only the page can use', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^SVG image of Prices rebased/ }).click()]);
    expect(download.suggestedFilename()).toBe('kabuto-prices-us-election-2024.svg');
    const markup = readFileSync(await download.path(), 'utf8');
    const surfaceHeight = await page.locator('#price-chart svg.recharts-surface').evaluate((svg) => Number(svg.getAttribute('height')));
    const chart = await page.evaluate((text) => {
      const nested = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement.querySelector('svg');
      return { height: Number(nested?.getAttribute('height')), brush: nested?.querySelectorAll('.recharts-brush, .recharts-brush-traveller').length, lines: nested?.querySelectorAll('path.recharts-curve').length };
    }, markup);
    expect(chart.brush).toBe(0);
    // Cut just above the 22 px brush, so the x axis stays and the empty band goes.
    expect(chart.height).toBeLessThan(surfaceHeight - 22);
    expect(chart.height).toBeGreaterThan(surfaceHeight - 40);
    // IHI, MHI and TOPIX.
    expect(chart.lines).toBe(3);
    expect(markup).toContain('Benchmark TOPIX.');
  });

  it('hides the image buttons and the Present button when the dashboard is printed', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator(IHI_PANEL).getByRole('button', { name: /^PNG image/ }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Present' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('button', { name: 'Present' }).isVisible()).toBe(true);
  });
});

describe('presentation mode', () => {
  const dialog = () => page.getByRole('dialog', { name: /^Presentation/ });
  const currentHeading = () => page.locator('.presentation .slide:not([hidden]) h2').innerText();
  const counter = () => page.locator('.presentation .slide-counter').innerText();

  async function open() {
    await page.getByRole('button', { name: 'Present' }).click();
    await dialog().waitFor();
    await page.locator('.presentation .slide[data-slide="event-us-election-2024"] .deck-chart svg').first().waitFor({ state: 'attached' });
  }

  it('steps through every slide with the keyboard, back and to the ends, and Escape gives focus back', async () => {
    await open();
    const total = SLIDE_HEADINGS.length;
    expect(await currentHeading()).toMatch(SLIDE_HEADINGS[0] ?? '');
    expect(await counter()).toBe(`1 / ${total}`);
    await screenshot(page, 'slide-1');
    for (const [index, key] of NEXT_KEYS.entries()) {
      await page.keyboard.press(key);
      expect(await counter()).toBe(`${index + 2} / ${total}`);
      expect(await currentHeading()).toMatch(SLIDE_HEADINGS[index + 1] ?? '');
      await screenshot(page, `slide-${index + 2}`);
    }
    await page.keyboard.press('ArrowRight');
    expect(await counter()).toBe(`${total} / ${total}`);
    await page.keyboard.press('ArrowLeft');
    expect(await currentHeading()).toMatch(SLIDE_HEADINGS[total - 2] ?? '');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowUp');
    expect(await currentHeading()).toMatch(SLIDE_HEADINGS[total - 4] ?? '');
    await page.keyboard.press('Home');
    expect(await counter()).toBe(`1 / ${total}`);
    // Space means "next" even on a focused button, and moves once, not twice (keydown and click).
    await page.getByRole('button', { name: 'Next slide' }).focus();
    await page.keyboard.press('Space');
    expect(await counter()).toBe(`2 / ${total}`);
    await page.keyboard.press('End');
    expect(await currentHeading()).toBe('Glossary, continued');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Present');
    expect(errors).toEqual([]);
  });

  it("shows each security's day-0 AR as the engine computes it, and the claim check's verdict", async () => {
    await open();
    const reference = referenceStudy(['7011.T', '7013.T'], 'TOPIX', range);
    const ihi = page.locator('.presentation .slide[data-slide="event-us-election-2024"] tbody tr', { hasText: 'IHI Corporation' });
    expect(await ihi.locator('td.number .deck-value').first().textContent()).toBe(percentInWords(dayZeroAr(reference, '7013.T')));
    // The claim's quote spans its row; the verdict stands on the first row that checks it.
    const rows = await page.locator('.presentation .slide[data-slide="claims"] tbody tr').evaluateAll((items) => items.map((item) => [...item.children].map((cell) => cell.textContent)));
    const quote = rows.findIndex((cells) => cells[0]?.includes('witnessed significant gains'));
    expect(rows[quote + 1]?.at(-1)).toBe('supported');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });

  it('prints the slides to a PDF with one page per slide', async () => {
    await open();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await screenshot(page, 'slides-print-layout', true);
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(path.join(ARTIFACTS_DIR, 'presentation.pdf'), pdf);
    const file = path.join(ARTIFACTS_DIR, 'presentation.pdf');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(SLIDE_HEADINGS.length);
    // 13.333 × 7.5 in, PowerPoint's widescreen: 960 × 540 points.
    expect(/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)?.slice(1, 3).map(Number)).toEqual([960, 540]);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((line) => line.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.split(/\s+/).at(-5), font).toBe('yes');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
    expect(text[1]?.replace(/\s+/g, ' ')).toMatch(/IHI Corporation \+16\.25 % \+14\.57 % \+10\.96 % 9\.0× usual 7013\.T p < 0\.001 — significant at 1 %/);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('downloads from the page the same PowerPoint deck the server gives for the page\'s query: same slides, charts and numbers', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PowerPoint' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kabuto-us-election-2024-[0-9a-f]{8}-deck\.pptx$/);
    const fromPage = await deckParts(readFileSync(await download.path()));
    const query = new URL(page.url()).search;
    const fromServer = await deckParts(await (await fetch(`${e2e.server.url}/api/study.pptx${query}`)).arrayBuffer());
    expect(fromPage.slides).toHaveLength(SLIDE_HEADINGS.length);
    expect(fromPage.charts).toHaveLength(3);
    expect(fromPage).toEqual(fromServer);
    expect(errors).toEqual([]);
  });
});
