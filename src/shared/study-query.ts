/**
 * "A study request" as a URL query: every choice of the page that determines the numbers (events,
 * custom events, securities, benchmarks, model, return kind, windows) plus the view choices that do
 * not (focused event, selected excerpt, the test marked on the CAAR chart). The page keeps its state
 * in this query, the server's /api/study.csv reads the same query, so a link and a download agree.
 *
 * ```text
 * events=us-election-2024,ishiba-trump-call-2024      catalogue and custom event ids, in the study
 * custom=custom-1~2024-12-27~15:00~Asia/Tokyo~Budget  one per custom event: id~date~time~zone~title
 * securities=7011.T,7013.T
 * benchmarks=XNYS:%5EGSPC,XTKS:TOPIX                  per exchange (ISO 10383 code)
 * model=market  returns-kind=simple
 * estimation=-250:-11  gap=  window=-5:10  car-windows=0:0,0:1,-1:1,-5:10
 * focus=us-election-2024  excerpt=markets-ihi-mhi-gains  test=bmpT
 * ```
 *
 * A missing parameter means its default. Parsing never throws: each invalid parameter is replaced
 * by its default and reported as a problem naming it, so the page can fall back and say why and the
 * server can refuse with a message.
 */
import { DEFAULT_STUDY_OPTIONS, EXCHANGES, exchangeForSymbol, isEventStudyError, parseDayRange, validateStudyOptions } from '../core/index.ts';
import type { AggregateTests, DayRange, ModelKind, ReturnKind } from '../core/types.ts';
import { isCalendarDate, isTimeOfDay, isTimeZone } from '../lib/calendar.ts';
import { symbolSyntaxProblem } from './symbol-syntax.ts';

export type ExchangeCode = keyof typeof EXCHANGES;

/** An event a user added, as a link carries it. */
export interface CustomEventSpec {
  /** custom-1, custom-2, …: never a catalogue id. */
  id: string;
  title: string;
  date: string;
  time?: string;
  timeZone: string;
}

/** The choices that determine the numbers of a study. */
export interface StudyQuery {
  /** The events in the study (catalogue or custom ids), in the order they were chosen. */
  eventIds: string[];
  customEvents: CustomEventSpec[];
  securities: string[];
  benchmarks: Record<ExchangeCode, string>;
  model: ModelKind;
  returnKind: ReturnKind;
  estimationWindow: DayRange;
  gap: DayRange | null;
  eventWindow: DayRange;
  carWindows: DayRange[];
}

/** The choices that only change what the page shows. */
export interface ViewQuery {
  focusEventId: string | null;
  excerptId: string | null;
  significanceTest: keyof AggregateTests;
}

export interface PageQuery {
  study: StudyQuery;
  view: ViewQuery;
}

/** One parameter that could not be used, with what was wrong, in words a user understands. */
export interface QueryProblem {
  parameter: string;
  message: string;
}

export interface ParsedQuery {
  query: PageQuery;
  problems: QueryProblem[];
}

/** What a parameter is checked against. */
export interface QueryContext {
  /** The ids of data/events.json. */
  catalogEventIds: readonly string[];
  /** The excerpts the page knows; without it, an excerpt id is only checked for its form. */
  excerptIds?: readonly string[];
}

/** The price server serves at most 20 symbols a request; two benchmarks leave room for 18 securities. */
export const MAX_SECURITIES = 18;
export const MAX_CUSTOM_EVENTS = 10;
export const MAX_TITLE_LENGTH = 120;

export const SIGNIFICANCE_TESTS: readonly (keyof AggregateTests)[] = [
  'crossSectionalT',
  'patellZ',
  'bmpT',
  'kpT',
  'j1',
  'j2',
  'signZ',
  'generalizedSignZ',
  'rankT',
  'wilcoxon',
];

const MODELS: readonly ModelKind[] = ['market', 'market-adjusted', 'mean-adjusted'];
const RETURN_KINDS: readonly ReturnKind[] = ['simple', 'log'];
const EXCHANGE_CODES = Object.keys(EXCHANGES) as ExchangeCode[];
const CUSTOM_ID = /^custom-[1-9]\d{0,2}$/;
const EXCERPT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const CUSTOM_SEPARATOR = '~';
const WINDOW_PARAMETERS = ['estimation', 'gap', 'window', 'car-windows'] as const;
const WINDOW_CHARACTERS = /^[-+0-9: ]{0,40}$/;

