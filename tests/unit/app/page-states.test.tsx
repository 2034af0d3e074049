// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from './helpers/render-app.tsx';
import { json, snapshotPrices } from './helpers/snapshot-api.ts';

const IHI_CELL = 'ar0-us-election-2024:7013.T';
const securitiesGroup = () => screen.getByRole('group', { name: 'Securities and benchmarks' });
const LOADING = 'Loading prices and computing the study…';

describe('loading, error and empty states', () => {
  it('shows a loading skeleton while the prices are on their way, then the results', async () => {
    let answer: (response: Response) => void = () => undefined;
    renderApp({ setup: (api) => api.override('/api/prices', () => new Promise<Response>((resolve) => (answer = resolve))) });
    const loading = await screen.findByText(LOADING);
    expect(loading.closest('[role="status"]')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByTestId(IHI_CELL)).toBeNull();

    answer(json(snapshotPrices(['7011.T', '7013.T', 'TOPIX'], '2021-11-01', '2025-02-28')));
    await screen.findByTestId(IHI_CELL, {}, { timeout: 5000 });
    expect(screen.queryByText(LOADING)).toBeNull();
  });

  it("shows the server's own message with a Retry button, and Retry recovers", async () => {
    const user = userEvent.setup();
    const { api } = renderApp({
      setup: (stub) =>
        stub.override('/api/prices', () => json({ error: { code: 'UPSTREAM_UNAVAILABLE', message: 'Yahoo Finance did not answer within 8 seconds; try again later.' } }, 503)),
    });
    const heading = await screen.findByRole('heading', { name: 'The prices could not be loaded' });
    const panel = heading.closest('[role="alert"]') as HTMLElement;
    expect(panel).toHaveTextContent('Yahoo Finance did not answer within 8 seconds; try again later.');
    expect(panel).toHaveTextContent('Code: UPSTREAM_UNAVAILABLE');

    api.restore('/api/prices');
    await user.click(within(panel).getByRole('button', { name: 'Retry' }));
    await screen.findByTestId(IHI_CELL, {}, { timeout: 5000 });
    expect(screen.queryByRole('heading', { name: 'The prices could not be loaded' })).toBeNull();
  });

  it('explains a server that cannot be reached at all', async () => {
    renderApp({ setup: (api) => api.override('/api/prices', () => Promise.reject(new TypeError('Failed to fetch'))) });
    const heading = await screen.findByRole('heading', { name: 'The prices could not be loaded' });
    expect(heading.closest('[role="alert"]')).toHaveTextContent('The Kabuto server did not answer. Check that it is running (npm start) and try again.');
  });

  it('says what to do when no security is selected; unticking reuses the prices already loaded', async () => {
    const user = userEvent.setup();
    const { api } = renderApp();
    await screen.findByTestId(IHI_CELL, {}, { timeout: 5000 });
    await user.click(within(securitiesGroup()).getByRole('checkbox', { name: /Mitsubishi Heavy Industries/ }));
    await user.click(within(securitiesGroup()).getByRole('checkbox', { name: /IHI Corporation/ }));
    expect(screen.getByTestId('empty-state')).toHaveTextContent('No securities selected');
    expect(screen.queryByRole('region', { name: 'Statistics' })).toBeNull();
    expect(api.requests.filter((url) => url.pathname === '/api/prices')).toHaveLength(1);
  });

  it('says what to do when no event is selected', async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByTestId(IHI_CELL, {}, { timeout: 5000 });
    await user.click(within(screen.getByRole('group', { name: 'Events' })).getByRole('checkbox', { name: /US presidential election/ }));
    expect(screen.getByTestId('empty-state')).toHaveTextContent('No event selected');
  });
});

describe('the security picker', () => {
  it('names each security, and offers a free-text Yahoo symbol only when the server runs live', async () => {
    renderApp();
    expect(within(await screen.findByRole('group', { name: 'Securities and benchmarks' })).getByRole('checkbox', { name: 'IHI Corporation 7013.T' })).toBeChecked();
    await screen.findByTestId(IHI_CELL, {}, { timeout: 5000 });
    expect(screen.queryByLabelText('Add a Yahoo symbol')).toBeNull();
  });

  it('validates a typed Yahoo symbol in live mode and adds it to the study', async () => {
    const user = userEvent.setup();
    renderApp({ mode: 'live' });
    const field = await screen.findByLabelText('Add a Yahoo symbol');
    await user.type(field, '7012.t!');
    expect(screen.getByRole('alert')).toHaveTextContent('A Yahoo symbol has letters, digits and . ^ = - only');
    await user.clear(field);
    // A Hong Kong symbol, an exchange the registry does not hold: refused by name, never filed under New York.
    await user.type(field, '0700.hk');
    expect(screen.getByRole('alert')).toHaveTextContent('0700.HK: No registered exchange has the Yahoo suffix .HK.');
    await user.clear(field);
    await user.type(field, '7012.t{Enter}');
    expect(within(securitiesGroup()).getByRole('checkbox', { name: /Kawasaki Heavy Industries/ })).toBeChecked();
  });
});
