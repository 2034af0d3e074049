/**
 * The exchange registry: every exchange the project can place a security on, with what day 0 needs
 * (clock, regular close history, the single days that close otherwise) and how Yahoo names it
 * (symbol suffixes, exchange codes), plus the benchmark(s) a security of that exchange is measured
 * against by default.
 *
 * Adding an exchange is one entry in EXCHANGE_REGISTRY below: its MIC, name, IANA time zone, every
 * change of its regular close with the exchange's own notice (or the best source found) as the
 * citation, its special closes, its Yahoo suffixes and exchange codes, the indices Yahoo dates on its
 * calendar, and its benchmarks (first = default). Nothing else in the project lists exchanges; the
 * snapshot adds the data (data/README.md).
 *
 * Closing times: the close that matters is the instant the day's official closing price is set, i.e.
 * the closing auction's price determination (day 0 is the first session whose close comes after the
 * event; an order can still react to news until the auction uncrosses). Auctions with a random end
 * are written at their earliest end. Early closes (half days before holidays) are not modelled: an
 * event between an early close and the regular close would get that day as day 0 instead of the
 * next session. Holidays are not listed either: they come from the price data's own calendar.
 *
 * Why an evening event in New York is day 0 the next day everywhere: the US election's first polls
 * closed at 19:00 EST on Tue 2024-11-05 = 00:00 UTC on Wed 2024-11-06. Every exchange here had
 * closed its 5 November session before that instant (Tokyo 06:30 UTC, Seoul 06:30 UTC, London
 * 16:35 UTC, Xetra, Paris and Milan 16:35 UTC, Stockholm 16:30 UTC, New York 21:00 UTC) and closes
 * its 6 November session after it, so day 0 is 2024-11-06 on all nine (Tokyo and Seoul at exactly
 * their 09:00 open; tests/unit/timing/global-day-zero.test.ts has the arithmetic per exchange).
 */
import type { ExchangeSchedule } from '../core/exchange-schedule.ts';

/** A regular close in force from `from` (inclusive) until the next entry's `from`. */
export interface RegularClose {
  from: string;
  /** Local `HH:mm`: when the day's official closing price is set. */
  close: string;
  /** The exchange's own notice or page that states this close, or the best source found. */
  source: string;
}

/** One trading date whose close differs from the regular one. */
export interface SpecialClose {
  date: string;
  /** Local `HH:mm`. */
  close: string;
  source: string;
}

export interface Exchange extends ExchangeSchedule {
  /** ISO 10383 market identifier code; also the key of a benchmark in a study query (XTKS:TOPIX). */
  code: string;
  name: string;
  /** A short name for labels, e.g. "Tokyo". */
  shortName: string;
  timeZone: string;
  /** Sorted by `from`; the first entry also covers every earlier date. */
  closes: readonly RegularClose[];
  /** Sorted by date; each wins over `closes` on its date only. */
  specialCloses: readonly SpecialClose[];
  /** Yahoo symbol suffixes of the exchange's securities, e.g. ".T" for 7011.T. */
  yahooSuffixes: readonly string[];
  /** Yahoo's exchange codes (chart meta `exchangeName`) of the exchange's securities, e.g. "JPX". */
  yahooExchangeCodes: readonly string[];
  /**
   * The index symbols whose days are this exchange's sessions: Yahoo dates them in its time zone and
   * the snapshot records them on it. Each index belongs to one exchange.
   */
  indices: readonly string[];
  /**
   * Benchmark index symbols for the exchange's securities, the default first: its own indices, and
   * a regional index of another exchange where it covers this market (STOXX Europe 600 for London).
   */
  benchmarks: readonly string[];
}

/** The earliest date the first close entry is stated for: before any data the project reads. */
const SINCE_EVER = '1900-01-01';

const JPX_EXTENSION_NOTICE =
  'Tokyo Stock Exchange, "Final Decision for Extension of Trading Hours" (20 Sep 2023): with arrowhead 4.0 on 2024-11-05 the afternoon session becomes 12:30–15:30, until then 12:30–15:00. https://market-news-insights-jpx.com/tse/article005790/';

