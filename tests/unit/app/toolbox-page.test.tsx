// @vitest-environment jsdom
/**
 * The analyst's toolbox on the page (issue 16), the whole app against the REAL offline snapshot:
 * the volume panel and the answer's volume lines (and a series without volume said so), a factor
 * file uploaded, checked, kept in the browser's storage and recorded in the URL and the manifest, a
 * link naming a file this browser lacks, and the advanced minimum of estimation days. The factor
 * files are derived from the snapshot (Nikkei 225 minus TOPIX daily returns) or, where a file must
 * be malformed or large, made up here and labelled so.
 */
import '@testing-library/jest-dom/vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FACTOR_FILES_KEY } from '../../../src/features/factors/api/factor-storage.ts';
import { VolumeChart } from '../../../src/features/charts/components/volume-chart.tsx';
import { findDefaultCase, renderApp } from './helpers/render-app.tsx';
import { spreadFactorCsv } from './helpers/spread-factor-csv.ts';

const IHI_AR = 'ar0-us-election-2024:7013.T';

const upload = () => screen.getByTestId('factor-upload');
const search = () => new URLSearchParams(window.location.search);

describe('the volume panel and the answer', () => {
  it("shows IHI's and MHI's volume against their usual volume in one chart, and the answer's plain line for each", async () => {
    renderApp();
    await findDefaultCase();
    const panel = await screen.findByRole('figure', { name: 'Trading volume: multiple of the usual volume' });
    await waitFor(() => expect(panel.querySelectorAll('svg.recharts-surface')).toHaveLength(1));
    expect(within(panel).getByText('IHI Corporation (7013.T)')).toBeInTheDocument();
    expect(within(panel).getByText('Mitsubishi Heavy Industries (7011.T)')).toBeInTheDocument();
    expect(within(panel).queryByTestId('volume-without')).toBeNull();
    const lines = screen.getByTestId('answer-volume-us-election-2024');
    const ihi = lines.querySelector('[data-symbol="7013.T"]');
    expect(ihi).toHaveTextContent('IHI Corporation traded 9.0× its usual volume on day 0; abnormal log volume t = 3.37, p < 0.001 — significant at 1 %.');
    expect(Number(ihi?.getAttribute('data-multiple'))).toBeCloseTo(9.0388176240936975, 12);
    expect(lines.querySelector('[data-symbol="7011.T"]')).toHaveTextContent('Mitsubishi Heavy Industries traded 2.8× its usual volume on day 0');
  });

  it('says "no volume in the source" for a series without volume instead of drawing zeros', async () => {
    window.history.replaceState(null, '', '/?securities=7011.T,7013.T,LHX');
    renderApp();
    await findDefaultCase();
    const panel = await screen.findByRole('figure', { name: 'Trading volume: multiple of the usual volume' });
    expect(within(panel).getByTestId('volume-without')).toHaveTextContent('L3Harris Technologies (LHX): no volume in the source.');
    expect(within(panel).queryByText('L3Harris Technologies (LHX)', { selector: '.line-legend li' })).toBeNull();
    expect(screen.getByTestId('answer-volume-us-election-2024').querySelector('[data-symbol="LHX"]')).toHaveTextContent('L3Harris Technologies: no volume in the source, so no abnormal volume.');
  });

  it('draws no chart at all when no security has volume, only the sentence', () => {
    const data = { rows: [{ day: 0, date: '2024-11-06' }], series: [], without: [{ symbol: '^GSPC', name: 'S&P 500 (^GSPC)', words: 'no volume in the source' }] };
    const image = { title: 'Volume', subtitle: '', source: '', legend: [], fileParts: ['volume'] };
    render(<VolumeChart data={data} markers={[]} subtitle="Made-up panel." describedBy="x" image={image} onHoverDay={() => undefined} onSelectDay={() => undefined} />);
    expect(document.querySelector('svg.recharts-surface')).toBeNull();
    expect(screen.getByTestId('volume-without')).toHaveTextContent('S&P 500 (^GSPC): no volume in the source.');
    expect(screen.queryByRole('button', { name: /PNG/ })).toBeNull();
  });
});

