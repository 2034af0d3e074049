// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DataSourceBadge } from '../../../src/features/data-source/components/data-source-badge.tsx';
import { summariseSources } from '../../../src/lib/source-summary.ts';
import { renderApp } from './helpers/render-app.tsx';
import { manifest, snapshotPrices } from './helpers/snapshot-api.ts';

describe('summariseSources', () => {
  it('names a single source plainly and lists a mix in a fixed order', () => {
    expect(summariseSources([{ source: 'snapshot', stale: false }])).toEqual({ label: 'Offline snapshot', stale: false, kinds: ['snapshot'] });
    expect(summariseSources([{ source: 'live', stale: false }]).label).toBe('Live');
    expect(summariseSources([{ source: 'snapshot', stale: true }, { source: 'cache', stale: false }, { source: 'live', stale: false }])).toEqual({
      label: 'Live + Cached + Offline snapshot',
      stale: true,
      kinds: ['live', 'cache', 'snapshot'],
    });
  });
});

describe('the data-source badge', () => {
  it('says "Offline snapshot" and opens each series\' provenance in one click; Escape closes it', async () => {
    const user = userEvent.setup();
    renderApp();
    const badge = await screen.findByRole('button', { name: /Offline snapshot/ }, { timeout: 5000 });
    expect(badge).toHaveAttribute('data-stale', 'false');
    await user.click(badge);

    const dialog = screen.getByRole('dialog', { name: 'Where the prices come from' });
    const ihi = manifest.series.find((series) => series.symbol === '7013.T');
    const section = within(dialog).getByRole('region', { name: '7013.T provenance' });
    expect(section).toHaveTextContent(ihi?.provenance.commit ?? 'missing commit');
    expect(section).toHaveTextContent(ihi?.provenance.adjustment ?? 'missing adjustment');
    expect(within(section).getByText(`Known defects (${ihi?.provenance.defects.length})`)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(badge).toHaveFocus();
  });

  it('flags a stale live fallback and shows the server warning in the dialog', async () => {
    const user = userEvent.setup();
    const prices = snapshotPrices(['7013.T'], '2024-10-01', '2024-11-29');
    const stale = {
      ...prices,
      mode: 'auto' as const,
      series: prices.series.map((series) => ({ ...series, stale: true })),
      warnings: ['7013.T: Yahoo answered 429, served the offline snapshot instead.'],
    };
    render(<DataSourceBadge prices={stale} />);
    const badge = screen.getByRole('button', { name: /Offline snapshot\s*·\s*stale/ });
    expect(badge).toHaveAttribute('data-stale', 'true');
    await user.click(badge);
    expect(within(screen.getByRole('list', { name: 'Warnings from the server' })).getByText(stale.warnings[0] ?? '')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '7013.T provenance' })).toHaveTextContent('(stale: the live fetch failed)');
  });
});
