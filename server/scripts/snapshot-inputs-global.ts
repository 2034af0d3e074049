import type { RawLayout } from './raw-price-file.ts';
import { EXCHANGE_BENCHMARKS, type CrossCheckSpec, type ExchangeCode, type RawInput, type SeriesSpec, type SharedDataSet, type UpstreamSource } from './snapshot-spec.ts';

/**
 * The European, Korean and further US series of the snapshot, from /work/shared/data/global. Every
 * repository, commit, path and blob id below is copied from its PROVENANCE.md (§1) and manifest.tsv;
 * the sources chosen and the cross-checks follow its §2–§4.
 */

const GLOBAL_DATA: SharedDataSet = {
  provenanceFile: 'global/PROVENANCE.md',
  copyList: 'global/manifest.tsv',
  rawRoot: 'global/raw',
  license:
    'No licence: none of the global data repositories states one. The data belongs to the exchanges, the index owners ' +
    '(FTSE Russell, Deutsche Börse, Euronext, Nasdaq, KRX, STOXX) and Yahoo (Yahoo terms). A fixture for research and testing, ' +
    'not a redistributable dataset, unless someone clears this (global/PROVENANCE.md).',
};

function upstream(repository: string, commit: string, commitDate: string): UpstreamSource {
  return { dataSet: GLOBAL_DATA, repository, commit, commitDate, rawFolder: repository.replace('/', '+') };
}

const ALITALBI = upstream('alitalbi/storage_data_fy', '941406838f8b8a613f95450e8df70f806c1de58a', '2026-02-23');
const TAPI262 = upstream('tapi262/portfolio_opt', '5949e4c354c93641bffcb7e9042c88e54f8ef78a', '2025-06-16');
const ASFOLCINI = upstream('asfolcini/QStudio', '9823c6eb59dcc5d8ad35027938a1cec2b8e7a8bd', '2026-04-22');
const SBAMPATOMAR = upstream('Sbampatomar/market_simulator', 'ab6dc55d727b11d579724c497aaed56408f2f1f8', '2025-08-15');
const CORRCHECK = upstream('vincent-adam-frm/corrcheck-data', '1037ecdc4205131417ad72178267a274a1df29e8', '2026-08-18');
const KISSM1985 = upstream('kissm1985/Finance-automation', '4ffd9e8908419602fd2f756f89aedf3ae4ee98fc', '2025-07-22');
const KNIGHT_PETERSON = upstream('Knight-Peterson-world/stan-stock-analyser', '42b2106bff6cfcd9b9d7384330c762830d08ef32', '2026-03-15');
const REDART71 = upstream('Redart71/trading-agent', '4a337900d33c306092da4f299e21c02050f85e19', '2025-05-13');
const MYOXSIS = upstream('Myoxsis/Tiktok_Stock_Maker', '0f7973127513001537e61b4dacd009759e009b3d', '2025-10-22');
const AARONKANARON = upstream('AaronKanaron/ai-stock-prediction-technical-indicators', '245083e94dcf82b6b2382bc105c4e60f934700a4', '2025-10-05');
const PALHAGEN99 = upstream('Palhagen99/Scalable_Machine_learning_Project', 'a4f02449e08be9317d1d72faee75700d58b4795c', '2024-12-19');
const DO0405 = upstream('do0405/invest-KR', '21deedb604129d000b81c25f5ac8611e3d7caa8e', '2025-06-18');
const GYUCHANG1 = upstream('gyuchang1/stock_anal', '24f9ccb9159124bf598a064f292ad03e06b1066a', '2026-05-30');
const WALNUTBROWN = upstream('Walnutbrown/margin_call', '1357edc1a27c803c73e913132811bd6cc5551576', '2025-05-25');
const DIEPERDEV = upstream('dieperdev/yfinance-stock-data', 'a342efb774eb9ba994d553f735372ec04e944063', '2024-10-19');