const LSE_CLOSE =
  `London Stock Exchange, SETS: continuous trading 08:00–16:30, then the closing auction call 16:30–16:35 with a random uncross that sets the closing price (LSEG, "Electronic trading – equity", http://www.lseg.com/investor-relations/group-glance/electronic-trading-equity; LSE "Guide to the Trading System" MIT201, "Closing Auction Call 16:30–16:35", as quoted by the exchange-hours crate). LSE's own timetable page was not reachable. No change 2018–2026 found.`;

const XETRA_CLOSE =
  'Deutsche Börse, Xetra: continuous trading to 17:30, closing auction call from 17:30, "17:35 Earliest possible point in time for Xetra price determination, followed by trade-at-close period until 17:45" (Xetra trading notice, 2021-01-07, http://www.aktiencheck.de/news/Artikel-XETR_Part_2_Subscription_rights_on_TUI_AG-12405892; auctions "have a random end", https://eurexgroup.com/xetra-en/trading/trading-models/auctionschedule). No change 2018–2026 found.';

const EURONEXT_CLOSE =
  'Euronext cash market: continuous trading 09:00–17:30, pre-closing call 17:30–17:35, uncross "randomly … between 17:35:00 and 17:35:30", Trading-at-Last to 17:40 (https://www.euronext.com/en/calendars-hours; FESE, "Regular Trading Hours CET in 2025", https://www.fese.eu/app/uploads/2024/07/trading-hours-2025-1.pdf).';

const NASDAQ_STOCKHOLM_CLOSE =
  `Nasdaq Stockholm: continuous trading 09:00–17:25, pre-closing call 17:25–~17:30, closing auction ~17:30 (FESE, "Regular Trading Hours CET in 2025", https://www.fese.eu/app/uploads/2024/07/trading-hours-2025-1.pdf, as quoted by the exchange-hours crate; Nasdaq's own page was not reachable). No change 2018–2026 found.`;

const KRX_CLOSE_2016 =
  'Korea Exchange: regular session 09:00–15:30 from 2016-08-01 (closing single-price auction to 15:30), 30 minutes later than before (Chosun Biz, 2016-07-24, as cited by exchange_calendars; KRX after-hours trading starts after the 15:30 close, http://global.krx.co.kr/contents/GLB/06/0602/0602020203/GLB0602020203T1.jsp). No change 2018–2026.';

/**
 * Seoul moves the whole session one hour later (10:00–16:30) on the day of the college entrance
 * exam (CSAT), so that exam-takers and staff are off the roads; each date with the report that
 * announced it (as listed by exchange_calendars, xkrx_holidays.py). 2026 is not announced in any
 * source found.
 */
const CSAT_DAYS: readonly (readonly [string, string])[] = [
  ['2016-11-17', 'https://biz.chosun.com/site/data/html_dir/2016/11/03/2016110301285.html'],
  ['2017-11-16', 'https://biz.chosun.com/site/data/html_dir/2017/11/15/2017111503718.html'],
  // The 2017 exam was postponed a week after the Pohang earthquake; the market moved on both days.
  ['2017-11-23', 'https://www.hankyung.com/finance/article/2017112301477'],
  ['2018-11-15', 'https://www.hankyung.com/finance/article/2018110526741'],
  ['2019-11-14', 'https://www.hankyung.com/finance/article/2019110435331'],
  ['2020-12-03', 'https://www.hankyung.com/finance/article/2020112799257'],
  ['2021-11-18', 'https://www.hankyung.com/article/202111046888i'],
  ['2022-11-17', 'https://www.hankyung.com/article/202211174786Y'],
  ['2023-11-16', 'https://magazine.hankyung.com/business/article/202311159652b'],
  ['2024-11-14', 'https://www.hankyung.com/article/2024103126631'],
  ['2025-11-13', 'https://www.hankyung.com/article/2025111296366'],
];

/**
 * Every exchange the project knows, keyed by MIC. One entry per exchange; see the file comment.
 */
