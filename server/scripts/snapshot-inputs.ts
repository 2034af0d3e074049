import type { RawLayout } from './raw-price-file.ts';
import { GLOBAL_US_SERIES, GLOBAL_SERIES } from './snapshot-inputs-global.ts';
import { EXCHANGE_BENCHMARKS, type RawInput, type SeriesSpec, type SharedDataSet, type UpstreamSource } from './snapshot-spec.ts';

/**
 * What goes into data/snapshot and where each number comes from. Every repository, commit, path
 * and blob prefix below is copied from /work/shared/data/PROVENANCE.md (sources A–F); the builder
 * refuses to run when PROVENANCE.md no longer lists them or a raw file's blob id differs. The
 * European, Korean and further US series come from /work/shared/data/global (snapshot-inputs-global.ts).
 */

/**
 * 2021-02-02 is the first J-Quants row that carries TradingValue (earlier rows have no stated
 * upstream and unadjusted volumes); it also leaves 250 trading days before 2024-09-27 for every
 * series that starts that early. 2025-03-31 closes the study period the project was given. The
 * global files reach further both ways, but every series keeps this one range, so the series of
 * the first case (and so every study of it) are unchanged and no series outlasts the others.
 */
export const SNAPSHOT_FROM = '2021-02-02';
export const SNAPSHOT_TO = '2025-03-31';

/** shared/data: Japanese and US prices (PROVENANCE.md, CROSSCHECK.md, raw/). */
const JAPAN_US_DATA: SharedDataSet = {
  provenanceFile: 'PROVENANCE.md',
  rawRoot: 'raw',
  license:
    'No licence: none of the six data repositories states one. The data belongs to Yahoo (Yahoo terms), ' +
    'JPX/J-Quants (J-Quants terms restrict redistribution) and the index owners (Nikkei, JPX, S&P). ' +
    'A fixture for research and testing, not a redistributable dataset, unless someone clears this (PROVENANCE.md).',
};

const MERIDA901: UpstreamSource = {
  dataSet: JAPAN_US_DATA,
  repository: 'merida901/csv-files',
  commit: '083f26814bef33d3a3feb6d0b0b6d2ed7474341a',
  commitDate: '2025-03-14',
  rawFolder: 'merida901+csv-files',
};
const KEROPPA88: UpstreamSource = {
  dataSet: JAPAN_US_DATA,
  repository: 'keroppa88/chart0',
  commit: 'b22d181e8cb6c7ae2403ba5dde013ea8fbf0b2ed',
  commitDate: '2026-02-06',
  rawFolder: 'keroppa88+chart0',
};
const YAMACCU: UpstreamSource = {
  dataSet: JAPAN_US_DATA,
  repository: 'yamaccu/marketdata',
  commit: '7e24c010a6fb884ebd57a4256d673b38dd22a326',
  commitDate: '2026-07-25',
  rawFolder: 'yamaccu+marketdata',
};
const NEGIN228: UpstreamSource = {
  dataSet: JAPAN_US_DATA,
  repository: 'Negin228/Stockhome',
  commit: 'cfa72f7b4451a93387fc930948ad26abc66b86a7',
  commitDate: '2025-09-08',
  rawFolder: 'Negin228+Stockhome',
};
const GUYDEKOWSKI: UpstreamSource = {
  dataSet: JAPAN_US_DATA,
  repository: 'guydekowski/market-lab',
  commit: '6a10f1b94830e174ee943263e11a5819ee5aac7b',
  commitDate: '2026-08-21',
  rawFolder: 'guydekowski+market-lab',
};

/** yfinance ≥ 0.2.5x CSV: three header lines (Price / Ticker / Date), the date in the Price column. */
const YFINANCE_MULTI: RawLayout = {
  headerLines: 3,
  date: 'Price',
  open: 'Open',
  high: 'High',
  low: 'Low',
  close: 'Close',
  adjClose: 'Adj Close',
  volume: 'Volume',
};
/** J-Quants AdjO/AdjH/AdjL/AdjC/AdjVo as keroppa88 writes them: split-adjusted, no dividend adjustment. */
const JQUANTS: RawLayout = { headerLines: 1, date: 'Date', open: 'Open', high: 'High', low: 'Low', close: 'Close', volume: 'Volume' };
const YFINANCE_PLAIN: RawLayout = { ...JQUANTS, adjClose: 'Adj Close' };
/** market-lab's collect.py (yfinance auto_adjust=True): adjusted OHLC, no raw close. */
const MARKET_LAB: RawLayout = { headerLines: 1, date: 'date', open: 'open', high: 'high', low: 'low', close: 'close', volume: 'volume' };

const TOKYO_BENCHMARKS = EXCHANGE_BENCHMARKS.XTKS;
const US_BENCHMARKS = EXCHANGE_BENCHMARKS.XNYS;

