/**
 * The study routes' own errors (server/study-route.ts). Their HTTP statuses are assigned with all
 * the others in server/error-response.ts.
 */
import { ProxyError } from './errors.ts';

/**
 * The query is well formed, but no study comes out of it: no event or security chosen, or every
 * security failed (event outside the data, too few estimation days, …). The message says which.
 */
export class StudyNotComputableError extends ProxyError {
  readonly code = 'STUDY_NOT_COMPUTABLE';

  constructor(message: string) {
    super(message);
    this.name = 'StudyNotComputableError';
  }
}

/** data/events.json is missing or malformed: the server's own fault. */
export class EventsUnavailableError extends ProxyError {
  readonly code = 'EVENTS_UNAVAILABLE';

  constructor(detail: string) {
    super(`The events file cannot be read: ${detail}.`);
    this.name = 'EventsUnavailableError';
  }
}
