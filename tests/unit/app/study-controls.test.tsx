// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from './helpers/render-app.tsx';

const IHI_CELL = 'ar0-us-election-2024:7013.T';
const securitiesGroup = () => screen.getByRole('group', { name: 'Securities and benchmarks' });

async function ready() {
  return screen.findByTestId(IHI_CELL, {}, { timeout: 5000 });
}

describe('securities picker', () => {
  it('offers every snapshot security grouped by its exchange, each exchange with its own benchmarks', async () => {
    renderApp();
    await ready();
    const group = securitiesGroup();
    const markets = within(group).getAllByRole('region').map((region) => region.getAttribute('aria-label'));
    expect(markets).toEqual(['Tokyo (XTKS)', 'New York (XNYS)', 'London (XLON)', 'Frankfurt (XETR)', 'Paris (XPAR)', 'Milan (XMIL)', 'Stockholm (XSTO)', 'Seoul (XKRX)']);
    const london = within(group).getByRole('region', { name: 'London (XLON)' });
    expect(within(london).getByRole('checkbox', { name: /BAE Systems BA\.L/ })).toBeInTheDocument();
    expect(within(london).getByRole('combobox', { name: 'Benchmark for London' })).toHaveValue('^FTSE');
    expect(within(london).getAllByRole('option').map((option) => option.getAttribute('value'))).toEqual(['^FTSE', '^STOXX']);
    const paris = within(group).getByRole('region', { name: 'Paris (XPAR)' });
    expect(within(paris).getAllByRole('option').map((option) => option.getAttribute('value'))).toEqual(['^FCHI', '^STOXX50E', '^STOXX']);
    // The close in force on the study's event date, from the registry.
    expect(within(group).getByRole('region', { name: 'Seoul (XKRX)' })).toHaveTextContent('XKRX · closes 15:30 Seoul time');
    // A series shorter than the others says so before anything is studied.
    expect(within(group).getByRole('region', { name: 'Seoul (XKRX)' })).toHaveTextContent('18 trading days without prices from 2024-08-29');
  });

  it('applies the Global defence peers preset: 18 securities, each exchange priced with its own benchmark', async () => {
    const user = userEvent.setup();
    renderApp();
    await ready();
    const preset = within(securitiesGroup()).getByRole('button', { name: 'Global defence peers' });
    expect(preset).toHaveAttribute('aria-pressed', 'false');
    await user.click(preset);
    expect(preset).toHaveAttribute('aria-pressed', 'true');
    const checked = within(securitiesGroup()).getAllByRole('checkbox').filter((box) => (box as HTMLInputElement).checked);
    expect(checked).toHaveLength(18);
    for (const name of [/Hanwha Aerospace/, /Saab/, /Northrop Grumman/, /Tokyo Keiki/]) expect(within(securitiesGroup()).getByRole('checkbox', { name })).toBeChecked();
    expect(within(securitiesGroup()).getByRole('checkbox', { name: /Boeing/ })).not.toBeChecked();
  });
});

