/**
 * "A study request" as a URL query: every choice of the page that determines the numbers (events,
 * custom events, securities, benchmarks, model, return kind, windows) plus the view choices that do
 * not (focused event, selected excerpt, the test that states the answer and stars the CAAR chart). The page keeps its state
 * in this query, the server's /api/study.csv reads the same query, so a link and a download agree.
 *
 * ```text
 * events=us-election-2024,ishiba-trump-call-2024      catalogue and custom event ids, in the study
 * custom=custom-1~2024-12-27~15:00~Asia/Tokyo~Budget  one per custom event: id~date~time~zone~title
 * securities=7011.T,7013.T
 * benchmarks=XNYS:%5EGSPC,XTKS:TOPIX                  per exchange (a MIC of src/domain/exchanges.ts)
 * model=market  returns-kind=simple
 * factors=SMB,HML  factor-file=ba7816bf8f01cfea~ff3.csv  factors from the user's file (its short SHA-256 and name); only with factors
 * estimation=-250:-11  gap=  window=-5:10  car-windows=0:0,0:1,-1:1,-5:10
 * min-estimation=30                                   fewest usable estimation days (src/domain/estimation-minimum.ts)
 * overlap=separate                                    or cluster: overlapping events merged into one event cluster
 * contamination=keep                                  or exclude: other events' windows left out of the estimation
 * focus=us-election-2024  excerpt=markets-ihi-mhi-gains  test=auto   (or a test's key, e.g. bmpT, to force it)
 * ```
 *
 * Each parameter is read by its own zod schema, so one bad parameter never spoils the others: a
 * missing parameter means its default, and an invalid one is replaced by its default and reported
 * as a problem naming it, so the page can fall back and say why and the server can refuse with a
 * message. Every limit of src/application/study-limits.ts is checked here, before anything is
 * fetched or computed. Parsing never throws.
 */
import { z } from 'zod';
import { DEFAULT_STUDY_OPTIONS, isEventStudyError, parseDayRange, validateStudyOptions } from '../core/index.ts';
import type { DayRange, ModelKind, ReturnKind } from '../core/types.ts';
import { isCalendarDate, isTimeOfDay, isTimeZone } from '../domain/calendar.ts';
import { EXCHANGE_CODES, EXCHANGE_REGISTRY, exchangeForSymbol, isExchangeCode, type ExchangeCode } from '../domain/exchanges.ts';
import { PORTFOLIO_TEST_KEYS } from '../domain/portfolio-tests.ts';
import { AUTOMATIC_TEST, type TestSelection } from '../domain/test-choice.ts';
import { DEFAULT_MINIMUM_ESTIMATION_DAYS, readMinimumEstimationDays } from '../domain/estimation-minimum.ts';
import { FACTOR_FILE_LIMITS, factorNameSchema } from '../domain/factor-file.ts';
import { FACTOR_HASH_DIGITS } from '../domain/factor-hash.ts';
import type { FactorChoice } from './study-factors.ts';
import { symbolSyntaxProblem } from '../domain/symbol.ts';
import { defaultCarWindows } from './default-car-windows.ts';
import { CONTAMINATION_CHOICES, DEFAULT_GUARDS, OVERLAP_CHOICES, type ContaminationChoice, type OverlapChoice } from './study-guardrails.ts';
import { carWindowCountProblem, eventDateProblem, STUDY_LIMITS, windowLimitProblem, type WindowKind } from './study-limits.ts';

export { defaultCarWindows };

/** An event a user added, as a link carries it. */
export interface CustomEventSpec {
  /** custom-1, custom-2, …: never a catalogue id. */
  id: string;
  title: string;
  date: string;
  time?: string;
  timeZone: string;
}

/** The benchmark chosen for each exchange the query names; an exchange it does not name uses its registry default. */
export type BenchmarkChoices = Partial<Record<ExchangeCode, string>>;

