/**
 * The answer of a study, once, for everything that states it: the answer panel at the top of the
 * page, slide 1 of the presentation, the manifest and the command-line tool's JSON. Per event (or
 * event cluster), side by side and never pooled: each security's day-0 abnormal return, its CAR over
 * [0, +1] and over the event window, each with its p-value in words ("+16.25 %, p < 0.001 —
 * significant at 1 %"), and the group's result under the test the rules pick (src/domain/test-choice.ts),
 * named, with the tests that do not fit the study and why; and whether anyone traded on it: each
 * security's day-0 volume as a multiple of its usual (estimation-window median) volume and its
 * abnormal log volume with its t (Campbell & Wasley 1996), or that its source has no volume.
 *
 * A security's numbers are tested by its own t = CAR / √var(CAR) (MacKinlay 1997, eq. 10–12; Student
 * t with the degrees of freedom of s²), exactly as the statistics table reads them; a window that is
 * not among the study's CAR windows is shown untested rather than tested by other means.
 */
import type { AbnormalVolume, AggregateTests, DayRange, SecurityResult, StudyResult, TestResult } from '../core/types.ts';
import { dateInWords } from '../domain/calendar.ts';
import type { PricesResponse } from '../domain/price-api.ts';
import { counted, listInWords, possessive } from '../domain/english.ts';
import { portfolioTest, type PortfolioTestKey } from '../domain/portfolio-tests.ts';
import { pValueInWords } from '../domain/significance.ts';
import { shortEventTitle, type StudyEvent } from '../domain/study-event.ts';
import { AUTOMATIC_TEST, chooseTest, studyShape, type TestSelection } from '../domain/test-choice.ts';
import type { ComposedStudy } from './compose-study.ts';
import type { StudyAnalysis, StudyGroupResult } from './study-analysis.ts';
import type { ContaminationChoice, EstimationContamination, EventOverlap, OverlapChoice } from './study-guardrails.ts';
import { factorGapsInWords, type FactorUse } from './study-factors.ts';

export const SUMMARY_FORMAT_VERSION = 1;

/** A number with its test: the value, the statistic and two-sided p-value, and both in words. */
export interface TestedNumber {
  /** The relative days it covers: [0, 0] for day 0. */
  window: DayRange;
  value: number | null;
  statistic: number | null;
  pValue: number | null;
  /** "+16.25 %, p < 0.001 — significant at 1 %", or the value and why it has no p-value. */
  words: string;
  /** The value alone, "+16.25 %" ("—" when missing): `words` starts with it. */
  valueWords: string;
}

export interface SummarySecurity {
  symbol: string;
  name: string;
  dayZero: string;
  dayZeroAr: TestedNumber;
  /** CAR over [0, +1]. */
  earlyCar: TestedNumber;
  /** CAR over the whole event window (a cluster's stretched window). */
  windowCar: TestedNumber;
  /** Estimation days left out because another event fell in them (contamination=exclude). */
  excludedDays: number;
  /** What the price source says of the security's event-window days, e.g. a price-limit hit on day 0. */
  notes: string[];
  /** Did anyone trade on it: day 0's volume against the usual, or why there is no answer. */
  volume: SummaryVolume;
}

/** An abnormal log volume (or its sum over a window) with its t, in words. */
export interface TestedVolume {
  window: DayRange;
  /** AV (a difference of logs), or CAV over the window; null without a volume. */
  value: number | null;
  statistic: number | null;
  pValue: number | null;
  /** Days of the window with a volume. */
  days: number;
  /** "t = 3.37, p < 0.001 — significant at 1 %", or why there is no t. */
  words: string;
}

/**
 * A security's trading volume around day 0 (Campbell & Wasley 1996, mean-adjusted log volume), or
 * why there is none: `no-volume` when its source carries no volume (indices, some sources), never
 * shown as zero.
 */
