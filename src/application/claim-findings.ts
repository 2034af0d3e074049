/**
 * The article's market claims checked against the study on screen: for each claim and each event it
 * names, the measured moves of its securities (day-0 AR, CAR [0, +1], each with its p-value) and the
 * verdict of the rule in src/domain/claim-check.ts. Shared by the article panel and the deck, so the
 * page and the slides give the same verdict for the same study.
 */
import type { StudyResult } from '../core/types.ts';
import { claimOutcome, type ClaimMeasurement, type ClaimOutcome, type ClaimStatement, type MarketClaim } from '../domain/claim-check.ts';
import { DAY_ZERO, DAYS_ZERO_TO_ONE, securityMove } from './tested-moves.ts';

/** A claim as the check reads it: an article's, or one the user put on an excerpt of their own. */
export type CheckedClaim = Pick<MarketClaim, 'excerpt' | 'quote' | 'securities' | 'events'> & ClaimStatement;

/** The check of one claim on one event. */
export type ClaimEventFinding =
  | { eventId: string; inStudy: true; measurements: ClaimMeasurement[]; outcome: ClaimOutcome }
  | { eventId: string; inStudy: false };

export interface ClaimFinding {
  claim: CheckedClaim;
  events: ClaimEventFinding[];
}

/**
 * Checks each claim on each of its events. An event outside the study is reported as such (no
 * verdict); a security of the claim that the study lacks or could not compute is "unmeasured".
 * @throws never
 * @example checkClaims(claims, result, ['us-election-2024'])[0].events[0] // { eventId: 'us-election-2024', inStudy: true, measurements: […], outcome: { verdict: 'supported', … } }
 */
export function checkClaims(claims: readonly CheckedClaim[], result: StudyResult, studyEventIds: readonly string[]): ClaimFinding[] {
  return claims.map((claim) => ({
    claim,
    events: claim.events.map((eventId): ClaimEventFinding => {
      if (!studyEventIds.includes(eventId)) return { eventId, inStudy: false };
      const measurements = claim.securities.map((symbol): ClaimMeasurement => {
        const security = result.securities.find((item) => item.symbol === symbol && item.eventId === eventId);
        const absent = { value: null, pValue: null, untested: 'not in the study' };
        return security
          ? { symbol, dayZeroAr: securityMove(security, DAY_ZERO), carZeroToOne: securityMove(security, DAYS_ZERO_TO_ONE) }
          : { symbol, dayZeroAr: absent, carZeroToOne: absent };
      });
      return { eventId, inStudy: true, measurements, outcome: claimOutcome(claim.direction, measurements) };
    }),
  }));
}