/** The choices that determine the numbers of a study. */
export interface StudyQuery {
  /** The events in the study (catalogue or custom ids), in the order they were chosen. */
  eventIds: string[];
  customEvents: CustomEventSpec[];
  securities: string[];
  benchmarks: BenchmarkChoices;
  model: ModelKind;
  returnKind: ReturnKind;
  estimationWindow: DayRange;
  gap: DayRange | null;
  eventWindow: DayRange;
  carWindows: DayRange[];
  /** Fewer usable estimation days than this fails a security; at least the model's floor. */
  minimumEstimationDays: number;
  /** Factors added to the market model from the user's file, or null for none. */
  factors: FactorChoice | null;
  /** Overlapping events: each reported on its own (default), or merged into one event cluster. */
  overlap: OverlapChoice;
  /** Another event inside an estimation window: kept (default, and reported), or its window left out. */
  contamination: ContaminationChoice;
}

/** The choices that only change what the page shows. */
export interface ViewQuery {
  focusEventId: string | null;
  excerptId: string | null;
  /** The test that states the answer and stars the chart: the rules' choice ('auto') or one forced by name. */
  significanceTest: TestSelection;
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

const MODELS = ['market', 'market-adjusted', 'mean-adjusted'] as const satisfies readonly ModelKind[];
const RETURN_KINDS = ['simple', 'log'] as const satisfies readonly ReturnKind[];
const CUSTOM_ID = /^custom-[1-9]\d{0,2}$/;
const EXCERPT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const CUSTOM_SEPARATOR = '~';
const WINDOW_PARAMETERS = ['estimation', 'gap', 'window', 'car-windows'] as const;
const WINDOW_CHARACTERS = /^[-+0-9: ]{0,40}$/;

/** The parameters in their canonical order. */
const PARAMETERS = [
  'events',
  'custom',
  'securities',
  'benchmarks',
  'model',
  'factors',
  'factor-file',
  'returns-kind',
  ...WINDOW_PARAMETERS,
  'min-estimation',
  'overlap',
  'contamination',
  'focus',
  'excerpt',
  'test',
] as const;
type Parameter = (typeof PARAMETERS)[number];

/** The case the page opens on: MHI and IHI against TOPIX (^GSPC for New York) around the 2024 US election. */
export const DEFAULT_STUDY_QUERY: StudyQuery = Object.freeze({
  eventIds: ['us-election-2024'],
  customEvents: [],
  securities: ['7011.T', '7013.T'],
  benchmarks: { XTKS: EXCHANGE_REGISTRY.XTKS.benchmarks[0], XNYS: EXCHANGE_REGISTRY.XNYS.benchmarks[0] },
  model: DEFAULT_STUDY_OPTIONS.model,
  returnKind: 'simple',
  estimationWindow: DEFAULT_STUDY_OPTIONS.estimationWindow,
  gap: null,
  eventWindow: DEFAULT_STUDY_OPTIONS.eventWindow,
  carWindows: DEFAULT_STUDY_OPTIONS.carWindows,
  minimumEstimationDays: DEFAULT_MINIMUM_ESTIMATION_DAYS,
  factors: null,
  overlap: DEFAULT_GUARDS.overlap,
  contamination: DEFAULT_GUARDS.contamination,
}) as StudyQuery;

export const DEFAULT_VIEW_QUERY: ViewQuery = Object.freeze({ focusEventId: null, excerptId: null, significanceTest: AUTOMATIC_TEST });

/** The values `test=` accepts: the rules' choice first, then every test of the registry. */
const TEST_SELECTIONS: readonly TestSelection[] = [AUTOMATIC_TEST, ...PORTFOLIO_TEST_KEYS];

/**
 * Reads a query string (with or without its "?") into a page query. Every parameter that is
 * repeated, unknown or invalid falls back to its default and is listed in `problems`.
 * @throws never
 * @example parseStudyQuery('model=mean-adjusted', { catalogEventIds: ['us-election-2024'] }).query.study.model // 'mean-adjusted'
 * @example parseStudyQuery('model=probit', { catalogEventIds: [] }).problems // [{ parameter: 'model', message: '"probit" is not a model; use market, market-adjusted or mean-adjusted.' }]
 */
export function parseStudyQuery(search: string, context: QueryContext): ParsedQuery {
  const { single: values, custom, problems } = collect(search);
  const take = <T>(parameter: Parameter, fallback: T, schema: z.ZodType<T, string>): T => {
    const text = values.get(parameter);
    if (text === undefined) return fallback;
    return parsedOr(schema, text, fallback, (message) => problems.push({ parameter, message }));
  };
  const customEvents = parsedOr(customEventsSchema(context.catalogEventIds), custom, [], (message) => problems.push({ parameter: 'custom', message }));
  const eventIds = [...context.catalogEventIds, ...customEvents.map((event) => event.id)];
  const model = take('model', DEFAULT_STUDY_QUERY.model, choiceSchema(MODELS, 'a model'));
  const factors = takeFactors(values, model, problems);
  const study: StudyQuery = {
    eventIds: take('events', [...DEFAULT_STUDY_QUERY.eventIds], eventIdsSchema(eventIds)),
    customEvents,
    securities: take('securities', [...DEFAULT_STUDY_QUERY.securities], securitiesSchema),
    benchmarks: take('benchmarks', { ...DEFAULT_STUDY_QUERY.benchmarks }, benchmarksSchema),
    model,
    returnKind: take('returns-kind', DEFAULT_STUDY_QUERY.returnKind, choiceSchema(RETURN_KINDS, 'a kind of return')),
    ...takeWindows(values, problems, takeMinimum(values, model, factors?.names.length ?? 0, problems)),
    factors,
    overlap: take('overlap', DEFAULT_STUDY_QUERY.overlap, choiceSchema(OVERLAP_CHOICES, 'a way to treat overlapping events')),
    contamination: take('contamination', DEFAULT_STUDY_QUERY.contamination, choiceSchema(CONTAMINATION_CHOICES, 'a way to treat other events in an estimation window')),
  };
  const view: ViewQuery = {
    focusEventId: take('focus', null, knownSchema(eventIds, 'an event of data/events.json or of the link')),
    excerptId: take('excerpt', null, excerptSchema(context.excerptIds)),
    significanceTest: take('test', DEFAULT_VIEW_QUERY.significanceTest, choiceSchema(TEST_SELECTIONS, 'a portfolio test')),
  };
  return { query: { study, view }, problems };
}

/**
 * The canonical query string of a page query, without "?": every study parameter always (so a link
 * keeps its meaning if a default ever changes), view parameters when set, in a fixed order.
 * @throws never
 * @example serializeStudyQuery({ study: DEFAULT_STUDY_QUERY, view: DEFAULT_VIEW_QUERY })
 *   // 'events=us-election-2024&securities=7011.T,7013.T&benchmarks=XNYS:%5EGSPC,XTKS:TOPIX&model=market&…&contamination=keep&test=auto'
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
 * @example studyQueryString(DEFAULT_STUDY_QUERY) // 'events=us-election-2024&securities=7011.T,7013.T&…&car-windows=0:0,0:1,-1:1,-5:10&overlap=separate&contamination=keep'
 */
export function studyQueryString(study: StudyQuery): string {
  return queryText(studyPairs(study));
}

function studyPairs(study: StudyQuery): [Parameter, string][] {
  const benchmarks = Object.entries(study.benchmarks).flatMap(([code, symbol]) => (symbol === undefined ? [] : [`${code}:${symbol}`]));
  return [
    ['events', study.eventIds.join(',')],
    ...study.customEvents.map((event): [Parameter, string] => ['custom', customText(event)]),
    ['securities', study.securities.join(',')],
    ['benchmarks', benchmarks.sort().join(',')],
    ['model', study.model],
    // Only a study with factors names them: no parameter can mean anything but "no factors".
    ...(study.factors === null
      ? []
      : [
          ['factors', study.factors.names.join(',')] as [Parameter, string],
          ['factor-file', `${study.factors.file.hash}${CUSTOM_SEPARATOR}${study.factors.file.name}`] as [Parameter, string],
        ]),
    ['returns-kind', study.returnKind],
    ['estimation', rangeText(study.estimationWindow)],
    ['gap', study.gap === null ? '' : rangeText(study.gap)],
    ['window', rangeText(study.eventWindow)],
    ['car-windows', study.carWindows.map(rangeText).join(',')],
    ['min-estimation', String(study.minimumEstimationDays)],
    ['overlap', study.overlap],
    ['contamination', study.contamination],
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

/** The schema's value for `input`, or `fallback` after reporting the first problem. */
function parsedOr<I, T>(schema: z.ZodType<T, I>, input: I, fallback: T, report: (message: string) => void): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  report(parsed.error.issues[0]?.message ?? 'It cannot be used.');
  return fallback;
}

/** Adds `message` as the issue of a failed check; for `.superRefine`/`.transform` callbacks. */
function fail(context: z.RefinementCtx, message: string): typeof z.NEVER {
  context.addIssue({ code: 'custom', message });
  return z.NEVER;
}

/** A comma-separated list, at most `most` items, each read by `item`; `tooMany` words the count. */
function listSchema<T>(item: z.ZodType<T, string>, most: number, tooMany: (count: number) => string) {
  return z
    .string()
    .transform((text) => (text === '' ? [] : text.split(',')))
    .pipe(z.array(z.string()).max(most, { error: (issue) => tooMany((issue.input as unknown[]).length) }))
    .pipe(z.array(item));
}

function noneRepeated<T>(items: readonly T[], context: z.RefinementCtx, text: (item: T) => string): void {
  const repeated = items.find((item, index) => items.indexOf(item) !== index);
  if (repeated !== undefined) fail(context, `It lists ${quoted(text(repeated))} twice.`);
}

function choiceSchema<T extends string>(allowed: readonly T[], what: string): z.ZodType<T, string> {
  const words = allowed.join(', ').replace(/, ([^,]*)$/, ' or $1');
  return z.enum(allowed as readonly [T, ...T[]], { error: (issue) => `${quoted(String(issue.input))} is not ${what}; use ${words}.` }) as unknown as z.ZodType<T, string>;
}

function knownSchema(known: readonly string[], what: string) {
  return z.string().refine((text) => known.includes(text), { error: (issue) => `${quoted(String(issue.input))} is not ${what}.` });
}

function excerptSchema(known: readonly string[] | undefined) {
  return z
    .string()
    .regex(EXCERPT_ID, { error: (issue) => `${quoted(String(issue.input))} is not an excerpt id.` })
    .refine((text) => known === undefined || known.includes(text), { error: (issue) => `No excerpt ${quoted(String(issue.input))} is known to this page.` });
}

function eventIdsSchema(known: readonly string[]) {
  const id = z.string().refine((text) => known.includes(text), { error: (issue) => `${quoted(String(issue.input))} is not an event of data/events.json or of the link's custom events.` });
  return listSchema(id, STUDY_LIMITS.events, (count) => `It lists ${count} events; at most ${STUDY_LIMITS.events} fit one study.`).superRefine((ids, context) => noneRepeated(ids, context, String));
}

/** A Yahoo symbol as typed, upper-cased once it is known to be ASCII (src/domain/symbol.ts). */
const symbolSchema = z.string().transform((symbol, context) => {
  const problem = symbolSyntaxProblem(symbol);
  return problem === null ? symbol.toUpperCase() : fail(context, `${quoted(symbol)} ${problem}.`);
});

const securitySchema = symbolSchema.superRefine((symbol, context) => {
  try {
    exchangeForSymbol(symbol);
  } catch (error) {
    fail(context, error instanceof Error ? error.message : String(error));
  }
});

const securitiesSchema = listSchema(securitySchema, STUDY_LIMITS.securities, (count) => `It lists ${count} securities; at most ${STUDY_LIMITS.securities} fit one study.`).superRefine(
  (symbols, context) => noneRepeated(symbols, context, String),
);

const benchmarkSchema = z.string().transform((item, context): [ExchangeCode, string] => {
  const [code = '', symbolText = '', ...rest] = item.split(':');
  if (rest.length > 0 || !isExchangeCode(code)) {
    return fail(context, `${quoted(item)} is not EXCHANGE:SYMBOL with an exchange of ${EXCHANGE_CODES.join(', ').replace(/, ([^,]*)$/, ' or $1')}, e.g. XTKS:TOPIX.`);
  }
  const symbol = symbolSchema.safeParse(symbolText);
  if (!symbol.success) return fail(context, symbol.error.issues[0]?.message ?? 'The benchmark is not a symbol.');
  const exchange = EXCHANGE_REGISTRY[code];
  if (!(exchange.benchmarks as readonly string[]).includes(symbol.data) && !tradesOn(symbol.data, code)) {
    return fail(context, `${quoted(symbol.data)} does not trade on ${exchange.name}, so it cannot be its benchmark.`);
  }
  return [code, symbol.data];
});

const benchmarksSchema = listSchema(benchmarkSchema, EXCHANGE_CODES.length, (count) => `It gives ${count} benchmarks; give at most one per exchange.`)
  .superRefine((pairs, context) => {
    const repeated = pairs.find(([code], index) => pairs.findIndex(([other]) => other === code) !== index);
    if (repeated) fail(context, `It gives ${repeated[0]} twice.`);
  })
  .transform((pairs): BenchmarkChoices => ({ ...DEFAULT_STUDY_QUERY.benchmarks, ...Object.fromEntries(pairs) }));

function tradesOn(symbol: string, code: ExchangeCode): boolean {
  try {
    return exchangeForSymbol(symbol).code === code;
  } catch {
    return false;
  }
}

function customEventsSchema(catalogIds: readonly string[]) {
  return z
    .array(z.string())
    .max(STUDY_LIMITS.customEvents, { error: (issue) => `It holds ${(issue.input as unknown[]).length} events; a link carries at most ${STUDY_LIMITS.customEvents}.` })
    .pipe(z.array(z.string().transform((text, context) => customEventOf(text, catalogIds, context))))
    .superRefine((events, context) => {
      const repeated = events.find((event, index) => events.findIndex((other) => other.id === event.id) !== index);
      if (repeated) fail(context, `The event ${quoted(customText(repeated))}: the id ${repeated.id} is used twice.`);
    });
}

// One message per custom event naming the whole text, so the user sees which of several is wrong.
function customEventOf(text: string, catalogIds: readonly string[], context: z.RefinementCtx): CustomEventSpec {
  const parts = text.split(CUSTOM_SEPARATOR);
  const [id = '', date = '', time = '', timeZone = ''] = parts;
  const title = parts.slice(4).join(CUSTOM_SEPARATOR).trim();
  const where = `The event ${quoted(text)}`;
  if (parts.length < 5) return fail(context, `${where} is not written id~date~time~zone~title, e.g. custom-1~2024-12-27~~Asia/Tokyo~Budget.`);
  if (!CUSTOM_ID.test(id) || catalogIds.includes(id)) return fail(context, `${where}: the id must be custom-1, custom-2, …`);
  if (!isCalendarDate(date)) return fail(context, `${where}: ${quoted(date)} is not a date written YYYY-MM-DD.`);
  const outside = eventDateProblem(date);
  if (outside !== null) return fail(context, `${where}: ${outside}`);
  if (time !== '' && !isTimeOfDay(time)) return fail(context, `${where}: ${quoted(time)} is not a time written HH:mm.`);
  if (!isTimeZone(timeZone)) return fail(context, `${where}: ${quoted(timeZone)} is not an IANA time zone such as Asia/Tokyo.`);
  if (title === '' || title.length > STUDY_LIMITS.titleLength || CONTROL_CHARACTER.test(title)) {
    return fail(context, `${where}: the title must be 1 to ${STUDY_LIMITS.titleLength} characters of text.`);
  }
  return { id, title, date, ...(time === '' ? {} : { time }), timeZone };
}

/** One window "from:to", within the limits of its kind; an empty text is no window when `empty` allows it. */
function windowSchema(kind: WindowKind): z.ZodType<DayRange, string>;
function windowSchema(kind: WindowKind, empty: 'none'): z.ZodType<DayRange | null, string>;
function windowSchema(kind: WindowKind, empty?: 'none'): z.ZodType<DayRange | null, string> {
  return z.string().transform((text, context): DayRange | null => {
    if (text === '' && empty === 'none') return null;
    let range: DayRange;
    try {
      range = parseDayRange(text);
    } catch (error) {
      return fail(context, windowMessage(error, text));
    }
    const problem = windowLimitProblem(kind, range);
    return problem === null ? range : fail(context, problem);
  });
}

const carWindowsSchema = z
  .string()
  .transform((text) => (text === '' ? [] : text.split(',')))
  .pipe(
    z
      .array(z.string())
      .min(1, { error: 'It is empty; give at least one CAR window, e.g. 0:0,0:1,-1:1.' })
      .superRefine((parts, context) => {
        const problem = carWindowCountProblem(parts.length);
        if (problem !== null) fail(context, problem);
      }),
  )
  .pipe(z.array(windowSchema('CAR window')));

type Windows = Pick<StudyQuery, 'estimationWindow' | 'gap' | 'eventWindow' | 'carWindows' | 'minimumEstimationDays'>;

// The minimum alone (a whole number, at least the model's floor: src/domain/estimation-minimum.ts);
// the windows are then checked against it.
function takeMinimum(values: ReadonlyMap<Parameter, string>, model: ModelKind, factorCount: number, problems: QueryProblem[]): number {
  const text = values.get('min-estimation');
  if (text === undefined) return DEFAULT_STUDY_QUERY.minimumEstimationDays;
  const read = readMinimumEstimationDays(text, model, factorCount);
  const problem = read.days !== null && read.days > STUDY_LIMITS.estimationDays ? `It asks for ${read.days} estimation days; an estimation window holds at most ${STUDY_LIMITS.estimationDays}.` : read.problem;
  if (problem === null && read.days !== null) return read.days;
  problems.push({ parameter: 'min-estimation', message: problem ?? 'It cannot be used.' });
  return DEFAULT_STUDY_QUERY.minimumEstimationDays;
}

const FACTOR_HASH = new RegExp(`^[0-9a-f]{${FACTOR_HASH_DIGITS}}$`);

const factorNamesSchema = listSchema(factorNameSchema, FACTOR_FILE_LIMITS.factors, (count) => `It lists ${count} factors; a study takes at most ${FACTOR_FILE_LIMITS.factors}.`)
  .pipe(z.array(z.string()).min(1, { error: 'It is empty; name the factors, e.g. SMB,HML, or leave it out.' }))
  .superRefine((names, context) => noneRepeated(names, context, String));

const factorFileSchema = z.string().transform((text, context): FactorChoice['file'] => {
  const [hash = '', ...rest] = text.split(CUSTOM_SEPARATOR);
  const name = rest.join(CUSTOM_SEPARATOR).trim();
  if (!FACTOR_HASH.test(hash)) return fail(context, `${quoted(text)} does not start with the ${FACTOR_HASH_DIGITS} hex digits of the file's SHA-256, e.g. ba7816bf8f01cfea~ff3.csv.`);
  if (name === '' || name.length > FACTOR_FILE_LIMITS.nameLength || CONTROL_CHARACTER.test(name)) {
    return fail(context, `The file name after "~" must be 1 to ${FACTOR_FILE_LIMITS.nameLength} characters of text.`);
  }
  return { hash, name };
});

// Factors come with their file, and only with the market model; otherwise the study has none and
// the link says why.
function takeFactors(values: ReadonlyMap<Parameter, string>, model: ModelKind, problems: QueryProblem[]): FactorChoice | null {
  const namesText = values.get('factors');
  const fileText = values.get('factor-file');
  if (namesText === undefined && fileText === undefined) return null;
  if (namesText === undefined) {
    problems.push({ parameter: 'factor-file', message: 'It names a factor file but no factors; add factors=SMB,HML (the columns to use), or leave both out.' });
    return null;
  }
  if (fileText === undefined) {
    problems.push({ parameter: 'factors', message: 'It names factors but not their file; add factor-file=HASH~NAME, or leave both out.' });
    return null;
  }
  const report = (parameter: Parameter) => (message: string) => problems.push({ parameter, message });
  const names = parsedOr(factorNamesSchema, namesText, null, report('factors'));
  const file = parsedOr(factorFileSchema, fileText, null, report('factor-file'));
  if (names === null || file === null) return null;
  if (model !== 'market') {
    problems.push({ parameter: 'factors', message: `Factors extend the market model; the ${model} model takes none, so the study runs without ${names.join(', ')}.` });
    return null;
  }
  return { names, file };
}

// Each window is checked alone first; a set of windows that is wrong together (overlapping, a CAR
// window outside the event window, an estimation window shorter than the minimum) falls back as a
// whole with the minimum, since no one of them is to blame.
function takeWindows(values: ReadonlyMap<Parameter, string>, problems: QueryProblem[], minimumEstimationDays: number): Windows {
  const own = <T>(parameter: (typeof WINDOW_PARAMETERS)[number], fallback: T, schema: z.ZodType<T, string>): T => {
    const text = values.get(parameter);
    return text === undefined ? fallback : parsedOr(schema, text, fallback, (message) => problems.push({ parameter, message }));
  };
  const estimationWindow = own('estimation', DEFAULT_STUDY_QUERY.estimationWindow, windowSchema('estimation window'));
  const gap = own('gap', null, windowSchema('gap', 'none'));
  const eventWindow = own('window', DEFAULT_STUDY_QUERY.eventWindow, windowSchema('event window'));
  const carWindows = own('car-windows', null, carWindowsSchema) ?? defaultCarWindows(eventWindow);
  const windows: Windows = { estimationWindow: { ...estimationWindow }, gap: gap && { ...gap }, eventWindow: { ...eventWindow }, carWindows, minimumEstimationDays };
  try {
    validateStudyOptions({ ...DEFAULT_STUDY_OPTIONS, ...windows });
    return windows;
  } catch (error) {
    const given = [...WINDOW_PARAMETERS, 'min-estimation' as const].filter((parameter) => values.get(parameter) !== undefined);
    problems.push({ parameter: given.join(', '), message: windowMessage(error, '') });
    return {
      estimationWindow: { ...DEFAULT_STUDY_QUERY.estimationWindow },
      gap: null,
      eventWindow: { ...DEFAULT_STUDY_QUERY.eventWindow },
      carWindows: defaultCarWindows(DEFAULT_STUDY_QUERY.eventWindow),
      minimumEstimationDays: DEFAULT_STUDY_QUERY.minimumEstimationDays,
    };
  }
}

// The engine's message repeats the text as typed; text beyond a window's own characters is quoted
// here instead, so a link cannot put arbitrary text into a message.
function windowMessage(error: unknown, text: string): string {
  if (isEventStudyError(error) && WINDOW_CHARACTERS.test(text)) return error.message;
  return `${quoted(text)} is not a window: write two whole trading-day offsets separated by a colon, e.g. -250:-11.`;
}

/** Text from a link, JSON-quoted and cut short, so a hostile value cannot flood or forge a message. */
function quoted(text: string): string {
  const shortened = text.length > 40 ? `${text.slice(0, 40)}...` : text;
  return JSON.stringify(shortened).replace(/[^\x20-\x7e]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