const JQUANTS_SOURCE =
  'J-Quants (JPX) daily bars recorded by keroppa88/chart0. Chosen over the Yahoo copies (merida901, muckhave) ' +
  "because its closes match the exchange's official ones on every day, while Yahoo's Tokyo stock bars of " +
  '2024-01-15 and 2024-03-29 are wrong (CROSSCHECK.md).';
const JQUANTS_ADJUSTMENT =
  'Split-adjusted, not dividend-adjusted (J-Quants AdjC): AdjClose = Close. Volume is split-adjusted.';
const JQUANTS_DIVIDEND_DEFECT =
  'AdjClose = Close is not dividend-adjusted, so the return of each ex-dividend day omits that dividend.';
const UNIDENTIFIED_DIVIDENDS =
  `${JQUANTS_DIVIDEND_DEFECT} The shared data holds no dividend-adjusted series of this stock, so its ex-dividend days are not ` +
  'identified here; under TSE T+2 settlement they fall one trading day before the last trading day of March and September ' +
  '(in 2024: 2024-03-28 and 2024-09-27).';

function jquantsStock(symbol: string, name: string, code: string, blobPrefix: string, extra: Partial<SeriesSpec> = {}): SeriesSpec {
  return {
    symbol,
    name,
    exchange: 'XTKS',
    kind: 'equity',
    benchmarks: TOKYO_BENCHMARKS,
    file: `${symbol}.csv`,
    input: { source: KEROPPA88, file: `${code}.csv`, upstreamPath: `data/${code}.csv`, blobPrefix, layout: JQUANTS },
    source: JQUANTS_SOURCE,
    adjustment: JQUANTS_ADJUSTMENT,
    knownDefects: [JQUANTS_DIVIDEND_DEFECT],
    priceLimitFlags: true,
    ...extra,
  };
}

function meridaReference(symbol: string, blobPrefix: string): RawInput {
  return { source: MERIDA901, file: `${symbol}.csv`, upstreamPath: `${symbol}.csv`, blobPrefix, layout: YFINANCE_MULTI };
}

function negin(symbol: string, name: string, blobPrefix: string): SeriesSpec {
  return {
    symbol,
    name,
    exchange: 'XNYS',
    kind: 'equity',
    benchmarks: US_BENCHMARKS,
    file: `${symbol}.csv`,
    input: { source: NEGIN228, file: `${symbol}.csv`, upstreamPath: `data/${symbol}.csv`, blobPrefix, layout: YFINANCE_MULTI },
    source:
      'Yahoo Finance via yfinance (auto_adjust=False), recorded by Negin228/Stockhome. The only source of this symbol in the shared data.',
    adjustment:
      "Open, High, Low, Close are traded prices (split-adjusted by Yahoo); AdjClose is Yahoo's split- and dividend-adjusted close as of the download (about 2025-09-08).",
    knownDefects: [
      'Coverage starts 2023-09-11, the first row of the only source, so 2023-01-04..2023-09-08 is missing and fewer than 300 trading days precede the November 2024 events.',
    ],
  };
}

/** `levelExample` compares one adjusted close with the traded close of the same day (CROSSCHECK.md event table). */
function marketLab(symbol: string, name: string, file: string, blobPrefix: string, kind: 'equity' | 'index', levelExample = ''): SeriesSpec {
  return {
    symbol,
    name,
    exchange: 'XNYS',
    kind,
    benchmarks: kind === 'equity' ? US_BENCHMARKS : [],
    file,
    input: { source: GUYDEKOWSKI, file, upstreamPath: `data/${file}`, blobPrefix, layout: MARKET_LAB },
    source:
      'Yahoo Finance via yfinance (auto_adjust=True), recorded by guydekowski/market-lab. Chosen because it covers the whole period; ' +
      (kind === 'equity'
        ? "its daily returns equal Negin228/Stockhome's AdjClose returns on all 389 common days (CROSSCHECK.md), which start only 2023-09-11."
        : "it equals keroppa88's S&P 500 file on all 154 common days (CROSSCHECK.md), which starts only 2024-08-12 and misses 12 NYSE days."),
    adjustment:
      kind === 'equity'
        ? 'Open, High, Low, Close are split- and dividend-adjusted by Yahoo as of the download (2026-06..08); there is no traded close, so AdjClose = Close.'
        : 'Price index (no dividends); AdjClose = Close.',
    knownDefects:
      kind === 'equity'
        ? [`Price levels are Yahoo's dividend-adjusted values, not traded prices (${levelExample}); returns are total returns.`]
        : [],
  };
}

