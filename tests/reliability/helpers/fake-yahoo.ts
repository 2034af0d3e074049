/**
 * A fake Yahoo Finance on 127.0.0.1 (node:http) serving the chart API path yahoo-finance2 asks
 * for, `/v8/finance/chart/<symbol>`, with a fault chosen per test. chart() needs no cookie or
 * crumb in yahoo-finance2 3.x, so no other path is expected; any other path is answered 404
 * and recorded, so a test can show the server asked for nothing else.
 *
 * Chart bodies: 7011.T and 7013.T are the constructed Tokyo fixtures of tests/fixtures/yahoo
 * (real J-Quants prices in Yahoo's layout, see NOTE.md there). Every other symbol gets
 * MADE-UP TEST DATA: the 7011.T fixture relabelled with that symbol, only to have something
 * well-formed to serve; `setChart` installs any other made-up body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chartBody, TOKYO_FIXTURES } from '../../unit/server/helpers/yahoo-fake.ts';

/** How the fake answers a chart request: normally, or with one of the faults under test. */
export type Fault =
  | 'ok'
  | 'slow-headers'
  | 'slow-body'
  | 'rate-limited'
  | 'server-error'
  | 'truncated-json'
  | 'truncated-connection'
  | 'wrong-shape'
  | 'empty-chart'
  | 'nulls-in-quotes'
  | 'all-nulls'
  | 'connection-dropped'
  | 'not-found';

/** Retry-After that the rate-limited fault sends by default, in seconds (short: the server pauses that long). */
export const RETRY_AFTER_SECONDS = 1;

/** One request the fake received. */
export interface ChartRequest {
  /** Path and query as received. */
  url: string;
  /** The symbol from the path, or '' for a path that is not the chart API. */
  symbol: string;
}

/** The running fake, its recorded requests and its controls. */
export interface FakeYahoo {
  origin: string;
  /** Every request received, in order. */
  requests: ChartRequest[];
  /** Most chart requests open at the same time since the last reset. */
  peakInFlight: number;
  /** Chooses the fault for each symbol from now on (default: 'ok' for all). */
  setFault(choose: (symbol: string) => Fault): void;
  /** How long the slow faults keep the server waiting, and how long 'ok' answers take. */
  setDelays(delays: { slowMs?: number; answerMs?: number }): void;
  /** Retry-After of the rate-limited fault from now on, in seconds. */
  setRetryAfter(seconds: number): void;
  /** Serves this body (instead of the fixture) for `symbol`. */
  setChart(symbol: string, body: unknown): void;
  /** Forgets recorded requests and the peak, keeps faults and charts. */
  reset(): void;
  close(): Promise<void>;
}

interface ChartBody {
  chart: {
    result: [{ meta: Record<string, unknown>; timestamp?: number[]; indicators: { quote: [Record<string, (number | null)[]>]; adjclose?: [{ adjclose?: (number | null)[] }] } }];
    error: null;
  };
}

/**
 * Starts the fake on a free port of 127.0.0.1.
 * @example const yahoo = await startFakeYahoo(); yahoo.setFault(() => 'server-error')
 */