export type SummaryVolume =
  | {
      kind: 'abnormal-volume';
      /** Shares traded on day 0, null when the source has no bar that day. */
      dayZeroVolume: number | null;
      /** Median daily shares over the estimation days with a volume. */
      medianVolume: number;
      /** Day 0's shares over the median; null without a day-0 volume or with a median of 0. */
      dayZeroMultiple: number | null;
      /** "9.0×", or "—". */
      multipleWords: string;
      estimationDays: number;
      dayZero: TestedVolume;
      /** CAV over the event window. */
      window: TestedVolume;
      /** CAV over each CAR window of the study. */
      windows: TestedVolume[];
      /** "traded 9.0× its usual volume on day 0; abnormal log volume t = 3.37, p < 0.001 — significant at 1 %" */
      words: string;
    }
  | { kind: 'no-volume'; reason: string; words: string }
  | { kind: 'unavailable'; reason: string; words: string };

/** One portfolio test of the group, with whether it fits the study. */
export interface SummaryTest {
  key: PortfolioTestKey;
  name: string;
  fits: boolean;
  /** Why it does not fit; empty when it does. */
  reasons: string[];
  dayZero: TestedNumber;
  earlyWindow: TestedNumber;
  window: TestedNumber;
}

export interface SummaryGroup {
  /** The event id, or an event cluster's id ("a+b"). */
  id: string;
  kind: 'event' | 'cluster';
  eventIds: string[];
  title: string;
  /** Day 0 when every security shares it (the earlier event's, for a cluster), else null. */
  dayZero: string | null;
  eventWindow: DayRange;
  securities: SummarySecurity[];
  failures: { symbol: string; name: string; message: string }[];
  /** The test that states the group's result, and why it was chosen. */
  choice: { test: PortfolioTestKey; name: string; automatic: boolean; why: string; crossCheck: PortfolioTestKey | null; rulesTest: PortfolioTestKey };
  /** The equally weighted group under the chosen test (and its cross-check); null without securities. */
  result: { n: number; dayZeroAar: TestedNumber; earlyCaar: TestedNumber; windowCaar: TestedNumber; crossCheck: { name: string; dayZero: TestedNumber; window: TestedNumber } | null } | null;
  /** Every test of the registry: computed and exported whether it fits or not. */
  tests: SummaryTest[];
  /** The answer in sentences: one per security, then the group's, then each security's trading volume. */
  sentences: string[];
}

export interface SummaryNotice {
  kind: 'overlap' | 'contamination' | 'pooled' | 'factors';
  text: string;
  /** The groups whose numbers it concerns, so a slide of one group shows only its own notices. */
  groupIds: string[];
}

export interface StudySummary {
  formatVersion: number;
  /** Each event or event cluster, side by side. */
  groups: SummaryGroup[];
  overlap: { choice: OverlapChoice; overlaps: EventOverlap[] };
  contamination: { choice: ContaminationChoice; found: EstimationContamination[] };
  /** What the reader must know before trusting the numbers, in sentences. */
  notices: SummaryNotice[];
}

export interface SummaryInput {
  analysis: StudyAnalysis;
  /** Every known event (catalogue and custom): titles of the groups and of contaminating events. */
  events: readonly StudyEvent[];
  /** Company names by symbol; a symbol without one is named by its symbol. */
  names: ReadonlyMap<string, string>;
  /** The user's pick; the manifest and the command-line tool use the rules ('auto'). */
  selection?: TestSelection;
  /**
   * Notes of the price source by symbol, each starting with the YYYY-MM-DD date it concerns (the
   * snapshot's known defects); those dated inside a security's event window become its notes.
   */
  dataNotes?: ReadonlyMap<string, readonly string[]>;
  /** The factors the study added to the market model, with the days of its windows their file lacks. */
  factors?: FactorUse | null;
}

const DAY_ZERO: DayRange = { from: 0, to: 0 };
const EARLY: DayRange = { from: 0, to: 1 };

/**
 * The summary of an analysed study.
 * @throws never
 * @example buildStudySummary({ analysis, events, names }).groups[0]?.securities[1]?.dayZeroAr.words // '+16.25 %, p < 0.001 — significant at 1 %'
 */
export function buildStudySummary(input: SummaryInput): StudySummary {
  const { analysis } = input;
  const selection = input.selection ?? AUTOMATIC_TEST;
  const groups = analysis.groups.map((group) => summaryGroup(group, input, selection));
  return {
    formatVersion: SUMMARY_FORMAT_VERSION,
    groups,
    overlap: { choice: analysis.guards.overlap, overlaps: analysis.overlaps },
    contamination: { choice: analysis.guards.contamination, found: analysis.contaminations },
    notices: [...factorNotices(input), ...overlapNotices(input), ...contaminationNotices(input), ...pooledNotice(input)],
  };
}