/** The snapshot's series, in the order the manifest lists them: each exchange's securities, then its indices. */
export const SNAPSHOT_SERIES: readonly SeriesSpec[] = [
  jquantsStock('7011.T', 'Mitsubishi Heavy Industries', '7011', '142b93af', {
    adjustment: `${JQUANTS_ADJUSTMENT} The 10:1 split effective 2024-04-01 is applied to all earlier rows.`,
    dividendReference: meridaReference('7011.T', '8997113b'),
  }),
  jquantsStock('7013.T', 'IHI Corporation', '7013', 'b38728bd', {
    adjustment:
      `${JQUANTS_ADJUSTMENT} Prices are on the post-split scale of IHI's 1-to-7 split applied after 2025-03: ` +
      'every level is the traded yen price ÷ 7 (2024-11-06: 1325.7 here, 9280 traded). Returns are the same as on the traded scale.',
    knownDefects: [
      JQUANTS_DIVIDEND_DEFECT,
      'Levels are the ÷7 prices rounded by J-Quants to 0.1 yen, so a daily return can differ from the traded prices’ return in the fifth decimal (2024-11-06: 1325.7/1111.4 − 1 = 19.2820% here, 9280/7780 − 1 = 19.2802% traded).',
    ],
    dividendReference: meridaReference('7013.T', '7c41e2a6'),
  }),
  jquantsStock('7012.T', 'Kawasaki Heavy Industries', '7012', 'c66e8657', {
    dividendReference: meridaReference('7012.T', 'fa43a7bc'),
  }),
  jquantsStock('6503.T', 'Mitsubishi Electric', '6503', '435ad1ab', {
    knownDefects: [UNIDENTIFIED_DIVIDENDS],
  }),
  jquantsStock('6701.T', 'NEC', '6701', '8639e436', {
    knownDefects: [UNIDENTIFIED_DIVIDENDS],
  }),
  {
    symbol: '7721.T',
    name: 'Tokyo Keiki',
    exchange: 'XTKS',
    kind: 'equity',
    benchmarks: TOKYO_BENCHMARKS,
    file: '7721.T.csv',
    input: meridaReference('7721.T', '2ad7da73'),
    source: 'Yahoo Finance via yfinance (auto_adjust=False), recorded by merida901/csv-files. The only source of this stock in the shared data.',
    adjustment:
      "Open, High, Low, Close split-adjusted by Yahoo; AdjClose is Yahoo's split- and dividend-adjusted close as of the download (about 2025-03-14).",
    knownDefects: [
      'Ends 2024-12-24 (the last row of the only source): 2024-12-25..2025-03-31 is missing.',
      "2024-01-15 and 2024-03-29: Yahoo's bars of these days are wrong for every other Tokyo stock in the same download (CROSSCHECK.md); with no second source for 7721.T they are unverified and probably wrong here too.",
    ],
  },
  {
    symbol: '^N225',
    name: 'Nikkei 225',
    exchange: 'XTKS',
    kind: 'index',
    benchmarks: [],
    file: 'N225.csv',
    input: { source: YAMACCU, file: 'nikkei225.csv', upstreamPath: 'data/nikkei225.csv', blobPrefix: '27a2b3f6', layout: YFINANCE_PLAIN },
    source:
      'Yahoo Finance ^N225 via yfinance (auto_adjust=False), recorded by yamaccu/marketdata. Chosen because its upstream is stated and it is complete on the JPX calendar; ' +
      "it equals keroppa88's 2-decimal Nikkei values on all 548 checked days (CROSSCHECK.md).",
    adjustment: 'Price index (no dividends); AdjClose = Close.',
    knownDefects: [
      "Values carry Yahoo's single-precision artefacts (2024-11-06: 39480.671875 for the published 39,480.67); they round to the published values and move a daily return by less than 1e-7.",
    ],
  },
  {
    symbol: 'TOPIX',
    name: 'TOPIX',
    exchange: 'XTKS',
    kind: 'index',
    benchmarks: [],
    file: 'TOPIX.csv',
    input: { source: KEROPPA88, file: '000.csv', upstreamPath: 'data/000.csv', blobPrefix: 'c38bb619', layout: JQUANTS },
    source:
      'TOPIX index values recorded by keroppa88/chart0 (data/000.csv). The only TOPIX index series in the shared data; preferred to the 1306.T ETF, whose returns differ on its ex-dividend days (CROSSCHECK.md).',
    adjustment: 'Price index (no dividends); AdjClose = Close. No volume.',
    knownDefects: ['The upstream of the index values is not stated by the repository.'],
  },
  marketLab('LMT', 'Lockheed Martin', 'LMT.csv', 'd8c55303', 'equity', '2024-11-06: 526.44 here, 551.82 traded'),
  marketLab('RTX', 'RTX', 'RTX.csv', '77c6c32b', 'equity', '2024-11-06: 117.85 here, 121.59 traded'),
  negin('NOC', 'Northrop Grumman', '3fb2ca85'),
  negin('GD', 'General Dynamics', '35edffd8'),
  ...GLOBAL_US_SERIES,
  marketLab('^GSPC', 'S&P 500', 'GSPC.csv', '1f8e15b0', 'index'),
  ...GLOBAL_SERIES,
];
