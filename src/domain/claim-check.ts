/**
 * Market claims of an article and the rule that checks them against a study: what an excerpt says
 * the share prices did (which securities, around which event, which way, whether it says
 * "significant"), and a neutral verdict from the study's own numbers. The claims live beside their
 * article as data (data/articles/<article id>.claims.json), read through the zod schema below; an
 * excerpt the user adds may carry one too.
 */
import { z } from 'zod';

/** Which way the text says the prices moved. */
export const CLAIM_DIRECTIONS = ['up', 'down'] as const;
export type ClaimDirection = (typeof CLAIM_DIRECTIONS)[number];

const IDENTIFIER = /^[a-z0-9][a-z0-9-]*$/;

/** What a claim says, without where it stands: the part a user-added excerpt carries. */
export const claimStatementSchema = z.strictObject({
  direction: z.enum(CLAIM_DIRECTIONS),
  /** True when the text itself says "significant(ly)" of the move (an everyday word, not a test). */
  saysSignificant: z.boolean(),
});

/** One market claim of an article excerpt. */
export const marketClaimSchema = z.strictObject({
  ...claimStatementSchema.shape,
  /** The id of the excerpt in data/articles/<article id>.md. */
  excerpt: z.string().regex(IDENTIFIER),
  /** The sentence that makes the claim, verbatim from the excerpt. */
  quote: z.string().min(1),
  /** Symbols of the securities the claim is about (the snapshot's symbols). */
  securities: z.array(z.string().min(1)).min(1),
  /** Ids of data/events.json events the claim ties the move to; each gets its own verdict. */
  events: z.array(z.string().regex(IDENTIFIER)).min(1),
});

/** The claims file of one article. */
export const articleClaimsSchema = z.strictObject({
  article: z.string().regex(IDENTIFIER),
  /** Why these sentences and not others are tagged. */
  note: z.string().optional(),
  claims: z.array(marketClaimSchema),
});

export type ClaimStatement = z.infer<typeof claimStatementSchema>;
export type MarketClaim = z.infer<typeof marketClaimSchema>;
export type ArticleClaims = z.infer<typeof articleClaimsSchema>;

/** A measured move with the two-sided p-value of its test; null when it has none (a missing return, a CAR window not asked for…). */
export interface TestedMove {
  value: number | null;
  pValue: number | null;
}

/** One security's measured moves around one event. */
export interface ClaimMeasurement {
  symbol: string;
  /** The day-0 abnormal return, tested by t over the CAR window [0, 0]. */
  dayZeroAr: TestedMove;
  /** The CAR over [0, +1], tested by t over that window. */
  carZeroToOne: TestedMove;
}

export type ClaimVerdict = 'supported' | 'not supported' | 'mixed';

/** The outcome of the rule for one claim on one event. */
export type ClaimOutcome =
  | { verdict: ClaimVerdict; bearsOut: Record<string, boolean>; unmeasured: string[] }
  | { verdict: null; reason: string; unmeasured: string[] };

/** The significance level of the claim check: two-sided p below it counts as a measurable move. */
export const CLAIM_SIGNIFICANCE_LEVEL = 0.05;

/** The rule of the claim check in one sentence, for the page, the slides and the README. */
export const CLAIM_RULE =
  'A security bears a claim out on an event when its day-0 abnormal return or its CAR [0, +1] moves the claimed way with two-sided p < 0.05 and neither moves the other way with p < 0.05; the claim is supported when every measured security of the claim bears it out, not supported when none does, and mixed otherwise.';

/**
 * The claim-check verdict for one claim on one event (the rule is CLAIM_RULE):
 * - each security of the claim that the study measured *bears the claim out* when its day-0
 *   abnormal return or its CAR [0, +1] (each tested by the MacKinlay 1997 t, two-sided) moves in
 *   the claimed direction with p < 0.05, and neither moves the other way with p < 0.05. Day 0 and
 *   day +1 both count because news that breaks during or after a session reaches prices by the
 *   next close;
 * - *supported*: every measured security bears it out; *not supported*: none does; *mixed*: some do.
 * A move without a p-value (window not asked for, missing return) is not evidence either way; a
 * security with neither move tested is "unmeasured" and named, and a claim with no measured
 * security gets no verdict, only the reason. Whether the text says "significant" does not move the
 * threshold: the same 5% level reads an everyday "significant gains" and a plain "impacting
 * positively", because a move indistinguishable from zero bears out neither.
 * @throws never
 * @example claimOutcome('up', [{ symbol: '7013.T', dayZeroAr: { value: 0.1625, pValue: 0.0001 }, carZeroToOne: { value: 0.16, pValue: 0.001 } }]).verdict // 'supported'
 */
export function claimOutcome(direction: ClaimDirection, measurements: readonly ClaimMeasurement[]): ClaimOutcome {
  const sign = direction === 'up' ? 1 : -1;
  const bearsOut: Record<string, boolean> = {};
  const unmeasured: string[] = [];
  for (const measurement of measurements) {
    const moves = [measurement.dayZeroAr, measurement.carZeroToOne].filter((move) => move.value !== null && move.pValue !== null);
    if (moves.length === 0) {
      unmeasured.push(measurement.symbol);
      continue;
    }
    const significant = (wanted: number) => moves.some((move) => Math.sign(move.value ?? 0) === wanted && (move.pValue ?? 1) < CLAIM_SIGNIFICANCE_LEVEL);
    bearsOut[measurement.symbol] = significant(sign) && !significant(-sign);
  }
  const results = Object.values(bearsOut);
  if (results.length === 0) return { verdict: null, reason: 'no security of the claim has a tested day-0 AR or CAR [0, +1] in this study', unmeasured };
  const agreeing = results.filter(Boolean).length;
  const verdict: ClaimVerdict = agreeing === results.length ? 'supported' : agreeing === 0 ? 'not supported' : 'mixed';
  return { verdict, bearsOut, unmeasured };
}

/**
 * Reads a claims file (data/articles/<id>.claims.json) and checks each claim's quote against the
 * text of its excerpt, so a claim can never drift from the words it stands for.
 * @throws never: a malformed file gives no claims and a problem to show.
 * @example readArticleClaims({ article: 'a', claims: [] }, new Map()).claims // []
 */
export function readArticleClaims(json: unknown, excerptTexts: ReadonlyMap<string, string>): { claims: MarketClaim[]; problem: string | null } {
  const parsed = articleClaimsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { claims: [], problem: `claims file malformed at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}` };
  }
  for (const claim of parsed.data.claims) {
    const text = excerptTexts.get(claim.excerpt);
    if (text === undefined) return { claims: [], problem: `claims of ${parsed.data.article}: no excerpt "${claim.excerpt}"` };
    if (!text.includes(claim.quote)) return { claims: [], problem: `claims of ${parsed.data.article}: the quote of "${claim.excerpt}" is not in its text` };
  }
  return { claims: parsed.data.claims, problem: null };
}
