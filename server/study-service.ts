/**
 * A study query (the page's URL query) to the study's files, on the server: the same shared query
 * codec and plan as the page, prices from the PriceService under the same rules as /api/prices,
 * and the computation (composition, engine, files) run as a job, off the event loop. Each study is
 * computed once per query and data version: the answer is kept (bounded by bytes) for the other
 * files and later requests, and identical studies asked at the same time share one job.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { factorsNotOnServerMessage } from '../src/application/study-factors.ts';
import { studyPlan, type StudyPlan } from '../src/application/study-plan.ts';
import { parseStudyQuery, type QueryProblem, type StudyQuery } from '../src/application/study-query.ts';
import { readEventCatalog, type EventCatalog } from '../src/domain/event-catalog.ts';
import type { PricesResponse } from '../src/domain/price-api.ts';
import type { TestSelection } from '../src/domain/test-choice.ts';
import { ByteLru } from './byte-lru.ts';
import { articleCatalogLoader } from './article-files.ts';
import { ClientGoneError, InvalidRequestError } from './errors.ts';
import { restsOnSnapshot } from './price-service.ts';
import { pricesResponseBody } from './prices-json.ts';
import { parsePricesQuery, type PricesQuery } from './request-validation.ts';
import { EventsUnavailableError, StudyNotComputableError } from './study-errors.ts';
import type { StudyPart } from './study/study-files.ts';
import { resultBytes, type ComputedFile, type StudyJob, type StudyJobResult } from './study/study-job.ts';
import { WorkerStoppedError } from './study/worker-pool.ts';
import { PROJECT_ROOT } from './versions.ts';

export interface StudyServiceDeps {
  prices: (query: PricesQuery) => Promise<PricesResponse>;
  /** The clock of the manifest's generatedAt. */
  now: () => Date;
  appVersion: string;
  /** Runs one study job: on the study worker pool in the server. */
  runJob: (job: StudyJob, signal: AbortSignal) => Promise<StudyJobResult>;
  /** Bytes of computed studies kept in memory (default 128 MiB). */
  cacheBytes?: number;
  /** data/events.json unless a test gives another file. */
  eventsFile?: string;
  /** data/articles (the claims the deck checks) unless a test gives another folder. */
  articlesFolder?: string;
}

/** The files of a study and whether they rest on the snapshot alone (so they can be revalidated). */
export interface StudyAnswer {
  files: ComputedFile[];
  snapshotBacked: boolean;
}

export const DEFAULT_STUDY_CACHE_BYTES = 128 * 1024 * 1024;

interface SharedJob {
  result: Promise<StudyJobResult>;
  clients: number;
  controller: AbortController;
}

/**
 * Turns a query string into the study's files.
 * @throws InvalidRequestError for a parameter the page would not accept or prices it could not ask for;
 *   StudyNotComputableError when no study comes out; EventsUnavailableError for a broken
 *   data/events.json; the PriceService's errors only when no symbol has prices at all (a symbol
 *   that is unknown or fails upstream drops out alone: a failure of the study, named in the
 *   manifest, computed on the others); the job runner's (ServerBusyError when its queue is full,
 *   ClientGoneError when `signal` aborts first).
 * @example await createStudyService({ prices, now: () => new Date(), appVersion: '0.1.0', runJob })('events=us-election-2024')
 */
