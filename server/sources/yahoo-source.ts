import YahooFinance from 'yahoo-finance2';
import type { ChartResultArray } from 'yahoo-finance2/modules/chart';
import { addCalendarDays } from '../../src/domain/calendar.ts';
import { registeredExchangeOfYahoo } from '../../src/domain/exchanges.ts';
import type { SeriesProvenance } from '../../src/domain/price-api.ts';
import { ProxyError, UpstreamInvalidResponseError, UpstreamTimeoutError } from '../errors.ts';
import { chartBars } from './chart-bars.ts';
import type { FetchLike, PriceSource, SeriesRequest, SourceSeries } from './price-source.ts';
import { guardYahooFetch, untilAborted } from './yahoo-fetch.ts';

export const DEFAULT_UPSTREAM_TIMEOUT_MS = 8_000;
/** Yahoo throttles bursts; two requests at a time keeps a page of prices (at most 27 symbols) well below its limits. */
export const DEFAULT_UPSTREAM_CONCURRENCY = 2;

/**
 * The one warning not passed on. yahoo-finance2 3.x declares `engines: { node: ">=20.0.0" }`, but
 * its constructor also compares the running Node with its own minimum for 4.x (22.0.0) and warns
 * "Unsupported environment: Requires Node >= 22.0.0 … Things might break or work unexpectedly!"
 * on every start. On Node 20 the part this server calls (chart() through an injected fetch) is
 * proven by the recorded-fixture tests (tests/unit/server/yahoo-source.test.ts and
 * tests/reliability/); README § "yahoo-finance2 and Node 20" says why. Only that exact sentence
 * about Node is dropped: any other runtime or any other warning is logged.
 */
const NODE_20_RUNTIME_WARNING = /^\[yahoo-finance2\] Unsupported environment: Requires Node >= 22\.0\.0, found 20\.\d+\.\d+\. \(runtime=node, version=20\.\d+\.\d+\)\. Things might break or work unexpectedly!$/;

export interface YahooSourceOptions {
  /** Defaults to the global fetch; tests pass one that replays recorded Yahoo answers. */
  fetch?: FetchLike;
  /** Whole-call budget per symbol, queue wait included. */
  timeoutMs?: number;
  /** Concurrency of yahoo-finance2's request queue. */
  concurrency?: number;
  now: () => Date;
  log?: (line: string) => void;
}

/**
 * Live daily bars through yahoo-finance2 v3 `chart()` (interval 1d; never the deprecated
 * `historical()`). Each bar is dated on the exchange's own calendar from `meta.exchangeTimezoneName`.
 * Failures come out as the proxy's errors: UnknownSymbolError (Yahoo 404), UpstreamRateLimitedError
 * (429), UpstreamUnavailableError (5xx, network), UpstreamTimeoutError, UpstreamInvalidResponseError
 * (malformed body, wrong shape, no bars). It asks Yahoo on every call: remembering failures and
 * 429 pauses between calls is the circuit breaker's job (server/upstream/circuit-breaker.ts).
 * @example new YahooPriceSource({ now: () => new Date() }).fetchSeries({ symbol: '7011.T', from: '2024-10-28', to: '2024-11-08' })
 */
export class YahooPriceSource implements PriceSource {
  private readonly client: InstanceType<typeof YahooFinance>;
  private readonly fetchImpl: FetchLike;
  private readonly timeoutMs: number;
  private readonly now: () => Date;

  constructor(options: YahooSourceOptions) {
    const log = options.log ?? (() => undefined);
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
    this.now = options.now;
    const quiet = () => undefined;
    const forward = (...parts: unknown[]) => {
      const line = parts.map(String).join(' ');
      if (!NODE_20_RUNTIME_WARNING.test(line)) log(`yahoo-finance2: ${line}`);
    };
    this.client = new YahooFinance({
      versionCheck: false,
      queue: { concurrency: options.concurrency ?? DEFAULT_UPSTREAM_CONCURRENCY },
      // The proxy reports validation failures itself, as one line with the first problem.
      validation: { logErrors: false, logOptionsErrors: false },
      suppressNotices: ['yahooSurvey'],
      logger: { info: quiet, debug: quiet, dir: quiet, warn: forward, error: forward },
    });
  }