/**
 * A fraction as a signed percentage for a sentence, with the space of the SI style: 0.1625 → "+16.25 %".
 * @throws never
 * @example percentInWords(-0.0227) // '-2.27 %'
 */
export function percentInWords(value: number): string {
  const text = Math.abs(value * 100).toFixed(2);
  if (Number(text) === 0) return `${text} %`;
  return `${value < 0 ? '-' : '+'}${text} %`;
}

function summaryGroup(group: StudyGroupResult, input: SummaryInput, selection: TestSelection): SummaryGroup {
  const { result } = group;
  const eventWindow = result.options.eventWindow;
  const nameOf = (symbol: string) => input.names.get(symbol) ?? symbol;
  const securities = result.securities.map(
    (security): SummarySecurity => ({
      symbol: security.symbol,
      name: nameOf(security.symbol),
      dayZero: security.dayZero,
      ...securityNumbers(security, eventWindow),
      excludedDays: security.excludedDays,
      notes: datedNotes(input.dataNotes?.get(security.symbol) ?? [], security.days[0]?.date, security.days.at(-1)?.date),
      volume: summaryVolume(security.volume, eventWindow),
    }),
  );
  const dayZeros = result.securities.map((security) => security.dayZero);
  const shape = studyShape(dayZeros);
  const choice = chooseTest(shape, selection);
  const rulesTest = selection === AUTOMATIC_TEST ? choice.test : chooseTest(shape, AUTOMATIC_TEST).test;
  const tests = choice.fits.map((fit): SummaryTest => {
    const numbers = groupNumbers(result, fit.key, eventWindow);
    return { key: fit.key, name: portfolioTest(fit.key).name, fits: fit.fits, reasons: fit.reasons, dayZero: numbers.dayZero, earlyWindow: numbers.early, window: numbers.window };
  });
  const chosen = groupNumbers(result, choice.test, eventWindow);
  const cross = choice.crossCheck === null ? null : groupNumbers(result, choice.crossCheck, eventWindow);
  const title = groupTitle(group, input.events);
  const shared = new Set(dayZeros);
  const summary: SummaryGroup = {
    id: group.id,
    kind: group.kind,
    eventIds: group.eventIds,
    title,
    dayZero: shared.size === 1 ? (dayZeros[0] ?? null) : null,
    eventWindow,
    securities,
    failures: result.failures.map((failure) => ({ symbol: failure.symbol, name: nameOf(failure.symbol), message: failure.error.message })),
    choice: { test: choice.test, name: portfolioTest(choice.test).name, automatic: choice.automatic, why: choice.why, crossCheck: choice.crossCheck, rulesTest },
    result:
      securities.length === 0
        ? null
        : {
            n: securities.length,
            dayZeroAar: chosen.dayZero,
            earlyCaar: chosen.early,
            windowCaar: chosen.window,
            crossCheck: cross && choice.crossCheck ? { name: portfolioTest(choice.crossCheck).name, dayZero: cross.dayZero, window: cross.window } : null,
          },
    tests,
    sentences: [],
  };
  summary.sentences = groupSentences(summary);
  return summary;
}

/**
 * One security's tested numbers as the answer states them: its day-0 AR, its CAR over [0, +1] and
 * over `eventWindow`, each tested by its own t. The claim check reads the same numbers.
 * @throws never
 * @example securityNumbers(security, { from: -5, to: 10 }).dayZeroAr.words // '+16.25 %, p < 0.001 — significant at 1 %'
 */
export function securityNumbers(security: SecurityResult, eventWindow: DayRange): Pick<SummarySecurity, 'dayZeroAr' | 'earlyCar' | 'windowCar'> {
  return {
    dayZeroAr: tested(security.days.find((day) => day.relativeDay === 0)?.ar ?? null, windowOf(security.windows, DAY_ZERO)?.t, DAY_ZERO),
    earlyCar: securityCar(security, EARLY),
    windowCar: securityCar(security, eventWindow),
  };
}

