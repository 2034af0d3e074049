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
  timeZone: string;
  timingNote?: string;
  sourceNote?: string;
  excerptIds: string[];
  /** Added by the user in the page rather than read from data/events.json. */
  custom: boolean;
}

/** Where an event's day 0 falls on one exchange's trading calendar. */
export interface EventDayZero {
  eventId: string;
  exchange: string;
  date: string;
}

/** The timing note of an event a user added (in the page or through a link). */
export const CUSTOM_EVENT_NOTE = 'Added in the page.';