/** The parameters in their canonical order. */
const PARAMETERS = ['events', 'custom', 'securities', 'benchmarks', 'model', 'returns-kind', ...WINDOW_PARAMETERS, 'focus', 'excerpt', 'test'] as const;
type Parameter = (typeof PARAMETERS)[number];

/** The case the page opens on: MHI and IHI against TOPIX (^GSPC for New York) around the 2024 US election. */
export const DEFAULT_STUDY_QUERY: StudyQuery = Object.freeze({
  eventIds: ['us-election-2024'],
  customEvents: [],
  securities: ['7011.T', '7013.T'],
  benchmarks: { XTKS: 'TOPIX', XNYS: '^GSPC' },
  model: DEFAULT_STUDY_OPTIONS.model,
  returnKind: 'simple',
  estimationWindow: DEFAULT_STUDY_OPTIONS.estimationWindow,
  gap: null,
  eventWindow: DEFAULT_STUDY_OPTIONS.eventWindow,
  carWindows: DEFAULT_STUDY_OPTIONS.carWindows,
}) as StudyQuery;

export const DEFAULT_VIEW_QUERY: ViewQuery = Object.freeze({ focusEventId: null, excerptId: null, significanceTest: 'bmpT' });

type Checked<T> = { value: T } | { problem: string };

/**
 * Reads a query string (with or without its "?") into a page query. Every parameter that is
 * repeated, unknown or invalid falls back to its default and is listed in `problems`.
 * @throws never
 * @example parseStudyQuery('model=mean-adjusted', { catalogEventIds: ['us-election-2024'] }).query.study.model // 'mean-adjusted'
 * @example parseStudyQuery('model=probit', { catalogEventIds: [] }).problems // [{ parameter: 'model', message: '"probit" is not a model; use market, market-adjusted or mean-adjusted.' }]
 */
export function parseStudyQuery(search: string, context: QueryContext): ParsedQuery {
  const { single: values, custom, problems } = collect(search);
  const take = <T>(parameter: Parameter, fallback: T, check: (text: string) => Checked<T>): T => {
    const text = values.get(parameter);
    if (text === undefined) return fallback;
    const checked = check(text);
    if ('value' in checked) return checked.value;
    problems.push({ parameter, message: checked.problem });
    return fallback;
  };
  const customEvents = takeCustomEvents(custom, context, problems);
  const eventIds = [...context.catalogEventIds, ...customEvents.map((event) => event.id)];
  const study: StudyQuery = {
    eventIds: take('events', [...DEFAULT_STUDY_QUERY.eventIds], (text) => checkEventIds(text, eventIds)),
    customEvents,
    securities: take('securities', [...DEFAULT_STUDY_QUERY.securities], checkSecurities),
    benchmarks: take('benchmarks', { ...DEFAULT_STUDY_QUERY.benchmarks }, checkBenchmarks),
    model: take('model', DEFAULT_STUDY_QUERY.model, (text) => checkChoice(text, MODELS, 'a model')),
    returnKind: take('returns-kind', DEFAULT_STUDY_QUERY.returnKind, (text) => checkChoice(text, RETURN_KINDS, 'a kind of return')),
    ...takeWindows(values, problems),
  };
  const view: ViewQuery = {
    focusEventId: take('focus', null, (text) => checkKnown(text, eventIds, 'an event of data/events.json or of the link')),
    excerptId: take('excerpt', null, (text) => checkExcerpt(text, context.excerptIds)),
    significanceTest: take('test', DEFAULT_VIEW_QUERY.significanceTest, (text) => checkChoice(text, SIGNIFICANCE_TESTS, 'a portfolio test')),
  };
  return { query: { study, view }, problems };
}

/**
 * The canonical query string of a page query, without "?": every study parameter always (so a link
 * keeps its meaning if a default ever changes), view parameters when set, in a fixed order.
 * @throws never
 * @example serializeStudyQuery({ study: DEFAULT_STUDY_QUERY, view: DEFAULT_VIEW_QUERY })
 *   // 'events=us-election-2024&securities=7011.T,7013.T&benchmarks=XNYS:%5EGSPC,XTKS:TOPIX&model=market&…&test=bmpT'
 */