describe('window inputs', () => {
  it('flags an unreadable window as it is typed, tied to its field, and keeps the last valid results', async () => {
    const user = userEvent.setup();
    renderApp();
    const before = (await ready()).getAttribute('data-value');
    const estimation = screen.getByLabelText('Estimation window');
    await user.clear(estimation);
    await user.type(estimation, '-250:abc');

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('"-250:abc" is not a window');
    expect(estimation).toHaveAttribute('aria-invalid', 'true');
    expect(estimation.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id);
    expect(screen.getByText('The results below still use the last valid windows.')).toBeInTheDocument();
    expect(screen.getByTestId(IHI_CELL)).toHaveAttribute('data-value', before);
  });

  // Issue 11, finding 1: such a window once reached the engine, and the page showed "Invalid array length".
  it('names the limit of a window beyond the study limits, never an engine internal', async () => {
    const user = userEvent.setup();
    renderApp();
    const before = (await ready()).getAttribute('data-value');
    const event = screen.getByLabelText('Event window');
    await user.clear(event);
    await user.paste('-5:1000000000');
    expect(screen.getByRole('alert')).toHaveTextContent('The event window -5:1000000000 reaches beyond 250 trading days from day 0; at most ±250 are allowed.');
    const estimation = screen.getByLabelText('Estimation window');
    await user.clear(estimation);
    await user.paste('-100000000:-11');
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain('The estimation window -100000000:-11 has 99999990 trading days; at most 1,000 are allowed.');
    expect(document.body).not.toHaveTextContent(/Invalid array length/);
    expect(screen.getByTestId(IHI_CELL)).toHaveAttribute('data-value', before);
  });

  it('reports windows that overlap in the engine\'s words and clears the message once fixed', async () => {
    const user = userEvent.setup();
    renderApp();
    await ready();
    const event = screen.getByLabelText('Event window');
    // Pasted rather than typed: each keystroke would redraw every chart, which jsdom does slowly.
    await user.clear(event);
    await user.paste('-20:10');
    expect(screen.getByRole('alert')).toHaveTextContent('The estimation window -250:-11 must end before the event window -20:10 starts.');
    expect(screen.getByLabelText('Estimation window')).toHaveAttribute('aria-invalid', 'true');

    await user.clear(event);
    await user.paste('-3:3');
    // The default CAR window -5:10 no longer fits inside -3:3.
    expect(screen.getByRole('alert')).toHaveTextContent(/-5:10/);
    const car = screen.getByLabelText('CAR windows');
    await user.clear(car);
    await user.paste('0:0, -1:1');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(event).toHaveAttribute('aria-invalid', 'false');
    await waitFor(() => expect(screen.getByTestId('car-us-election-2024:7013.T--1-1')).toBeInTheDocument());
    expect(screen.queryByTestId('car-us-election-2024:7013.T--5-10')).toBeNull();
  });

  it('shows a clear message, not a chart, for a security with too few estimation days', async () => {
    const user = userEvent.setup();
    renderApp();
    await ready();
    // The snapshot's Northrop Grumman series starts on 2023-09-11 (only source), so an event in
    // October 2023 leaves it well under 30 estimation days while the Tokyo names have a full year.
    await user.click(within(securitiesGroup()).getByRole('checkbox', { name: /Northrop Grumman/ }));
    await user.click(screen.getByText('Add your own event'));
    const form = screen.getByRole('form', { name: 'Add your own event' });
    await user.type(within(form).getByLabelText('Title'), 'October test event');
    await user.type(within(form).getByLabelText('Date (local to the zone below)'), '2023-10-20');
    await user.click(within(form).getByRole('button', { name: 'Add event' }));
    await user.click(within(screen.getByRole('group', { name: 'Events' })).getByRole('checkbox', { name: /US presidential election/ }));

    const panel = await waitFor(() => {
      const found = document.querySelector('.small-multiple[data-unit="custom-1:NOC"]');
      if (!found) throw new Error('no NOC panel yet');
      return found as HTMLElement;
    });
    expect(panel).toHaveClass('no-result');
    expect(panel).toHaveTextContent(/NOC: only \d+ usable estimation days, at least 30 needed/);
    expect(panel.querySelector('svg')).toBeNull();
    expect(document.querySelector('.small-multiple[data-unit="custom-1:7013.T"] svg')).not.toBeNull();
    expect(screen.getByRole('row', { name: /Northrop Grumman/ })).toHaveTextContent(/at least 30 needed/);
    // The picker named it too, under the security, from the series' first date and the calendar.
    expect(within(securitiesGroup()).getByText(/^NOC: prices start 2023-09-11, so only \d+ of 240 estimation days for October test event have a return \(at least 30 needed\): its study cannot be computed\.$/)).toHaveClass('fails');
  });
});

describe('custom event form', () => {
  it('refuses an impossible date and an unknown time zone with a message on each field', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByText('Add your own event'));
    const form = screen.getByRole('form', { name: 'Add your own event' });
    await user.type(within(form).getByLabelText('Title'), 'Budget');
    const zone = within(form).getByLabelText('Time zone (IANA)');
    await user.clear(zone);
    await user.type(zone, 'Mars/Olympus');
    await user.click(within(form).getByRole('button', { name: 'Add event' }));

    expect(within(form).getByText('Give the date of the event.')).toHaveAttribute('role', 'alert');
    expect(within(form).getByText(/"Mars\/Olympus" is not a time zone/)).toHaveAttribute('role', 'alert');
    expect(zone).toHaveAttribute('aria-invalid', 'true');
    expect(within(screen.getByRole('group', { name: 'Events' })).queryByRole('checkbox', { name: /Budget/ })).toBeNull();
  });

  it('adds a valid event to the study and focuses the charts on it', async () => {
    const user = userEvent.setup();
    renderApp();
    await ready();
    await user.click(screen.getByText('Add your own event'));
    const form = screen.getByRole('form', { name: 'Add your own event' });
    await user.type(within(form).getByLabelText('Title'), 'Budget day');
    await user.type(within(form).getByLabelText('Date (local to the zone below)'), '2024-12-27');
    await user.type(within(form).getByLabelText('Time, optional (HH:mm)'), '16:00');
    await user.click(within(form).getByRole('button', { name: 'Add event' }));

    expect(within(screen.getByRole('group', { name: 'Events' })).getByRole('checkbox', { name: /Budget day/ })).toBeChecked();
    // 16:00 in Tokyo is after the 15:30 close of Friday 27 Dec 2024, so day 0 is the next session.
    const cell = await screen.findByTestId('ar0-custom-1:7013.T', {}, { timeout: 5000 });
    expect(cell.closest('tr')).toHaveTextContent('30 Dec 2024');
    expect(screen.getByRole('radio', { name: 'Budget day' })).toBeChecked();
  });
});
