// @vitest-environment jsdom
/**
 * The answer panel in the whole app on the REAL offline snapshot: the default case's headline with
 * p-values in words, the test the rules pick (and a test the user forces, kept in the URL), the
 * overlap notice of two events and its event-cluster choice, the contamination notice, and the
 * glossary reachable from the keyboard.
 */
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from './helpers/render-app.tsx';
import { dayZeroAr, referenceStudy } from './helpers/reference-study.ts';

const answer = () => screen.getByRole('region', { name: 'The answer' });

async function answerReady(): Promise<HTMLElement> {
  await screen.findByTestId('answer-ar0-us-election-2024:7013.T', {}, { timeout: 5000 });
  return answer();
}

describe('the answer panel', () => {
  it("comes first on the page and states IHI's +16.25 % and MHI's +6.39 % day-0 abnormal returns with their p-values in words", async () => {
    const { api } = renderApp();
    const panel = await answerReady();
    // First in the page: before the study settings and the charts.
    const settings = screen.getByRole('complementary', { name: 'Study settings' });
    expect(panel.compareDocumentPosition(settings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const ihi = screen.getByTestId('answer-ar0-us-election-2024:7013.T');
    const mhi = screen.getByTestId('answer-ar0-us-election-2024:7011.T');
    expect(ihi).toHaveTextContent('+16.25 %, p < 0.001 — significant at 1 %');
    expect(mhi).toHaveTextContent(/^\+6\.39 %, p = 0\.00\d — significant at 1 %$/);
    // The engine's doubles, run apart from the app on the same bars.
    const prices = api.requests.find((url) => url.pathname === '/api/prices');
    const reference = referenceStudy(['7011.T', '7013.T'], 'TOPIX', { from: prices?.searchParams.get('from') ?? '', to: prices?.searchParams.get('to') ?? '' });
    expect(Number(ihi.getAttribute('data-value'))).toBe(dayZeroAr(reference, '7013.T'));
    expect(Number(mhi.getAttribute('data-value'))).toBe(dayZeroAr(reference, '7011.T'));

    const headers = within(panel).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Security', 'Day-0 AR', 'CAR [0, +1]', 'CAR [-5, +10]']);
  });

  it('states the pair under the portfolio time-series t, chosen by the rules, with Brown–Warner 1985 as cross-check and the unfit tests greyed', async () => {
    renderApp();
    const panel = await answerReady();
    const group = screen.getByTestId('answer-aar0-us-election-2024');
    expect(group).toHaveTextContent(/^\+\d+\.\d\d %, p < 0\.001 — significant at 1 %$/);
    expect(within(panel).getByRole('rowheader', { name: /All 2, equally weighted\s*by the Portfolio time-series t/ })).toBeInTheDocument();
    expect(panel).toHaveTextContent('Chosen by the rules: the securities share day 0, so their moves are correlated; the Portfolio time-series t allows for that.');
    expect(panel).toHaveTextContent(/Cross-check, Brown–Warner 1985 t: day 0 p < 0\.001/);
    const unfit = within(panel).getByText(/10 tests do not fit this study/);
    expect(unfit.closest('details')?.querySelector('li[data-test="bmpT"]')).toHaveTextContent('BMP t: 2 securities: a cross-sectional test cannot tell much with fewer than 6.');
    // The picker says what "Automatic" picks and marks the tests that do not fit.
    const picker = within(panel).getByRole('combobox', { name: 'Group test' });
    expect(picker).toHaveValue('auto');
    expect(within(picker).getByRole('option', { name: 'Automatic (the rules): Portfolio time-series t' })).toBeInTheDocument();
    expect(within(picker).getByRole('option', { name: 'BMP t (does not fit this study)' })).toBeInTheDocument();
    expect(within(picker).getByRole('option', { name: 'Brown–Warner 1985 t' })).toBeInTheDocument();
  });

  it('follows a forced test, keeps it in the URL, says why it does not fit, and goes back to automatic', async () => {
    const user = userEvent.setup();
    renderApp();
    const panel = await answerReady();
    const picker = within(panel).getByRole('combobox', { name: 'Group test' });
    await user.selectOptions(picker, 'bmpT');
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('test')).toBe('bmpT'));
    expect(within(panel).getByRole('rowheader', { name: /by the BMP t/ })).toBeInTheDocument();
    expect(within(panel).getByRole('note')).toHaveTextContent('2 securities: a cross-sectional test cannot tell much with fewer than 6.');
    await user.selectOptions(picker, 'auto');
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('test')).toBe('auto'));
    expect(within(panel).getByRole('rowheader', { name: /by the Portfolio time-series t/ })).toBeInTheDocument();
  });

  it('opens a link that forces a test on that test', async () => {
    window.history.replaceState(null, '', '/?test=wilcoxon');
    renderApp();
    const panel = await answerReady();
    expect(within(panel).getByRole('combobox', { name: 'Group test' })).toHaveValue('wilcoxon');
    expect(within(panel).getByRole('rowheader', { name: /by the Wilcoxon signed-rank/ })).toBeInTheDocument();
  });

  it('says that the LDP runoff lies in the estimation window and leaves its days out on request, in the URL', async () => {
    const user = userEvent.setup();
    renderApp();
    const panel = await answerReady();
    const notice = within(panel).getByText(/Shigeru Ishiba wins the LDP leadership election \(day 0 30 Sep 2024\) lies inside the estimation window/);
    const before = screen.getByTestId('answer-ar0-us-election-2024:7013.T').getAttribute('data-value');
    await user.click(within(notice.closest('li') as HTMLElement).getByRole('checkbox', { name: 'Leave those days out of the estimation' }));
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('contamination')).toBe('exclude'));
    await waitFor(() => expect(screen.getByTestId('answer-ar0-us-election-2024:7013.T').getAttribute('data-value')).not.toBe(before));
    expect(panel).toHaveTextContent("its window's 16 trading days are left out of the estimation.");
    expect(panel).toHaveTextContent('IHI Corporation: 16 estimation days left out');
  });
});

