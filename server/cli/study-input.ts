/**
 * Turns the parsed command line and the input table into the engine's units and options. Returns
 * (for --prices) and all statistics are the engine's; this file picks columns, lays each security on
 * its own calendar (own-calendar.ts), places its day 0 and resolves the windows.
 *
 * A study unit is one security on one event: each security column with --event-date or --event,
 * each row of the file with --events. A unit that cannot be built is a failure of that unit, with
 * its events-file line; without --events the caller treats any failure as the study's.
 */
import {
  buildStudyUnit,
  dayZero,
  DEFAULT_STUDY_OPTIONS,
  formatDayRange,
  isEventStudyError,
  resolveDateRange,
  validateStudyOptions,
  type DayRange,
  type EventTime,
  type ExchangeSchedule,
  type StudyOptions,
  type StudyUnit,
} from '../../src/core/index';
import { defaultCarWindows } from '../../src/application/default-car-windows';
import { estimationFloor, readMinimumEstimationDays } from '../../src/domain/estimation-minimum';
import { exchangeForSymbol, UnknownExchangeError } from '../../src/domain/exchanges';
import type { StudyEvent } from '../../src/domain/study-event';
import type { CliArguments, RangeText } from './arguments';
import { CliError, usageError } from './cli-error';
import type { EventRow } from './events-file';
import { factorsOn, readFactorTable, type FactorTable } from './factor-table';
import { ownCalendar, weekdaysOf, type OwnCalendar } from './own-calendar';
import { scaledReturns } from './return-scale';
import { numericColumn, type SeriesTable } from './series-table';

/** A unit ready for the engine, with what the reports say of it. */
export interface PlannedUnit {
  unit: StudyUnit;
  /** Its line in the --events file, or null. */
  line: number | null;
  /** Its own calendar: trading days, and the days its security or benchmark misses on it. */
  calendar: { days: number; from: string; to: string; securityMissing: number; benchmarkMissing: number };
}

/** A unit that cannot be studied: its line in the --events file (null without one), and why. */
export interface UnitFailure {
  line: number | null;
  security: string | null;
  reason: string;
}

export interface StudyInput {
  options: StudyOptions;
  units: PlannedUnit[];
  failures: UnitFailure[];
  /** What the reader must know of the input: a scale that looks wrong, overlapping event windows. */
  warnings: string[];
  /** The data/events.json event of --event, else null. */
  event: StudyEvent | null;
  /** The --events file, else null. */
  eventsFile: string | null;
  factors: { path: string; names: string[] } | null;
}

/** One unit as asked for, before its data is read. */
interface UnitRequest {
  line: number | null;
  security: string;
  benchmark: string;
  time: EventTime;
  eventId: string | null;
}

/** A unit on its own calendar with its day 0: what the windows are resolved on. */
interface PlacedUnit {
  request: UnitRequest;
  rows: number[];
  calendar: OwnCalendar;
  dates: string[];
  dayZero: string;
}

/**
 * The units and options of the study.
 * @throws {CliError} for a file that cannot be used at all, or (exit code 2) a minimum below the
 *   model's floor.
 * @throws {EventStudyError} for invalid windows.
 */
export async function studyInput(args: CliArguments, table: SeriesTable): Promise<StudyInput> {
  const factors = args.factors === null ? null : readFactorTable(args.factors);
  const minimum = minimumOf(args, factors?.names.length ?? 0);
  const { requests, failures, event } = await requestsOf(args, table);
  const columns = new ColumnReader(args, table);
  const weekdays = weekdaysOf(table.dates);
  const placed: PlacedUnit[] = [];
  for (const request of requests) {
    attempt(request, failures, () => placed.push(place(request, table, columns, weekdays)));
  }
  const options = studyOptions(args, placed[0], minimum, factors);
  const units: PlannedUnit[] = [];
  for (const unit of withoutRepeats(placed, failures)) {
    attempt(unit.request, failures, () => units.push(planned(unit, args, columns, options, factors)));
  }
  failures.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    options,
    units,
    failures,
    warnings: [...columns.warnings, ...overlapWarnings(units, options.eventWindow)],
    event,
    eventsFile: args.event.kind === 'file' ? args.event.path : null,
    factors: factors === null ? null : { path: factors.path, names: factors.names },
  };
}