/**
 * What a tested number says after its value: "p < 0.001 — significant at 1 %", or why it has no p-value.
 * @throws never
 * @example pValuePart(summary.groups[0].securities[1].dayZeroAr) // 'p < 0.001 — significant at 1 %'
 */
export function pValuePart(number: TestedNumber): string {
  return number.words.slice(number.valueWords.length).replace(/^, /, '').trim();
}

/**
 * How the answer names the group's row: "All 2, equally weighted", or "The security alone".
 * @throws never
 * @example groupRowLabel(2) // 'All 2, equally weighted'
 */
export function groupRowLabel(securities: number): string {
  return securities === 1 ? 'The security alone' : `All ${securities}, equally weighted`;
}

/**
 * The summary's input for a composed study: companies named as the prices name them, and the price
 * sources' dated notes (the snapshot's known defects).
 * @throws never
 * @example buildStudySummary(summaryInputOf({ analysis, events, composed, prices }))
 */
export function summaryInputOf(input: { analysis: StudyAnalysis; events: readonly StudyEvent[]; composed: ComposedStudy; prices: PricesResponse; selection?: TestSelection; factors?: FactorUse | null }): SummaryInput {
  return {
    analysis: input.analysis,
    events: input.events,
    names: new Map(input.composed.units.map((item) => [item.symbol, item.name])),
    dataNotes: new Map(input.prices.series.map((series) => [series.symbol, series.provenance.defects])),
    ...(input.selection === undefined ? {} : { selection: input.selection }),
    factors: input.factors ?? null,
  };
}

function securityCar(security: SecurityResult, range: DayRange): TestedNumber {
  const window = windowOf(security.windows, range);
  // The CAR of a window's last day cumulates from the event window's start, so it is the window's
  // CAR only for a window that starts there.
  const lastDay = range.from === security.days[0]?.relativeDay ? (security.days.find((day) => day.relativeDay === range.to)?.car ?? null) : null;
  return tested(window?.car ?? lastDay, window?.t, range);
}

function groupNumbers(result: StudyResult, test: PortfolioTestKey, eventWindow: DayRange): { dayZero: TestedNumber; early: TestedNumber; window: TestedNumber } {
  const day = result.aggregate.days.find((entry) => entry.relativeDay === 0);
  const windowTest = (range: DayRange) => {
    const window = windowOf(result.aggregate.windows, range);
    return tested(window?.caar ?? null, window?.tests[test as keyof AggregateTests], range);
  };
  return { dayZero: tested(day?.aar ?? null, day?.tests[test as keyof AggregateTests], DAY_ZERO), early: windowTest(EARLY), window: windowTest(eventWindow) };
}

function windowOf<W extends DayRange>(windows: readonly W[], range: DayRange): W | undefined {
  return windows.find((window) => window.from === range.from && window.to === range.to);
}

function tested(value: number | null, test: TestResult | undefined, window: DayRange): TestedNumber {
  const base = { window: { ...window }, value, statistic: null, pValue: null };
  if (value === null) return { ...base, valueWords: '—', words: '— (not available: a return is missing)' };
  const valueWords = percentInWords(value);
  if (!test) return { ...base, valueWords, words: `${valueWords} (not tested: add the CAR window ${window.from}:${window.to})` };
  if (test.statistic === null) return { ...base, valueWords, words: `${valueWords} (no p-value: ${test.reason})` };
  return { ...base, statistic: test.statistic, pValue: test.pValue, valueWords, words: `${valueWords}, ${pValueInWords(test.pValue)}` };
}

const DATED_NOTE = /^(\d{4}-\d{2}-\d{2}): (.+)$/;

function datedNotes(notes: readonly string[], first: string | undefined, last: string | undefined): string[] {
  if (first === undefined || last === undefined) return [];
  return notes.flatMap((note) => {
    const match = DATED_NOTE.exec(note);
    const date = match?.[1];
    return date !== undefined && date >= first && date <= last ? [`${dateInWords(date)}: ${match?.[2] ?? ''}`] : [];
  });
}

function groupTitle(group: StudyGroupResult, events: readonly StudyEvent[]): string {
  const titles = group.eventIds.map((id) => eventTitle(id, events));
  return group.kind === 'cluster' ? `Event cluster: ${titles.join(' + ')}` : (titles[0] ?? group.id);
}