/** Date, Open, High, Low, Close, Volume by name (yfinance without Adj Close, FinanceDataReader); column order varies. */
const OHLCV: RawLayout = { headerLines: 1, date: 'Date', open: 'Open', high: 'High', low: 'Low', close: 'Close', volume: 'Volume' };
/** yfinance ≥ 0.2.5x CSV: three header lines (Price / Ticker / Date), the date in the Price column. */
const YFINANCE_THREE_LINES: RawLayout = { ...OHLCV, headerLines: 3, date: 'Price' };
/** A pandas index written with its time and offset: midnight of the exchange's own day. */
const PANDAS_TIMESTAMPS: RawLayout = { ...OHLCV, dateFormat: 'iso-midnight' };
/** yf.download with auto_adjust=False: traded Close and Yahoo's Adj Close. */
const YFINANCE_ADJ_CLOSE: RawLayout = { ...OHLCV, adjClose: 'Adj Close' };
const DATE_CLOSE: RawLayout = { headerLines: 1, date: 'Date', close: 'Close' };
/** investing.com export: quoted cells, MM/DD/YYYY, newest first, "1,835.500" prices, "207.21K" volumes (not read). */
const INVESTING_COM: RawLayout = {
  headerLines: 1,
  date: 'Date',
  dateFormat: 'month-day-year',
  newestFirst: true,
  thousandsSeparators: true,
  open: 'Open',
  high: 'High',
  low: 'Low',
  close: 'Price',
};
/** pykrx export with KRX's Korean column names: 날짜 date, 시가 open, 고가 high, 저가 low, 종가 close, 거래량 volume. */
const KRX_KOREAN: RawLayout = { headerLines: 1, date: '날짜', open: '시가', high: '고가', low: '저가', close: '종가', volume: '거래량' };
/** KOSPI with KRX credit statistics, newest first; its Volume is in unstated units, so it is not read. */
const KOSPI_STATISTICS: RawLayout = { headerLines: 1, date: 'Date', newestFirst: true, close: 'KOSPI_index' };

function raw(source: UpstreamSource, path: string, blob: string, layout: RawLayout): RawInput {
  return { source, file: path, upstreamPath: path, blobPrefix: blob, layout };
}

const INDEX_ADJUSTMENT = 'Price index (no dividends); AdjClose = Close.';
const SINGLE_SOURCE = 'Single source: global/PROVENANCE.md found no second copy to cross-check it against (§4).';

function yahooCloseOnly(downloaded: string, levelExample = ''): string {
  return (
    `Close is Yahoo's split- and dividend-adjusted close as of the download (about ${downloaded}); the file has only Date and Close, ` +
    `so AdjClose = Close, returns are total returns and levels are below traded prices by the dividends paid since${levelExample ? ` (${levelExample})` : ''}.`
  );
}

function yahooAdjustedBars(downloaded: string, levelExample = ''): string {
  return (
    `Open, High, Low, Close are split- and dividend-adjusted by Yahoo as of the download (about ${downloaded}); there is no traded close, ` +
    `so AdjClose = Close and returns are total returns${levelExample ? ` (${levelExample})` : ''}.`
  );
}

const KRX_ADJUSTMENT =
  'KRX-adjusted prices (수정주가) as pykrx and FinanceDataReader deliver them: adjusted for capital changes such as splits, rights issues ' +
  'and demergers, so levels need not be tick prices; AdjClose = Close.';
const KRX_DIVIDEND_DEFECT =
  "KRX's adjusted prices do not take out cash dividends, so the return of an ex-dividend day omits its dividend; those days are not identified here.";

function equity(symbol: string, name: string, exchange: ExchangeCode, spec: Omit<SeriesSpec, 'symbol' | 'name' | 'exchange' | 'kind' | 'benchmarks' | 'file'>): SeriesSpec {
  return { symbol, name, exchange, kind: 'equity', benchmarks: EXCHANGE_BENCHMARKS[exchange], file: `${symbol}.csv`, ...spec };
}

type IndexSpec = Omit<SeriesSpec, 'symbol' | 'name' | 'exchange' | 'kind' | 'benchmarks' | 'file' | 'adjustment'> & { adjustment?: string };

function index(symbol: string, name: string, exchange: ExchangeCode, spec: IndexSpec): SeriesSpec {
  return { symbol, name, exchange, kind: 'index', benchmarks: [], file: `${symbol.replace(/^\^/, '')}.csv`, adjustment: INDEX_ADJUSTMENT, ...spec };
}

function sameYahooSeries(input: RawInput, column: CrossCheckSpec['column'] = 'close'): CrossCheckSpec {
  return { input, column, holds: `another Yahoo download of the same series (${input.source.repository})` };
}

