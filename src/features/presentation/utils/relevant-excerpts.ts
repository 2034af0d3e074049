/** An excerpt as the presentation knows it: verbatim text, its tags and where it comes from. */
export interface DeckExcerpt {
  id: string;
  text: string;
  events: readonly string[];
  securities: readonly string[];
  /** The article (title, outlet, date) or, for the user's own excerpts, the source they typed. */
  source: string;
}

/** At most this many excerpts fit on one slide at a readable size. */
export const MAX_SLIDE_EXCERPTS = 3;

/**
 * The excerpts most relevant to the study: those tagged with the focused event and with at least
 * one of the study's securities, the ones naming more of those securities first (ties keep the
 * article's order).
 * @example relevantExcerpts(excerpts, 'us-election-2024', ['7011.T', '7013.T']).map((excerpt) => excerpt.id)
 */
export function relevantExcerpts(excerpts: readonly DeckExcerpt[], eventId: string, securities: readonly string[]): DeckExcerpt[] {
  const matches = (excerpt: DeckExcerpt) => excerpt.securities.filter((symbol) => securities.includes(symbol)).length;
  return excerpts
    .filter((excerpt) => excerpt.events.includes(eventId) && matches(excerpt) > 0)
    .map((excerpt, order) => ({ excerpt, order, score: matches(excerpt) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ excerpt }) => excerpt);
}