function minimumOf(args: CliArguments, factorCount: number): number {
  const text = args.minimumEstimationDays ?? String(DEFAULT_STUDY_OPTIONS.minimumEstimationDays);
  const reading = readMinimumEstimationDays(text, args.model, factorCount);
  if (reading.problem !== null) throw usageError(`--min-estimation-days: ${reading.problem}`);
  return reading.days;
}

// Without --events a unit's failure is the study's (a script asking for N securities gets N or an
// error), so it is thrown; with --events it is that row's, and the other rows still run.
function attempt(request: UnitRequest, failures: UnitFailure[], work: () => void): void {
  try {
    work();
  } catch (error) {
    if (request.line === null || !(error instanceof CliError || isEventStudyError(error))) throw error;
    failures.push({ line: request.line, security: request.security, reason: error.message });
  }
}

async function requestsOf(args: CliArguments, table: SeriesTable): Promise<{ requests: UnitRequest[]; failures: UnitFailure[]; event: StudyEvent | null }> {
  if (args.event.kind === 'file') {
    const { readEventsFile } = await import('./events-file');
    const file = readEventsFile(args.event.path);
    const failures: UnitFailure[] = file.problems.map((problem) => ({ ...problem }));
    const requests: UnitRequest[] = [];
    for (const row of file.rows) {
      const benchmark = row.benchmark ?? args.market;
      if (benchmark === null) failures.push({ line: row.line, security: row.security, reason: 'no benchmark: give the row a benchmark or the command line --market' });
      else requests.push(requestOf(row, benchmark));
    }
    return { requests, failures, event: null };
  }
  const market = args.market as string;
  const securities = securityColumns(args, market, table);
  if (args.event.kind === 'date') {
    const time = { date: args.event.date };
    return { requests: securities.map((security) => ({ line: null, security, benchmark: market, time, eventId: null })), failures: [], event: null };
  }
  // A catalogue event brings its own time and zone. Its reader (the app's zod schema, the largest
  // part of the tool) is loaded only for --event.
  const { catalogEvent } = await import('./catalog-event');
  const event = catalogEvent(args.event.id);
  const time = { date: event.date, time: event.time, timeZone: event.timeZone };
  return { requests: securities.map((security) => ({ line: null, security, benchmark: market, time, eventId: event.id })), failures: [], event };
}

function requestOf(row: EventRow, benchmark: string): UnitRequest {
  return {
    line: row.line,
    security: row.security,
    benchmark,
    time: { date: row.date, ...(row.time === undefined ? {} : { time: row.time }), ...(row.timeZone === undefined ? {} : { timeZone: row.timeZone }) },
    eventId: row.eventId ?? null,
  };
}

function securityColumns(args: CliArguments, market: string, table: SeriesTable): string[] {
  const securities = args.securities ?? table.columns.filter((name) => name !== market);
  if (securities.includes(market)) throw new CliError(`--securities lists ${market}, which is the --market column`);
  const repeated = securities.find((name, index) => securities.indexOf(name) !== index);
  if (repeated !== undefined) throw new CliError(`--securities lists ${repeated} twice`);
  if (securities.length === 0) throw new CliError(`${table.path} has no security columns besides ${market}`);
  return securities;
}

/**
 * The columns of the input file as the study reads them (returns scaled and checked, or prices),
 * each read once however many units use it; a column that cannot be read fails every unit using it.
 */
class ColumnReader {
  readonly warnings: string[] = [];
  private readonly read = new Map<string, { values: (number | null)[] } | { error: unknown }>();

  constructor(
    private readonly args: CliArguments,
    private readonly table: SeriesTable,
  ) {}

  values(name: string): (number | null)[] {
    let entry = this.read.get(name);
    if (entry === undefined) {
      try {
        entry = { values: this.readColumn(name) };
      } catch (error) {
        entry = { error };
      }
      this.read.set(name, entry);
    }
    if ('error' in entry) throw entry.error;
    return entry.values;
  }

  private readColumn(name: string): (number | null)[] {
    if (this.args.input.kind === 'prices') return numericColumn(this.table, name);
    const scaled = scaledReturns(this.table, name, { percent: this.args.percent, simple: this.args.returnKind === 'simple' });
    if (scaled.warning !== null) this.warnings.push(scaled.warning);
    return scaled.values;
  }
}

