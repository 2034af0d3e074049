/**
 * The network boundary of the component tests: a fetch stub answering /api/health, /api/symbols
 * and /api/prices from the REAL offline snapshot in data/snapshot (manifest.json and the CSVs),
 * in the wire format of src/domain/price-api.ts. No number here is made up.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PriceBar, PriceSeries, PricesResponse, SymbolInfo, SymbolsResponse } from '../../../../src/domain/price-api.ts';

const SNAPSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data/snapshot');

interface ManifestSeries {
  symbol: string;
  name: string;
  exchange: string;
  currency: string;
  exchangeTimezoneName: string;
  kind: 'equity' | 'index' | 'etf';
  benchmarks: string[];
  file: string;
  firstDate: string;
  lastDate: string;
  rows: number;
  gaps: SymbolInfo['gaps'];
  provenance: PriceSeries['provenance'];
}

interface Manifest {
  builtAt: string;
  series: ManifestSeries[];
}

export const manifest: Manifest = JSON.parse(readFileSync(path.join(SNAPSHOT_DIR, 'manifest.json'), 'utf8')) as Manifest;

const barCache = new Map<string, PriceBar[]>();

/** Every bar of a snapshot series, read from its CSV (empty cell = null). */
export function snapshotBars(symbol: string): PriceBar[] {
  const entry = manifest.series.find((series) => series.symbol === symbol);
  if (!entry) throw new Error(`${symbol} is not in the snapshot`);
  const cached = barCache.get(symbol);
  if (cached) return cached;
  const [header, ...lines] = readFileSync(path.join(SNAPSHOT_DIR, entry.file), 'utf8').trim().split(/\r?\n/);
  if (header !== 'Date,Open,High,Low,Close,AdjClose,Volume') throw new Error(`unexpected header in ${entry.file}: ${header}`);
  const cell = (text: string | undefined) => (text === undefined || text === '' ? null : Number(text));
  const bars = lines.map((line) => {
    const [date = '', open, high, low, close, adjClose, volume] = line.split(',');
    return { date, open: cell(open), high: cell(high), low: cell(low), close: cell(close), adjClose: cell(adjClose), volume: cell(volume) };
  });
  barCache.set(symbol, bars);
  return bars;
}

/** A /api/prices answer from the snapshot, as the server builds it in snapshot mode. */
export function snapshotPrices(symbols: readonly string[], from: string, to: string): PricesResponse {
  return {
    mode: 'snapshot',
    from,
    to,
    series: symbols.map((symbol) => {
      const entry = manifest.series.find((series) => series.symbol === symbol);
      if (!entry) throw new Error(`${symbol} is not in the snapshot`);
      return {
        symbol,
        name: entry.name,
        exchange: entry.exchange,
        currency: entry.currency,
        exchangeTimezoneName: entry.exchangeTimezoneName,
        source: 'snapshot',
        stale: false,
        fetchedAt: manifest.builtAt,
        provenance: entry.provenance,
        bars: snapshotBars(symbol).filter((bar) => bar.date >= from && bar.date <= to),
      };
    }),
    warnings: [],
    failures: [],
  };
}

export function snapshotSymbols(): SymbolsResponse {
  return {
    symbols: manifest.series.map(({ symbol, name, exchange, exchangeTimezoneName, currency, kind, benchmarks, firstDate, lastDate, rows, gaps }) => ({
      symbol,
      name,
      exchange,
      exchangeTimezoneName,
      currency,
      kind,
      benchmarks,
      firstDate,
      lastDate,
      rows,
      gaps,
    })),
  };
}

export type Handler = (url: URL) => Response | Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/**
 * A fetch stub with the snapshot behind it. `override` lets a test replace one route's answer
 * (an error, a pending promise); `requests` records every URL asked for.
 */
export function createApiStub(mode: 'snapshot' | 'live' | 'auto' = 'snapshot') {
  const overrides = new Map<string, Handler>();
  const requests: URL[] = [];
  const routes: Record<string, Handler> = {
    '/api/health': () => json({ status: 'ok', mode, version: '0.1.0', node: 'v20.19.0', yahooFinance2: '3.15.4' }),
    '/api/symbols': () => json(snapshotSymbols()),
    '/api/prices': (url) => {
      const symbols = (url.searchParams.get('symbols') ?? '').split(',');
      const unknown = symbols.find((symbol) => !manifest.series.some((series) => series.symbol === symbol));
      if (unknown) return json({ error: { code: 'UNKNOWN_SYMBOL', message: `${unknown} is not in the offline snapshot.` } }, 404);
      return json(snapshotPrices(symbols, url.searchParams.get('from') ?? '', url.searchParams.get('to') ?? ''));
    },
  };
  const fetchStub = async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://kabuto.test');
    requests.push(url);
    const handler = overrides.get(url.pathname) ?? routes[url.pathname];
    if (!handler) return json({ error: { code: 'NOT_FOUND', message: `no route ${url.pathname}` } }, 404);
    return handler(url);
  };
  return {
    fetch: fetchStub as typeof fetch,
    requests,
    override: (pathname: string, handler: Handler) => overrides.set(pathname, handler),
    restore: (pathname: string) => overrides.delete(pathname),
  };
}
