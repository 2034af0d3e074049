import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STUDY_OPTIONS } from '../../../src/core/index.ts';
import { coverageNotes, type SeriesSpan } from '../../../src/application/series-coverage.ts';
import { EXCHANGE_REGISTRY } from '../../../src/domain/exchanges.ts';
import { EVENT_CATALOG } from '../../../src/features/events/api/event-catalog.ts';
import { tradingCalendar } from '../timing/trading-calendars.ts';

// What /api/symbols says of each series: the snapshot manifest's coverage fields.
const manifest = JSON.parse(readFileSync(new URL('../../../data/snapshot/manifest.json', import.meta.url), 'utf8')) as { series: SeriesSpan[] };
const span = (symbol: string): SeriesSpan => {
  const found = manifest.series.find((series) => series.symbol === symbol);
  if (!found) throw new Error(`${symbol} is not in the snapshot`);
  return found;
};
const event = (id: string) => {
  const found = EVENT_CATALOG.events.find((item) => item.id === id);
  if (!found) throw new Error(id);
  return found;
};
const usElection = event('us-election-2024');
const newYork = { exchange: EXCHANGE_REGISTRY.XNYS, tradingDays: tradingCalendar('^GSPC') };
const tokyo = { exchange: EXCHANGE_REGISTRY.XTKS, tradingDays: tradingCalendar('TOPIX') };
const seoul = { exchange: EXCHANGE_REGISTRY.XKRX, tradingDays: tradingCalendar('^KS11') };

/** Trading days of a calendar strictly after `after` and up to `through`, counted independently. */
function daysBetween(calendar: readonly string[], after: string, through: string): number {
  return calendar.filter((date) => date > after && date <= through).length;
}

describe('coverageNotes on the snapshot', () => {
  it('says nothing of a series that covers the windows (LMT, the US election, default windows)', () => {
    expect(coverageNotes(span('LMT'), [usElection], DEFAULT_STUDY_OPTIONS, newYork)).toEqual([]);
    // NOC starts 2023-09-11, before the default estimation window of the election.
    expect(coverageNotes(span('NOC'), [usElection], DEFAULT_STUDY_OPTIONS, newYork)).toEqual([]);
  });

  it('names NOC starting 2023-09-11 when a 400-day estimation window reaches before it', () => {
    const options = { ...DEFAULT_STUDY_OPTIONS, estimationWindow: { from: -400, to: -11 } };
    const notes = coverageNotes(span('NOC'), [usElection], options, newYork);
    // Estimation returns NOC has: from its second day (2023-09-12) to day −11; day 0 is 2024-11-06.
    const days = newYork.tradingDays;
    const dayMinus11 = days[days.indexOf('2024-11-06') - 11] ?? '';
    const usable = daysBetween(days, '2023-09-11', dayMinus11);
    expect(notes).toEqual([
      {
        symbol: 'NOC',
        eventId: 'us-election-2024',
        severity: 'thinned',
        text: `NOC: prices start 2023-09-11, so only ${usable} of 390 estimation days for US presidential election: Donald Trump wins have a return.`,
      },
    ]);
    expect(usable).toBeGreaterThan(200);
  });

  it('says the study fails when fewer estimation days than the minimum are left', () => {
    const options = { ...DEFAULT_STUDY_OPTIONS, estimationWindow: { from: -400, to: -11 }, minimumEstimationDays: 300 };
    const [note] = coverageNotes(span('GD'), [usElection], options, newYork);
    expect(note?.severity).toBe('fails');
    expect(note?.text).toMatch(/^GD: prices start 2023-09-11, so only \d+ of 390 estimation days for US presidential election: Donald Trump wins have a return \(at least 300 needed\): its study cannot be computed\.$/);
  });

  it('says nothing where the calendar does not reach the window: the study names that itself', () => {
    expect(coverageNotes(span('7011.T'), [usElection], { ...DEFAULT_STUDY_OPTIONS, estimationWindow: { from: -1000, to: -11 } }, tokyo)).toEqual([]);
  });

  it('names 7721.T ending 2024-12-24 when the event window runs past it', () => {
    const options = { ...DEFAULT_STUDY_OPTIONS, eventWindow: { from: -5, to: 40 } };
    const [note] = coverageNotes(span('7721.T'), [usElection], options, tokyo);
    const days = tokyo.tradingDays;
    const lastDay = days[days.indexOf('2024-11-06') + 40] ?? '';
    const missing = daysBetween(days, '2024-12-24', lastDay);
    expect(note).toMatchObject({ symbol: '7721.T', severity: 'thinned' });
    expect(note?.text).toBe(`7721.T: prices end 2024-12-24, so ${missing} of 46 event-window days for US presidential election: Donald Trump wins have no return (days +${41 - missing} to +40).`);
  });

  it("names Hanwha's suspension inside the election's estimation window: its days and the day after it have no return", () => {
    const [note] = coverageNotes(span('012450.KS'), [usElection], DEFAULT_STUDY_OPTIONS, seoul);
    // KOSPI's calendar in the snapshot lacks 2024-08-30 and 2024-09-13 (its own gaps), so the
    // suspension covers the calendar's days from 2024-08-29 to 2024-09-26, and 2024-09-27's return
    // spans it too.
    const lost = daysBetween(seoul.tradingDays, '2024-08-28', '2024-09-27');
    expect(lost).toBe(17);
    expect(note).toMatchObject({ symbol: '012450.KS', severity: 'thinned' });
    expect(note?.text).toBe(`012450.KS: no prices from 2024-08-29 to 2024-09-26 (a trading suspension), so only ${240 - lost} of 240 estimation days for US presidential election: Donald Trump wins have a return.`);
  });
});
