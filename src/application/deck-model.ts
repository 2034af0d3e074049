/**
 * The deck of a study, built once: the answer, one slide per event (prices, ARs and CARs, the key
 * numbers), the group result with its test named, what the article says beside what the market
 * did, methods and sources, and a glossary. The page's presentation and the PowerPoint file
 * (deck-pptx.ts) both draw this model, so they say the same thing; the server builds it from the
 * same inputs as the page.
 */
import type { ResolvedStudyOptions, StudyResult } from '../core/types.ts';
import { CLAIM_RULE } from '../domain/claim-check.ts';
import { MODEL_NAMES } from '../domain/models.ts';
import { portfolioTest, type PortfolioTestKey } from '../domain/portfolio-tests.ts';
import type { PricesResponse } from '../domain/price-api.ts';
import { dataSourceLine } from '../domain/source-line.ts';
import type { StudyEvent } from '../domain/study-event.ts';
import { checkClaims, type CheckedClaim } from './claim-findings.ts';
import { runComposedStudy, type ComposedStudy } from './compose-study.ts';
import { abnormalReturnChart, chartDays, groupChart, priceChart, securityColour } from './deck-charts.ts';
import { claimsTable, eventTable, groupTable, movePair } from './deck-tables.ts';
import type { DeckChart, DeckModel, DeckSlide, EventStudy } from './deck-types.ts';
import { formatDateWithWeekday, formatDayRange, shortTitle } from './display-format.ts';
import { studyFileNames } from './study-export.ts';
import { studyQueryString, type StudyQuery } from './study-query.ts';
import { DAY_ZERO, securityMove } from './tested-moves.ts';

export interface DeckModelInput {
  appVersion: string;
  query: StudyQuery;
  /** The test the group result is read with. */
  significanceTest: PortfolioTestKey;
  /** Every known event (catalogue and custom). */
  events: readonly StudyEvent[];
  prices: PricesResponse;
  composed: ComposedStudy;
  result: StudyResult;
  /** The article's market claims and any the user put on their own excerpts. */
  claims: readonly CheckedClaim[];
}

/** The normal-return model as README "Conventions in the maths" states it. */
const MODEL_METHODS: Record<ResolvedStudyOptions['model'], string> = {
  market: 'R_it = α_i + β_i·R_mt + ε_it fitted by OLS over the estimation window; s² = SSE/(M − 2) (MacKinlay 1997)',
  'market-adjusted': 'AR_it = R_it − R_mt; s² over the estimation window with M − 1 degrees of freedom (MacKinlay 1997)',
  'mean-adjusted': 'AR_it = R_it − the mean of R_i over the estimation window; s² with M − 1 degrees of freedom (MacKinlay 1997)',
};

/**
 * The deck of a computed study.
 * @throws never
 * @example buildDeckModel(input).slides.map((slide) => slide.heading)
 */
