import { describe, expect, it } from 'vitest';
import { DEFAULT_STUDY_OPTIONS } from '../../../src/core/index.ts';
import { readEventCatalog } from '../../../src/domain/event-catalog.ts';
import { priceRange } from '../../../src/application/price-range.ts';
import { customStudyEvent, eventsInStudy, securityChoices, studyOptionsOf, studyPlan } from '../../../src/application/study-plan.ts';
import { DEFAULT_STUDY_QUERY } from '../../../src/application/study-query.ts';
import eventsJson from '../../../data/events.json';

const catalog = readEventCatalog(eventsJson);

describe('studyPlan', () => {
  it('asks for the default case exactly what the page asks for: two securities, TOPIX, one range', () => {
    const plan = studyPlan(DEFAULT_STUDY_QUERY, catalog.events);
    expect(plan.events.map((event) => event.id)).toEqual(['us-election-2024']);
    expect(plan.securities).toEqual([
      { symbol: '7011.T', benchmark: 'TOPIX' },
      { symbol: '7013.T', benchmark: 'TOPIX' },
    ]);
    expect(plan.symbols).toEqual(['7011.T', '7013.T', 'TOPIX']);
    expect(plan.range).toEqual({ from: '2021-09-01', to: '2025-02-28' });
    expect(plan.options).toEqual(DEFAULT_STUDY_OPTIONS);
  });

  it('keeps catalogue order for events, benchmarks per exchange, and widens the range for a custom event', () => {
    const custom = { id: 'custom-1', title: 'Made-up test event', date: '2025-01-20', time: '09:00', timeZone: 'America/New_York' };
    const plan = studyPlan(
      { ...DEFAULT_STUDY_QUERY, eventIds: ['custom-1', 'ishiba-trump-call-2024', 'us-election-2024'], customEvents: [custom], securities: ['LMT', '7013.T'], benchmarks: { XTKS: '^N225', XNYS: '^GSPC' } },
      catalog.events,
    );
    expect(plan.events.map((event) => event.id)).toEqual(['us-election-2024', 'ishiba-trump-call-2024', 'custom-1']);
    expect(plan.securities).toEqual([
      { symbol: 'LMT', benchmark: '^GSPC' },
      { symbol: '7013.T', benchmark: '^N225' },
    ]);
    expect(plan.symbols).toEqual(['7013.T', 'LMT', '^GSPC', '^N225']);
    expect(plan.range).toEqual({ from: '2021-09-01', to: '2025-04-30' });
    expect(plan.allEvents.at(-1)).toEqual(customStudyEvent(custom));
    expect(customStudyEvent(custom)).toEqual({ ...custom, timingNote: 'Added in the page.', excerptIds: [], custom: true });
  });

  it('gives the engine the query’s model and windows and its own defaults for the rest', () => {
    const options = studyOptionsOf({ ...DEFAULT_STUDY_QUERY, model: 'mean-adjusted', gap: { from: -10, to: -6 }, carWindows: [{ from: 0, to: 2 }] });
    expect(options).toEqual({ ...DEFAULT_STUDY_OPTIONS, model: 'mean-adjusted', gap: { from: -10, to: -6 }, carWindows: [{ from: 0, to: 2 }] });
  });

  it('picks events by id and securities by exchange', () => {
    expect(eventsInStudy(catalog.events, ['nope'])).toEqual([]);
    expect(securityChoices(['^N225', 'RTX'], { XTKS: 'TOPIX', XNYS: '^GSPC' })).toEqual([
      { symbol: '^N225', benchmark: 'TOPIX' },
      { symbol: 'RTX', benchmark: '^GSPC' },
    ]);
  });
});

describe('priceRange', () => {
  it('covers three years before the earliest event and about three months after the latest, in whole months', () => {
    expect(priceRange([{ date: '2024-09-27' }, { date: '2024-11-07' }, { date: '2024-11-05' }])).toEqual({ from: '2021-09-01', to: '2025-02-28' });
    expect(priceRange([{ date: '2024-11-30' }])).toEqual({ from: '2021-11-01', to: '2025-03-31' });
    expect(priceRange([{ date: 'not a date' }])).toBeNull();
    expect(priceRange([])).toBeNull();
  });
});

describe('readEventCatalog', () => {
  it('reads data/events.json, and reports a malformed file instead of throwing', () => {
    expect(catalog.problem).toBeNull();
    expect(catalog.events.map((event) => event.id)).toContain('us-election-2024');
    expect(catalog.events.every((event) => !event.custom)).toBe(true);
    expect(readEventCatalog({ events: [{ id: 'x' }] })).toEqual({ events: [], problem: expect.stringMatching(/^data\/events.json is malformed at events.0.title/) });
  });
});
