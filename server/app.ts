import { Hono } from 'hono';
import type { HealthResponse } from '../src/domain/price-api.ts';
import type { PriceCache } from './cache/price-cache.ts';
import {
  AppNotBuiltError,
  ConfigurationError,
  InvalidRequestError,
  MethodNotAllowedError,
  ProxyError,
  RouteNotFoundError,
} from './errors.ts';
import { toErrorResponse } from './error-response.ts';
import { Compressor } from './http/compression.ts';
import { entityResponse, NO_STORE, REVALIDATE } from './http/entity-response.ts';
import { keptEtag } from './http/etag.ts';
import { DEFAULT_CACHE_TTL_MS, PriceService, restsOnSnapshot, type PriceMode } from './price-service.ts';
import { pricesResponseBody } from './prices-json.ts';
import { MAX_QUERY_LENGTH, parsePricesQuery } from './request-validation.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import type { PriceSource } from './sources/price-source.ts';
import type { SnapshotSource } from './sources/snapshot-source.ts';
import { StaticFiles } from './static-files.ts';
import { registerStudyRoutes } from './study-route.ts';
import { createStudyService } from './study-service.ts';
import type { StudyJob, StudyJobResult } from './study/study-job.ts';
import { STUDY_ROUTES } from './study/study-files.ts';
import { CircuitBreaker } from './upstream/circuit-breaker.ts';
import type { FetchLock } from './upstream/fetch-lock.ts';
import { MemoryUpstreamState, type UpstreamState } from './upstream/upstream-state.ts';
import { readVersions } from './versions.ts';

export interface AppDeps {
  mode: PriceMode;
  sources: { snapshot: SnapshotSource; live?: PriceSource };
  /** Where live results are kept; required in live and auto mode, never touched in snapshot mode. */
  cache?: PriceCache;
  /** Yahoo's remembered failures and 429 pauses; this process's memory unless given. */
  upstreamState?: UpstreamState;
  /** Who fetches a symbol when instances sharing the cache want it at once; none unless given. */
  fetchLock?: FetchLock;
  /** First back-off of a failing symbol in ms (default 30 s; 0 remembers no failure). */
  upstreamBackoffMs?: number;
  /** Runs one study job; the server gives its worker pool, so studies run off the event loop. */
  runStudyJob: (job: StudyJob, signal: AbortSignal) => Promise<StudyJobResult>;
  /** Bytes of computed studies kept in memory. */
  studyCacheBytes?: number;
  /** The clock: cache freshness, back-offs and fetch times read it, nothing else. */
  now: () => Date;
  /** The built app (dist/); without it non-API requests answer APP_NOT_BUILT. */
  staticDir?: string;
  cacheTtlMs?: number;
  log?: (line: string) => void;
}

const API_ROUTES = ['/api/health', '/api/symbols', '/api/prices', ...STUDY_ROUTES];
const JSON_TYPE = 'application/json';

/**
 * The Hono app of the price proxy: GET /api/health, /api/symbols, /api/prices, the study files, and
 * the built dashboard with a fallback to index.html. Security headers and a Cache-Control go on
 * every response; bodies are compressed (br/gzip) as the client accepts; answers resting on the
 * snapshot or the built app carry a strong ETag and answer If-None-Match with 304. Errors are
 * `{ error: { code, message } }` with the status chosen in server/error-response.ts.
 * @throws ConfigurationError when live or auto mode is asked for without a live source or a cache.
 * @example createApp({ mode: 'snapshot', sources: { snapshot }, runStudyJob: (job, signal) => pool.run(job, signal), now: () => new Date() })
 */