/**
 * The clock of an event given as a date alone: day 0 is that date's session or the next on the
 * security's calendar, whatever its exchange, so a column the exchange registry cannot place
 * (SYN_MKT, IDX.X) still works.
 */
const ANY_EXCHANGE: ExchangeSchedule = { code: 'ANY', name: 'any exchange', timeZone: 'UTC', closes: [{ from: '1900-01-01', close: '23:59' }] };

function place(request: UnitRequest, table: SeriesTable, columns: ColumnReader, weekdays: Uint8Array): PlacedUnit {
  const { security, benchmark } = request;
  if (security === benchmark) throw new CliError(`${security} is its own benchmark; name another column as the benchmark`);
  const securityValues = columns.values(security);
  const calendar = ownCalendar(weekdays, securityValues, columns.values(benchmark));
  if (calendar.rows.length === 0) throw new CliError(`${security} has no value in ${table.path}`);
  const dates = calendar.rows.map((row) => table.dates[row] as string);
  let day0: string;
  try {
    day0 = dayZero(request.time, request.time.time === undefined ? ANY_EXCHANGE : exchangeOf(security), dates);
  } catch (error) {
    if (isEventStudyError(error)) throw new CliError(`${security}: ${error.message}`);
    throw error;
  }
  return { request, rows: calendar.rows, calendar, dates, dayZero: day0 };
}

// Day 0 of a timed event is the first session of the security's own exchange closing after it, as
// in the dashboard.
function exchangeOf(security: string): ExchangeSchedule {
  try {
    return exchangeForSymbol(security);
  } catch (error) {
    if (error instanceof UnknownExchangeError) throw new CliError(`${error.message} Give the event's date alone (day 0 is then that date's session or the next).`);
    throw error;
  }
}