export const EXCHANGE_REGISTRY = {
  XTKS: {
    code: 'XTKS',
    name: 'Tokyo Stock Exchange',
    shortName: 'Tokyo',
    timeZone: 'Asia/Tokyo',
    closes: [
      { from: SINCE_EVER, close: '15:00', source: JPX_EXTENSION_NOTICE },
      { from: '2024-11-05', close: '15:30', source: JPX_EXTENSION_NOTICE },
    ],
    specialCloses: [],
    yahooSuffixes: ['.T'],
    yahooExchangeCodes: ['JPX'],
    // ^TOPX is Yahoo's other spelling of TOPIX.
    indices: ['TOPIX', '^N225', '^TOPX'],
    benchmarks: ['TOPIX', '^N225', '^TOPX'],
  },
  XNYS: {
    code: 'XNYS',
    name: 'New York Stock Exchange',
    shortName: 'New York',
    timeZone: 'America/New_York',
    closes: [
      {
        from: SINCE_EVER,
        close: '16:00',
        source: 'NYSE, "Holidays & Trading Hours": core trading session 9:30 a.m. to 4:00 p.m. ET (the time zone carries EST/EDT), closing auction at 4:00 p.m. https://www.nyse.com/markets/hours-calendars',
      },
    ],
    specialCloses: [],
    yahooSuffixes: [],
    yahooExchangeCodes: ['NYQ'],
    indices: ['^GSPC'],
    benchmarks: ['^GSPC'],
  },
  XNAS: {
    code: 'XNAS',
    name: 'Nasdaq',
    shortName: 'Nasdaq',
    timeZone: 'America/New_York',
    closes: [
      {
        from: SINCE_EVER,
        close: '16:00',
        source: 'Nasdaq, "Stock Market Hours": market hours 9:30 a.m. to 4:00 p.m. ET; the Nasdaq Closing Cross at 4:00 p.m. sets the official closing price. https://www.nasdaq.com/stock-market-trading-hours-for-nasdaq',
      },
    ],
    specialCloses: [],
    yahooSuffixes: [],
    // Global Select, Global and Capital Market tiers.
    yahooExchangeCodes: ['NMS', 'NGM', 'NCM'],
    indices: ['^IXIC'],
    benchmarks: ['^GSPC', '^IXIC'],
  },
  XLON: {
    code: 'XLON',
    name: 'London Stock Exchange',
    shortName: 'London',
    timeZone: 'Europe/London',
    closes: [{ from: SINCE_EVER, close: '16:35', source: LSE_CLOSE }],
    specialCloses: [],
    // Yahoo quotes .L shares in pence (currency "GBp"); returns are unaffected.
    yahooSuffixes: ['.L'],
    yahooExchangeCodes: ['LSE'],
    indices: ['^FTSE'],
    // STOXX Europe 600 holds the UK's large caps; its days are Xetra's (see XETR).
    benchmarks: ['^FTSE', '^STOXX'],
  },
  XETR: {
    code: 'XETR',
    name: 'Xetra (Deutsche Börse)',
    shortName: 'Frankfurt',
    timeZone: 'Europe/Berlin',
    closes: [{ from: SINCE_EVER, close: '17:35', source: XETRA_CLOSE }],
    specialCloses: [],
    // .DE is Xetra; .F is the Frankfurt floor (Yahoo code FRA), a different venue, not registered.
    yahooSuffixes: ['.DE'],
    yahooExchangeCodes: ['GER'],
    // STOXX's European indices end with Xetra's day; the snapshot records them on XETR.
    indices: ['^GDAXI', '^STOXX50E', '^STOXX'],
    benchmarks: ['^GDAXI', '^STOXX50E', '^STOXX'],
  },
  XPAR: {
    code: 'XPAR',
    name: 'Euronext Paris',
    shortName: 'Paris',
    timeZone: 'Europe/Paris',
    closes: [{ from: SINCE_EVER, close: '17:35', source: `${EURONEXT_CLOSE} No change 2018–2026 found.` }],
    specialCloses: [],
    yahooSuffixes: ['.PA'],
    yahooExchangeCodes: ['PAR'],
    indices: ['^FCHI'],
    // EURO STOXX 50 and STOXX Europe 600 both hold the French large caps.
    benchmarks: ['^FCHI', '^STOXX50E', '^STOXX'],
  },
  XMIL: {
    code: 'XMIL',
    name: 'Euronext Milan (Borsa Italiana)',
    shortName: 'Milan',
    timeZone: 'Europe/Rome',
    closes: [
      {
        from: SINCE_EVER,
        close: '17:30',
        source:
          'Borsa Italiana (MTA): continuous trading to 17:25, closing auction 17:25–17:30, until Friday 2015-11-20 (Avviso n. 17016 of 2015-10-12, as reported by FinanzaOnline, http://www.finanzaonline.com/notizie/piazza-affari-da-lunedi-nuovi-orari-chiusura-borsa-slitta-di-5-minuti-aste-di-volatilita-piu-brevi-548148).',
      },
      {
        from: '2015-11-23',
        close: '17:35',
        source:
          'Borsa Italiana (MTA), from Monday 2015-11-23: continuous trading 09:00–17:30, closing auction 17:30–17:35, to align the hours of Milan with the main European markets (Avviso n. 17016 of 2015-10-12; FinanzaOnline, http://www.finanzaonline.com/notizie/piazza-affari-da-lunedi-nuovi-orari-chiusura-borsa-slitta-di-5-minuti-aste-di-volatilita-piu-brevi-548148; Money.it, https://www.money.it/Borsa-Italiana-cambia-l-orario-di).',
      },
      {
        from: '2023-03-27',
        close: '17:35',
        source: `Borsa Italiana moved its cash equities to Euronext's Optiq platform on 2023-03-27 (Avviso n. 49062, 2022-12-22, "Le modifiche … entreranno in vigore il 27 marzo 2023", http://it.readkong.com/page/avviso-n-49062-borsa-italiana-3697761), keeping the 17:35 close. ${EURONEXT_CLOSE}`,
      },
    ],
    specialCloses: [],
    yahooSuffixes: ['.MI'],
    yahooExchangeCodes: ['MIL'],
    indices: ['FTSEMIB.MI'],
    benchmarks: ['FTSEMIB.MI', '^STOXX50E', '^STOXX'],
  },
  XSTO: {
    code: 'XSTO',
    name: 'Nasdaq Stockholm',
    shortName: 'Stockholm',
    timeZone: 'Europe/Stockholm',
    closes: [{ from: SINCE_EVER, close: '17:30', source: NASDAQ_STOCKHOLM_CLOSE }],
    specialCloses: [],
    yahooSuffixes: ['.ST'],
    yahooExchangeCodes: ['STO'],
    indices: ['^OMX'],
    benchmarks: ['^OMX', '^STOXX'],
  },
  XKRX: {
    code: 'XKRX',
    name: 'Korea Exchange',
    shortName: 'Seoul',
    timeZone: 'Asia/Seoul',
    closes: [
      { from: SINCE_EVER, close: '15:00', source: KRX_CLOSE_2016 },
      { from: '2016-08-01', close: '15:30', source: KRX_CLOSE_2016 },
    ],
    specialCloses: CSAT_DAYS.map(([date, report]) => ({
      date,
      close: '16:30',
      source: `College entrance exam (CSAT) day: Korea Exchange session 10:00–16:30 instead of 09:00–15:30 (${report}).`,
    })),
    // The KOSPI market. KOSDAQ (.KQ, Yahoo KOE, MIC XKOS) keeps the same hours but has its own
    // benchmark (^KQ11); it would be an entry of its own.
    yahooSuffixes: ['.KS'],
    yahooExchangeCodes: ['KSC'],
    indices: ['^KS11'],
    benchmarks: ['^KS11'],
  },
} as const satisfies Readonly<Record<string, Exchange>>;