export async function startFakeYahoo(): Promise<FakeYahoo> {
  let choose: (symbol: string) => Fault = () => 'ok';
  let slowMs = 5_000;
  let answerMs = 0;
  let retryAfterSeconds = RETRY_AFTER_SECONDS;
  let inFlight = 0;
  const charts = new Map<string, unknown>();
  const fake: FakeYahoo = {
    origin: '',
    requests: [],
    peakInFlight: 0,
    setFault: (next) => (choose = next),
    setDelays: (delays) => {
      slowMs = delays.slowMs ?? slowMs;
      answerMs = delays.answerMs ?? answerMs;
    },
    setRetryAfter: (seconds) => (retryAfterSeconds = seconds),
    setChart: (symbol, body) => charts.set(symbol, body),
    reset: () => {
      fake.requests.length = 0;
      fake.peakInFlight = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '';
    const match = /^\/v8\/finance\/chart\/([^/?]+)\?/.exec(url);
    const symbol = match?.[1] ? decodeURIComponent(match[1]) : '';
    fake.requests.push({ url, symbol });
    if (!symbol) {
      sendJson(response, 404, { finance: { result: null, error: { code: 'Not Found', description: 'fake Yahoo: not a chart path' } } });
      return;
    }
    inFlight += 1;
    fake.peakInFlight = Math.max(fake.peakInFlight, inFlight);
    response.once('close', () => (inFlight -= 1));
    const body = charts.get(symbol) ?? defaultChart(symbol);
    void answer(request, response, choose(symbol), body, { slowMs, answerMs, retryAfterSeconds });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

async function answer(request: IncomingMessage, response: ServerResponse, fault: Fault, body: unknown, delays: { slowMs: number; answerMs: number; retryAfterSeconds: number }): Promise<void> {
  if (delays.answerMs > 0) await sleep(delays.answerMs);
  const text = JSON.stringify(body);
  switch (fault) {
    case 'ok':
      return sendJson(response, 200, body);
    case 'slow-headers':
      await sleep(delays.slowMs);
      if (!response.destroyed) sendJson(response, 200, body);
      return;
    case 'slow-body':
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      response.write(text.slice(0, 100));
      await sleep(delays.slowMs);
      if (!response.destroyed) response.end(text.slice(100));
      return;
    case 'rate-limited':
      response.writeHead(429, { 'Content-Type': 'text/plain', 'Retry-After': String(delays.retryAfterSeconds) });
      response.end('Too Many Requests\r\n');
      return;
    case 'server-error':
      response.writeHead(500, { 'Content-Type': 'text/html' });
      response.end('<html><body>Internal Server Error</body></html>');
      return;
    case 'truncated-json':
      // A complete HTTP message whose JSON stops half-way (what a cut-off proxy can deliver).
      return sendText(response, 200, text.slice(0, Math.floor(text.length / 2)));
    case 'truncated-connection':
      // Promises the whole body, sends half, then drops the connection.
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      response.write(text.slice(0, Math.floor(text.length / 2)), () => request.socket.destroy());
      return;
    case 'wrong-shape':
      return sendJson(response, 200, { chart: { result: [{ meta: { symbol: 'whatever' }, quotes: 'not an array' }], error: null } });
    case 'empty-chart':
      return sendJson(response, 200, emptyChart(body as ChartBody));
    case 'nulls-in-quotes':
      return sendJson(response, 200, withNulls(body as ChartBody));
    case 'all-nulls':
      return sendJson(response, 200, allNulls(body as ChartBody));
    case 'connection-dropped':
      request.socket.destroy();
      return;
    case 'not-found':
      return sendJson(response, 404, { chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } } });
  }
}

function defaultChart(symbol: string): ChartBody {
  const fixture = TOKYO_FIXTURES[symbol] ?? TOKYO_FIXTURES['7011.T'];
  const body = structuredClone(chartBody(fixture ?? '')) as ChartBody;
  body.chart.result[0].meta.symbol = symbol;
  return body;
}

/** Yahoo's answer for a range without trading: meta, no timestamps, empty indicator objects. */
function emptyChart(body: ChartBody): ChartBody {
  const copy = structuredClone(body);
  delete copy.chart.result[0].timestamp;
  copy.chart.result[0].indicators = { quote: [{}], adjclose: [{}] };
  return copy;
}

/**
 * NULLS_DAY_INDEX: a day with no value at all (Yahoo sends such rows for some closed days);
 * VOLUME_NULL_INDEX: a day with prices but no volume.
 */
export const NULLS_DAY_INDEX = 3;
export const VOLUME_NULL_INDEX = 6;

function withNulls(body: ChartBody): ChartBody {
  const copy = structuredClone(body);
  const [quote] = copy.chart.result[0].indicators.quote;
  for (const values of Object.values(quote)) values[NULLS_DAY_INDEX] = null;
  const adjclose = copy.chart.result[0].indicators.adjclose?.[0].adjclose;
  if (adjclose) adjclose[NULLS_DAY_INDEX] = null;
  if (quote.volume) quote.volume[VOLUME_NULL_INDEX] = null;
  return copy;
}

function allNulls(body: ChartBody): ChartBody {
  const copy = structuredClone(body);
  const [quote] = copy.chart.result[0].indicators.quote;
  for (const values of Object.values(quote)) values.fill(null);
  copy.chart.result[0].indicators.adjclose?.[0].adjclose?.fill(null);
  return copy;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendText(response, status, JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

/** Unref'd: a fault still waiting when the test ends must not keep the test process alive. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
