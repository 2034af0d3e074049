/**
 * The guardrails on the REAL offline snapshot (data/snapshot): the US election and the Ishiba–Trump
 * call overlap and are never pooled silently; merged into an event cluster on request; another
 * event inside an estimation window is reported and, on request, left out. Each file (summary,
 * manifest, portfolio CSV) records the choice. Reference numbers come from the engine run directly
 * on units built here, not through the guardrails.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_STUDY_OPTIONS, runStudy } from '../../../src/core/index.ts';
import type { StudyUnit } from '../../../src/core/types.ts';
import { composeStudy } from '../../../src/application/compose-study.ts';
import { DEFAULT_STUDY_QUERY, type StudyQuery } from '../../../src/application/study-query.ts';
import { parseCsvRows } from './helpers/csv-read-back.ts';
import { snapshotStudy } from './helpers/snapshot-study.ts';

const BOTH = ['us-election-2024', 'ishiba-trump-call-2024'];
const CLUSTER = 'us-election-2024+ishiba-trump-call-2024';

function studyOf(changes: Partial<StudyQuery>) {
  return snapshotStudy({ ...DEFAULT_STUDY_QUERY, ...changes });
}

/** The composed unit of one security on one event, as the engine gets it. */
function unitOf(composed: ReturnType<typeof composeStudy>, eventId: string, symbol: string): StudyUnit {
  const found = composed.units.find((item) => item.event.id === eventId && item.symbol === symbol);
  if (!found) throw new Error(`${eventId}:${symbol}`);
  return found.unit;
}

describe('the US election alone (the default case)', () => {
  const { analysis, files } = studyOf({});

  it('is one group, nothing overlapping, and says the LDP runoff lies in its estimation window', () => {
    expect(analysis.groups.map((group) => [group.id, group.kind])).toEqual([['us-election-2024', 'event']]);
    expect(analysis.overlaps).toEqual([]);
    expect(analysis.pooled).toBe(false);
    expect(analysis.contaminations.map((item) => [item.symbol, item.contaminatingEventId, item.dayZero, item.relativeDay, item.dates.length, item.dates[0], item.dates.at(-1)])).toEqual([
      ['7011.T', 'ldp-leadership-2024', '2024-09-30', -25, 16, '2024-09-20', '2024-10-15'],
      ['7013.T', 'ldp-leadership-2024', '2024-09-30', -25, 16, '2024-09-20', '2024-10-15'],
    ]);
    expect(files.manifest.summary.notices.map((notice) => notice.kind)).toEqual(['contamination']);
    expect(files.manifest.summary.notices[0]?.text).toBe(
      'Shigeru Ishiba wins the LDP leadership election (day 0 30 Sep 2024) lies inside the estimation window of Mitsubishi Heavy Industries and IHI Corporation for the US presidential election (its day -25): the moves of its window\'s 16 trading days feed the normal returns and the variance the tests use.',
    );
  });
});