/** Yahoo's STOXX series lack these Xetra trading days, Swiss exchange holidays (global/PROVENANCE.md §1 names those of 2023–2025). */
const STOXX_MISSING_DAYS = {
  dates: [
    '2021-05-13', '2022-05-26', '2022-06-06', '2022-08-01', '2023-01-02', '2023-05-18', '2023-05-29',
    '2023-08-01', '2024-01-02', '2024-05-09', '2024-05-20', '2024-08-01', '2025-01-02',
  ],
  reason:
    "Yahoo has no value: a Swiss exchange holiday on which Xetra traded and STOXX calculated its indices (global/PROVENANCE.md), so it is a gap in Yahoo's copy, not a STOXX closure",
};

const STOXX_EXCHANGE_NOTE =
  'Exchange XETR: a pan-European index has no home exchange; its values here fall on Xetra trading days only (every one of them but the Swiss holidays below), ' +
  "so Xetra's calendar and Frankfurt's clock (STOXX publishes in CET) place it.";

/** Korean peers: KRX prices via FinanceDataReader (gyuchang1), cross-checked against pykrx (do0405), which starts only 2023-12-05. */
function krxStock(code: string, name: string, blob: string, crossCheckBlob: string, extra: Partial<SeriesSpec> = {}): SeriesSpec {
  return equity(`${code}.KS`, name, 'XKRX', {
    input: raw(GYUCHANG1, `stock_data/${code}.csv`, blob, OHLCV),
    source:
      'KRX daily prices via FinanceDataReader, recorded by gyuchang1/stock_anal. Chosen because it covers the whole period; do0405/invest-KR ' +
      "(pykrx, Korean column names), which starts only 2023-12-05, has the same closes on every common day and is read as a cross-check.",
    adjustment: KRX_ADJUSTMENT,
    knownDefects: [KRX_DIVIDEND_DEFECT],
    crossChecks: [{ input: raw(DO0405, `data/${code}.csv`, crossCheckBlob, KRX_KOREAN), column: 'close', holds: 'KRX prices via pykrx (do0405/invest-KR)' }],
    ...extra,
  });
}

const DIEPERDEV_NOTE = "dieperdev/yfinance-stock-data's Adj Close (to 2024-03-08) is read as a cross-check.";

function corrcheckNewYork(symbol: string, name: string, blob: string, crossCheckBlob: string): SeriesSpec {
  return equity(symbol, name, 'XNYS', {
    input: raw(CORRCHECK, `prices/${symbol}.csv`, blob, DATE_CLOSE),
    source: `Yahoo Finance ${symbol} close, recorded by vincent-adam-frm/corrcheck-data: the only copy reaching 2025-03-31. ${DIEPERDEV_NOTE}`,
    adjustment: yahooCloseOnly('2026-08-18'),
    knownDefects: [],
    crossChecks: [sameYahooSeries(raw(DIEPERDEV, `data/${symbol}.csv`, crossCheckBlob, YFINANCE_ADJ_CLOSE), 'adjClose')],
  });
}

/** The further New York primes, listed in the manifest before the S&P 500. */
export const GLOBAL_US_SERIES: readonly SeriesSpec[] = [
  corrcheckNewYork('LHX', 'L3Harris Technologies', '532813a4deba4e47093785092de0ea9d6d38ef1e', 'cae6fb2b9d45afdbc8a22b5e0740069637ba09cb'),
  corrcheckNewYork('LDOS', 'Leidos', '89196e625433ef383672e8da97203557f064342b', '9f4ede4cf245b2021d219a1d837bbcc85d7f3279'),
  equity('BA', 'Boeing', 'XNYS', {
    input: raw(MYOXSIS, 'data/BA.csv', '46879ba3d1adf3356555f5c99fd0b64f37b8014f', DATE_CLOSE),
    source: `Yahoo Finance BA close (file columns Date, Close, Dividend), recorded by Myoxsis/Tiktok_Stock_Maker: the only copy reaching 2025-03-31. ${DIEPERDEV_NOTE}`,
    adjustment: yahooCloseOnly('2025-10-22'),
    knownDefects: ['Closes are rounded to 6 decimals by the source (a return changes by less than 1e-8).'],
    crossChecks: [sameYahooSeries(raw(DIEPERDEV, 'data/BA.csv', '35dc1785f552839058c39639c91fb8e6b9342ac0', YFINANCE_ADJ_CLOSE), 'adjClose')],
  }),
];

