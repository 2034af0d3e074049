// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STUDY_OPTIONS } from '../../../src/core/index.ts';
import { formatPercent } from '../../../src/lib/format.ts';
import { renderApp } from './helpers/render-app.tsx';
import { dayZeroAr, referenceStudy } from './helpers/reference-study.ts';

const IHI_CELL = 'ar0-us-election-2024:7013.T';
const MHI_CELL = 'ar0-us-election-2024:7011.T';

function requestedRange(requests: readonly URL[]) {
  const prices = requests.find((url) => url.pathname === '/api/prices');
  if (!prices) throw new Error('the app never asked for prices');
  return { from: prices.searchParams.get('from') ?? '', to: prices.searchParams.get('to') ?? '', symbols: prices.searchParams.get('symbols') ?? '' };
}

describe('the default case', () => {
  it('shows IHI and MHI day-0 abnormal returns equal, to the last bit, to the engine run on the same snapshot bars', async () => {
    const { api } = renderApp();
    const ihi = await screen.findByTestId(IHI_CELL, {}, { timeout: 5000 });
    const range = requestedRange(api.requests);
    const reference = referenceStudy(['7011.T', '7013.T'], 'TOPIX', range);

    expect(Number(ihi.getAttribute('data-value'))).toBe(dayZeroAr(reference, '7013.T'));
    expect(ihi).toHaveTextContent(formatPercent(dayZeroAr(reference, '7013.T')));
    expect(Number(screen.getByTestId(MHI_CELL).getAttribute('data-value'))).toBe(dayZeroAr(reference, '7011.T'));
  });

  it('fetches prices once, for the securities and their benchmark together', async () => {
    const { api } = renderApp();
    await screen.findByTestId(IHI_CELL, {}, { timeout: 5000 });
    const priceCalls = api.requests.filter((url) => url.pathname === '/api/prices');
    expect(priceCalls).toHaveLength(1);
    expect(requestedRange(api.requests).symbols.split(',').sort()).toEqual(['7011.T', '7013.T', 'TOPIX']);
  });

  it('says in plain English how large and how significant each day-0 abnormal return is', async () => {
    const { api } = renderApp();
    await screen.findByTestId(IHI_CELL, {}, { timeout: 5000 });
    const reference = referenceStudy(['7011.T', '7013.T'], 'TOPIX', requestedRange(api.requests));
    const readings = screen.getByRole('list', { name: 'Plain-English reading' });
    const ihiLine = within(readings).getByText(/^IHI Corporation's abnormal return on 6 Nov 2024/);
    const arTest = reference.securities.find((security) => security.symbol === '7013.T')?.windows.find((window) => window.from === 0 && window.to === 0)?.t;
    expect(arTest?.pValue).toBeLessThan(0.01);
    expect(ihiLine).toHaveTextContent(`was ${formatPercent(dayZeroAr(reference, '7013.T'))}, significant at 1%`);
  });

  it('recomputes from the cached prices when the model changes, without another request', async () => {
    const user = userEvent.setup();
    const { api } = renderApp();
    const before = Number((await screen.findByTestId(IHI_CELL, {}, { timeout: 5000 })).getAttribute('data-value'));
    await user.selectOptions(screen.getByLabelText('Normal-return model'), 'market-adjusted');
    const reference = referenceStudy(['7011.T', '7013.T'], 'TOPIX', requestedRange(api.requests), { ...DEFAULT_STUDY_OPTIONS, model: 'market-adjusted' });
    await waitFor(() => expect(Number(screen.getByTestId(IHI_CELL).getAttribute('data-value'))).toBe(dayZeroAr(reference, '7013.T')));
    expect(dayZeroAr(reference, '7013.T')).not.toBe(before);
    expect(api.requests.filter((url) => url.pathname === '/api/prices')).toHaveLength(1);
  });

  it('lists every portfolio test with its statistic and p-value and a legend for the stars', async () => {
    renderApp();
    await screen.findByTestId(IHI_CELL, {}, { timeout: 5000 });
    const table = screen.getByRole('table', { name: /^Portfolio tests by CAR window \(statistic, p-value\): US presidential election/ });
    for (const name of ['Cross-sectional t', 'Patell Z', 'BMP t', 'Kolari–Pynnönen t', 'Sign test', 'Generalized sign Z', 'Rank test', 'Wilcoxon signed-rank', 'Brown–Warner 1985 t', 'Portfolio time-series t']) {
      expect(within(table).getByRole('rowheader', { name: new RegExp(`^${name}`) })).toBeInTheDocument();
    }
    // Two securities on one day 0: the tests that assume independent securities or many of them are
    // greyed with the reason; the two made for clustered securities are not.
    const row = (key: string) => table.querySelector(`tr[data-test="${key}"]`);
    expect(row('bmpT')).toHaveAttribute('data-fits', 'false');
    expect(row('bmpT')).toHaveTextContent('2 securities: a cross-sectional test cannot tell much with fewer than 6.');
    expect(row('patellZ')).toHaveTextContent('All 2 securities share day 0: it assumes independent securities, so it over-rejects.');
    expect(row('portfolioTimeSeriesT')).toHaveAttribute('data-fits', 'true');
    expect(row('brownWarner1985T')).toHaveAttribute('data-fits', 'true');
    const statistics = screen.getByRole('region', { name: 'Statistics' });
    expect(within(statistics).getByText(/\* p < 0.10, \*\* p < 0.05, \*\*\* p < 0.01/)).toBeInTheDocument();
  });
});