/** Two requests for one security, benchmark and day 0 would count the same days twice: the later one fails. */
function withoutRepeats(placed: readonly PlacedUnit[], failures: UnitFailure[]): PlacedUnit[] {
  const seen = new Map<string, number | null>();
  return placed.filter((unit) => {
    const key = `${unit.request.security}\u0000${unit.request.benchmark}\u0000${unit.dayZero}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, unit.request.line);
      return true;
    }
    failures.push({ line: unit.request.line, security: unit.request.security, reason: `repeats line ${first ?? '?'}: ${unit.request.security} against ${unit.request.benchmark} with day 0 on ${unit.dayZero}` });
    return false;
  });
}

function planned(unit: PlacedUnit, args: CliArguments, columns: ColumnReader, options: StudyOptions, factors: FactorTable | null): PlannedUnit {
  const { request, rows, dates } = unit;
  const zeroIndex = dates.indexOf(unit.dayZero);
  checkWindowsFit(unit, zeroIndex, options, args);
  const onCalendar = (values: readonly (number | null)[]) => rows.map((row) => values[row] ?? null);
  const common = {
    id: request.line === null ? request.security : `line-${request.line}`,
    symbol: request.security,
    benchmark: request.benchmark,
    ...(request.eventId === null ? {} : { eventId: request.eventId }),
    dayZero: unit.dayZero,
    returnKind: args.returnKind,
  };
  const security = onCalendar(columns.values(request.security));
  const benchmark = onCalendar(columns.values(request.benchmark));
  const built: StudyUnit =
    args.input.kind === 'returns'
      ? { ...common, dates, returns: security, marketReturns: benchmark }
      : buildStudyUnit({ ...common, securityPrices: pricePoints(dates, security), benchmarkPrices: pricePoints(dates, benchmark) });
  const used: [number, number][] = [options.estimationWindow, options.eventWindow].map((range) => [zeroIndex + range.from, zeroIndex + range.to]);
  const unitFactors = factors === null ? null : factorsOn(factors, dates, used, request.security);
  const { calendar } = unit;
  return {
    unit: unitFactors === null ? built : { ...built, factors: unitFactors },
    line: request.line,
    calendar: { days: dates.length, from: dates[0] as string, to: dates.at(-1) as string, securityMissing: calendar.securityMissing, benchmarkMissing: calendar.benchmarkMissing },
  };
}

function pricePoints(dates: readonly string[], prices: readonly (number | null)[]) {
  return dates.map((date, index) => ({ date, adjClose: prices[index] ?? null }));
}

/**
 * The study's options. Windows written as dates (only without --events) are resolved on the first
 * security's calendar around its day 0.
 */
function studyOptions(args: CliArguments, first: PlacedUnit | undefined, minimum: number, factors: FactorTable | null): StudyOptions {
  const resolve = (range: RangeText, option: string): DayRange => {
    if (typeof range.from === 'number' && typeof range.to === 'number') return { from: range.from, to: range.to };
    if (first === undefined) throw new CliError(`${option} ${range.text}: no security to resolve its dates on`);
    try {
      return resolveDateRange({ from: range.from, to: range.to }, first.dates, first.dayZero);
    } catch (error) {
      if (isEventStudyError(error)) throw new CliError(`${option} ${range.text}: ${error.message}`);
      throw error;
    }
  };
  const eventWindow = args.window === null ? DEFAULT_STUDY_OPTIONS.eventWindow : resolve(args.window, '--window');
  const estimationWindow = args.estimation === null ? DEFAULT_STUDY_OPTIONS.estimationWindow : resolve(args.estimation, '--estimation');
  const options: StudyOptions = {
    ...DEFAULT_STUDY_OPTIONS,
    model: args.model,
    estimationWindow,
    gap: args.gap === null ? (DEFAULT_STUDY_OPTIONS.gap ?? null) : resolve(args.gap, '--gap'),
    eventWindow,
    carWindows: args.carWindows === null ? defaultCarWindows(eventWindow) : args.carWindows.map((range) => resolve(range, '--car-windows')),
    minimumEstimationDays: minimum,
    ...(factors === null ? {} : { factors: factors.names }),
  };
  const length = estimationWindow.to - estimationWindow.from + 1;
  if (length < minimum) {
    const floor = estimationFloor(args.model, factors?.names.length ?? 0);
    throw new CliError(
      `The estimation window ${formatDayRange(estimationWindow)} has ${length} trading days, fewer than the minimum of ${minimum} estimation days; lower the minimum with --min-estimation-days (down to ${floor.days} for ${floor.model}) or widen --estimation`,
    );
  }
  validateStudyOptions(options);
  return options;
}

/** Every window must lie within the security's own calendar: no day of a window before or after it. */
function checkWindowsFit(unit: PlacedUnit, zeroIndex: number, options: StudyOptions, args: CliArguments): void {
  const named: [string, DayRange | null | undefined, RangeText | null][] = [
    ['estimation window', options.estimationWindow, args.estimation],
    ['gap', options.gap, args.gap],
    ['event window', options.eventWindow, args.window],
  ];
  const { dates } = unit;
  for (const [label, range, typed] of named) {
    if (range === null || range === undefined) continue;
    if (zeroIndex + range.from >= 0 && zeroIndex + range.to < dates.length) continue;
    const given = typed === null ? `The default ${label} ${range.from}:${range.to}` : `The ${label} ${typed.text}`;
    throw new CliError(
      `${given} does not fit the data: ${unit.request.security} has days ${-zeroIndex}:${dates.length - 1 - zeroIndex} around day 0 = ${unit.dayZero} on its own calendar (${dates[0]} to ${dates.at(-1)})`,
    );
  }
}

/** One warning per pair of units of one security whose event windows share days: the pooled test counts those days twice. */
function overlapWarnings(units: readonly PlannedUnit[], eventWindow: DayRange): string[] {
  const windows = units.map(({ unit }) => {
    const zero = unit.dates.indexOf(unit.dayZero);
    return new Set(unit.dates.slice(Math.max(0, zero + eventWindow.from), zero + eventWindow.to + 1));
  });
  const warnings: string[] = [];
  units.forEach((first, i) => {
    for (let j = i + 1; j < units.length; j += 1) {
      const second = units[j] as PlannedUnit;
      if (first.unit.symbol !== second.unit.symbol) continue;
      const shared = [...(windows[i] as Set<string>)].filter((date) => (windows[j] as Set<string>).has(date)).length;
      if (shared === 0) continue;
      warnings.push(`lines ${first.line ?? '?'} and ${second.line ?? '?'}: ${first.unit.symbol}'s event windows (day 0 ${first.unit.dayZero} and ${second.unit.dayZero}) share ${shared} days, which the pooled tests count twice`);
    }
  });
  return warnings;
}
