/**
 * A study query (the page's URL query) to the study's files, on the server: the same shared query
 * codec, plan, composition, engine and formatters as the page, with prices from the PriceService
 * under the same rules as /api/prices.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { composeStudy, runComposedStudy } from '../src/application/compose-study.ts';
import { readEventCatalog, type EventCatalog } from '../src/domain/event-catalog.ts';
import type { PricesResponse } from '../src/domain/price-api.ts';
import type { DeckModelInput } from '../src/application/deck-model.ts';
import { buildStudyExport, type StudyExport } from '../src/application/study-export.ts';
import { studyPlan, type StudyPlan } from '../src/application/study-plan.ts';
import { parseStudyQuery, type QueryProblem } from '../src/application/study-query.ts';
import { articleCatalogLoader } from './article-files.ts';
import { InvalidRequestError } from './errors.ts';
import { parsePricesQuery, type PricesQuery } from './request-validation.ts';
import { EventsUnavailableError, StudyNotComputableError } from './study-errors.ts';
import { PROJECT_ROOT } from './versions.ts';

export interface StudyServiceDeps {
  prices: (query: PricesQuery) => Promise<PricesResponse>;
  /** The clock of the manifest's generatedAt. */
  now: () => Date;
  appVersion: string;
  /** data/events.json unless a test gives another file. */
  eventsFile?: string;
  /** data/articles unless a test gives another folder. */
  articlesFolder?: string;
}

/** The files of a study, and what its deck is built from. */
export type StudyFiles = StudyExport & { deck: DeckModelInput };

/** At most this many failures are named in a message; the manifest lists them all. */
const FAILURES_NAMED = 3;

/**
 * Turns a query string into the study's files.
 * @throws InvalidRequestError for a parameter the page would not accept or prices it could not ask for;
 *   StudyNotComputableError when no study comes out; EventsUnavailableError for a broken
 *   data/events.json; the PriceService's errors (unknown symbol, upstream failures).
 * @example await createStudyService({ prices, now: () => new Date(), appVersion: '0.1.0' })('events=us-election-2024')
 */
export function createStudyService(deps: StudyServiceDeps): (search: string) => Promise<StudyFiles> {
  const events = eventCatalogLoader(deps.eventsFile ?? path.join(PROJECT_ROOT, 'data/events.json'));
  const articles = articleCatalogLoader(deps.articlesFolder ?? path.join(PROJECT_ROOT, 'data/articles'));
  return async (search) => {
    const catalog = await events();
    const parsed = parseStudyQuery(search, { catalogEventIds: catalog.events.map((event) => event.id) });
    if (parsed.problems.length > 0) throw new InvalidRequestError('INVALID_QUERY', problemsMessage(parsed.problems));
    const query = parsed.query.study;
    const plan = studyPlan(query, catalog.events);
    const prices = await deps.prices(pricesQueryOf(plan));
    const composed = composeStudy({ series: prices.series, events: plan.events, allEvents: plan.allEvents, securities: plan.securities, returnKind: plan.returnKind });
    const outcome = runComposedStudy(composed, plan.options);
    if (outcome.error) throw new StudyNotComputableError(`The study could not be computed: ${outcome.error.message}`);
    if (outcome.result.securities.length === 0) throw new StudyNotComputableError(noSecurityMessage(outcome.result.failures.map((failure) => failure.error.message)));
    const made = buildStudyExport({ appVersion: deps.appVersion, generatedAt: deps.now(), query, events: plan.allEvents, prices, composed, result: outcome.result });
    const { claims } = await articles();
    const deck = { appVersion: deps.appVersion, query, significanceTest: parsed.query.view.significanceTest, events: plan.allEvents, prices, composed, result: outcome.result, claims };
    return { ...made, deck };
  };
}

function pricesQueryOf(plan: StudyPlan): PricesQuery {
  if (plan.events.length === 0) throw new StudyNotComputableError('The query puts no event in the study; name one, e.g. events=us-election-2024.');
  if (plan.securities.length === 0) throw new StudyNotComputableError('The query puts no security in the study; name some, e.g. securities=7011.T,7013.T.');
  if (plan.range === null) throw new StudyNotComputableError('No event of the study has a date to fetch prices around.');
  // The same checks as /api/prices (symbol count, 20-year range), so the server refuses what the page would be refused.
  return parsePricesQuery({ symbols: [plan.symbols.join(',')], from: [plan.range.from], to: [plan.range.to] });
}

function problemsMessage(problems: readonly QueryProblem[]): string {
  return `The study query cannot be used: ${problems.map((problem) => `${problem.parameter}: ${problem.message}`).join(' ')}`;
}

function noSecurityMessage(failures: readonly string[]): string {
  const named = failures.slice(0, FAILURES_NAMED).join(' ');
  const more = failures.length > FAILURES_NAMED ? ` (and ${failures.length - FAILURES_NAMED} more)` : '';
  return `No security of the study could be computed: ${named}${more}`;
}

// The file is read once; a failed read is not remembered, so fixing the file needs no restart.
function eventCatalogLoader(file: string): () => Promise<EventCatalog> {
  let loaded: EventCatalog | undefined;
  return async () => {
    if (loaded) return loaded;
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new EventsUnavailableError(`${path.basename(file)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const catalog = readEventCatalog(json);
    if (catalog.problem !== null) throw new EventsUnavailableError(catalog.problem);
    loaded = catalog;
    return catalog;
  };
}