function eventTitle(id: string, events: readonly StudyEvent[]): string {
  return events.find((event) => event.id === id)?.title ?? id;
}

function groupSentences(group: SummaryGroup): string[] {
  const when = group.dayZero === null ? 'on day 0' : `on day 0 (${dateInWords(group.dayZero)})`;
  const perSecurity = group.securities.map((security) =>
    security.dayZeroAr.value === null
      ? `${possessive(security.name)} abnormal return ${when} is not available: a return is missing.`
      : `${possessive(security.name)} abnormal return ${when} was ${security.dayZeroAr.words}.`,
  );
  const volumes = group.securities.map(volumeSentence);
  if (group.result === null) return [...perSecurity, ...volumes];
  const together = group.result.n === 1 ? 'Alone' : `Together (${counted(group.result.n, 'security', 'securities')}, equally weighted)`;
  return [...perSecurity, `${together}, by the ${group.choice.name}: ${group.result.dayZeroAar.words} on day 0.`, ...volumes];
}

/**
 * A multiple of the usual volume as a sentence writes it: one decimal ("9.0×"), two below 0.1.
 * @throws never
 * @example multipleInWords(9.0388) // '9.0×'
 */
export function multipleInWords(multiple: number | null): string {
  if (multiple === null) return '—';
  const text = multiple.toFixed(1);
  return `${Number(text) === 0 ? multiple.toFixed(2) : text}×`;
}

/**
 * The sentence of a security's volume, as the answer panel writes it.
 * @throws never
 * @example volumeSentence(security) // 'IHI Corporation traded 9.0× its usual volume on day 0; abnormal log volume t = 3.37, p < 0.001 — significant at 1 %.'
 */
export function volumeSentence(security: Pick<SummarySecurity, 'name' | 'volume'>): string {
  if (security.volume.kind === 'abnormal-volume') return `${security.name} ${security.volume.words}.`;
  return `${security.name}: ${security.volume.words}.`;
}

const NO_VOLUME_WORDS = 'no volume in the source, so no abnormal volume';

function summaryVolume(volume: AbnormalVolume | undefined, eventWindow: DayRange): SummaryVolume {
  if (volume === undefined) return { kind: 'no-volume', reason: 'The prices carry no volume.', words: NO_VOLUME_WORDS };
  if (volume.kind === 'no-volume') return { kind: 'no-volume', reason: volume.reason, words: NO_VOLUME_WORDS };
  if (volume.kind === 'unavailable') return { kind: 'unavailable', reason: volume.reason, words: `no abnormal volume (${withoutSymbol(volume.reason)})` };
  const day = volume.days.find((entry) => entry.relativeDay === 0);
  const dayZero = testedVolume(DAY_ZERO, day?.abnormal ?? null, day?.t, day?.abnormal === null || day === undefined ? 0 : 1);
  const windows = volume.windows.map((window) => testedVolume({ from: window.from, to: window.to }, window.cumulative, window.t, window.days));
  const whole = windows.find((window) => window.window.from === eventWindow.from && window.window.to === eventWindow.to);
  const multipleWords = multipleInWords(volume.dayZeroMultiple);
  const traded = volume.dayZeroMultiple === null ? 'has no volume on day 0' : `traded ${multipleWords} its usual volume on day 0`;
  return {
    kind: 'abnormal-volume',
    dayZeroVolume: day?.volume ?? null,
    medianVolume: volume.medianVolume,
    dayZeroMultiple: volume.dayZeroMultiple,
    multipleWords,
    estimationDays: volume.estimationDays,
    dayZero,
    window: whole ?? testedVolume(eventWindow, null, undefined, 0),
    windows,
    words: dayZero.statistic === null ? traded : `${traded}; abnormal log volume ${dayZero.words}`,
  };
}

function testedVolume(window: DayRange, value: number | null, test: TestResult | undefined, days: number): TestedVolume {
  const base = { window: { ...window }, value, days };
  if (value === null || test === undefined) return { ...base, statistic: null, pValue: null, words: 'no volume on these days' };
  if (test.statistic === null) return { ...base, statistic: null, pValue: null, words: `no t (${test.reason})` };
  return { ...base, statistic: test.statistic, pValue: test.pValue, words: `t = ${test.statistic.toFixed(2)}, ${pValueInWords(test.pValue)}` };
}

