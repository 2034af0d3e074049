/**
 * From prices, events and securities to the engine's study units: the one composition used by the
 * page (in the browser) and by the server's /api/study.csv, so both give the same numbers, byte for
 * byte, for the same query and prices. study-analysis.ts runs the engine on them.
 */
import { buildStudyUnit, dayZero, isEventStudyError } from '../core/index.ts';
import type { ReturnKind, SecurityFailure, StudyUnit } from '../core/types.ts';
import { exchangeForSymbol, exchangeOfSeries, ExchangeTimeZoneError, UnknownExchangeError, type Exchange } from '../domain/exchanges.ts';
import type { PriceFailure, PriceSeries } from '../domain/price-api.ts';
import type { EventDayZero, StudyEvent } from '../domain/study-event.ts';

/**
 * A security with the benchmark of its own exchange; or, when the registry knows no exchange for
 * it, no benchmark and the reason (the security then fails alone, by name).
 */
export type SecurityChoice = { symbol: string; benchmark: string } | { symbol: string; benchmark: null; problem: string };

export interface ComposeInput {
  series: readonly PriceSeries[];
  /** The price server's word on each requested symbol it has no series for (unknown, no data, upstream failure). */
  priceFailures?: readonly PriceFailure[];
  /** The events in the study. */
  events: readonly StudyEvent[];
  /** Every known event, so markers and excerpts can name events that fall inside a window. */
  allEvents: readonly StudyEvent[];
  securities: readonly SecurityChoice[];
  returnKind: ReturnKind;
}

export interface ComposedUnit {
  unit: StudyUnit;
  event: StudyEvent;
  symbol: string;
  name: string;
  benchmark: string;
  benchmarkName: string;
  exchange: string;
}

export interface ComposedStudy {
  /** The events of the study, in the order of the input. */
  eventIds: string[];
  units: ComposedUnit[];
  /** Security–event pairs that could not become a study unit (no prices, event outside the data, …). */
  failures: SecurityFailure[];
  /** Day 0 of every known event on each exchange in the study. */
  eventDays: EventDayZero[];
}


/**
 * The study of a page query: for each event and security, the security's exchange, day 0 on its
 * benchmark's trading calendar, then a study unit from the adjusted closes. Failures are kept per
 * pair so one bad security never hides the others.
 * @throws never
 * @example composeStudy({ series, events: [usElection], allEvents, securities: [{ symbol: '7013.T', benchmark: 'TOPIX' }], returnKind: 'simple' }).units[0].unit.dayZero // '2024-11-06'
 */
export function composeStudy(input: ComposeInput): ComposedStudy {
  const bySymbol = new Map(input.series.map((series) => [series.symbol, series]));
  const prices: Prices = { bySymbol, failures: new Map((input.priceFailures ?? []).map((failure) => [failure.symbol, failure])) };
  const units: ComposedUnit[] = [];
  const failures: SecurityFailure[] = [];
  for (const event of input.events) {
    for (const choice of input.securities) {
      const composed = composeUnit(event, choice, prices, input.returnKind);
      if ('unit' in composed) units.push(composed);
      else failures.push(composed);
    }
  }
  return { eventIds: input.events.map((event) => event.id), units, failures, eventDays: eventDays(input, bySymbol) };
}

/** The id of the unit of one security on one event. */
export function unitId(eventId: string, symbol: string): string {
  return `${eventId}:${symbol}`;
}

interface Prices {
  bySymbol: ReadonlyMap<string, PriceSeries>;
  failures: ReadonlyMap<string, PriceFailure>;
}

function composeUnit(event: StudyEvent, choice: SecurityChoice, prices: Prices, returnKind: ReturnKind): ComposedUnit | SecurityFailure {
  const id = unitId(event.id, choice.symbol);
  const failure = (code: string, message: string): SecurityFailure => ({ id, symbol: choice.symbol, eventId: event.id, error: { code, message } });
  if (choice.benchmark === null) return failure('UNKNOWN_EXCHANGE', choice.problem);
  const security = prices.bySymbol.get(choice.symbol);
  const benchmark = prices.bySymbol.get(choice.benchmark);
  if (!security) {
    const said = prices.failures.get(choice.symbol);
    return said ? failure(said.code, said.message) : failure('NO_PRICES', `${choice.symbol}: the server sent no prices for it.`);
  }
  if (!benchmark) {
    const said = prices.failures.get(choice.benchmark);
    const why = said ? ` (${said.message})` : '';
    return failure(said?.code ?? 'NO_PRICES', `${choice.symbol}: the server sent no prices for its benchmark ${choice.benchmark}${why}.`);
  }
  const exchange = exchangeOf(choice.symbol, security);
  if (exchange instanceof Error) return failure(exchange.code, exchange.message);
  try {
    const tradingDays = benchmark.bars.map((bar) => bar.date);
    const unit = buildStudyUnit({
      id,
      symbol: choice.symbol,
      benchmark: choice.benchmark,
      eventId: event.id,
      securityPrices: security.bars,
      benchmarkPrices: benchmark.bars,
      dayZero: dayZero(event, exchange, tradingDays),
      returnKind,
    });
    return { unit, event, symbol: choice.symbol, name: security.name, benchmark: choice.benchmark, benchmarkName: benchmark.name, exchange: exchange.code };
  } catch (error) {
    if (isEventStudyError(error)) return failure(error.code, `${choice.symbol}, ${event.title}: ${error.message}`);
    return failure('INVALID_INPUT', `${choice.symbol}, ${event.title}: the study unit could not be built.`);
  }
}

// The price source's own word on the exchange (the snapshot's MIC, the MIC the server read from
// Yahoo's answer, or Yahoo's code when the registry does not know it) decides, and its time zone
// must be the registry's; without a series, the symbol rules of the registry.
function exchangeOf(symbol: string, series: PriceSeries | undefined): Exchange | UnknownExchangeError | ExchangeTimeZoneError {
  try {
    return series ? exchangeOfSeries(series) : exchangeForSymbol(symbol);
  } catch (error) {
    if (error instanceof UnknownExchangeError || error instanceof ExchangeTimeZoneError) return error;
    throw error;
  }
}

// Day 0 of every known event on the calendar of each benchmark in the study, for chart markers and
// for linking a chart day to the excerpts of the event that happened on it.
function eventDays(input: ComposeInput, bySymbol: ReadonlyMap<string, PriceSeries>): EventDayZero[] {
  const calendars = new Map<string, { exchange: Exchange; tradingDays: readonly string[] }>();
  for (const choice of input.securities) {
    const benchmark = choice.benchmark === null ? undefined : bySymbol.get(choice.benchmark);
    if (!benchmark) continue;
    const exchange = exchangeOf(choice.symbol, bySymbol.get(choice.symbol));
    if (!(exchange instanceof Error) && !calendars.has(exchange.code)) calendars.set(exchange.code, { exchange, tradingDays: benchmark.bars.map((bar) => bar.date) });
  }
  const days: EventDayZero[] = [];
  for (const { exchange, tradingDays } of calendars.values()) {
    for (const event of input.allEvents) {
      try {
        days.push({ eventId: event.id, exchange: exchange.code, date: dayZero(event, exchange, tradingDays) });
      } catch {
        // An event outside the data has no day 0 here; it simply gets no marker.
      }
    }
  }
  return days;
}