describe('the US election and the Ishiba–Trump call together', () => {
  const separate = studyOf({ eventIds: BOTH });

  it('finds that their windows share 15 of 16 trading days for both securities', () => {
    expect(separate.analysis.overlaps).toEqual([{ eventIds: BOTH, symbols: ['7011.T', '7013.T'], sharedDays: 15, windowDays: 16 }]);
  });

  it('reports each event on its own by default, with a notice, and writes no pooled test', () => {
    const { analysis, composed, files } = separate;
    expect(analysis.groups.map((group) => group.id)).toEqual(BOTH);
    expect(analysis.pooled).toBe(false);
    // Each event's test is the engine's run on that event's units alone.
    for (const eventId of BOTH) {
      const alone = runStudy(['7011.T', '7013.T'].map((symbol) => unitOf(composed, eventId, symbol)), DEFAULT_STUDY_OPTIONS);
      expect(analysis.groups.find((group) => group.id === eventId)?.result.aggregate).toEqual(alone.aggregate);
    }
    const portfolio = parseCsvRows(files.portfolioCsv);
    expect([...new Set(portfolio.map((row) => row.event_id))]).toEqual(BOTH);
    const notice = files.manifest.summary.notices.find((item) => item.kind === 'overlap');
    expect(notice?.text).toBe(
      'The US presidential election and the Ishiba–Trump telephone call overlap: their event windows share 15 of 16 trading days for Mitsubishi Heavy Industries and IHI Corporation. Each is reported on its own, not pooled into one test, because the same stock-days would count twice. Merge them into one event cluster to test them together.',
    );
    expect(files.manifest.study).toMatchObject({ overlap: 'separate', contamination: 'keep' });
    expect(files.manifest.groups).toEqual({
      tested: BOTH.map((id) => ({ id, kind: 'event', eventIds: [id], eventWindow: { from: -5, to: 10 }, carWindows: DEFAULT_STUDY_QUERY.carWindows, securities: 2 })),
      pooled: false,
    });
    expect(files.manifest.summary.overlap).toEqual({ choice: 'separate', overlaps: analysis.overlaps });
    expect(files.manifest.reproduce.query).toContain('overlap=separate');
  });

  it('merges them into one event cluster on request: one window per security from the election\'s day −5 to the call\'s day +10', () => {
    const { analysis, composed, files } = studyOf({ eventIds: BOTH, overlap: 'cluster' });
    expect(analysis.groups.map((group) => [group.id, group.kind, group.eventIds])).toEqual([[CLUSTER, 'cluster', BOTH]]);
    const cluster = analysis.groups[0]?.result;
    expect(cluster?.options.eventWindow).toEqual({ from: -5, to: 11 });
    expect(cluster?.options.carWindows).toEqual([
      { from: 0, to: 0 },
      { from: 0, to: 1 },
      { from: -1, to: 1 },
      { from: -5, to: 11 },
    ]);
    // Independently: the election's units run over [−5, +11] (the call's day +10 is the election's +11).
    const reference = runStudy(
      ['7011.T', '7013.T'].map((symbol) => unitOf(composed, 'us-election-2024', symbol)),
      { ...DEFAULT_STUDY_OPTIONS, eventWindow: { from: -5, to: 11 }, carWindows: cluster?.options.carWindows ?? [] },
    );
    expect(cluster?.aggregate).toEqual(reference.aggregate);
    expect(cluster?.securities.map((security) => [security.id, security.dayZero, security.days.at(-1)?.date])).toEqual([
      [`${CLUSTER}:7011.T`, '2024-11-06', '2024-11-21'],
      [`${CLUSTER}:7013.T`, '2024-11-06', '2024-11-21'],
    ]);
    expect(analysis.pooled).toBe(false);
    expect(files.manifest.study.overlap).toBe('cluster');
    expect(files.manifest.groups.tested).toEqual([{ id: CLUSTER, kind: 'cluster', eventIds: BOTH, eventWindow: { from: -5, to: 11 }, carWindows: cluster?.options.carWindows, securities: 2 }]);
    expect(files.manifest.summary.groups.map((group) => group.title)).toEqual(['Event cluster: US presidential election: Donald Trump wins + Ishiba–Trump telephone call']);
    expect(files.manifest.summary.notices.find((notice) => notice.kind === 'overlap')?.text).toMatch(/, so they are merged into one event cluster/);
    expect([...new Set(parseCsvRows(files.portfolioCsv).map((row) => row.event_id))]).toEqual([CLUSTER]);
    // The per-security file keeps each event's own rows and adds the cluster's.
    expect([...new Set(parseCsvRows(files.securitiesCsv).map((row) => row.event_id))]).toEqual([...BOTH, CLUSTER]);
  });
});

describe('another event inside an estimation window', () => {
  it('is left out of the estimation on request, the days counted, the numbers those of the engine given the same dates', () => {
    const { analysis, composed, files } = studyOf({ contamination: 'exclude' });
    const dates = analysis.contaminations[0]?.dates ?? [];
    const reference = runStudy(
      ['7011.T', '7013.T'].map((symbol) => ({ ...unitOf(composed, 'us-election-2024', symbol), estimationExclusions: dates })),
      DEFAULT_STUDY_OPTIONS,
    );
    expect(analysis.result.securities).toEqual(reference.securities);
    expect(analysis.result.securities.map((security) => security.excludedDays)).toEqual([16, 16]);
    expect(files.manifest.securities.map((security) => [security.symbol, security.excludedDays, security.lostDays])).toEqual([
      ['7011.T', 16, 0],
      ['7013.T', 16, 0],
    ]);
    expect(files.manifest.study.contamination).toBe('exclude');
    expect(files.manifest.summary.notices[0]?.text).toMatch(/: its window's 16 trading days are left out of the estimation\.$/);
    expect(files.manifest.summary.groups[0]?.securities.map((security) => security.excludedDays)).toEqual([16, 16]);
  });

  it("names the election inside a custom event's estimation window (the inauguration, 21 Jan 2025)", () => {
    const inauguration = { id: 'custom-1', title: 'Trump inauguration', date: '2025-01-20', time: '12:00', timeZone: 'America/New_York' };
    const { analysis } = studyOf({ eventIds: ['custom-1'], customEvents: [inauguration] });
    const named = analysis.contaminations.filter((item) => item.symbol === '7013.T').map((item) => [item.contaminatingEventId, item.dayZero]);
    expect(named).toEqual(
      expect.arrayContaining([
        ['us-election-2024', '2024-11-06'],
        ['ishiba-trump-call-2024', '2024-11-07'],
      ]),
    );
    expect(analysis.groups[0]?.result.securities[0]?.dayZero).toBe('2025-01-21');
  });
});