/** An exchange's market identifier code as the registry knows it. */
export type ExchangeCode = keyof typeof EXCHANGE_REGISTRY;

/** Every MIC of the registry, in registry order. */
export const EXCHANGE_CODES = Object.keys(EXCHANGE_REGISTRY) as ExchangeCode[];

const EXCHANGES: readonly Exchange[] = Object.values(EXCHANGE_REGISTRY);

/**
 * A symbol whose exchange the registry cannot tell: an unknown suffix, an index no registered
 * exchange holds, or an exchange the price source names that is not registered.
 * The message names the symbol (and the exchange given, if any) so the user knows what failed.
 */
export class UnknownExchangeError extends Error {
  readonly code = 'UNKNOWN_EXCHANGE';

  constructor(
    readonly symbol: string,
    readonly declaredExchange: string | null,
    reason: string,
  ) {
    super(`${symbol}: ${reason} Registered exchanges: ${EXCHANGES.map((exchange) => `${exchange.code} (${exchange.shortName})`).join(', ')}.`);
    this.name = 'UnknownExchangeError';
  }
}

/**
 * A price source that dates a symbol's bars in another time zone than its registered exchange's:
 * the bars' dates and day 0 would disagree, so the series is refused rather than misdated.
 */
export class ExchangeTimeZoneError extends Error {
  readonly code = 'EXCHANGE_TIME_ZONE_MISMATCH';

