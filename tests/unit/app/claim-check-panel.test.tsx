// @vitest-environment jsdom
/**
 * The claim check on the page: the article panel shows, beside each excerpt that makes a market
 * claim, the verdict per event and the measured moves of the study on screen (the real snapshot
 * through the app), and the verdict follows the study when the user changes the model and window.
 */
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { findDefaultCase, renderApp } from './helpers/render-app.tsx';

const claim = (excerpt: string) => document.querySelector<HTMLElement>(`.claim-check[data-claim="${excerpt}"]`);
const verdict = (excerpt: string, eventId: string) => claim(excerpt)?.querySelector(`[data-event-id="${eventId}"] [data-verdict]`)?.textContent ?? null;
const moves = (excerpt: string, eventId: string, symbol: string) => claim(excerpt)?.querySelector(`[data-event-id="${eventId}"] li[data-symbol="${symbol}"]`)?.textContent?.replace(/\u00a0/g, ' ') ?? null;

describe('the claim check in the article panel', () => {
  it('supports the "significant gains" claim on the default study with the measured day-0 ARs, and leaves the call out of it', async () => {
    renderApp();
    await findDefaultCase();
    expect(verdict('markets-ihi-mhi-gains', 'us-election-2024')).toBe('supported');
    expect(moves('markets-ihi-mhi-gains', 'us-election-2024', '7013.T')).toBe('IHI Corporation: AR day 0 +16.25 %, p < 0.001 — significant at 1 %; CAR [0, +1] +14.57 %, p < 0.001 — significant at 1 %');
    expect(moves('markets-ihi-mhi-gains', 'us-election-2024', '7011.T')).toContain('AR day 0 +6.39 %, p = 0.004 — significant at 1 %');
    expect(claim('markets-ihi-mhi-gains')).toHaveTextContent('the text says “significant”');
    expect(claim('intro-call')?.querySelector('[data-event-id="ishiba-trump-call-2024"]')).toHaveTextContent('not in this study');
  });

  it('judges the opening paragraph per event when the call is in the study: supported on the election day, not supported on the call day', async () => {
    window.history.replaceState(null, '', '/?events=us-election-2024,ishiba-trump-call-2024');
    renderApp();
    await screen.findByTestId('ar0-us-election-2024:7013.T', {}, { timeout: 5000 });
    await waitFor(() => expect(verdict('intro-call', 'ishiba-trump-call-2024')).toBe('not supported'));
    expect(verdict('intro-call', 'us-election-2024')).toBe('supported');
    expect(moves('intro-call', 'ishiba-trump-call-2024', '7011.T')).toContain('AR day 0 -2.27 %, p = 0.299 — not significant');
    expect(moves('intro-call', 'ishiba-trump-call-2024', '7013.T')).toContain('AR day 0 -1.68 %, p = 0.453 — not significant');
  });

  it('changes the verdict when the user changes the study: mean-adjusted model estimated over days −75..−45 makes the gains claim mixed', async () => {
    const user = userEvent.setup();
    renderApp();
    await findDefaultCase();
    expect(verdict('markets-ihi-mhi-gains', 'us-election-2024')).toBe('supported');
    await user.selectOptions(screen.getByLabelText('Normal-return model'), 'mean-adjusted');
    const estimation = screen.getByLabelText('Estimation window');
    await user.clear(estimation);
    await user.paste('-75:-45');
    await waitFor(() => expect(verdict('markets-ihi-mhi-gains', 'us-election-2024')).toBe('mixed'));
    expect(moves('markets-ihi-mhi-gains', 'us-election-2024', '7011.T')).toContain('AR day 0 +9.69 %, p = 0.120 — not significant');
  });

  it("checks a claim the user puts on their own excerpt, and asks for its events and securities first", async () => {
    const user = userEvent.setup();
    renderApp();
    await findDefaultCase();
    await user.type(screen.getByLabelText('Excerpt'), 'IHI shares slumped after the vote.');
    await user.selectOptions(screen.getByLabelText('Market claim: what does it say the prices did?'), 'down');
    await user.click(screen.getByRole('button', { name: 'Add excerpt' }));
    expect(screen.getByRole('alert')).toHaveTextContent('To check the market claim, tick the events and the securities it speaks of.');
    const form = within(screen.getByRole('form', { name: 'Add your own excerpt' }));
    await user.click(form.getByRole('checkbox', { name: 'US presidential election: Donald Trump wins' }));
    await user.click(form.getByRole('checkbox', { name: 'IHI Corporation (7013.T)' }));
    await user.click(screen.getByRole('button', { name: 'Add excerpt' }));
    await waitFor(() => expect(verdict('user-1', 'us-election-2024')).toBe('not supported'));
    expect(moves('user-1', 'us-election-2024', '7013.T')).toContain('+16.25 %, p < 0.001');
  });
});
