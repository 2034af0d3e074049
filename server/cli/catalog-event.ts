/**
 * The events of data/events.json for `--event ID`: the same catalogue, read through the same
 * schema, as the page and the server's /api/study.csv, so the three agree on an event's timing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readEventCatalog } from '../../src/domain/event-catalog';
import type { StudyEvent } from '../../src/domain/study-event';
import { PROJECT_ROOT } from '../versions';
import { CliError } from './cli-error';

const EVENTS_FILE = path.join(PROJECT_ROOT, 'data/events.json');

/**
 * The catalogue event with this id.
 * @throws {CliError} when data/events.json cannot be read or has no such event (naming those it has).
 * @example catalogEvent('us-election-2024').time // '19:00'
 */
export function catalogEvent(id: string): StudyEvent {
  const catalog = readEventCatalog(readJson());
  if (catalog.problem !== null) throw new CliError(catalog.problem);
  const event = catalog.events.find((candidate) => candidate.id === id);
  if (event === undefined) {
    throw new CliError(`data/events.json has no event "${id}" (events: ${catalog.events.map((candidate) => candidate.id).join(', ')})`);
  }
  return event;
}

function readJson(): unknown {
  try {
    return JSON.parse(readFileSync(EVENTS_FILE, 'utf8'));
  } catch (error) {
    throw new CliError(`Cannot read data/events.json: ${error instanceof Error ? error.message : String(error)}`);
  }
}
