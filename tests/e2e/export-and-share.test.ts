/**
 * Export and shareable links in real Chromium against the real server on the offline snapshot: the
 * page's downloads are the server's files byte for byte, their numbers are the engine's, a shared
 * link reproduces the view, back and forward step through choices, and a bad link says so.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STUDY_OPTIONS } from '../../src/core/index.ts';
import { dayZeroAr, referenceStudy } from '../unit/app/helpers/reference-study.ts';
import { newPage, screenshot } from './helpers/harness.ts';
import { IHI_DAY_ZERO_CELL, useServerAndBrowser } from './helpers/lifecycle.ts';

const RANGE = { from: '2021-09-01', to: '2025-02-28' };

const e2e = useServerAndBrowser();

async function openPage(path = '/'): Promise<{ page: Page; errors: string[] }> {
  const opened = await newPage(e2e.browser);
  await opened.page.goto(`${e2e.server.url}${path}`);
  await opened.page.locator(IHI_DAY_ZERO_CELL).waitFor();
  return opened;
}

async function ihiDayZeroAr(page: Page): Promise<number> {
  return Number(await page.locator(IHI_DAY_ZERO_CELL).getAttribute('data-value'));
}

async function waitForNewValue(page: Page, old: number): Promise<void> {
  await page.waitForFunction(([selector, value]) => document.querySelector(selector as string)?.getAttribute('data-value') !== String(value), [IHI_DAY_ZERO_CELL, old] as const);
}

async function downloadText(page: Page, buttonName: string): Promise<{ text: string; download: Download }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName, exact: true }).click()]);
  const path = await download.path();
  return { text: readFileSync(path, 'utf8'), download };
}

async function serverText(path: string): Promise<{ text: string; response: Response }> {
  const response = await fetch(`${e2e.server.url}${path}`);
  return { text: await response.text(), response };
}

describe('Download CSV', () => {
  it("saves the same bytes as /api/study.csv for the page's query, holding the engine's day-0 AR shown on the page", async () => {
    const { page, errors } = await openPage();
    const search = new URL(page.url()).search;
    expect(search).toContain('events=us-election-2024');
    const { text, download } = await downloadText(page, 'Download CSV');
    expect(download.suggestedFilename()).toMatch(/^kabuto-us-election-2024-[0-9a-f]{8}-securities\.csv$/);
    const fromServer = await serverText(`/api/study.csv${search}`);
    expect(fromServer.response.headers.get('content-disposition')).toBe(`attachment; filename="${download.suggestedFilename()}"`);
    expect(text).toBe(fromServer.text);

    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    const ihiDayZero = rows.find((row) => row.security === '7013.T' && row.relative_day === '0');
    const expected = dayZeroAr(referenceStudy(['7011.T', '7013.T'], 'TOPIX', RANGE), '7013.T');
    expect(Number(ihiDayZero?.ar)).toBe(expected);
    expect(Number(ihiDayZero?.ar)).toBe(await ihiDayZeroAr(page));
    expect(ihiDayZero?.date).toBe('2024-11-06');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves the portfolio CSV and the manifest as the server makes them (the manifest differs only in its time)', async () => {
    const { page } = await openPage();
    const search = new URL(page.url()).search;
    const portfolio = await downloadText(page, 'Portfolio CSV');
    expect(portfolio.download.suggestedFilename()).toMatch(/^kabuto-us-election-2024-[0-9a-f]{8}-portfolio\.csv$/);
    expect((await serverText(`/api/study-portfolio.csv${search}`)).response.headers.get('content-disposition')).toBe(`attachment; filename="${portfolio.download.suggestedFilename()}"`);
    expect(portfolio.text).toBe((await serverText(`/api/study-portfolio.csv${search}`)).text);
    const manifest = JSON.parse((await downloadText(page, 'Manifest')).text) as Record<string, unknown>;
    const serverManifest = JSON.parse((await serverText(`/api/study-manifest.json${search}`)).text) as Record<string, unknown>;
    expect(typeof manifest.generatedAt).toBe('string');
    expect({ ...manifest, generatedAt: null }).toEqual({ ...serverManifest, generatedAt: null });
    await page.close();
  });
});

describe('shareable links', () => {
  it('reopens a shared link with another model and estimation window on the same numbers, the engine values of those options', async () => {
    const { page } = await openPage();
    const before = await ihiDayZeroAr(page);
    await page.getByLabel('Normal-return model').selectOption('mean-adjusted');
    await waitForNewValue(page, before);
    const adjusted = await ihiDayZeroAr(page);
    await page.getByLabel('Estimation window').fill('-120:-11');
    await waitForNewValue(page, adjusted);
    const shown = await ihiDayZeroAr(page);
    const link = page.url();
    expect(new URL(link).searchParams.get('model')).toBe('mean-adjusted');
    expect(new URL(link).searchParams.get('estimation')).toBe('-120:-11');

    const shared = await newPage(e2e.browser);
    await shared.page.goto(link);
    await shared.page.locator(IHI_DAY_ZERO_CELL).waitFor();
    expect(await ihiDayZeroAr(shared.page)).toBe(shown);
    expect(await shared.page.getByLabel('Normal-return model').inputValue()).toBe('mean-adjusted');
    expect(await shared.page.getByLabel('Estimation window').inputValue()).toBe('-120:-11');
    const options = { ...DEFAULT_STUDY_OPTIONS, model: 'mean-adjusted' as const, estimationWindow: { from: -120, to: -11 } };
    expect(shown).toBe(dayZeroAr(referenceStudy(['7011.T', '7013.T'], 'TOPIX', RANGE, options), '7013.T'));
    await screenshot(shared.page, 'shared-link');
    expect(shared.errors).toEqual([]);
    await shared.page.close();
    await page.close();
  });

  it('steps back and forward through choices, and over a typed window in one step', async () => {
    const { page } = await openPage();
    const defaultValue = await ihiDayZeroAr(page);
    await page.getByLabel('Normal-return model').selectOption('mean-adjusted');
    await waitForNewValue(page, defaultValue);
    const meanAdjusted = await ihiDayZeroAr(page);
    // Typed key by key: "…, 0:2" and "…, 0:2, 0:3" are both valid on the way, so the URL changes twice.
    await page.getByLabel('CAR windows').press('End');
    await page.getByLabel('CAR windows').pressSequentially(', 0:2, 0:3');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('car-windows') === '0:0,0:1,-1:1,-5:10,0:2,0:3');

    await page.goBack();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('car-windows') === '0:0,0:1,-1:1,-5:10');
    expect(await page.getByLabel('CAR windows').inputValue()).toBe('0:0, 0:1, -1:1, -5:10');
    expect(await page.getByLabel('Normal-return model').inputValue()).toBe('mean-adjusted');
    expect(await ihiDayZeroAr(page)).toBe(meanAdjusted);

    await page.goBack();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('model') === 'market');
    await page.waitForFunction(([selector, value]) => document.querySelector(selector as string)?.getAttribute('data-value') === String(value), [IHI_DAY_ZERO_CELL, defaultValue] as const);
    expect(await page.getByLabel('Normal-return model').inputValue()).toBe('market');

    await page.goForward();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('model') === 'mean-adjusted');
    expect(await page.getByLabel('Normal-return model').inputValue()).toBe('mean-adjusted');
    expect(await ihiDayZeroAr(page)).toBe(meanAdjusted);
    await page.close();
  });

  it('shows the default view and a notice naming each invalid parameter, which can be dismissed', async () => {
    const { page, errors } = await openPage('/?model=probit&window=abc&securities=7011.T,7013.T');
    const notice = page.getByRole('status', { name: 'Settings in the link that could not be used' });
    await expect(notice.innerText()).resolves.toMatch(/model: "probit" is not a model/);
    await expect(notice.innerText()).resolves.toMatch(/window: "abc" is not a window/);
    expect(await page.getByLabel('Normal-return model').inputValue()).toBe('market');
    expect(await ihiDayZeroAr(page)).toBe(dayZeroAr(referenceStudy(['7011.T', '7013.T'], 'TOPIX', RANGE), '7013.T'));
    expect(new URL(page.url()).searchParams.get('model')).toBe('market');
    await screenshot(page, 'invalid-link-notice');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('status', { name: 'Settings in the link that could not be used' }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