  constructor(
    readonly symbol: string,
    readonly exchange: Exchange,
    readonly declaredTimeZone: string,
  ) {
    super(`${symbol}: Yahoo dates it in ${declaredTimeZone}, but ${exchange.name}, ${exchange.code}, keeps ${exchange.timeZone}; the registry and Yahoo disagree, so its days cannot be placed.`);
    this.name = 'ExchangeTimeZoneError';
  }
}

/**
 * True when `code` is a MIC of the registry.
 * @throws never
 * @example isExchangeCode('XTKS') // true
 */
export function isExchangeCode(code: string): code is ExchangeCode {
  return Object.hasOwn(EXCHANGE_REGISTRY, code);
}

/**
 * The registry entry of a MIC, or undefined.
 * @throws never
 * @example exchangeByCode('XTKS')?.timeZone // 'Asia/Tokyo'
 */
export function exchangeByCode(code: string): Exchange | undefined {
  return isExchangeCode(code) ? EXCHANGE_REGISTRY[code] : undefined;
}

/**
 * The exchange a symbol trades on. In order:
 * 1. `declaredExchange`, what the price source says: the snapshot manifest's MIC, or (live) the
 *    MIC the server resolved from Yahoo's answer with {@link exchangeOfYahooChart}; a Yahoo
 *    exchange code (JPX, NMS) is read too. A declared exchange the registry does not know is an
 *    error, never a guess from the symbol;
 * 2. a registered index (TOPIX, ^N225 → XTKS; ^STOXX → XETR), by the exchange that holds it;
 * 3. the symbol's Yahoo suffix (7011.T → XTKS, BA.L → XLON); an unknown suffix (RHM.F, 0700.HK) is
 *    an error;
 * 4. a bare ticker without suffix (LMT, AAPL) is New York: Yahoo writes US listings without a
 *    suffix, and NYSE and Nasdaq share the clock and the 16:00 close, so day 0 is the same on
 *    either. This is the documented rule for the snapshot's suffix-less US series and for symbols a
 *    user types in live mode, before the price source has answered; once it has, rule 1 decides.
 * Other symbols (unregistered indices such as ^HSI, currencies JPY=X, futures ES=F) are errors.
 * @throws UnknownExchangeError naming the symbol (and the declared exchange) when no rule applies.
 * @example exchangeForSymbol('7011.T').code // 'XTKS'
 * @example exchangeForSymbol('AAPL', 'NMS').code // 'XNAS'
 * @example exchangeForSymbol('0700.HK') // throws UnknownExchangeError
 */
export function exchangeForSymbol(symbol: string, declaredExchange?: string): Exchange {
  const upper = symbol.trim().toUpperCase();
  const declared = declaredExchange?.trim() || null;
  if (declared !== null) {
    const named = exchangeByCode(declared.toUpperCase()) ?? exchangeOfYahooCode(declared);
    if (named) return named;
    throw new UnknownExchangeError(upper, declared, `The price source places it on "${declared}", which is not a registered exchange.`);
  }
  const byIndex = exchangeOfIndex(upper);
  if (byIndex) return byIndex;
  const suffix = yahooSuffixOf(upper);
  if (suffix !== null) {
    const bySuffix = EXCHANGES.find((exchange) => exchange.yahooSuffixes.includes(suffix));
    if (bySuffix) return bySuffix;
    throw new UnknownExchangeError(upper, null, `No registered exchange has the Yahoo suffix ${suffix}.`);
  }
  if (/[\^=]/.test(upper)) throw new UnknownExchangeError(upper, null, 'It is an index, currency or future that no registered exchange holds.');
  return EXCHANGE_REGISTRY.XNYS;
}

/** The parts of Yahoo's chart `meta` that place a symbol. */
export interface YahooChartExchange {
  /** Yahoo's exchange code, e.g. "LSE", "GER", "KSC"; for an index its provider ("FGI", "SNP"). */
  exchangeName: string;
  /** Yahoo's display name, e.g. "XETRA", "NasdaqGS"; only for messages. */
  fullExchangeName?: string | undefined;
  exchangeTimezoneName: string;
}