describe('two overlapping events', () => {
  it('shows the overlap notice and each event on its own, never a pooled test, and merges them into a cluster on request', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/?events=us-election-2024,ishiba-trump-call-2024');
    renderApp();
    const panel = await answerReady();
    const notice = within(panel).getByText(/The US presidential election and the Ishiba–Trump telephone call overlap: their event windows share 15 of 16 trading days/);
    expect(notice).toHaveTextContent('Each is reported on its own, not pooled into one test');
    const groups = within(panel).getAllByRole('article');
    expect(groups.map((group) => group.getAttribute('data-group'))).toEqual(['us-election-2024', 'ishiba-trump-call-2024']);
    expect(screen.getByTestId('answer-aar0-ishiba-trump-call-2024')).toBeInTheDocument();
    // The portfolio table tests the focused event alone.
    expect(screen.getByRole('table', { name: /^Portfolio tests by CAR window \(statistic, p-value\): US presidential election: Donald Trump wins$/ })).toBeInTheDocument();

    await user.click(within(notice.closest('li') as HTMLElement).getByRole('radio', { name: 'Merge into one event cluster' }));
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('overlap')).toBe('cluster'));
    const cluster = await within(panel).findByRole('article', { name: 'Event cluster: US presidential election: Donald Trump wins + Ishiba–Trump telephone call' });
    expect(within(cluster).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Security', 'Day-0 AR', 'CAR [0, +1]', 'CAR [-5, +11]']);
    expect(panel).toHaveTextContent(/overlap \(their event windows share 15 of 16 trading days for Mitsubishi Heavy Industries and IHI Corporation\), so they are merged into one event cluster/);
    expect(within(panel).getAllByRole('article')).toHaveLength(1);
  });
});

describe('the glossary', () => {
  it("opens a term's plain definition from the keyboard, links it to the glossary section, and closes on Escape", async () => {
    const user = userEvent.setup();
    renderApp();
    const panel = await answerReady();
    const term = within(panel).getAllByRole('button', { name: 'CAR: what it means' })[0] as HTMLElement;
    term.focus();
    await user.keyboard('{Enter}');
    expect(term).toHaveAttribute('aria-expanded', 'true');
    const popup = document.getElementById(term.getAttribute('aria-controls') ?? '');
    expect(popup).toHaveTextContent("Cumulative abnormal return (CAR). One stock's abnormal returns added up over several days around the event");
    expect(within(popup as HTMLElement).getByRole('link', { name: 'Glossary' })).toHaveAttribute('href', '#glossary-car');
    await user.keyboard('{Escape}');
    expect(term).toHaveAttribute('aria-expanded', 'false');
    expect(popup).not.toBeInTheDocument();
  });

  it('defines every term of the page and each test in one section the popovers link to', async () => {
    renderApp();
    await answerReady();
    const glossary = screen.getByRole('region', { name: 'Glossary' });
    for (const term of ['Abnormal return (AR)', 'Cumulative abnormal return (CAR)', 'Cumulative average abnormal return (CAAR)', 'Buy-and-hold abnormal return (BHAR)', 'Shaded band (95 %)', 'Significance stars', 'Event window', 'Portfolio time-series t', 'Brown–Warner 1985 t', 'BMP t']) {
      expect(within(glossary).getByText(term, { selector: 'dt' })).toBeInTheDocument();
    }
    expect(glossary.querySelector('#glossary-test-portfolioTimeSeriesT')).toHaveTextContent(/equally weighted portfolio/);
    // The charts' and the tables' own terms open the same definitions.
    expect(screen.getByRole('button', { name: 'shaded band: what it means' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'stars: what it means' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'BHAR: what it means' }).length).toBeGreaterThan(0);
  });
});