export function createApp(deps: AppDeps): Hono {
  if (deps.mode !== 'snapshot' && (!deps.sources.live || !deps.cache)) {
    throw new ConfigurationError(`PRICE_SOURCE=${deps.mode} needs a live price source and a cache, and ${deps.sources.live ? 'no cache' : 'no live source'} was given.`);
  }
  const log = deps.log ?? (() => undefined);
  const live =
    deps.mode === 'snapshot' || !deps.sources.live
      ? undefined
      : new CircuitBreaker(deps.sources.live, {
          state: deps.upstreamState ?? new MemoryUpstreamState(() => deps.now().getTime()),
          now: deps.now,
          log,
          backoffMs: deps.upstreamBackoffMs,
        });
  const service = new PriceService({
    mode: deps.mode,
    snapshot: deps.sources.snapshot,
    live,
    cache: deps.mode === 'snapshot' ? undefined : deps.cache,
    fetchLock: deps.fetchLock,
    now: deps.now,
    cacheTtlMs: deps.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS,
    log,
  });
  const staticFiles = deps.staticDir === undefined ? undefined : new StaticFiles(deps.staticDir);
  const versions = readVersions();
  const compressor = new Compressor();
  const app = new Hono();

  app.use('*', async (context, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) context.res.headers.set(name, value);
    if (!context.res.headers.has('Cache-Control')) context.res.headers.set('Cache-Control', NO_STORE);
  });

  app.use('/api/*', async (context, next) => {
    if (new URL(context.req.url).search.length > MAX_QUERY_LENGTH) {
      throw new InvalidRequestError('INVALID_QUERY', `The query string is longer than ${MAX_QUERY_LENGTH} characters.`);
    }
    await next();
  });

  app.get('/api/health', (context) => {
    const body: HealthResponse = { status: 'ok', mode: deps.mode, version: versions.app, node: versions.node, yahooFinance2: versions.yahooFinance2 };
    return context.json(body);
  });

  // The snapshot does not change while the server runs: one body, one ETag.
  let symbolsBody: Uint8Array | undefined;
  app.get('/api/symbols', async (context) => {
    symbolsBody ??= Buffer.from(JSON.stringify({ symbols: await deps.sources.snapshot.symbols() }));
    return entityResponse(context.req.raw, { body: symbolsBody, contentType: JSON_TYPE, cacheControl: REVALIDATE, etag: keptEtag(symbolsBody) }, compressor);
  });

  app.get('/api/prices', async (context) => {
    const prices = await service.prices(parsePricesQuery(context.req.queries()));
    const body = pricesResponseBody(prices);
    const entity = restsOnSnapshot(prices)
      ? { body, contentType: JSON_TYPE, cacheControl: REVALIDATE, etag: keptEtag(body) }
      : { body, contentType: JSON_TYPE, cacheControl: NO_STORE };
    return entityResponse(context.req.raw, entity, compressor);
  });

  const study = createStudyService({ prices: (query) => service.prices(query), now: deps.now, appVersion: versions.app, runJob: deps.runStudyJob, cacheBytes: deps.studyCacheBytes });
  registerStudyRoutes(app, study, compressor);

  app.all('/api/*', (context) => {
    if (API_ROUTES.includes(context.req.path)) throw new MethodNotAllowedError(context.req.method);
    throw new RouteNotFoundError(context.req.path);
  });
  app.all('/api', (context) => {
    throw new RouteNotFoundError(context.req.path);
  });

  // HEAD needs no special case: Hono answers HEAD with the GET response minus its body.
  app.get('*', async (context) => {
    if (!staticFiles) throw new AppNotBuiltError();
    return entityResponse(context.req.raw, await staticFiles.serve(context.req.path), compressor);
  });
  app.all('*', (context) => {
    throw new MethodNotAllowedError(context.req.method);
  });

  app.onError((error, context) => {
    const response = toErrorResponse(error);
    // Foreseen failures are explained by their message; anything else needs its stack.
    if (response.status === 500) log(`error: ${error instanceof ProxyError ? error.message : (error.stack ?? error.message)}`);
    for (const [name, value] of Object.entries(response.headers)) context.header(name, value);
    context.header('Cache-Control', NO_STORE);
    return context.json(response.body, response.status);
  });

  return app;
}
