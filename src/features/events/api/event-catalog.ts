import { z } from 'zod';
import eventsJson from '../../../../data/events.json';
import type { StudyEvent } from '../../../lib/study-event.ts';

const eventsFileSchema = z.object({
  events: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string().min(1),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      time: z.string().regex(/^\d{2}:\d{2}$/).optional(),
      timeZone: z.string().min(1),
      timingNote: z.string(),
      sourceNote: z.string(),
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
 * Reads the events file (data/events.json, bundled at build time) into study events.
 * @throws never: a malformed file gives no events and a problem the page shows.
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

/** The events of data/events.json. */
export const EVENT_CATALOG: EventCatalog = readEventCatalog(eventsJson);
