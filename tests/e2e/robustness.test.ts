/**
 * One bad symbol spoils nothing, in real Chromium against the real server on the offline snapshot
 * (issue 14, item 6): a symbol the snapshot does not hold drops out with a notice naming it while
 * IHI and Mitsubishi Heavy Industries stay on screen and downloadable; the CAR windows follow a
 * widened event window; two studies download under two names, the page's and the server's alike.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { newPage, screenshot } from './helpers/harness.ts';
import { IHI_DAY_ZERO_CELL, useServerAndBrowser } from './helpers/lifecycle.ts';

const MHI_CELL = '[data-testid="ar0-us-election-2024:7011.T"]';
const e2e = useServerAndBrowser();
let page: Page;
let errors: string[];

async function open(query: string): Promise<void> {
  ({ page, errors } = await newPage(e2e.browser));
  await page.goto(`${e2e.server.url}/${query}`);
  await page.locator(IHI_DAY_ZERO_CELL).waitFor();
}

async function download(buttonName: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName, exact: true }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

afterEach(async () => {
  await page?.close();
});

describe('adding FAKE.T to the default study', () => {
  it('keeps IHI and MHI on screen and downloadable, and names FAKE.T in a notice and in the manifest', async () => {
    await open('?securities=7011.T,7013.T,FAKE.T');
    const notice = page.getByTestId('price-failures');
    expect(await notice.innerText()).toMatch(/Left out of the study: FAKE\.T\./);
    expect(await notice.locator('li[data-symbol="FAKE.T"]').getAttribute('data-code')).toBe('UNKNOWN_SYMBOL');
    expect(Number(await page.locator(MHI_CELL).getAttribute('data-value'))).not.toBeNaN();
    await page.locator('.small-multiple[data-unit="us-election-2024:7013.T"] svg.recharts-surface').waitFor();
    await page.locator('.small-multiple[data-unit="us-election-2024:7011.T"] svg.recharts-surface').waitFor();
    // Named once, in the notice: no empty chart panel stands for it.
    expect(await page.locator('.small-multiple[data-unit="us-election-2024:FAKE.T"]').count()).toBe(0);
    await screenshot(page, 'fake-symbol-left-out');

    const csv = await download('Download CSV');
    expect(csv.text).toMatch(/\r\nus-election-2024,7011\.T,/);
    expect(csv.text).toMatch(/\r\nus-election-2024,7013\.T,/);
    expect(csv.text).not.toContain('FAKE.T');
    const search = new URL(page.url()).search;
    const fromServer = await fetch(`${e2e.server.url}/api/study.csv${search}`);
    expect(fromServer.status).toBe(200);
    expect(await fromServer.text()).toBe(csv.text);
    expect(fromServer.headers.get('content-disposition')).toBe(`attachment; filename="${csv.name}"`);

    const manifest = JSON.parse((await download('Manifest')).text) as { failures: { symbol: string; code: string }[]; files: { manifest: { name: string } } };
    expect(manifest.failures.map((failure) => [failure.symbol, failure.code])).toEqual([['FAKE.T', 'UNKNOWN_SYMBOL']]);
    expect(manifest.files.manifest.name).toMatch(/^kabuto-us-election-2024-[0-9a-f]{8}-manifest\.json$/);

    // FAKE.T is in no list to untick: the notice takes it out, and the study stays.
    await notice.getByRole('button', { name: 'Remove FAKE.T from the study' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('securities')).toBe('7011.T,7013.T');
    await page.locator(IHI_DAY_ZERO_CELL).waitFor();
    expect(errors).toEqual([]);
  });
});

describe('CAR windows and file names', () => {
  it('widens the CAR windows with the event window the user widens, and names the two studies differently', async () => {
    await open('');
    const before = await download('Download CSV');
    await page.getByRole('textbox', { name: 'Event window', exact: true }).fill('-10:10');
    await page.locator('[data-testid="car-us-election-2024:7013.T--10-10"]').waitFor();
    expect(await page.getByRole('textbox', { name: 'CAR windows', exact: true }).inputValue()).toBe('0:0, 0:1, -1:1, -5:10, -10:10');
    const after = await download('Download CSV');
    expect(after.name).not.toBe(before.name);
    expect(after.name).toMatch(/^kabuto-us-election-2024-[0-9a-f]{8}-securities\.csv$/);
    const search = new URL(page.url()).search;
    expect(search).toContain('car-windows=0:0,0:1,-1:1,-5:10,-10:10');
    expect((await fetch(`${e2e.server.url}/api/study.csv${search}`)).headers.get('content-disposition')).toBe(`attachment; filename="${after.name}"`);
  });
});
