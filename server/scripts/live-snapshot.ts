import type { PriceBar, SeriesProvenance } from '../../src/domain/price-api.ts';
import type { PriceSource } from '../sources/price-source.ts';
import { formatSnapshotCsv } from './snapshot-builder.ts';
import { SNAPSHOT_SERIES } from './snapshot-inputs.ts';
import { EXCHANGE_NAMES, type SeriesSpec } from './snapshot-spec.ts';

/** The command that writes a live snapshot, recorded in its manifest. */
export const REFRESH_BUILT_BY = 'npm run data:refresh';

/**
 * Yahoo's own symbol where the snapshot uses another name. TOPIX is an index Yahoo lists as
 * ^TOPX; if Yahoo stops serving it, the refresh reports that one series as failed.
 */
const YAHOO_SYMBOLS: Readonly<Record<string, string>> = { TOPIX: '^TOPX' };

/** Failure codes meaning Yahoo cannot be reached at all: trying the other symbols is pointless. */
const UNREACHABLE_CODES = new Set(['UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT']);

/** Yahoo cannot be reached, so nothing was written; the message (one line) says why. */
export class YahooUnreachableError extends Error {
  constructor(detail: string) {
    super(`${detail} Nothing was written; the offline snapshot in data/snapshot is unchanged.`);
    this.name = 'YahooUnreachableError';
  }
}

export interface LiveSeriesEntry {
  symbol: string;
  yahooSymbol: string;
  name: string;
  exchange: string;
  exchangeName: string;
  currency: string;
  exchangeTimezoneName: string;
  kind: 'equity' | 'index';
  benchmarks: string[];
  file: string;
  firstDate: string;
  lastDate: string;
  rows: number;
  provenance: SeriesProvenance & { currency: string; exchangeTimezoneName: string };
}

export interface LiveSnapshot {
  manifest: { builtAt: string; builtAtNote: string; builtBy: string; series: LiveSeriesEntry[] };
  files: Map<string, string>;
  failures: { symbol: string; message: string }[];
}

/**
 * Fetches the snapshot's series live (one at a time, to stay gentle with Yahoo) and lays them out
 * exactly like data/snapshot: the same CSV columns and a manifest whose provenance says
 * `yahoo-finance2 chart(), fetched <timestamp>`. A symbol Yahoo rejects is listed in `failures`
 * and left out; the other series are still returned.
 * @throws YahooUnreachableError as soon as Yahoo cannot be reached or times out.
 * @example await fetchLiveSnapshot({ source: new YahooPriceSource({ now }), from: '2021-02-02', to: '2025-03-31', now })
 */
export async function fetchLiveSnapshot(options: {
  source: PriceSource;
  from: string;
  to: string;
  now: () => Date;
  series?: readonly SeriesSpec[];
}): Promise<LiveSnapshot> {
  const files = new Map<string, string>();
  const entries: LiveSeriesEntry[] = [];
  const failures: LiveSnapshot['failures'] = [];
  for (const spec of options.series ?? SNAPSHOT_SERIES) {
    const yahooSymbol = YAHOO_SYMBOLS[spec.symbol] ?? spec.symbol;
    try {
      const fetched = await options.source.fetchSeries({ symbol: yahooSymbol, from: options.from, to: options.to });
      const first = fetched.bars[0];
      const last = fetched.bars.at(-1);
      if (!first || !last) throw new Error(`Yahoo sent no bars between ${options.from} and ${options.to}`);
      files.set(spec.file, formatSnapshotCsv(fetched.bars.map(barCells)));
      entries.push({
        symbol: spec.symbol,
        yahooSymbol,
        name: spec.name,
        exchange: spec.exchange,
        exchangeName: EXCHANGE_NAMES[spec.exchange].name,
        currency: fetched.currency,
        exchangeTimezoneName: fetched.exchangeTimezoneName,
        kind: spec.kind,
        benchmarks: spec.benchmarks,
        file: spec.file,
        firstDate: first.date,
        lastDate: last.date,
        rows: fetched.bars.length,
        provenance: {
          ...fetched.provenance,
          currency: fetched.currency,
          exchangeTimezoneName: fetched.exchangeTimezoneName,
          defects: [...fetched.provenance.defects, ...fetched.warnings],
        },
      });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const message = error instanceof Error ? error.message : String(error);
      if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) throw new YahooUnreachableError(message);
      failures.push({ symbol: spec.symbol, message });
    }
  }
  const builtAt = options.now().toISOString();
  const manifest = { builtAt, builtAtNote: 'Time of the live fetch.', builtBy: REFRESH_BUILT_BY, series: entries };
  files.set('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, files, failures };
}

function barCells(bar: PriceBar) {
  const cell = (value: number | null) => (value === null ? '' : String(value));
  return {
    date: bar.date,
    open: cell(bar.open),
    high: cell(bar.high),
    low: cell(bar.low),
    close: cell(bar.close),
    adjClose: cell(bar.adjClose),
    volume: cell(bar.volume),
  };
}
