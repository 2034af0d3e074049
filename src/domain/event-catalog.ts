import { z } from 'zod';
import { isCalendarDate, isTimeOfDay } from './calendar.ts';
import type { StudyEvent } from './study-event.ts';

/** A source of an event's date or time: what it is, where to read it and what it supports. */
const eventSourceSchema = z.strictObject({
  /** Left out when the source's own title was not seen (a URL slug is not a title). */
  title: z.string().min(1).optional(),
  publisher: z.string().min(1),
  date: z.string().refine(isCalendarDate, { error: 'must be a calendar date YYYY-MM-DD' }).optional(),
  url: z.url({ protocol: /^https$/ }),
  /** Where the URL is not the publisher's own page, or is not confirmed. */
  urlNote: z.string().min(1).optional(),
  /** The source's own words, verbatim. */
  quote: z.string().min(1).optional(),
  /** Which fact of the event it supports. */
  supports: z.string().min(1),
});

const eventsFileSchema = z.object({
  events: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string().min(1),
      date: z.string().refine(isCalendarDate, { error: 'must be a calendar date YYYY-MM-DD' }),
      time: z.string().refine(isTimeOfDay, { error: 'must be a time HH:mm' }).optional(),
      /** How long the event lasted, when a source says (the Ishiba–Trump call: five minutes). */
      durationMinutes: z.number().int().positive().optional(),
      timeZone: z.string().min(1),
      timingNote: z.string(),
      sourceNote: z.string(),
      sources: z.array(eventSourceSchema).optional(),
      excerptIds: z.array(z.string()),
    }),
  ),
});

export interface EventCatalog {
  events: StudyEvent[];
  /** Why data/events.json could not be read, or null. */
  problem: string | null;
}

/**
 * Reads the contents of data/events.json into study events (the server reads the file from disk,
 * the page bundles it at build time; both go through this one schema).
 * @throws never: a malformed file gives no events and a problem to show.
 * @example readEventCatalog({ events: [] }).events // []
 */
export function readEventCatalog(json: unknown): EventCatalog {
  const parsed = eventsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { events: [], problem: `data/events.json is malformed at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}` };
  }
  return { events: parsed.data.events.map((event) => ({ ...event, custom: false })), problem: null };
}
