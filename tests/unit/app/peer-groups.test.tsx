// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from './helpers/render-app.tsx';

const IHI_CELL = 'ar0-us-election-2024:7013.T';

describe('the Global defence peers preset in the page (real snapshot prices)', () => {
  it('compares the four groups, each member on its own exchange, benchmark and day 0, with its price source', async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByTestId(IHI_CELL, {}, { timeout: 5000 });
    // The default study is one group (Japan): nothing to compare.
    expect(screen.queryByRole('region', { name: 'Peer groups compared' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Global defence peers' }));
    const section = await screen.findByRole('region', { name: 'Peer groups compared' }, { timeout: 10000 });
    const table = within(section).getByRole('table', { name: /CAR of each group by window, US presidential election/ });
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([
      'Japan (6)by the Portfolio time-series t',
      'US primes (4)by the Portfolio time-series t',
      'European peers (5)by the Portfolio time-series t',
      'Korean peers (3)by the Portfolio time-series t',
    ]);
    // Inside the election's answer, under its own table.
    expect(section.closest('[data-group="us-election-2024"]')).not.toBeNull();
    for (const group of ['japan', 'us-primes', 'europe', 'korea']) {
      const cell = within(section).getByTestId(`group-car-${group}-0-0`);
      expect(Number(cell.getAttribute('data-value'))).not.toBeNaN();
      expect(cell).toHaveTextContent(/^[+-]\d+\.\d\d%\**t -?\d+\.\d\d, p (<0\.001|\d\.\d\d\d)$/);
    }
    expect(section).toHaveTextContent('Test: Portfolio time-series t. Chosen by the rules: the securities share day 0, so their moves are correlated; the Portfolio time-series t allows for that.');

    // From the document: a new benchmark refetches prices, and the section is drawn anew.
    const member = (symbol: string) => document.querySelector(`tr[data-member="${symbol}"]`) as HTMLElement;
    expect(member('BA.L')).toHaveTextContent(/BAE Systems.*London Stock Exchange.*FTSE 100 \^FTSE.*6 Nov 2024.*vincent-adam-frm\/corrcheck-data/);
    expect(member('SAAB-B.ST')).toHaveTextContent(/Nasdaq Stockholm.*OMX Stockholm 30 \^OMX.*6 Nov 2024/);
    expect(member('012450.KS')).toHaveTextContent(/Korea Exchange.*KOSPI \^KS11.*6 Nov 2024/);
    expect(member('LMT')).toHaveTextContent(/New York Stock Exchange.*S&P 500 \^GSPC.*6 Nov 2024/);
    expect(member('7721.T')).toHaveTextContent(/Tokyo Stock Exchange.*TOPIX.*6 Nov 2024/);
    await waitFor(() => expect(section.querySelector('#group-comparison-us-election-2024')).not.toBeNull());

    // An alternative benchmark chosen for Paris measures Thales against it; Xetra keeps the DAX.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Benchmark for Paris' }), '^STOXX50E');
    await waitFor(() => expect(member('HO.PA')).toHaveTextContent(/EURO STOXX 50 \^STOXX50E.*6 Nov 2024/), { timeout: 10000 });
    expect(member('RHM.DE')).toHaveTextContent(/DAX \^GDAXI/);
    // Eighteen securities' charts in jsdom take their time.
  }, 60_000);
});