export function buildDeckModel(input: DeckModelInput): DeckModel {
  const options = input.result.options;
  const events = eventStudies(input);
  const source = `${dataSourceLine(input.prices.series.filter((series) => input.composed.units.some((unit) => unit.symbol === series.symbol || unit.benchmark === series.symbol)))}; abnormal returns: Kabuto calculations`;
  const query = studyQueryString(input.query);
  const method = `${MODEL_NAMES[options.model]} · estimation ${formatDayRange(options.estimationWindow)} · event window ${formatDayRange(options.eventWindow)}`;
  const footerOf = (studies: readonly EventStudy[]) => `${studies.map(eventLabel).join('; ')} · ${method}`;
  const notesOf = (studies: readonly EventStudy[], hasData: boolean) =>
    [
      ...(hasData ? [`Source: ${source}.`] : []),
      `Events: ${studies.map(eventLabel).join('; ')}.`,
      `Parameters: ${parameterText(options, input.query.returnKind)}.`,
      `Group test: ${portfolioTest(input.significanceTest).name} (${portfolioTest(input.significanceTest).source}).`,
      `Reproduce: /?${query} (Kabuto ${input.appVersion}).`,
    ].join('\n');
  const slide = (studies: readonly EventStudy[], hasData: boolean, content: Omit<DeckSlide, 'footer' | 'source' | 'notes'>): DeckSlide => ({
    ...content,
    footer: footerOf(studies),
    source: hasData ? `Source: ${source}.` : null,
    notes: notesOf(studies, hasData),
  });
  const colourOf = (symbol: string) => securityColour(Math.max(0, input.query.securities.indexOf(symbol)));
  const names = new Map(input.composed.units.map((unit) => [unit.symbol, unit.name]));
  const title = events.map((study) => shortTitle(study.event.title)).join(' and ');

  const slides: DeckSlide[] = [
    slide(events, true, { id: 'answer', layout: 'title', kicker: 'Event study', heading: answerHeading(events, names), blocks: [{ kind: 'text', paragraphs: answerLines(events, names) }] }),
    ...events.map((study) =>
      slide([study], true, {
        id: `event-${study.event.id}`,
        layout: study.result.securities.length === 0 ? 'single' : 'charts-over-table',
        heading: `${study.event.title} · day 0 ${study.dayZero ? formatDateWithWeekday(study.dayZero) : 'not in the data'}`,
        blocks: study.result.securities.length === 0 ? [{ kind: 'text', paragraphs: failureLines(study) }] : [
          { kind: 'chart', chart: withMarkers(priceChart({ id: `prices-${study.event.id}`, title: 'Prices rebased to 100 at day −1', units: unitsOf(input.composed, study), series: input.prices.series, days: chartDays(options.eventWindow), colourOf }), study, input) },
          { kind: 'chart', chart: withMarkers(abnormalReturnChart({ id: `ar-${study.event.id}`, title: 'Abnormal returns (bars) and CAR (lines)', securities: study.result.securities, names, days: chartDays(options.eventWindow), colourOf }), study, input) },
          { kind: 'table', table: eventTable(study.result, names, options.eventWindow, input.query.securities) },
        ],
      }),
    ),
    slide(events, true, {
      id: 'group',
      layout: 'charts-over-table',
      heading: `Group result: ${portfolioTest(input.significanceTest).name}`,
      blocks: [
        ...events.filter((study) => study.result.securities.length > 0).slice(0, 2).map((study) => ({ kind: 'chart' as const, chart: groupChart({ id: `group-${study.event.id}`, title: `${shortTitle(study.event.title)}: AAR and CAAR, 95% band`, result: study.result, days: chartDays(options.eventWindow) }) })),
        { kind: 'table', table: groupTable(events, input.significanceTest, options.eventWindow) },
      ],
    }),
    slide(events, true, {
      id: 'claims',
      layout: 'single',
      heading: 'What the article says, what the market did',
      blocks: [{ kind: 'table', table: claimsTable(checkClaims(relevantClaims(input), input.result, input.query.eventIds), input.events, names) }],
    }),
    slide(events, true, { id: 'methods', layout: 'single', heading: 'Methods and sources', blocks: [{ kind: 'facts', facts: methodFacts(input, source, query) }] }),
    slide(events, false, { id: 'glossary', layout: 'single', heading: 'Glossary', blocks: [{ kind: 'facts', facts: glossary(input.significanceTest) }] }),
  ];
  return { title, fileBase: studyFileNames(input.query).deck.replace(/\.pptx$/, ''), slides };
}

/**
 * Each event of the study with its own result, in the order the user chose them. A study of one
 * event is its result; with several, each event's units are run apart so no group test pools
 * events (their windows may share days).
 * @throws never
 */
export function eventStudies(input: Pick<DeckModelInput, 'query' | 'events' | 'composed' | 'result'>): EventStudy[] {
  const inStudy = input.query.eventIds.flatMap((id) => input.events.filter((event) => event.id === id));
  return inStudy.map((event) => {
    const dayZero = input.composed.units.find((unit) => unit.event.id === event.id)?.unit.dayZero ?? null;
    if (inStudy.length === 1) return { event, result: input.result, dayZero };
    const own = runComposedStudy(
      { units: input.composed.units.filter((unit) => unit.event.id === event.id), failures: input.composed.failures.filter((failure) => failure.eventId === event.id), eventDays: input.composed.eventDays },
      input.result.options,
    );
    const empty: StudyResult = { options: input.result.options, securities: [], failures: [], aggregate: { days: [], windows: [] } };
    return { event, result: own.result ?? empty, dayZero };
  });
}

function failureLines(study: EventStudy): string[] {
  const failures = study.result.failures.map((failure) => failure.error.message);
  return ['No security of this event could be computed.', ...failures];
}

function eventLabel(study: EventStudy): string {
  return `${shortTitle(study.event.title)} (day 0 ${study.dayZero ?? 'not in the data'})`;
}

function unitsOf(composed: ComposedStudy, study: EventStudy) {
  return composed.units.filter((unit) => unit.event.id === study.event.id);
}