  async fetchSeries({ symbol, from, to }: SeriesRequest): Promise<SourceSeries> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new UpstreamTimeoutError(symbol, this.timeoutMs)), this.timeoutMs);
    try {
      const fetchGuarded = guardYahooFetch(this.fetchImpl, { symbol, signal: controller.signal, now: this.now });
      // A day of margin each side: a bar's UTC timestamp can sit on the previous or next UTC day.
      const options = { period1: addCalendarDays(from, -1), period2: addCalendarDays(to, 2), interval: '1d' as const };
      const chart = await untilAborted(this.client.chart(symbol, options, { fetch: fetchGuarded }), controller.signal);
      return this.toSeries(symbol, from, to, chart);
    } catch (error) {
      if (error instanceof ProxyError) throw error;
      throw new UpstreamInvalidResponseError(symbol, describeChartFailure(error));
    } finally {
      clearTimeout(timer);
    }
  }

  private toSeries(symbol: string, from: string, to: string, chart: ChartResultArray): SourceSeries {
    const { meta } = chart;
    if (meta.symbol.toUpperCase() !== symbol) {
      throw new UpstreamInvalidResponseError(symbol, `it describes ${JSON.stringify(meta.symbol)} instead`);
    }
    const { bars, warnings } = chartBars(symbol, chart.quotes, meta.exchangeTimezoneName, from, to);
    if (bars.length === 0) {
      throw new UpstreamInvalidResponseError(symbol, `it holds no daily bars between ${from} and ${to}`, 'UPSTREAM_NO_DATA');
    }
    const fetchedAt = this.now().toISOString();
    return {
      symbol,
      name: meta.longName ?? meta.shortName ?? symbol,
      // The registry's MIC for Yahoo's exchange code (never its display name, "NasdaqGS"); an exchange
      // the registry does not know keeps Yahoo's code, so the page can refuse the security by name.
      exchange: registeredExchangeOfYahoo(symbol, meta)?.code ?? meta.exchangeName,
      currency: meta.currency,
      exchangeTimezoneName: meta.exchangeTimezoneName,
      fetchedAt,
      provenance: yahooProvenance(symbol, from, to, fetchedAt),
      bars,
      warnings,
    };
  }
}

/**
 * CROSSCHECK.md of the shared data found Yahoo's Tokyo stock bars of these days wrong against
 * JPX's official closes; anyone fetching them live should know.
 */
const YAHOO_TOKYO_DEFECT_DAYS = ['2024-01-15', '2024-03-29'];

function yahooProvenance(symbol: string, from: string, to: string, fetchedAt: string): SeriesProvenance {
  const affected = symbol.endsWith('.T') ? YAHOO_TOKYO_DEFECT_DAYS.filter((day) => day >= from && day <= to) : [];
  return {
    source: `yahoo-finance2 chart(), fetched ${fetchedAt}`,
    adjustment: 'Open, High, Low and Close split-adjusted; AdjClose split- and dividend-adjusted by Yahoo as of the fetch',
    defects: affected.map((day) => `Yahoo's bar of ${day} for Tokyo stocks differs from the JPX official close (see the snapshot's cross-check).`),
    license: 'Yahoo Finance terms of use',
  };
}

function describeChartFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'FailedYahooValidationError') {
    const problems = (error as Error & { errors?: { instancePath?: string; message?: string }[] }).errors ?? [];
    const first = problems[0];
    return first ? `it does not match the chart format (${first.instancePath || '/'} ${first.message ?? ''})`.trimEnd() : 'it does not match the chart format';
  }
  const message = error instanceof Error ? error.message : String(error);
  return `it could not be read as a chart (${message.slice(0, 160)})`;
}