export function serializeStudyQuery(query: PageQuery): string {
  const { view } = query;
  const pairs = studyPairs(query.study);
  if (view.focusEventId !== null) pairs.push(['focus', view.focusEventId]);
  if (view.excerptId !== null) pairs.push(['excerpt', view.excerptId]);
  pairs.push(['test', view.significanceTest]);
  return queryText(pairs);
}

/**
 * The canonical query string of the study parameters alone: what /api/study.csv needs to give the
 * same numbers.
 * @throws never
 * @example studyQueryString(DEFAULT_STUDY_QUERY) // 'events=us-election-2024&securities=7011.T,7013.T&…&car-windows=0:0,0:1,-1:1,-5:10'
 */
export function studyQueryString(study: StudyQuery): string {
  return queryText(studyPairs(study));
}

/**
 * The CAR windows of an event window when none are given: the default windows that fit inside it,
 * then the whole event window (the command-line tool uses the same rule).
 * @throws never
 * @example defaultCarWindows({ from: -3, to: 3 }) // [{ from: 0, to: 0 }, { from: 0, to: 1 }, { from: -1, to: 1 }, { from: -3, to: 3 }]
 */
export function defaultCarWindows(eventWindow: DayRange): DayRange[] {
  const inside = DEFAULT_STUDY_OPTIONS.carWindows.filter((range) => range.from >= eventWindow.from && range.to <= eventWindow.to);
  const whole = inside.some((range) => range.from === eventWindow.from && range.to === eventWindow.to);
  return (whole ? inside : [...inside, eventWindow]).map((range) => ({ ...range }));
}

function studyPairs(study: StudyQuery): [Parameter, string][] {
  return [
    ['events', study.eventIds.join(',')],
    ...study.customEvents.map((event): [Parameter, string] => ['custom', customText(event)]),
    ['securities', study.securities.join(',')],
    ['benchmarks', EXCHANGE_CODES.map((code) => `${code}:${study.benchmarks[code]}`).sort().join(',')],
    ['model', study.model],
    ['returns-kind', study.returnKind],
    ['estimation', rangeText(study.estimationWindow)],
    ['gap', study.gap === null ? '' : rangeText(study.gap)],
    ['window', rangeText(study.eventWindow)],
    ['car-windows', study.carWindows.map(rangeText).join(',')],
  ];
}

function queryText(pairs: readonly [Parameter, string][]): string {
  return pairs.map(([name, value]) => `${name}=${encodeValue(value)}`).join('&');
}

function customText(event: CustomEventSpec): string {
  return [event.id, event.date, event.time ?? '', event.timeZone, event.title].join(CUSTOM_SEPARATOR);
}

// Commas, colons and slashes may stand unescaped in a query (RFC 3986), which keeps links readable;
// URLSearchParams reads them back either way. An apostrophe is escaped because browsers escape it in
// a query, and the page compares what it wrote with what location.search gives back.
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/').replace(/'/g, '%27');
}

function rangeText(range: DayRange): string {
  return `${range.from}:${range.to}`;
}

interface Collected {
  /** The value of each parameter given exactly once (custom excepted). */
  single: Map<Parameter, string>;
  /** Every value of the repeatable custom parameter. */
  custom: string[];
  problems: QueryProblem[];
}

function collect(search: string): Collected {
  const all = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(search)) all.set(name, [...(all.get(name) ?? []), value]);
  const collected: Collected = { single: new Map(), custom: all.get('custom') ?? [], problems: [] };
  for (const [name, list] of all) {
    if (name === 'custom') continue;
    if (!isParameter(name)) collected.problems.push({ parameter: quoted(name), message: 'This is not a setting of the study.' });
    else if (list.length > 1) collected.problems.push({ parameter: name, message: `It is given ${list.length} times; give it once.` });
    else collected.single.set(name, list[0] ?? '');
  }
  return collected;
}

function isParameter(name: string): name is Parameter {
  return (PARAMETERS as readonly string[]).includes(name);
}

function takeCustomEvents(texts: readonly string[], context: QueryContext, problems: QueryProblem[]): CustomEventSpec[] {
  if (texts.length > MAX_CUSTOM_EVENTS) {
    problems.push({ parameter: 'custom', message: `It holds ${texts.length} events; a link carries at most ${MAX_CUSTOM_EVENTS}.` });
    return [];
  }
  const events: CustomEventSpec[] = [];
  for (const text of texts) {
    const checked = checkCustomEvent(text, context.catalogEventIds, events);
    if ('problem' in checked) {
      problems.push({ parameter: 'custom', message: checked.problem });
      return [];
    }
    events.push(checked.value);
  }
  return events;
}

