import { Hono } from 'hono';
import type { HealthResponse, SymbolsResponse } from '../src/domain/price-api.ts';
import { DiskCache } from './cache/disk-cache.ts';
import {
  AppNotBuiltError,
  ConfigurationError,
  InvalidRequestError,
  MethodNotAllowedError,
  ProxyError,
  RouteNotFoundError,
} from './errors.ts';
import { toErrorResponse } from './error-response.ts';
import { DEFAULT_CACHE_TTL_MS, PriceService, type PriceMode } from './price-service.ts';
import { pricesResponseBody } from './prices-json.ts';
import { MAX_QUERY_LENGTH, parsePricesQuery } from './request-validation.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import type { PriceSource } from './sources/price-source.ts';
import type { SnapshotSource } from './sources/snapshot-source.ts';
import { StaticFiles } from './static-files.ts';
import { registerStudyRoutes, STUDY_ROUTES } from './study-route.ts';
import { readVersions } from './versions.ts';

export interface AppDeps {
  mode: PriceMode;
  sources: { snapshot: SnapshotSource; live?: PriceSource };
  /** Folder of the live-result disk cache. */
  cacheDir: string;
  /** The clock: cache freshness and fetch times read it, nothing else. */
  now: () => Date;
  /** The built app (dist/); without it non-API requests answer APP_NOT_BUILT. */
  staticDir?: string;
  cacheTtlMs?: number;
  log?: (line: string) => void;
}

const API_ROUTES = ['/api/health', '/api/symbols', '/api/prices', ...STUDY_ROUTES];

/**
 * The Hono app of the price proxy: GET /api/health, /api/symbols, /api/prices, and the built
 * dashboard with a fallback to index.html. Security headers go on every response; errors are
 * `{ error: { code, message } }` with the status chosen in server/error-response.ts.
 * @throws ConfigurationError when live or auto mode is asked for without a live source.
 * @example createApp({ mode: 'snapshot', sources: { snapshot }, cacheDir: 'data/cache', now: () => new Date() })
 */
export function createApp(deps: AppDeps): Hono {
  if (deps.mode !== 'snapshot' && !deps.sources.live) {
    throw new ConfigurationError(`PRICE_SOURCE=${deps.mode} needs a live price source, and none was given.`);
  }
  const log = deps.log ?? (() => undefined);
  const service = new PriceService({
    mode: deps.mode,
    snapshot: deps.sources.snapshot,
    live: deps.sources.live,
    cache: new DiskCache(deps.cacheDir, log),
    now: deps.now,
    cacheTtlMs: deps.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS,
    log,
  });
  const staticFiles = deps.staticDir === undefined ? undefined : new StaticFiles(deps.staticDir);
  const versions = readVersions();
  const app = new Hono();

  app.use('*', async (context, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) context.res.headers.set(name, value);
    if (context.req.path.startsWith('/api')) context.res.headers.set('Cache-Control', 'no-store');
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

  app.get('/api/symbols', async (context) => {
    const body: SymbolsResponse = { symbols: await deps.sources.snapshot.symbols() };
    return context.json(body);
  });

  app.get('/api/prices', async (context) => {
    const body = pricesResponseBody(await service.prices(parsePricesQuery(context.req.queries())));
    return context.body(body, 200, { 'Content-Type': 'application/json' });
  });

  registerStudyRoutes(app, { prices: (query) => service.prices(query), now: deps.now, appVersion: versions.app });

  app.all('/api/*', (context) => {
    if (API_ROUTES.includes(context.req.path)) throw new MethodNotAllowedError(context.req.method);
    throw new RouteNotFoundError(context.req.path);
  });
  app.all('/api', (context) => {
    throw new RouteNotFoundError(context.req.path);
  });

  app.get('*', async (context) => {
    if (!staticFiles) throw new AppNotBuiltError();
    return staticFiles.serve(context.req.path);
  });
  app.all('*', (context) => {
    throw new MethodNotAllowedError(context.req.method);
  });

  app.onError((error, context) => {
    const response = toErrorResponse(error);
    // Foreseen failures are explained by their message; anything else needs its stack.
    if (response.status === 500) log(`error: ${error instanceof ProxyError ? error.message : (error.stack ?? error.message)}`);
    for (const [name, value] of Object.entries(response.headers)) context.header(name, value);
    return context.json(response.body, response.status);
  });

  return app;
}