export function createStudyService(deps: StudyServiceDeps): (search: string, signal?: AbortSignal, part?: StudyPart) => Promise<StudyAnswer> {
  const events = eventCatalogLoader(deps.eventsFile ?? path.join(PROJECT_ROOT, 'data/events.json'));
  const articles = articleCatalogLoader(deps.articlesFolder ?? path.join(PROJECT_ROOT, 'data/articles'));
  const computed = new ByteLru<StudyJobResult>(deps.cacheBytes ?? DEFAULT_STUDY_CACHE_BYTES, resultBytes);
  const inFlight = new Map<string, SharedJob>();

  const share = (key: string, job: () => StudyJob, signal: AbortSignal | undefined): Promise<StudyJobResult> => {
    let shared = inFlight.get(key);
    if (!shared) {
      const controller = new AbortController();
      const result = deps.runJob(job(), controller.signal).then((answer) => {
        computed.set(key, answer);
        return answer;
      });
      const created: SharedJob = { result, clients: 0, controller };
      result.catch(() => undefined).finally(() => inFlight.get(key) === created && inFlight.delete(key));
      inFlight.set(key, created);
      shared = created;
    }
    return joinAsClient(shared, () => inFlight.get(key) === shared && inFlight.delete(key), signal);
  };

  return async (search, signal, part = 'tables') => {
    const catalog = await events();
    const parsed = parseStudyQuery(search, { catalogEventIds: catalog.events.map((event) => event.id) });
    if (parsed.problems.length > 0) throw new InvalidRequestError('INVALID_QUERY', problemsMessage(parsed.problems));
    const query = parsed.query.study;
    // A user's factor file lives in their browser: the server has no copy to compute with.
    if (query.factors !== null) throw new StudyNotComputableError(factorsNotOnServerMessage(query.factors));
    const plan = studyPlan(query, catalog.events);
    const prices = await deps.prices(pricesQueryOf(plan));
    const selection = parsed.query.view.significanceTest;
    const { claims } = await articles();
    const key = studyKey(part, query, selection, prices);
    const job = (): StudyJob => ({ part, query, selection, catalogEvents: catalog.events, claims, pricesJson: pricesResponseBody(prices), appVersion: deps.appVersion, generatedAt: deps.now().toISOString() });
    const result = computed.get(key) ?? (await share(key, job, signal).catch(asStudyError));
    if (!result.computable) throw new StudyNotComputableError(result.message);
    return { files: result.files, snapshotBacked: restsOnSnapshot(prices) };
  };
}

/**
 * Waits for a shared job as one of its clients. When `signal` aborts, this client leaves; when the
 * last one has left, the job is aborted (a job still queued is dropped) and forgotten.
 */
function joinAsClient(shared: SharedJob, forget: () => void, signal: AbortSignal | undefined): Promise<StudyJobResult> {
  shared.clients += 1;
  return new Promise((resolve, reject) => {
    const leave = () => {
      shared.clients -= 1;
      if (shared.clients === 0) {
        forget();
        shared.controller.abort();
      }
      reject(new ClientGoneError());
    };
    if (signal?.aborted) return leave();
    signal?.addEventListener('abort', leave, { once: true });
    shared.result.then(resolve, reject).finally(() => signal?.removeEventListener('abort', leave));
  });
}

/**
 * What a part's files depend on, as the cache's key: the study query (securities, events, model,
 * windows, and the guardrails' overlap and contamination choices), the prices' version, and for the
 * deck the test its answer is read with (`test=`). The events and the articles' claims are read
 * once per process, so they cannot change under a key.
 */
function studyKey(part: StudyPart, query: StudyQuery, selection: TestSelection, prices: PricesResponse): string {
  return JSON.stringify({ part, query, selection: part === 'deck' ? selection : null, data: dataVersion(prices) });
}

/**
 * What the files depend on besides the query: each series' source, staleness, fetch time and
 * extent, and the warnings (the manifest lists them). Equal versions mean equal prices, because a
 * series with the same fetch time from the same source is the same fetch.
 */
function dataVersion(prices: PricesResponse): string {
  const hash = createHash('sha256');
  hash.update(`${prices.mode}|${prices.from}|${prices.to}\n`);
  for (const series of prices.series) {
    const [first, last] = [series.bars[0]?.date ?? '', series.bars.at(-1)?.date ?? ''];
    hash.update(`${series.symbol}|${series.source}|${series.stale}|${series.fetchedAt}|${series.bars.length}|${first}|${last}\n`);
  }
  hash.update(JSON.stringify(prices.warnings));
  hash.update(JSON.stringify(prices.failures));
  return hash.digest('base64url');
}

function asStudyError(error: unknown): never {
  if (error instanceof WorkerStoppedError && error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    throw new StudyNotComputableError('The study needs more memory than one study may use; choose fewer securities or events, or shorter windows.');
  }
  throw error;
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
