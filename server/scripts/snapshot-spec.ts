import type { RawLayout } from './raw-price-file.ts';

/**
 * The vocabulary of the snapshot's inputs: where a raw file comes from, how it is read, and what a
 * series of the snapshot is made of. The series themselves are in snapshot-inputs.ts (Japan and the
 * first US primes) and snapshot-inputs-global.ts (European, Korean and more US peers).
 */

/** One documented folder of the shared data: its provenance document, its raw copies and their licence note. */
export interface SharedDataSet {
  /** The document listing every commit and blob id, relative to the shared data folder. */
  provenanceFile: string;
  /** A tab-separated list of the copies (folder, full commit, upstream path, symbol), when the data set has one. */
  copyList?: string;
  /** Folder of the byte-for-byte copies, relative to the shared data folder. */
  rawRoot: string;
  /** The data set's licensing paragraph, condensed; the same for every series read from it. */
  license: string;
}

export interface UpstreamSource {
  dataSet: SharedDataSet;
  repository: string;
  commit: string;
  /** Commit date as the provenance document gives it; the newest one stamps the default builtAt. */
  commitDate: string;
  /** Folder under the data set's rawRoot holding this repository's copies (`owner+repository`). */
  rawFolder: string;
}

export interface RawInput {
  source: UpstreamSource;
  /** File name inside the source's raw folder. */
  file: string;
  /** Path of the file in the upstream repository at `source.commit`. */
  upstreamPath: string;
  /** Blob id (or its prefix) listed in the provenance document. */
  blobPrefix: string;
  layout: RawLayout;
}

/**
 * Another copy of the same series, whose daily close-to-close returns must agree with the
 * snapshot's AdjClose returns on every common day (the cross-checks of the provenance document).
 * The build fails on any other difference, and on a listed exception that is not one.
 */
export interface CrossCheckSpec {
  input: RawInput;
  /** The column of the other copy that is compared. */
  column: 'close' | 'adjClose';
  /** What that column holds, for the manifest (e.g. "raw traded prices, investing.com"). */
  holds: string;
  /** The unit the other copy rounds its prices to (0.01 for 2-decimal files); widens each day's tolerance by the rounding's largest effect. */
  roundedTo?: number;
  /** Days on which the returns are known to differ, and why (ex-dividend days of a raw series). */
  exceptions?: readonly { date: string; reason: string }[];
}

/** Rows a source writes for days without trading: Open, High and Low 0, Volume 0, the last close carried forward. */
export interface PlaceholderRows {
  from: string;
  to: string;
  /** Why there was no trading, and what dropping the rows means for the returns. */
  reason: string;
}

/** ISO 10383 market identifier codes of the exchanges whose calendars and closes the series follow. */
export type ExchangeCode = 'XTKS' | 'XNYS' | 'XLON' | 'XETR' | 'XPAR' | 'XMIL' | 'XSTO' | 'XKRX';

/** Name, time zone and quoting currency of each exchange. */
export const EXCHANGE_NAMES: Record<ExchangeCode, { name: string; timeZone: string; currency: string }> = {
  XTKS: { name: 'Tokyo Stock Exchange', timeZone: 'Asia/Tokyo', currency: 'JPY' },
  XNYS: { name: 'New York Stock Exchange', timeZone: 'America/New_York', currency: 'USD' },
  XLON: { name: 'London Stock Exchange', timeZone: 'Europe/London', currency: 'GBP' },
  XETR: { name: 'Xetra (Deutsche Börse)', timeZone: 'Europe/Berlin', currency: 'EUR' },
  XPAR: { name: 'Euronext Paris', timeZone: 'Europe/Paris', currency: 'EUR' },
  XMIL: { name: 'Euronext Milan (Borsa Italiana)', timeZone: 'Europe/Rome', currency: 'EUR' },
  XSTO: { name: 'Nasdaq Stockholm', timeZone: 'Europe/Stockholm', currency: 'SEK' },
  XKRX: { name: 'Korea Exchange', timeZone: 'Asia/Seoul', currency: 'KRW' },
};

/**
 * The benchmarks offered for an equity of each exchange, best first: its home index, then for
 * Europe the pan-European STOXX indices (EURO STOXX 50 only for euro-area shares, whose universe it is).
 */
export const EXCHANGE_BENCHMARKS: Record<ExchangeCode, string[]> = {
  XTKS: ['TOPIX', '^N225'],
  XNYS: ['^GSPC'],
  XLON: ['^FTSE', '^STOXX'],
  XETR: ['^GDAXI', '^STOXX50E', '^STOXX'],
  XPAR: ['^FCHI', '^STOXX50E', '^STOXX'],
  XMIL: ['FTSEMIB.MI', '^STOXX50E', '^STOXX'],
  XSTO: ['^OMX', '^STOXX'],
  XKRX: ['^KS11'],
};

export interface SeriesSpec {
  symbol: string;
  name: string;
  /** The exchange whose trading calendar and close the series follows (for an index: the one its values are taken at). */
  exchange: ExchangeCode;
  /** The prices' currency when it is not the exchange's (London quotes shares in pence: GBp). */
  currency?: string;
  kind: 'equity' | 'index';
  benchmarks: string[];
  /** Snapshot file name inside data/snapshot. */
  file: string;
  input: RawInput;
  /** Human-readable origin and why this source was chosen over the others. */
  source: string;
  adjustment: string;
  /** Defects known from the provenance documents; the builder adds the ones it finds in the rows. */
  knownDefects: string[];
  /** Same-security Yahoo file with a dividend-adjusted Adj Close, read to name the ex-dividend days. */
  dividendReference?: RawInput;
  /** J-Quants raw files also flag days that hit the daily price limit. */
  priceLimitFlags?: boolean;
  /** Placeholder rows of a trading suspension, dropped (never kept as zero returns). */
  placeholderRows?: PlaceholderRows;
  /**
   * Trading days of the exchange that the source lacks, and why. The build compares every series
   * with the other series of its exchange and refuses an unexplained or wrongly claimed gap.
   */
  missingDays?: { dates: readonly string[]; reason: string };
  crossChecks?: readonly CrossCheckSpec[];
}
