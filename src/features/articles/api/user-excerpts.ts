import { z } from 'zod';
import type { CheckedClaim } from '../../../application/claim-findings.ts';
import { claimStatementSchema, type ClaimStatement } from '../../../domain/claim-check.ts';

/** An excerpt a user typed into the page, kept in the browser's storage and shown only as text. */
export interface UserExcerpt {
  id: string;
  text: string;
  /** Where it comes from, as the user wrote it (shown as text, never made a link). */
  source: string;
  events: string[];
  securities: string[];
  /** What the excerpt says the prices of its securities did around its events, when it says so. */
  claim?: ClaimStatement;
}

export const USER_EXCERPTS_KEY = 'kabuto.user-excerpts.v1';
export const MAX_EXCERPT_LENGTH = 4000;
export const MAX_SOURCE_LENGTH = 300;

const storedSchema = z.array(
  z.object({
    id: z.string().regex(/^user-\d+$/),
    text: z.string().min(1).max(MAX_EXCERPT_LENGTH),
    source: z.string().max(MAX_SOURCE_LENGTH),
    events: z.array(z.string()),
    securities: z.array(z.string()),
    claim: claimStatementSchema.optional(),
  }),
);

export interface StoredExcerpts {
  excerpts: UserExcerpt[];
  /** Why the stored excerpts could not be read or written, or null. */
  problem: string | null;
}

/**
 * The user's excerpts from `storage`. Storage is user-controlled, so what is read is checked and
 * anything malformed is left out with a message rather than trusted.
 * @throws never
 * @example readUserExcerpts(window.localStorage).excerpts
 */
export function readUserExcerpts(storage: Storage | undefined): StoredExcerpts {
  if (!storage) return { excerpts: [], problem: null };
  let text: string | null;
  try {
    text = storage.getItem(USER_EXCERPTS_KEY);
  } catch {
    return { excerpts: [], problem: 'The browser does not allow this page to read its storage, so your excerpts cannot be shown.' };
  }
  if (text === null) return { excerpts: [], problem: null };
  try {
    const parsed = storedSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { excerpts: parsed.data, problem: null };
  } catch {
    // Falls through to the message below: unreadable JSON is as unusable as a wrong shape.
  }
  return { excerpts: [], problem: 'Your saved excerpts could not be read (the stored data is damaged); adding a new excerpt replaces them.' };
}

/**
 * Saves the user's excerpts; returns a message when the browser refuses (storage full or blocked).
 * @throws never
 */
export function writeUserExcerpts(storage: Storage | undefined, excerpts: readonly UserExcerpt[]): string | null {
  if (!storage) return 'This browser has no storage for the page, so your excerpts last only until you reload.';
  try {
    storage.setItem(USER_EXCERPTS_KEY, JSON.stringify(excerpts));
    return null;
  } catch {
    return 'The browser refused to save your excerpts (storage full or blocked); they last only until you reload.';
  }
}

/**
 * The id for the next excerpt: one above the highest in use.
 * @example nextUserExcerptId([{ id: 'user-3', … }]) // 'user-4'
 */
export function nextUserExcerptId(excerpts: readonly UserExcerpt[]): string {
  const highest = excerpts.reduce((max, excerpt) => Math.max(max, Number(excerpt.id.slice('user-'.length))), 0);
  return `user-${highest + 1}`;
}

/**
 * The market claims of the user's excerpts, to check like the article's: the whole excerpt is the
 * quote, its tags say which securities and events. An excerpt without securities or events has
 * nothing to check.
 * @throws never
 * @example userClaims([{ id: 'user-1', text: 'Shares rose.', source: '', events: ['us-election-2024'], securities: ['7013.T'], claim: { direction: 'up', saysSignificant: false } }])[0].excerpt // 'user-1'
 */
export function userClaims(excerpts: readonly UserExcerpt[]): CheckedClaim[] {
  return excerpts.flatMap((excerpt) =>
    excerpt.claim && excerpt.securities.length > 0 && excerpt.events.length > 0
      ? [{ excerpt: excerpt.id, quote: excerpt.text, securities: excerpt.securities, events: excerpt.events, ...excerpt.claim }]
      : [],
  );
}