function checkCustomEvent(text: string, catalogIds: readonly string[], earlier: readonly CustomEventSpec[]): Checked<CustomEventSpec> {
  const parts = text.split(CUSTOM_SEPARATOR);
  const [id = '', date = '', time = '', timeZone = ''] = parts;
  const title = parts.slice(4).join(CUSTOM_SEPARATOR).trim();
  const where = quoted(text);
  if (parts.length < 5) return { problem: `The event ${where} is not written id~date~time~zone~title, e.g. custom-1~2024-12-27~~Asia/Tokyo~Budget.` };
  if (!CUSTOM_ID.test(id) || catalogIds.includes(id)) return { problem: `The event ${where}: the id must be custom-1, custom-2, …` };
  if (earlier.some((event) => event.id === id)) return { problem: `The event ${where}: the id ${id} is used twice.` };
  if (!isCalendarDate(date)) return { problem: `The event ${where}: ${quoted(date)} is not a date written YYYY-MM-DD.` };
  if (time !== '' && !isTimeOfDay(time)) return { problem: `The event ${where}: ${quoted(time)} is not a time written HH:mm.` };
  if (!isTimeZone(timeZone)) return { problem: `The event ${where}: ${quoted(timeZone)} is not an IANA time zone such as Asia/Tokyo.` };
  if (title === '' || title.length > MAX_TITLE_LENGTH || CONTROL_CHARACTER.test(title)) {
    return { problem: `The event ${where}: the title must be 1 to ${MAX_TITLE_LENGTH} characters of text.` };
  }
  return { value: { id, title, date, ...(time === '' ? {} : { time }), timeZone } };
}

function checkEventIds(text: string, known: readonly string[]): Checked<string[]> {
  const ids = listOf(text);
  for (const id of ids) {
    if (!known.includes(id)) return { problem: `${quoted(id)} is not an event of data/events.json or of the link's custom events.` };
  }
  const repeated = firstRepeated(ids);
  return repeated === undefined ? { value: ids } : { problem: `It lists ${quoted(repeated)} twice.` };
}

function checkSecurities(text: string): Checked<string[]> {
  const typed = listOf(text);
  if (typed.length > MAX_SECURITIES) return { problem: `It lists ${typed.length} securities; at most ${MAX_SECURITIES} fit one study.` };
  // Checked as typed, upper-cased after: toUpperCase turns 'ß' into 'SS', which would pass.
  for (const symbol of typed) {
    const problem = symbolSyntaxProblem(symbol);
    if (problem !== null) return { problem: `${quoted(symbol)} ${problem}.` };
  }
  const symbols = typed.map((symbol) => symbol.toUpperCase());
  const repeated = firstRepeated(symbols);
  return repeated === undefined ? { value: symbols } : { problem: `It lists ${quoted(repeated)} twice.` };
}

function checkBenchmarks(text: string): Checked<Record<ExchangeCode, string>> {
  const benchmarks = { ...DEFAULT_STUDY_QUERY.benchmarks };
  const seen = new Set<string>();
  for (const item of listOf(text)) {
    const [code = '', symbolText = '', ...rest] = item.split(':');
    if (rest.length > 0 || !isExchangeCode(code)) return { problem: `${quoted(item)} is not EXCHANGE:SYMBOL with an exchange of ${EXCHANGE_CODES.join(' or ')}, e.g. XTKS:TOPIX.` };
    if (seen.has(code)) return { problem: `It gives ${code} twice.` };
    const problem = symbolSyntaxProblem(symbolText);
    if (problem !== null) return { problem: `${quoted(symbolText)} ${problem}.` };
    const symbol = symbolText.toUpperCase();
    if (exchangeForSymbol(symbol).code !== code) return { problem: `${quoted(symbol)} does not trade on ${EXCHANGES[code].name}, so it cannot be its benchmark.` };
    seen.add(code);
    benchmarks[code] = symbol;
  }
  return { value: benchmarks };
}

function isExchangeCode(code: string): code is ExchangeCode {
  return (EXCHANGE_CODES as readonly string[]).includes(code);
}

function checkChoice<T extends string>(text: string, allowed: readonly T[], what: string): Checked<T> {
  const found = allowed.find((choice) => choice === text);
  return found === undefined ? { problem: `${quoted(text)} is not ${what}; use ${allowed.join(', ').replace(/, ([^,]*)$/, ' or $1')}.` } : { value: found };
}