describe('a factor file', () => {
  it('is read, kept in the browser, chosen with all its factors, named in the model and recorded in the URL, and changes the numbers', async () => {
    const user = userEvent.setup();
    renderApp();
    const before = (await screen.findByTestId(IHI_AR, {}, { timeout: 5000 })).getAttribute('data-value');
    await user.upload(upload(), new File([spreadFactorCsv()], 'n225-topix.csv', { type: 'text/csv' }));
    await waitFor(() => expect(search().get('factors')).toBe('N225_TOPIX'));
    expect(search().get('factor-file')).toMatch(/^[0-9a-f]{16}~n225-topix\.csv$/);
    expect(screen.getByTestId('model-summary')).toHaveTextContent('Market model + factors: N225_TOPIX');
    expect(JSON.parse(window.localStorage.getItem(FACTOR_FILES_KEY) ?? '[]')).toEqual([{ name: 'n225-topix.csv', text: spreadFactorCsv() }]);
    await waitFor(() => expect(screen.getByTestId(IHI_AR).getAttribute('data-value')).not.toBe(before));
    expect(screen.queryByTestId('factor-gaps')).toBeNull();

    // Unticking the only factor goes back to the market model alone, and its numbers.
    await user.click(screen.getByRole('checkbox', { name: 'N225_TOPIX' }));
    await waitFor(() => expect(search().get('factors')).toBeNull());
    expect(screen.getByTestId(IHI_AR)).toHaveAttribute('data-value', before);
  });

  it('names the days of the windows the file lacks', async () => {
    const user = userEvent.setup();
    renderApp();
    await findDefaultCase();
    await user.upload(upload(), new File([spreadFactorCsv(['2024-11-06', '2024-11-07', '2024-03-01'])], 'gaps.csv', { type: 'text/csv' }));
    const gaps = await screen.findByTestId('factor-gaps');
    expect(gaps).toHaveTextContent(
      'gaps.csv has no N225_TOPIX on 2 days of the event window (6 Nov 2024, 7 Nov 2024) and on 1 day of the estimation windows (1 Mar 2024): on those days the factor model has no abnormal return (lost days).',
    );
    expect(screen.getByRole('list', { name: 'Before you read the numbers' })).toHaveTextContent('gaps.csv has no N225_TOPIX on 2 days of the event window');
  });

  it('with a cell that is not a number is refused, the cell named by line and column, and the study unchanged (made-up file)', async () => {
    const user = userEvent.setup();
    renderApp();
    await findDefaultCase();
    const url = window.location.search;
    await user.upload(upload(), new File(['date,SMB,HML\n2024-11-05,0.1,0.2\n2024-11-06,abc,0.3\n2024-11-07,0.1,\n'], 'bad.csv', { type: 'text/csv' }));
    const problems = await screen.findByTestId('factor-problems');
    expect(problems).toHaveTextContent('bad.csv cannot be used:');
    expect(problems).toHaveTextContent('Line 3, column SMB: "abc" is not a number.');
    expect(window.location.search).toBe(url);
    expect(window.localStorage.getItem(FACTOR_FILES_KEY)).toBeNull();
  });

  it('is still used when the browser refuses to keep it, saying so', async () => {
    const user = userEvent.setup();
    renderApp();
    await findDefaultCase();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await user.upload(upload(), new File([spreadFactorCsv()], 'n225-topix.csv', { type: 'text/csv' }));
    expect(await screen.findByTestId('factor-storage-problem')).toHaveTextContent("The browser refused to keep the factor file (this page's storage is full or blocked): it is used only until you reload.");
    await waitFor(() => expect(search().get('factors')).toBe('N225_TOPIX'));
  });

  it("over the page's storage limit is used for the session and not written, saying how to make it fit (made-up values)", async () => {
    const user = userEvent.setup();
    renderApp();
    await findDefaultCase();
    const start = Date.UTC(1980, 0, 1);
    const value = '0.01234567890123';
    const rows = Array.from({ length: 20_000 }, (_, day) => `${new Date(start + day * 86_400_000).toISOString().slice(0, 10)},${value},${value},${value},${value},${value}`);
    const text = ['date,F1,F2,F3,F4,F5', ...rows].join('\n');
    await user.upload(upload(), new File([text], 'wide.csv', { type: 'text/csv' }));
    expect(await screen.findByTestId('factor-storage-problem', {}, { timeout: 5000 })).toHaveTextContent(/^wide\.csv is 1\.\d MB; this page keeps at most 1\.5 MB of factor files in the browser\./);
    expect(window.localStorage.getItem(FACTOR_FILES_KEY)).toBeNull();
    await waitFor(() => expect(search().get('factors')).toBe('F1,F2,F3,F4,F5'));
  });

  it('named by a link but absent from this browser is said, and nothing else is computed in its place', async () => {
    window.history.replaceState(null, '', '/?factors=SMB,HML&factor-file=0123456789abcdef~ff3%20daily.csv');
    renderApp();
    const message = 'This link used the factors SMB and HML from the factor file ff3 daily.csv (SHA-256 0123456789abcdef…), which this browser does not have.';
    await waitFor(() => expect(document.querySelector('#answer')).toHaveTextContent(message));
    expect(screen.getByTestId('factor-file-missing')).toHaveTextContent(message);
    expect(screen.getByRole('heading', { name: 'The factor file is missing' })).toBeInTheDocument();
    expect(screen.queryByTestId(IHI_AR)).toBeNull();
    // The link keeps saying which file it needs.
    expect(search().get('factor-file')).toBe('0123456789abcdef~ff3 daily.csv');
  });
});

describe('the minimum of estimation days', () => {
  it('is an advanced setting, collapsed by default, refusing a value below the model’s floor in the domain’s words', async () => {
    const user = userEvent.setup();
    renderApp();
    const before = (await screen.findByTestId(IHI_AR, {}, { timeout: 5000 })).getAttribute('data-value');
    const advanced = screen.getByTestId('advanced-settings');
    expect(advanced).not.toHaveAttribute('open');
    await user.click(within(advanced).getByText('Advanced settings'));
    const input = within(advanced).getByLabelText('Minimum estimation days');
    await user.clear(input);
    await user.type(input, '2');
    expect(within(advanced).getByRole('alert')).toHaveTextContent('The minimum of estimation days must be at least 3 for the market model: below that its residual variance s² has no degree of freedom left (asked for 2).');
    expect(search().get('min-estimation')).toBe('30');
    expect(screen.getByTestId(IHI_AR)).toHaveAttribute('data-value', before);
  });

  it('opens a 20-day estimation window from a link, shown open, and back in the URL as it came', async () => {
    window.history.replaceState(null, '', '/?estimation=-30:-11&min-estimation=20');
    renderApp();
    await screen.findByTestId(IHI_AR, {}, { timeout: 5000 });
    expect(screen.getByTestId('advanced-settings')).toHaveAttribute('open');
    expect(screen.getByLabelText('Minimum estimation days')).toHaveValue('20');
    expect(search().get('min-estimation')).toBe('20');
    expect(search().get('estimation')).toBe('-30:-11');
    expect(document.body).not.toHaveTextContent(/fell back to its default/);
  });
});
