/**
 * An event of a study as the page, the server and the command-line tool know it: the catalogue of
 * data/events.json plus the events a user adds. Timing follows data/events.json: a local date, an
 * optional HH:mm time, and the IANA zone both are written in.
 */
export interface StudyEvent {
  id: string;
  title: string;
  date: string;
  time?: string;
  /** How long the event lasted, in minutes, when a source says. */
  durationMinutes?: number;
  timeZone: string;
  timingNote?: string;
  sourceNote?: string;
  /** The sources of its date and time (data/events.json); none for an event a user added. */
  sources?: EventSource[];
  excerptIds: string[];
  /** Added by the user in the page rather than read from data/events.json. */
  custom: boolean;
}

/** A source of an event's date or time, as data/events.json cites it. */
export interface EventSource {
  title?: string;
  publisher: string;
  date?: string;
  url: string;
  /** Where the URL is not the publisher's own page, or is not confirmed. */
  urlNote?: string;
  /** The source's own words, verbatim. */
  quote?: string;
  /** Which fact of the event it supports. */
  supports: string;
}

/** Where an event's day 0 falls on one exchange's trading calendar. */
export interface EventDayZero {
  eventId: string;
  exchange: string;
  date: string;
}

/** The timing note of an event a user added (in the page or through a link). */
export const CUSTOM_EVENT_NOTE = 'Added in the page.';

/**
 * An event title short enough for a chart label, a table cell or a sentence: what comes before a colon.
 * @throws never
 * @example shortEventTitle('US presidential election: Donald Trump wins') // 'US presidential election'
 */
export function shortEventTitle(title: string): string {
  const colon = title.indexOf(':');
  return colon > 0 ? title.slice(0, colon) : title;
}
