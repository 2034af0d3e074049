/**
 * What a study query asks for, spelled out: which events, which security against which benchmark,
 * which prices over which dates, which engine options. The page derives these piece by piece (so it
 * can memoise each), the server all at once through {@link studyPlan}; both call the same functions.
 */
import { DEFAULT_STUDY_OPTIONS } from '../core/index.ts';
import type { ReturnKind, StudyOptions } from '../core/types.ts';
import { defaultBenchmark, exchangeForSymbol, isExchangeCode } from '../domain/exchanges.ts';
import { CUSTOM_EVENT_NOTE, type StudyEvent } from '../domain/study-event.ts';
import type { SecurityChoice } from './compose-study.ts';
import { priceRange } from './price-range.ts';
import type { StudyGuards } from './study-guardrails.ts';
import type { BenchmarkChoices, CustomEventSpec, StudyQuery } from './study-query.ts';

export interface StudyPlan {
  /** Every known event: the catalogue, then the query's custom events. */
  allEvents: StudyEvent[];
  /** The events in the study, in catalogue order. */
  events: StudyEvent[];
  securities: SecurityChoice[];
  /** The dates of prices to fetch; null when no event has a usable date. */
  range: { from: string; to: string } | null;
  /** Securities and benchmarks, each once, sorted. */
  symbols: string[];
  options: StudyOptions;
  returnKind: ReturnKind;
  /** How overlapping events and contaminated estimation windows are treated. */
  guards: StudyGuards;
}

/**
 * The plan of a study query against the event catalogue of data/events.json.
 * @throws never
 * @example studyPlan(DEFAULT_STUDY_QUERY, catalog.events).symbols // ['7011.T', '7013.T', 'TOPIX']
 */
export function studyPlan(query: StudyQuery, catalogEvents: readonly StudyEvent[]): StudyPlan {
  const allEvents = [...catalogEvents, ...query.customEvents.map(customStudyEvent)];
  const securities = securityChoices(query.securities, query.benchmarks);
  return {
    allEvents,
    events: eventsInStudy(allEvents, query.eventIds),
    securities,
    range: priceRange(allEvents),
    symbols: pricedSymbols(securities),
    options: studyOptionsOf(query),
    returnKind: query.returnKind,
    guards: guardsOf(query),
  };
}

/**
 * The events of `allEvents` whose ids are chosen, in the order of `allEvents` (the order of the
 * rows of the CSV files).
 * @throws never
 * @example eventsInStudy(allEvents, ['us-election-2024']).map((event) => event.id) // ['us-election-2024']
 */
export function eventsInStudy(allEvents: readonly StudyEvent[], eventIds: readonly string[]): StudyEvent[] {
  return allEvents.filter((event) => eventIds.includes(event.id));
}

/**
 * Each security with the benchmark chosen for its exchange (the exchange's registry default when
 * the query chose none). A security the registry can place on no exchange keeps its place with the
 * reason instead of a benchmark, so it fails alone and by name.
 * @throws never
 * @example securityChoices(['7013.T'], { XTKS: 'TOPIX', XNYS: '^GSPC' }) // [{ symbol: '7013.T', benchmark: 'TOPIX' }]
 */
export function securityChoices(securities: readonly string[], benchmarks: Readonly<BenchmarkChoices>): SecurityChoice[] {
  return securities.map((symbol): SecurityChoice => {
    try {
      const exchange = exchangeForSymbol(symbol);
      const chosen = isExchangeCode(exchange.code) ? benchmarks[exchange.code] : undefined;
      return { symbol, benchmark: chosen ?? defaultBenchmark(exchange) };
    } catch (error) {
      return { symbol, benchmark: null, problem: error instanceof Error ? error.message : String(error) };
    }
  });
}

/**
 * The symbols whose prices a study needs: each security that has an exchange and its benchmark,
 * each once, sorted.
 * @throws never
 * @example pricedSymbols([{ symbol: '7013.T', benchmark: 'TOPIX' }]) // ['7013.T', 'TOPIX']
 */
export function pricedSymbols(choices: readonly SecurityChoice[]): string[] {
  return [...new Set(choices.flatMap((choice) => (choice.benchmark === null ? [] : [choice.symbol, choice.benchmark])))].sort();
}

/**
 * A custom event of a query as a study event.
 * @throws never
 * @example customStudyEvent({ id: 'custom-1', title: 'Budget', date: '2024-12-27', timeZone: 'Asia/Tokyo' }).custom // true
 */
export function customStudyEvent(spec: CustomEventSpec): StudyEvent {
  return { ...spec, timingNote: CUSTOM_EVENT_NOTE, excerptIds: [], custom: true };
}

/**
 * The engine options of a query: its model, factors, windows and minimum estimation days, the
 * engine's defaults for the rest.
 * @throws never
 * @example studyOptionsOf(DEFAULT_STUDY_QUERY).estimationWindow // { from: -250, to: -11 }
 */
export function studyOptionsOf(query: StudyQuery): StudyOptions {
  return {
    ...DEFAULT_STUDY_OPTIONS,
    model: query.model,
    estimationWindow: query.estimationWindow,
    gap: query.gap,
    eventWindow: query.eventWindow,
    carWindows: query.carWindows,
    minimumEstimationDays: query.minimumEstimationDays,
    // The factor model's regressors by name; the units carry their values (study-factors.ts).
    ...(query.factors === null ? {} : { factors: query.factors.names }),
  };
}

/**
 * The guardrail choices of a query.
 * @throws never
 * @example guardsOf(DEFAULT_STUDY_QUERY) // { overlap: 'separate', contamination: 'keep' }
 */
export function guardsOf(query: Pick<StudyQuery, 'overlap' | 'contamination'>): StudyGuards {
  return { overlap: query.overlap, contamination: query.contamination };
}
