/**
 * The analyst's toolbox in real Chromium against the real server on the offline snapshot (issue 16):
 * the default page states IHI's day-0 volume multiple and draws the volume panel (one chart), a
 * factor file uploaded in the browser reaches the URL and the manifest and survives a reload, the
 * same link in a browser without the file says so, a file lacking days of the windows names them,
 * the advanced minimum of estimation days works from the page and from a link, and the page still
 * fits a phone. The factor file
 * is derived from the snapshot (Nikkei 225 minus TOPIX daily returns), not made up. Screenshots go
 * to tests/artifacts/ (toolbox-desktop-1440x900.png, toolbox-factors-1440x900.png, toolbox-phone-390x844.png).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { spreadFactorCsv } from '../unit/app/helpers/spread-factor-csv.ts';
import { newPage, screenshot } from './helpers/harness.ts';
import { IHI_DAY_ZERO_CELL, useServerAndBrowser } from './helpers/lifecycle.ts';

const IHI_VOLUME = '[data-testid="answer-volume-us-election-2024"] [data-symbol="7013.T"]';
const e2e = useServerAndBrowser();

/** The base-R reference of IHI's day-0 multiple (tests/fixtures/abnormal-volume/abnormal_volume_summary.csv). */
function referenceMultiple(symbol: string): number {
  const lines = readFileSync(new URL('../fixtures/abnormal-volume/abnormal_volume_summary.csv', import.meta.url), 'utf8').trim().split('\n');
  const header = (lines[0] ?? '').split(',').map((cell) => cell.replaceAll('"', ''));
  const row = lines.find((line) => line.startsWith(`"${symbol}"`))?.split(',').map((cell) => cell.replaceAll('"', '')) ?? [];
  return Number(row[header.indexOf('day0_multiple')]);
}

async function downloadText(page: Page, buttonName: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName, exact: true }).click()]);
  return readFileSync(await download.path(), 'utf8');
}

