import eventsJson from '../../../../data/events.json';
import { readEventCatalog, type EventCatalog } from '../../../domain/event-catalog.ts';

export type { EventCatalog };

/** The events of data/events.json, read by the same code as the server's. */
export const EVENT_CATALOG: EventCatalog = readEventCatalog(eventsJson);
