/**
 * The exchange registry: every exchange the project can place a security on, with what day 0 needs
 * (clock, regular close history) and how Yahoo names it (symbol suffixes, exchange codes), plus the
 * benchmark(s) a security of that exchange is measured against by default.
 *
 * Adding an exchange is one entry in EXCHANGE_REGISTRY below: its MIC, name, IANA time zone, every
 * change of its regular close with the exchange's own notice as the citation, its Yahoo suffixes and
 * exchange codes, and its benchmarks (first = default). Nothing else in the project lists exchanges.
 *
 * Closing times: only the regular close of the main session matters (day 0 is the first session
 * that closes after the event). Early closes (half days before holidays) are not modelled: an
 * event between an early close and the regular close would get that day as day 0 instead of the
 * next session. Holidays are not listed either: they come from the price data's own calendar.
 */
import type { ExchangeSchedule } from '../core/exchange-schedule.ts';

/** A regular close in force from `from` (inclusive) until the next entry's `from`. */
export interface RegularClose {
  from: string;
  /** Local `HH:mm`. */
  close: string;
  /** The exchange's own notice or page that states this close. */
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
  /** Yahoo symbol suffixes of the exchange's securities, e.g. ".T" for 7011.T. */
  yahooSuffixes: readonly string[];
  /** Yahoo's exchange codes (chart meta `exchangeName`) of the exchange, e.g. "JPX". */
  yahooExchangeCodes: readonly string[];
  /** Benchmark index symbols on the exchange's calendar, the default first. */
  benchmarks: readonly string[];
}

/** The earliest date the first close entry is stated for: before any data the project reads. */
const SINCE_EVER = '1900-01-01';

const JPX_EXTENSION_NOTICE =
  'Tokyo Stock Exchange, "Final Decision for Extension of Trading Hours" (20 Sep 2023): with arrowhead 4.0 on 2024-11-05 the afternoon session becomes 12:30–15:30, until then 12:30–15:00. https://market-news-insights-jpx.com/tse/article005790/';

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
    yahooSuffixes: ['.T'],
    yahooExchangeCodes: ['JPX'],
    // ^TOPX is Yahoo's other spelling of TOPIX.
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
        source: 'NYSE, "Holidays & Trading Hours": core trading session 9:30 a.m. to 4:00 p.m. ET (the time zone carries EST/EDT). https://www.nyse.com/markets/hours-calendars',
      },
    ],
    yahooSuffixes: [],
    yahooExchangeCodes: ['NYQ'],
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
        source: 'Nasdaq, "Stock Market Hours": market hours 9:30 a.m. to 4:00 p.m. ET. https://www.nasdaq.com/stock-market-trading-hours-for-nasdaq',
      },
    ],
    yahooSuffixes: [],
    // Global Select, Global and Capital Market tiers.
    yahooExchangeCodes: ['NMS', 'NGM', 'NCM'],
    benchmarks: ['^GSPC', '^IXIC'],
  },
} as const satisfies Readonly<Record<string, Exchange>>;

/** An exchange's market identifier code as the registry knows it. */
export type ExchangeCode = keyof typeof EXCHANGE_REGISTRY;

/** Every MIC of the registry, in registry order. */
export const EXCHANGE_CODES = Object.keys(EXCHANGE_REGISTRY) as ExchangeCode[];

const EXCHANGES: readonly Exchange[] = Object.values(EXCHANGE_REGISTRY);

/**
 * A symbol whose exchange the registry cannot tell: an unknown suffix, an index that is no
 * registered exchange's benchmark, or an exchange the price source names that is not registered.
 * The message names the symbol (and the exchange given, if any) so the user knows what failed.
 */
export class UnknownExchangeError extends Error {
  readonly code = 'UNKNOWN_EXCHANGE';

  constructor(
    readonly symbol: string,
    readonly declaredExchange: string | null,
    reason: string,
  ) {
    super(`${symbol}: ${reason} Known exchanges: ${EXCHANGES.map((exchange) => `${exchange.code} (${exchange.name})`).join(', ')}.`);
    this.name = 'UnknownExchangeError';
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
 * 1. `declaredExchange`, what the price source says (the snapshot manifest's MIC, or Yahoo's
 *    exchange code such as JPX or NMS), when the registry knows it;
 * 2. the symbol's Yahoo suffix (7011.T → XTKS); an unknown suffix (OCDO.L before XLON is
 *    registered) is an error, never a guess;
 * 3. a registered benchmark index (TOPIX, ^N225 → XTKS; ^GSPC → XNYS);
 * 4. a bare ticker without suffix (LMT, AAPL) is New York: Yahoo writes US listings without a
 *    suffix, and NYSE and Nasdaq share the clock and the 16:00 close, so day 0 is the same on
 *    either. This is the documented rule for the snapshot's suffix-less US series and for symbols a
 *    user types in live mode; once a price source declares an exchange, rule 1 decides.
 * Other symbols (unregistered indices such as ^FTSE, currencies JPY=X, futures ES=F) are errors.
 * @throws UnknownExchangeError naming the symbol when no rule applies.
 * @example exchangeForSymbol('7011.T').code // 'XTKS'
 * @example exchangeForSymbol('AAPL', 'NMS').code // 'XNAS'
 * @example exchangeForSymbol('OCDO.L') // throws UnknownExchangeError
 */
export function exchangeForSymbol(symbol: string, declaredExchange?: string): Exchange {
  const upper = symbol.trim().toUpperCase();
  const declared = declaredExchange?.trim() || null;
  if (declared !== null) {
    const named = exchangeByCode(declared.toUpperCase()) ?? EXCHANGES.find((exchange) => exchange.yahooExchangeCodes.includes(declared.toUpperCase()));
    if (named) return named;
  }
  const unknown = (reason: string) =>
    new UnknownExchangeError(upper, declared, declared === null ? reason : `${reason} The price source names its exchange "${declared}", which is not registered either.`);
  const suffix = yahooSuffixOf(upper);
  if (suffix !== null) {
    const bySuffix = EXCHANGES.find((exchange) => exchange.yahooSuffixes.includes(suffix));
    if (bySuffix) return bySuffix;
    throw unknown(`No registered exchange has the Yahoo suffix ${suffix}.`);
  }
  const byBenchmark = EXCHANGES.find((exchange) => exchange.benchmarks.includes(upper));
  if (byBenchmark) return byBenchmark;
  if (/[\^=]/.test(upper)) throw unknown('It is an index, currency or future that is no registered exchange\'s benchmark.');
  return EXCHANGE_REGISTRY.XNYS;
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