// The engine's reasons start with the symbol, which the sentence has already named.
function withoutSymbol(reason: string): string {
  return reason.replace(/^[^:]*: /, '').replace(/\.$/, '');
}

function factorNotices({ factors, analysis }: SummaryInput): SummaryNotice[] {
  if (!factors) return [];
  const text = factorGapsInWords(factors.gaps, factors.file.name, factors.names);
  // The factors enter every group's model.
  return text === null ? [] : [{ kind: 'factors', text, groupIds: analysis.groups.map((group) => group.id) }];
}

function overlapNotices({ analysis, events, names }: SummaryInput): SummaryNotice[] {
  return analysis.overlaps.map((overlap) => {
    const [first, second] = overlap.eventIds.map((id) => `the ${shortEventTitle(eventTitle(id, events))}`) as [string, string];
    const who = listInWords(overlap.symbols.map((symbol) => names.get(symbol) ?? symbol));
    const shared = `their event windows share ${overlap.sharedDays} of ${counted(overlap.windowDays, 'trading day')} for ${who}`;
    const text =
      analysis.guards.overlap === 'cluster'
        ? `${capitalised(first)} and ${second} overlap (${shared}), so they are merged into one event cluster: one window per security from the first day of the earlier event's window to the last day of the later's.`
        : `${capitalised(first)} and ${second} overlap: ${shared}. Each is reported on its own, not pooled into one test, because the same stock-days would count twice. Merge them into one event cluster to test them together.`;
    return { kind: 'overlap', text, groupIds: groupsOf(analysis, overlap.eventIds) };
  });
}

function contaminationNotices({ analysis, events, names }: SummaryInput): SummaryNotice[] {
  const byEvent = new Map<string, EstimationContamination[]>();
  for (const item of analysis.contaminations) byEvent.set(item.contaminatingEventId, [...(byEvent.get(item.contaminatingEventId) ?? []), item]);
  return [...byEvent.values()].map((items) => {
    const first = items[0] as EstimationContamination;
    const who = listInWords([...new Set(items.map((item) => names.get(item.symbol) ?? item.symbol))]);
    const studied = [...new Set(items.map((item) => item.eventId))].map((groupId) => {
      const group = analysis.groups.find((candidate) => candidate.id === groupId);
      const title = group ? group.eventIds.map((id) => shortEventTitle(eventTitle(id, events))).join(' + ') : groupId;
      const relativeDays = [...new Set(items.filter((item) => item.eventId === groupId).map((item) => item.relativeDay))];
      return `the ${title} (its day ${relativeDays.join(' or ')})`;
    });
    const days = counted(Math.max(...items.map((item) => item.dates.length)), 'trading day');
    const windows = studied.length === 1 ? 'window' : 'windows';
    const where = `${shortEventTitle(eventTitle(first.contaminatingEventId, events))} (day 0 ${dateInWords(first.dayZero)}) lies inside the estimation ${windows} of ${who} for ${listInWords(studied)}`;
    const text =
      analysis.guards.contamination === 'exclude'
        ? `${where}: its window's ${days} are left out of the estimation.`
        : `${where}: the moves of its window's ${days} feed the normal returns and the variance the tests use.`;
    return { kind: 'contamination', text, groupIds: [...new Set(items.map((item) => item.eventId))] };
  });
}

// The groups (events or clusters) holding any of these events, in the order of the analysis.
function groupsOf(analysis: StudyAnalysis, eventIds: readonly string[]): string[] {
  return analysis.groups.filter((group) => group.eventIds.some((id) => eventIds.includes(id))).map((group) => group.id);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function pooledNotice({ analysis }: SummaryInput): SummaryNotice[] {
  if (!analysis.pooled) return [];
  return [
    {
      kind: 'pooled',
      groupIds: analysis.groups.map((group) => group.id),
      text: `The ${counted(analysis.groups.length, 'event')} do not overlap, so the portfolio file also pools them into one test (rows without an event id); the answer shows each event on its own.`,
    },
  ];
}
