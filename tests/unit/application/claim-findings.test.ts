/**
 * The article's market claims checked against real studies of the offline snapshot: the verdicts of
 * issue 14's examples, and that a verdict follows the study (model, windows), never a fixed answer.
 */
import { describe, expect, it } from 'vitest';
import { checkClaims, type ClaimEventFinding } from '../../../src/application/claim-findings.ts';
import { ARTICLES as catalog, pageQuery } from './helpers/deck-input.ts';
import { snapshotStudy } from './helpers/snapshot-study.ts';
const BOTH_EVENTS = 'events=us-election-2024,ishiba-trump-call-2024';

function finding(search: string, excerpt: string, eventId: string): Extract<ClaimEventFinding, { inStudy: true }> {
  const query = pageQuery(search).study;
  const found = checkClaims(catalog.claims, snapshotStudy(query).analysis.result, query.eventIds)
    .find((item) => item.claim.excerpt === excerpt)
    ?.events.find((item) => item.eventId === eventId);
  if (!found?.inStudy) throw new Error(`${excerpt} on ${eventId} not checked in ${search}`);
  return found;
}

const percent = (value: number | null) => ((value ?? Number.NaN) * 100).toFixed(2);

describe('the article claims', () => {
  it('are read without problems: two claims, each quoting its excerpt', () => {
    expect(catalog.problems).toEqual([]);
    expect(catalog.claims.map((claim) => [claim.excerpt, claim.events, claim.direction, claim.saysSignificant])).toEqual([
      ['intro-call', ['us-election-2024', 'ishiba-trump-call-2024'], 'up', false],
      ['markets-ihi-mhi-gains', ['us-election-2024'], 'up', true],
    ]);
  });
});

describe('checkClaims on the default study and with the call added', () => {
  it('supports "IHI and Mitsubishi Heavy Industries witnessed significant gains" after the election: +16.25 % and +6.39 %, both p < 0.01', () => {
    const election = finding('', 'markets-ihi-mhi-gains', 'us-election-2024');
    expect(election.outcome.verdict).toBe('supported');
    expect(election.measurements.map((item) => [item.symbol, percent(item.dayZeroAr.value)])).toEqual([
      ['7013.T', '16.25'],
      ['7011.T', '6.39'],
    ]);
    for (const item of election.measurements) expect(item.dayZeroAr.pValue).toBeLessThan(0.01);
  });

  it('gives the opening paragraph a verdict per event: supported on the election day, not supported on the call day (−2.27 %, −1.68 %)', () => {
    expect(finding(BOTH_EVENTS, 'intro-call', 'us-election-2024').outcome.verdict).toBe('supported');
    const call = finding(BOTH_EVENTS, 'intro-call', 'ishiba-trump-call-2024');
    expect(call.outcome.verdict).toBe('not supported');
    expect(call.measurements.map((item) => [item.symbol, percent(item.dayZeroAr.value)])).toEqual([
      ['7011.T', '-2.27'],
      ['7013.T', '-1.68'],
    ]);
    for (const item of call.measurements) {
      expect(item.dayZeroAr.pValue).toBeGreaterThan(0.05);
      expect(item.carZeroToOne.pValue).toBeGreaterThan(0.05);
    }
  });

  it('says an event of the claim is not in the study rather than judging it', () => {
    const query = pageQuery('').study;
    const intro = checkClaims(catalog.claims, snapshotStudy(query).analysis.result, query.eventIds).find((item) => item.claim.excerpt === 'intro-call');
    expect(intro?.events.map((item) => [item.eventId, item.inStudy])).toEqual([
      ['us-election-2024', true],
      ['ishiba-trump-call-2024', false],
    ]);
  });

  it('follows the study: the mean-adjusted model estimated over days −75..−45 (which hold the August 2024 sell-off) makes the election claim mixed', () => {
    const changed = finding('model=mean-adjusted&estimation=-75:-45', 'markets-ihi-mhi-gains', 'us-election-2024');
    expect(changed.outcome).toMatchObject({ verdict: 'mixed', bearsOut: { '7013.T': true, '7011.T': false } });
    expect(changed.measurements.find((item) => item.symbol === '7011.T')?.dayZeroAr.pValue).toBeGreaterThan(0.05);
  });

  it('measures only what the study tested: without the CAR windows 0:0 and 0:1 there is no verdict, only the reason', () => {
    const untested = finding('car-windows=-1:1', 'markets-ihi-mhi-gains', 'us-election-2024');
    expect(untested.outcome).toMatchObject({ verdict: null, unmeasured: ['7013.T', '7011.T'] });
    expect(untested.measurements[0]?.dayZeroAr.words).toBe('+16.25 % (not tested: add the CAR window 0:0)');
  });

  it('names a security of the claim that the study lacks, and judges on the others', () => {
    const ihiOnly = finding('securities=7013.T', 'markets-ihi-mhi-gains', 'us-election-2024');
    expect(ihiOnly.outcome).toMatchObject({ verdict: 'supported', unmeasured: ['7011.T'] });
  });
});