/** Europe, then Korea, then the pan-European indices: each exchange's securities, then its index. */
export const GLOBAL_SERIES: readonly SeriesSpec[] = [
  equity('BA.L', 'BAE Systems', 'XLON', {
    currency: 'GBp',
    input: raw(CORRCHECK, 'prices/BA.L.csv', '7547e6447c2e11a3385f283028220f067adf1138', DATE_CLOSE),
    source:
      'Yahoo Finance BA.L close, recorded by vincent-adam-frm/corrcheck-data: the only copy that could be fetched (global/PROVENANCE.md §4). ' +
      "Its returns of 2024-11-04..08 equal the raw London closes of magiccpp/price_data (read in a search index only, not copied) to < 0.0001 pp.",
    adjustment: `Prices in pence (GBp), as London quotes shares. ${yahooCloseOnly('2026-08-18', '2024-11-06: 1342.60 here, 1343.0 traded')}`,
    knownDefects: [SINGLE_SOURCE],
  }),
  index('^FTSE', 'FTSE 100', 'XLON', {
    input: raw(ALITALBI, '^FTSE.csv', '9dee150a56555e0db651c869b08f350ef6cb54d2', OHLCV),
    source:
      'Yahoo Finance ^FTSE via yf.download, recorded by alitalbi/storage_data_fy, one download with the DAX, CAC 40 and STOXX files; ' +
      "tapi262/portfolio_opt's copy (three-line yfinance header) has the same values and is read as a cross-check.",
    knownDefects: [
      "Open equals the previous row's Close on almost every row (a Yahoo ^FTSE quirk, in both copies; global/PROVENANCE.md): Open is not the index's opening level.",
    ],
    crossChecks: [sameYahooSeries(raw(TAPI262, 'data/^FTSE.csv', 'a83a9a183b93a1df66b62d24dade3a63b0b6341e', YFINANCE_THREE_LINES))],
  }),
  equity('RHM.DE', 'Rheinmetall', 'XETR', {
    input: raw(CORRCHECK, 'prices/RHM.DE.csv', 'cb52617934f9a6feb690c1eae322c0bc63eeeb6e', DATE_CLOSE),
    source:
      'Yahoo Finance RHM.DE close, recorded by vincent-adam-frm/corrcheck-data. Chosen over the investing.com export (kissm1985/Finance-automation) ' +
      'because it is dividend-adjusted like the other peers and like Yahoo in live mode; that export, the only independent vendor among the peers, is read as a cross-check.',
    adjustment: yahooCloseOnly('2026-08-18', '2024-11-06: 488.42 here, 495.80 traded per investing.com'),
    knownDefects: [],
    crossChecks: [
      {
        input: raw(KISSM1985, 'data/RHM.csv', '1217b38b1d7fe9efd37c01be7b1852a24a906112', INVESTING_COM),
        column: 'close',
        holds: 'raw traded prices from investing.com (kissm1985/Finance-automation)',
        roundedTo: 0.001,
        exceptions: ['2021-05-12', '2022-05-11', '2023-05-10', '2024-05-15'].map((date) => ({
          date,
          reason: "ex-dividend day: the raw price's return omits the dividend that the adjusted return includes",
        })),
      },
    ],
  }),
  index('^GDAXI', 'DAX', 'XETR', {
    input: raw(ALITALBI, '^GDAXI.csv', 'd46f25c023414a19c210b06bc62646e7fbdefaad', OHLCV),
    source:
      "Yahoo Finance ^GDAXI via yf.download, recorded by alitalbi/storage_data_fy; asfolcini/QStudio's copy has the same values and is read as a cross-check.",
    adjustment:
      'Performance index: the DAX reinvests dividends by construction, so its returns include them (unlike the other price indices here); AdjClose = Close.',
    knownDefects: [],
    crossChecks: [sameYahooSeries(raw(ASFOLCINI, 'data/^GDAXI.csv', '768d2f1618e3cab440f4169935ed127bac7d533c', OHLCV))],
  }),
  equity('LDO.MI', 'Leonardo', 'XMIL', {
    input: raw(ASFOLCINI, 'data/LDO.MI.csv', '1a291690e71389a4659f114c3723f08d4e5c4a57', OHLCV),
    source:
      'Yahoo Finance LDO.MI via yfinance Ticker.history, recorded by asfolcini/QStudio. Chosen over Sbampatomar/market_simulator, whose prices are ' +
      "rounded to 0.01 EUR (up to 0.17 pp of noise a day on 2021's prices near 7 EUR); that file's Adj Close is read as a cross-check.",
    adjustment: yahooAdjustedBars('2026-04-22', '2024-11-06: 23.09 here, 23.35 traded'),
    knownDefects: [],
    crossChecks: [
      {
        input: raw(SBAMPATOMAR, 'data/LDO.MI.csv', '43f333c812ba4bf5e2ce7e2cce96f7cde5017bad', YFINANCE_ADJ_CLOSE),
        column: 'adjClose',
        holds: "Yahoo's adjusted close rounded to 0.01 EUR (Sbampatomar/market_simulator)",
        roundedTo: 0.01,
      },
    ],
  }),
  index('FTSEMIB.MI', 'FTSE MIB', 'XMIL', {
    input: raw(ASFOLCINI, 'data/FTSEMIB.MI.csv', '7aa54addd9d8e839bb4a76e3b495c335b5b3cf21', OHLCV),
    source: 'Yahoo Finance FTSEMIB.MI via yfinance Ticker.history, recorded by asfolcini/QStudio.',
    knownDefects: [
      "Closes are whole index points (Yahoo's rounding), so a daily return carries up to about 0.005 pp of rounding.",
      SINGLE_SOURCE,
    ],
  }),
  equity('HO.PA', 'Thales', 'XPAR', {
    input: raw(REDART71, 'data/HO.PA.csv', 'a20685a15dd1dbeb1344d1445748fb12afe2a749', OHLCV),
    source:
      'Yahoo Finance HO.PA via yfinance, recorded by Redart71/trading-agent. Chosen among four copies as the only one with Open, High, Low and Volume; ' +
      'the three others (Date and Close) are read as cross-checks.',
    adjustment: yahooAdjustedBars('2025-05-13'),
    knownDefects: [],
    crossChecks: [
      sameYahooSeries(raw(CORRCHECK, 'prices/HO.PA.csv', 'd6a4c8351699c01ca9da931e961c2a1c85747711', DATE_CLOSE)),
      sameYahooSeries(raw(KNIGHT_PETERSON, 'data/HO.PA.csv', '541a55113eefbc275d10b17d39b154e3f2f5d2f7', DATE_CLOSE)),
      sameYahooSeries(raw(MYOXSIS, 'data/HO.PA.csv', '9f23ff42f24573a2e762c388afdd741e7e76f500', DATE_CLOSE)),
    ],
  }),
  index('^FCHI', 'CAC 40', 'XPAR', {
    input: raw(ALITALBI, '^FCHI.csv', '80d53740a87c9dcf1b3593cd4ae3bb84d1b5ec65', OHLCV),
    source:
      "Yahoo Finance ^FCHI via yf.download, recorded by alitalbi/storage_data_fy; tapi262/portfolio_opt's copy has the same values and is read as a cross-check.",
    knownDefects: [],
    crossChecks: [sameYahooSeries(raw(TAPI262, 'data/^FCHI.csv', '95f3aed52cb40c1378df645b211c39423816d9ec', YFINANCE_THREE_LINES))],
  }),
  equity('SAAB-B.ST', 'Saab (B shares)', 'XSTO', {
    input: raw(AARONKANARON, 'rawdata/saab_rawdata.csv', '7d4bbe6ff27af3facf3dc4506aec995ada5f5e83', OHLCV),
    source:
      "Yahoo Finance SAAB-B.ST via yfinance Ticker.history, recorded by AaronKanaron/ai-stock-prediction-technical-indicators: the only copy covering the period (global/PROVENANCE.md §4).",
    adjustment: yahooAdjustedBars('2025-10-05', 'the 4:1 split of 2024 applied to all earlier rows'),
    knownDefects: [SINGLE_SOURCE],
  }),
  index('^OMX', 'OMX Stockholm 30', 'XSTO', {
    input: raw(AARONKANARON, 'rawdata/OMXS30_rawdata.csv', '7ceb943b9117b6c25619ffc2bd09c8392b17ffaf', OHLCV),
    source:
      "Yahoo Finance ^OMX via yfinance Ticker.history, recorded by AaronKanaron/ai-stock-prediction-technical-indicators; Palhagen99's copy " +
      '(to 2024-12-17, pandas timestamps) has the same closes and is read as a cross-check.',
    knownDefects: [],
    missingDays: {
      dates: ['2021-02-15'],
      reason: "Yahoo's ^OMX has no bar in either copy, although Nasdaq Stockholm traded (SAAB-B.ST has one)",
    },
    crossChecks: [sameYahooSeries(raw(PALHAGEN99, 'omx30_data.csv', 'fa2408d2a203fc1c3f9ce5d3a3e3cf84211fd925', PANDAS_TIMESTAMPS))],
  }),
  krxStock('012450', 'Hanwha Aerospace', '0c617e8944c24e9f84ca44f24d2fd46f160817e9', '6cfc6398421dfff171c5c5d8591a65eb83d43167', {
    placeholderRows: {
      from: '2024-08-29',
      to: '2024-09-26',
      reason:
        'a trading suspension: the placeholder rows the source writes for it (Open, High, Low 0, Volume 0, the 2024-08-28 close carried forward, ' +
        'in both copies; global/PROVENANCE.md) are dropped, never kept as zero returns, so no return is computed for these days nor for ' +
        '2024-09-27, whose move spans the suspension',
    },
  }),
  krxStock('047810', 'Korea Aerospace Industries', 'fb170f5943fe941430a19cde00b84b87eb61a83d', '339ef5a92a2705455ebd05e7361ae730e323d89a'),
  krxStock('079550', 'LIG Nex1', '005991b8b09bc941fda97ec0b3e30fd08a73286c', '1fa8e23ff182330d3e5f653752230d623ca25a0e', {
    knownDefects: [
      KRX_DIVIDEND_DEFECT,
      '2023-12-11: +29.92%, a limit-up day (KRX daily limit ±30%) on 5.48M shares against about 0.15M usually; real-looking, but seen only in KRX-derived copies (global/PROVENANCE.md).',
    ],
  }),
  index('^KS11', 'KOSPI', 'XKRX', {
    input: raw(WALNUTBROWN, 'data/KOSPI.csv', '006acfd34a45b3cc0d4bfa7ca260e38ffd4019c1', KOSPI_STATISTICS),
    source:
      'KOSPI closes from Walnutbrown/margin_call (KOSPI with KRX credit statistics, newest first; upstream not stated). The only copy without synthetic rows: ' +
      "stevenmichiels' Yahoo ^KS11 interpolates KRX holidays and serves global/PROVENANCE.md only as a cross-check, which matches this file to 9e-6 pp.",
    adjustment: `${INDEX_ADJUSTMENT} The source gives the close only; its Volume column, in unstated units, is not copied.`,
    knownDefects: ['The upstream of the index values is not stated by the repository.', SINGLE_SOURCE],
    missingDays: {
      dates: ['2021-03-17', '2021-05-27', '2021-06-08', '2021-06-25', '2021-07-09', '2024-08-30', '2024-09-13'],
      reason:
        "absent from the only copied KOSPI file although KRX traded (the Korean stocks have bars); against ^KS11 the next day's stock and market returns both span two days",
    },
  }),
  index('^STOXX', 'STOXX Europe 600', 'XETR', {
    input: raw(ALITALBI, '^STOXX.csv', '72a639ec283312f6952b8d5fbc07efa45afd6b93', OHLCV),
    source: `Yahoo Finance ^STOXX via yf.download, recorded by alitalbi/storage_data_fy. ${STOXX_EXCHANGE_NOTE}`,
    knownDefects: [SINGLE_SOURCE],
    missingDays: STOXX_MISSING_DAYS,
  }),
  index('^STOXX50E', 'EURO STOXX 50', 'XETR', {
    input: raw(ALITALBI, '^STOXX50E.csv', '09259801e130446bb79936f10d0b454c3f46865d', OHLCV),
    source:
      `Yahoo Finance ^STOXX50E via yf.download, recorded by alitalbi/storage_data_fy; tapi262/portfolio_opt's copy has the same values and is read as a cross-check. ${STOXX_EXCHANGE_NOTE}`,
    knownDefects: [],
    missingDays: STOXX_MISSING_DAYS,
    crossChecks: [sameYahooSeries(raw(TAPI262, 'data/^STOXX50E.csv', 'ee729756d3583e2fab8c83f5cd80c9e57e364b72', YFINANCE_THREE_LINES))],
  }),
];