describe('the toolbox in the browser', () => {
  it("shows IHI's day-0 volume multiple on the default page, equal to the base-R reference, and one volume chart", async () => {
    const { page, errors } = await newPage(e2e.browser, { width: 1440, height: 900 });
    await page.goto(e2e.server.url);
    await page.locator(IHI_VOLUME).waitFor();
    expect(await page.locator(IHI_VOLUME).innerText()).toBe('IHI Corporation traded 9.0× its usual volume on day 0; abnormal log volume t = 3.37, p < 0.001 — significant at 1 %.');
    expect(Math.abs(Number(await page.locator(IHI_VOLUME).getAttribute('data-multiple')) / referenceMultiple('7013.T') - 1)).toBeLessThan(1e-12);
    await page.locator('#volume-chart svg.recharts-surface').waitFor();
    expect(await page.locator('#volume-chart svg.recharts-surface').count()).toBe(1);
    // Two securities over the 16 days of the event window [-5, +10].
    expect(await page.locator('#volume-chart .recharts-bar-rectangle').count()).toBe(32);
    await page.locator('#volume-chart').scrollIntoViewIfNeeded();
    // The tooltip of IHI's day-0 bar (IHI's bars follow MHI's 16) gives the day, the shares and the t.
    await page.locator('#volume-chart .recharts-bar-rectangle').nth(16 + 5).hover();
    const tooltip = page.locator('#volume-chart .chart-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.locator('.chart-tooltip-title').innerText()).toMatch(/^Day 0 · .*6 Nov 2024$/);
    expect(await tooltip.innerText()).toContain('IHI Corporation (7013.T): 9.0× usual (170,169,300 shares; AV ');
    expect(await tooltip.innerText()).toContain(', t 3.37)');
    await screenshot(page, 'toolbox-desktop-1440x900');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes a factor file into the URL and the manifest, keeps it over a reload, and a browser without it says so', async () => {
    const { page, errors } = await newPage(e2e.browser, { width: 1440, height: 900 });
    await page.goto(e2e.server.url);
    const before = await page.locator(IHI_DAY_ZERO_CELL).getAttribute('data-value');
    await page.getByTestId('factor-upload').setInputFiles({ name: 'n225-topix.csv', mimeType: 'text/csv', buffer: Buffer.from(spreadFactorCsv()) });
    await page.waitForURL(/factors=N225_TOPIX/);
    await expect.poll(() => page.locator(IHI_DAY_ZERO_CELL).getAttribute('data-value')).not.toBe(before);
    const withFactors = await page.locator(IHI_DAY_ZERO_CELL).getAttribute('data-value');
    const manifest = JSON.parse(await downloadText(page, 'Manifest')) as { study: { factors: { names: string[]; file: { name: string; hash: string; sha256: string }; gaps: unknown[] }; minimumEstimationDays: number }; reproduce: { page: string; securitiesCsv: string | null } };
    const hash = new URL(page.url()).searchParams.get('factor-file')?.split('~')[0];
    expect(manifest.study.factors).toMatchObject({ names: ['N225_TOPIX'], file: { name: 'n225-topix.csv', hash }, gaps: [] });
    expect(manifest.study.factors.file.sha256.startsWith(hash ?? '-')).toBe(true);
    expect(manifest.study.minimumEstimationDays).toBe(30);
    expect(manifest.reproduce.securitiesCsv).toBeNull();
    await page.getByTestId('factor-controls').scrollIntoViewIfNeeded();
    await screenshot(page, 'toolbox-factors-1440x900');

    // The link reproduces the study in this browser, which keeps the file.
    const link = page.url();
    await page.reload();
    await expect.poll(() => page.locator(IHI_DAY_ZERO_CELL).getAttribute('data-value')).toBe(withFactors);
    expect(page.url()).toBe(link);
    expect(errors).toEqual([]);
    await page.close();

    // Another browser has no copy: it says which file the link used, and computes nothing else.
    const other = await newPage(e2e.browser, { width: 1440, height: 900 });
    await other.page.goto(link);
    await other.page.getByTestId('factor-file-missing').waitFor();
    expect(await other.page.getByTestId('factor-file-missing').innerText()).toContain(`from the factor file n225-topix.csv (SHA-256 ${hash}…), which this browser does not have.`);
    expect(await other.page.locator(IHI_DAY_ZERO_CELL).count()).toBe(0);
    await other.page.close();
  });

  it('names the days a factor file lacks, in the factor controls and before the numbers', async () => {
    const { page, errors } = await newPage(e2e.browser, { width: 1440, height: 900 });
    await page.goto(e2e.server.url);
    await page.locator(IHI_DAY_ZERO_CELL).waitFor();
    const file = spreadFactorCsv(['2024-11-06', '2024-03-01']);
    await page.getByTestId('factor-upload').setInputFiles({ name: 'gaps.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByTestId('factor-gaps').waitFor();
    const message =
      'gaps.csv has no N225_TOPIX on 1 day of the event window (6 Nov 2024) and on 1 day of the estimation windows (1 Mar 2024): on those days the factor model has no abnormal return (lost days).';
    expect(await page.getByTestId('factor-gaps').innerText()).toBe(`${message} Add them to the file to use them.`);
    expect(await page.getByRole('list', { name: 'Before you read the numbers' }).innerText()).toContain(message);
    await page.getByTestId('factor-gaps').scrollIntoViewIfNeeded();
    await screenshot(page, 'toolbox-factor-gaps-1440x900');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes the minimum of estimation days from the advanced setting and from a link, refusing one below the floor', async () => {
    const { page, errors } = await newPage(e2e.browser, { width: 1440, height: 900 });
    // A link with a 20-day estimation window and the default minimum of 30 cannot be used, and says so.
    await page.goto(`${e2e.server.url}/?estimation=-30:-11`);
    const notice = page.getByRole('status', { name: 'Settings in the link that could not be used' });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('estimation');
    await page.waitForURL(/estimation=-250:-11/);
    await page.locator(IHI_DAY_ZERO_CELL).waitFor();
    const byDefault = await page.locator(IHI_DAY_ZERO_CELL).getAttribute('data-value');

    const advanced = page.getByTestId('advanced-settings');
    await advanced.getByText('Advanced settings').click();
    const minimum = advanced.getByLabel('Minimum estimation days');
    await minimum.fill('2');
    expect(await advanced.getByRole('alert').innerText()).toContain('The minimum of estimation days must be at least 3 for the market model');
    expect(new URL(page.url()).searchParams.get('min-estimation')).toBe('30');
    // Lowered to 20 on the page, a 20-day estimation window runs and the URL records both.
    await minimum.fill('20');
    await page.waitForURL(/min-estimation=20/);
    await page.getByLabel('Estimation window').fill('-30:-11');
    await page.waitForURL(/estimation=-30:-11/);
    await expect.poll(() => page.locator(IHI_DAY_ZERO_CELL).getAttribute('data-value')).not.toBe(byDefault);
    const fromPage = await page.locator(IHI_DAY_ZERO_CELL).getAttribute('data-value');
    const link = page.url();
    await advanced.scrollIntoViewIfNeeded();
    await screenshot(page, 'toolbox-min-estimation-1440x900');
    expect(errors).toEqual([]);
    await page.close();

    // The link alone gives the same study, the advanced setting shown open.
    const other = await newPage(e2e.browser, { width: 1440, height: 900 });
    await other.page.goto(link);
    await other.page.locator(IHI_DAY_ZERO_CELL).waitFor();
    await expect.poll(() => other.page.locator(IHI_DAY_ZERO_CELL).getAttribute('data-value')).toBe(fromPage);
    expect(await other.page.getByTestId('advanced-settings').getAttribute('open')).not.toBeNull();
    expect(await other.page.getByLabel('Minimum estimation days').inputValue()).toBe('20');
    expect(await other.page.getByRole('status', { name: 'Settings in the link that could not be used' }).count()).toBe(0);
    expect(other.errors).toEqual([]);
    await other.page.close();
  });

  it('fits a phone with the volume panel and the factor controls: nothing scrolls sideways', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    page.setDefaultTimeout(15_000);
    await page.goto(`${e2e.server.url}/?securities=7011.T,7013.T,LHX`);
    await page.locator('#volume-chart svg.recharts-surface').waitFor();
    expect(await page.getByTestId('volume-without').innerText()).toContain('L3Harris Technologies (LHX): no volume in the source.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.locator('#volume-chart').scrollIntoViewIfNeeded();
    await screenshot(page, 'toolbox-phone-390x844');
    await page.close();
  });
});