/**
 * The registered exchange Yahoo's chart answer names, or undefined: by its exchange code (meta
 * `exchangeName`: LSE → XLON, GER → XETR, KSC → XKRX), or for a registered index by the exchange
 * that holds it (Yahoo names an index's provider, FGI or SNP, not a venue). The server labels a
 * live series with this MIC, or with Yahoo's own code when the registry does not know it, so the
 * page can name that exchange when it refuses the security.
 * @throws never
 * @example registeredExchangeOfYahoo('WSU.DE', { exchangeName: 'GER', exchangeTimezoneName: 'Europe/Berlin' })?.code // 'XETR'
 */
export function registeredExchangeOfYahoo(symbol: string, meta: YahooChartExchange): Exchange | undefined {
  return exchangeOfIndex(symbol.trim().toUpperCase()) ?? exchangeOfYahooCode(meta.exchangeName);
}

/**
 * The registered exchange of a live Yahoo chart answer ({@link registeredExchangeOfYahoo}), checked:
 * Yahoo's `exchangeTimezoneName` must be that exchange's zone, since the bars are dated in it.
 * @throws UnknownExchangeError naming the symbol and Yahoo's exchange when the registry does not
 *   know it (e.g. HKG for 0700.HK), never a silent New York; ExchangeTimeZoneError when the zones
 *   differ.
 * @example exchangeOfYahooChart('OCDO.L', { exchangeName: 'LSE', fullExchangeName: 'LSE', exchangeTimezoneName: 'Europe/London' }).code // 'XLON'
 */
export function exchangeOfYahooChart(symbol: string, meta: YahooChartExchange): Exchange {
  const upper = symbol.trim().toUpperCase();
  const exchange = registeredExchangeOfYahoo(upper, meta);
  if (exchange === undefined) {
    const shown = meta.fullExchangeName && meta.fullExchangeName !== meta.exchangeName ? `${meta.fullExchangeName} (Yahoo code ${meta.exchangeName})` : `Yahoo code ${meta.exchangeName}`;
    throw new UnknownExchangeError(upper, meta.exchangeName, `Yahoo places it on ${shown}, ${meta.exchangeTimezoneName}, an exchange the registry does not know.`);
  }
  return checkedTimeZone(upper, exchange, meta.exchangeTimezoneName);
}

/**
 * The exchange of a priced series: the one its source declares ({@link exchangeForSymbol}), whose
 * zone must be the one the series' days are dated in.
 * @throws UnknownExchangeError as exchangeForSymbol; ExchangeTimeZoneError when the zones differ.
 * @example exchangeOfSeries({ symbol: 'BA.L', exchange: 'XLON', exchangeTimezoneName: 'Europe/London' }).code // 'XLON'
 */
export function exchangeOfSeries(series: { symbol: string; exchange: string; exchangeTimezoneName: string }): Exchange {
  return checkedTimeZone(series.symbol.trim().toUpperCase(), exchangeForSymbol(series.symbol, series.exchange), series.exchangeTimezoneName);
}

function checkedTimeZone(symbol: string, exchange: Exchange, timeZone: string): Exchange {
  if (timeZone !== exchange.timeZone) throw new ExchangeTimeZoneError(symbol, exchange, timeZone);
  return exchange;
}

function exchangeOfIndex(symbol: string): Exchange | undefined {
  return EXCHANGES.find((exchange) => exchange.indices.includes(symbol));
}

function exchangeOfYahooCode(code: string): Exchange | undefined {
  const upper = code.trim().toUpperCase();
  return EXCHANGES.find((exchange) => exchange.yahooExchangeCodes.includes(upper));
}

/**
 * The default benchmark of an exchange: the first of its registered benchmarks.
 * @throws never
 * @example defaultBenchmark(EXCHANGE_REGISTRY.XTKS) // 'TOPIX'
 */
export function defaultBenchmark(exchange: Exchange): string {
  return exchange.benchmarks[0] ?? '';
}

// Yahoo writes an exchange suffix after the last dot (7011.T, BA.L, 005930.KS); a dot at the start
// is no suffix, and a share-class dash (SAAB-B.ST) stands before it.
function yahooSuffixOf(symbol: string): string | null {
  const dot = symbol.lastIndexOf('.');
  return dot > 0 && dot < symbol.length - 1 ? symbol.slice(dot) : null;
}