function checkKnown(text: string, known: readonly string[], what: string): Checked<string> {
  return known.includes(text) ? { value: text } : { problem: `${quoted(text)} is not ${what}.` };
}

function checkExcerpt(text: string, known: readonly string[] | undefined): Checked<string> {
  if (!EXCERPT_ID.test(text)) return { problem: `${quoted(text)} is not an excerpt id.` };
  if (known !== undefined && !known.includes(text)) return { problem: `No excerpt ${quoted(text)} is known to this page.` };
  return { value: text };
}

type Windows = Pick<StudyQuery, 'estimationWindow' | 'gap' | 'eventWindow' | 'carWindows'>;

// Each window is checked alone first; a set of windows that is wrong together (overlapping, a CAR
// window outside the event window) falls back as a whole, since no one of them is to blame.
function takeWindows(values: ReadonlyMap<Parameter, string>, problems: QueryProblem[]): Windows {
  const own = (parameter: (typeof WINDOW_PARAMETERS)[number], fallback: DayRange | null, read: (text: string) => DayRange | null): DayRange | null => {
    const text = values.get(parameter);
    if (text === undefined) return fallback;
    try {
      return read(text);
    } catch (error) {
      problems.push({ parameter, message: windowMessage(error, text) });
      return fallback;
    }
  };
  const estimationWindow = own('estimation', DEFAULT_STUDY_QUERY.estimationWindow, parseDayRange) ?? DEFAULT_STUDY_QUERY.estimationWindow;
  const gap = own('gap', null, (text) => (text === '' ? null : parseDayRange(text)));
  const eventWindow = own('window', DEFAULT_STUDY_QUERY.eventWindow, parseDayRange) ?? DEFAULT_STUDY_QUERY.eventWindow;
  const carText = values.get('car-windows');
  const carWindows = carText === undefined ? defaultCarWindows(eventWindow) : (checkCarWindows(carText, problems) ?? defaultCarWindows(eventWindow));
  const windows: Windows = { estimationWindow: { ...estimationWindow }, gap: gap && { ...gap }, eventWindow: { ...eventWindow }, carWindows };
  try {
    validateStudyOptions({ ...DEFAULT_STUDY_OPTIONS, ...windows });
    return windows;
  } catch (error) {
    const given = WINDOW_PARAMETERS.filter((parameter) => values.get(parameter) !== undefined);
    problems.push({ parameter: given.join(', '), message: windowMessage(error, '') });
    return { estimationWindow: { ...DEFAULT_STUDY_QUERY.estimationWindow }, gap: null, eventWindow: { ...DEFAULT_STUDY_QUERY.eventWindow }, carWindows: defaultCarWindows(DEFAULT_STUDY_QUERY.eventWindow) };
  }
}

function checkCarWindows(text: string, problems: QueryProblem[]): DayRange[] | null {
  const parts = listOf(text);
  if (parts.length === 0) {
    problems.push({ parameter: 'car-windows', message: 'It is empty; give at least one CAR window, e.g. 0:0,0:1,-1:1.' });
    return null;
  }
  const ranges: DayRange[] = [];
  for (const part of parts) {
    try {
      ranges.push(parseDayRange(part));
    } catch (error) {
      problems.push({ parameter: 'car-windows', message: windowMessage(error, part) });
      return null;
    }
  }
  return ranges;
}

// The engine's message repeats the text as typed; text beyond a window's own characters is quoted
// here instead, so a link cannot put arbitrary text into a message.
function windowMessage(error: unknown, text: string): string {
  if (isEventStudyError(error) && WINDOW_CHARACTERS.test(text)) return error.message;
  return `${quoted(text)} is not a window: write two whole trading-day offsets separated by a colon, e.g. -250:-11.`;
}

function listOf(text: string): string[] {
  return text === '' ? [] : text.split(',');
}

function firstRepeated(items: readonly string[]): string | undefined {
  return items.find((item, index) => items.indexOf(item) !== index);
}

/** Text from a link, JSON-quoted and cut short, so a hostile value cannot flood or forge a message. */
function quoted(text: string): string {
  const shortened = text.length > 40 ? `${text.slice(0, 40)}...` : text;
  return JSON.stringify(shortened).replace(/[^\x20-\x7e]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
