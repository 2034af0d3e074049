/**
 * The article's market claims checked against the study on screen: for each claim and each event it
 * names, the measured moves of its securities (day-0 AR, CAR [0, +1], each with its p-value, the
 * numbers and words of the answer: study-summary.ts) and the verdict of the rule in
 * src/domain/claim-check.ts. Shared by the article panel and the deck, so the page and the slides
 * give the same verdict for the same study.
 */
import type { StudyResult } from '../core/types.ts';
import { claimOutcome, type ClaimOutcome, type ClaimStatement, type MarketClaim } from '../domain/claim-check.ts';
import { securityNumbers, type TestedNumber } from './study-summary.ts';

/** A claim as the check reads it: an article's, or one the user put on an excerpt of their own. */
export type CheckedClaim = Pick<MarketClaim, 'excerpt' | 'quote' | 'securities' | 'events'> & ClaimStatement;

/** One security's measured moves around one event, as the answer states them. */
export interface ClaimMeasurement {
  symbol: string;
  dayZeroAr: TestedNumber;
  carZeroToOne: TestedNumber;
}

/** The check of one claim on one event. */
export type ClaimEventFinding =
  | { eventId: string; inStudy: true; measurements: ClaimMeasurement[]; outcome: ClaimOutcome }
  | { eventId: string; inStudy: false };

export interface ClaimFinding {
  claim: CheckedClaim;
  events: ClaimEventFinding[];
}

/**
 * Checks each claim on each of its events, on the study's per-event units (`analysis.result`: each
 * security–event pair on its own event's windows, also when overlapping events are clustered). An
 * event outside the study is reported as such (no verdict); a security of the claim that the study
 * lacks or could not compute is "unmeasured".
 * @throws never
 * @example checkClaims(claims, analysis.result, ['us-election-2024'])[0].events[0] // { eventId: 'us-election-2024', inStudy: true, measurements: […], outcome: { verdict: 'supported', … } }
 */
export function checkClaims(claims: readonly CheckedClaim[], result: StudyResult, studyEventIds: readonly string[]): ClaimFinding[] {
  const { eventWindow } = result.options;
  return claims.map((claim) => ({
    claim,
    events: claim.events.map((eventId): ClaimEventFinding => {
      if (!studyEventIds.includes(eventId)) return { eventId, inStudy: false };
      const measurements = claim.securities.map((symbol): ClaimMeasurement => {
        const security = result.securities.find((item) => item.symbol === symbol && item.eventId === eventId);
        if (!security) return { symbol, dayZeroAr: absent({ from: 0, to: 0 }), carZeroToOne: absent({ from: 0, to: 1 }) };
        const { dayZeroAr, earlyCar } = securityNumbers(security, eventWindow);
        return { symbol, dayZeroAr, carZeroToOne: earlyCar };
      });
      return { eventId, inStudy: true, measurements, outcome: claimOutcome(claim.direction, measurements) };
    }),
  }));
}

function absent(window: TestedNumber['window']): TestedNumber {
  return { window, value: null, statistic: null, pValue: null, valueWords: '—', words: '— (not in this study)' };
}