// Lines at the day 0 of every event of the study that falls inside this event's window, on its calendar.
function withMarkers(chart: DeckChart, study: EventStudy, input: DeckModelInput): DeckChart {
  const unit = input.composed.units.find((item) => item.event.id === study.event.id);
  if (!unit) return chart;
  const zero = unit.unit.dates.indexOf(unit.unit.dayZero);
  const markers = input.query.eventIds.flatMap((eventId) => {
    const date = input.composed.eventDays.find((day) => day.eventId === eventId && day.exchange === unit.exchange)?.date;
    const day = date === undefined ? -1 : unit.unit.dates.indexOf(date) - zero;
    const event = input.events.find((item) => item.id === eventId);
    return date !== undefined && event && chart.days.includes(day) ? [{ day, label: shortTitle(event.title) }] : [];
  });
  return { ...chart, markers };
}

// The answer until the study summary gives it in words: the largest day-0 move of each event.
function answerHeading(events: readonly EventStudy[], names: ReadonlyMap<string, string>): string {
  const parts = events.flatMap((study) => {
    const moves = study.result.securities.map((security) => ({ security, move: securityMove(security, DAY_ZERO) }));
    const largest = moves.filter((item) => item.move.value !== null).sort((a, b) => Math.abs(b.move.value ?? 0) - Math.abs(a.move.value ?? 0))[0];
    return largest ? [`${names.get(largest.security.symbol) ?? largest.security.symbol} ${movePair(largest.move)} on the ${shortTitle(study.event.title)} day 0`] : [];
  });
  return parts.length > 0 ? parts.join('; ') : 'No security could be computed';
}

function answerLines(events: readonly EventStudy[], names: ReadonlyMap<string, string>): string[] {
  return events.flatMap((study) => [
    `${study.event.title} (day 0 ${study.dayZero ? formatDateWithWeekday(study.dayZero) : 'not in the data'}): day-0 abnormal returns ${study.result.securities.map((security) => `${names.get(security.symbol) ?? security.symbol} ${movePair(securityMove(security, DAY_ZERO))}`).join(', ')}.`,
  ]);
}

// Claims about at least one security of the study.
function relevantClaims(input: DeckModelInput): CheckedClaim[] {
  return input.claims.filter((claim) => claim.securities.some((symbol) => input.query.securities.includes(symbol)) && claim.events.some((id) => input.query.eventIds.includes(id)));
}

function parameterText(options: ResolvedStudyOptions, returnKind: string): string {
  return [
    MODEL_NAMES[options.model],
    `${returnKind} returns`,
    `estimation ${formatDayRange(options.estimationWindow)}`,
    options.gap ? `gap ${formatDayRange(options.gap)}` : 'no gap',
    `event window ${formatDayRange(options.eventWindow)}`,
    `CAR windows ${options.carWindows.map(formatDayRange).join(', ')}`,
    `at least ${options.minimumEstimationDays} estimation days`,
  ].join('; ');
}

function methodFacts(input: DeckModelInput, source: string, query: string) {
  const options = input.result.options;
  const test = portfolioTest(input.significanceTest);
  return [
    { term: 'Model', detail: `${MODEL_NAMES[options.model]}: ${MODEL_METHODS[options.model]}` },
    { term: 'Windows', detail: `${parameterText(options, input.query.returnKind)} (trading days relative to day 0)` },
    { term: 'Day 0', detail: "the first session of each security's own exchange that closes after the event" },
    { term: 'Tests', detail: `per security, t = CAR / sqrt(var CAR), two-sided (MacKinlay 1997); group, ${test.name} (${test.source}), each event on its own` },
    { term: 'Claim check', detail: CLAIM_RULE },
    { term: 'Sources', detail: source },
    { term: 'Made with', detail: `Kabuto ${input.appVersion}; reproduce with /?${query}` },
  ];
}

function glossary(test: PortfolioTestKey) {
  const named = portfolioTest(test);
  return [
    { term: 'AR', detail: "Abnormal return: the day's return less what the model expected from the market that day." },
    { term: 'CAR', detail: 'Cumulative abnormal return: the ARs added up over a window of days, e.g. [0, +1] for the event day and the next.' },
    { term: 'AAR, CAAR', detail: 'The average AR of the securities on a day, and those averages added up over the window.' },
    { term: named.name, detail: `${named.description}. ${named.assumes.clustering}` },
    { term: 'p-value', detail: 'How often a move at least this large would appear by chance if the event had no effect; two-sided.' },
    { term: '*, **, ***', detail: 'p < 0.10, p < 0.05, p < 0.01.' },
    { term: '95% band', detail: 'The CAAR ± 1.96 standard errors: where the band leaves out zero, the CAAR differs from zero at the 5% level if the securities move independently.' },
  ];
}
