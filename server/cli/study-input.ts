/**
 * Turns the parsed command line and the input table into the engine's units and options. Returns
 * (for --prices) and all statistics are the engine's; this file only picks columns and resolves
 * windows on the file's calendar.
 */
import {
  buildStudyUnit,
  dayZero,
  DEFAULT_STUDY_OPTIONS,
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
import { exchangeForSymbol, UnknownExchangeError, type Exchange } from '../../src/domain/exchanges';
import type { StudyEvent } from '../../src/domain/study-event';
import type { CliArguments, RangeText } from './arguments';
import { CliError } from './cli-error';
import { numericColumn, type SeriesTable } from './series-table';

export interface StudyInput {
  /** The trading date of day 0 (the event date, or the next row of the file when it is not a row). */
  dayZero: string;
  /** The data/events.json id of the event (--event), else null. */
  eventId: string | null;
  /** The data/events.json event (--event), else null. */
  event: StudyEvent | null;
  options: StudyOptions;
  units: StudyUnit[];
}

/**
 * The units (one per security column, all on the file's calendar) and options of the study.
 * @throws {CliError} for an unknown or repeated column, a window that does not resolve or does not fit the data.
 * @throws {EventStudyError} from the engine (event date outside the data, invalid windows, bad prices).
 */
export async function studyInput(args: CliArguments, table: SeriesTable): Promise<StudyInput> {
  const marketValues = numericColumn(table, args.market);
  const securities = securityColumns(args, table).map((symbol) => [symbol, numericColumn(table, symbol)] as const);
  const event = await eventOf(args);
  const day0 = dayZero(event.time, event.time.time === undefined ? FILE_ROWS : marketExchange(args.market), table.dates);
  const options = studyOptions(args, table.dates, day0);
  checkWindowsFit(options, args, table, day0);
  const units = securities.map(([symbol, values]) => unitFor(args, table, symbol, values, marketValues, { dayZero: day0, eventId: event.id }));
  return { dayZero: day0, eventId: event.id, event: event.event, options, units };
}

// A catalogue event brings its own time and zone: day 0 is then the first session of the market's
// exchange closing after it, exactly as the page and the server place it. The catalogue's reader
// (the app's zod schema, the largest part of the tool) is loaded only for --event.
async function eventOf(args: CliArguments): Promise<{ time: EventTime; id: string | null; event: StudyEvent | null }> {
  if (args.event.kind === 'date') return { time: { date: args.event.date }, id: null, event: null };
  const { catalogEvent } = await import('./catalog-event');
  const event = catalogEvent(args.event.id);
  return { time: { date: event.date, time: event.time, timeZone: event.timeZone }, id: event.id, event };
}

/**
 * The clock of an event given as a date alone: day 0 is that date's row or the next, whatever the
 * exchange, so a market column the exchange registry cannot place (SYN_MKT, MKT.X) still works.
 */
const FILE_ROWS: ExchangeSchedule = { code: 'ROWS', name: 'the rows of the file', timeZone: 'UTC', closes: [{ from: '1900-01-01', close: '23:59' }] };

// The market column is named by its symbol (TOPIX, ^GSPC), which places it on its exchange's clock.
function marketExchange(market: string): Exchange {
  try {
    return exchangeForSymbol(market);
  } catch (error) {
    if (error instanceof UnknownExchangeError) throw new CliError(`--market ${error.message}`);
    throw error;
  }
}

function securityColumns(args: CliArguments, table: SeriesTable): string[] {
  const securities = args.securities ?? table.columns.filter((name) => name !== args.market);
  if (securities.includes(args.market)) {
    throw new CliError(`--securities lists ${args.market}, which is the --market column`);
  }
  const repeated = securities.find((name, index) => securities.indexOf(name) !== index);
  if (repeated !== undefined) throw new CliError(`--securities lists ${repeated} twice`);
  if (securities.length === 0) throw new CliError(`${table.path} has no security columns besides ${args.market}`);
  return securities;
}

function unitFor(
  args: CliArguments,
  table: SeriesTable,
  symbol: string,
  values: readonly (number | null)[],
  marketValues: readonly (number | null)[],
  event: { dayZero: string; eventId: string | null },
): StudyUnit {
  const common = {
    id: symbol,
    symbol,
    benchmark: args.market,
    ...(event.eventId === null ? {} : { eventId: event.eventId }),
    dayZero: event.dayZero,
    returnKind: args.returnKind,
  };
  if (args.input.kind === 'returns') {
    return { ...common, dates: table.dates, returns: values, marketReturns: marketValues };
  }
  const pricesOf = (column: readonly (number | null)[]) =>
    table.dates.map((date, index) => ({ date, adjClose: column[index] ?? null }));
  return buildStudyUnit({ ...common, securityPrices: pricesOf(values), benchmarkPrices: pricesOf(marketValues) });
}

function studyOptions(args: CliArguments, dates: readonly string[], day0: string): StudyOptions {
  const resolve = (range: RangeText, option: string): DayRange => {
    try {
      return resolveDateRange({ from: range.from, to: range.to }, dates, day0);
    } catch (error) {
      if (isEventStudyError(error)) throw new CliError(`${option} ${range.text}: ${error.message}`);
      throw error;
    }
  };
  const eventWindow = args.window === null ? DEFAULT_STUDY_OPTIONS.eventWindow : resolve(args.window, '--window');
  const options: StudyOptions = {
    ...DEFAULT_STUDY_OPTIONS,
    model: args.model,
    estimationWindow:
      args.estimation === null ? DEFAULT_STUDY_OPTIONS.estimationWindow : resolve(args.estimation, '--estimation'),
    gap: args.gap === null ? (DEFAULT_STUDY_OPTIONS.gap ?? null) : resolve(args.gap, '--gap'),
    eventWindow,
    carWindows:
      args.carWindows === null
        ? defaultCarWindows(eventWindow)
        : args.carWindows.map((range) => resolve(range, '--car-windows')),
  };
  validateStudyOptions(options);
  return options;
}

/** Every window must lie within the file's rows: no day of a window may fall before or after them. */
function checkWindowsFit(options: StudyOptions, args: CliArguments, table: SeriesTable, day0: string): void {
  const zeroIndex = table.dates.indexOf(day0);
  const named: [string, DayRange | null | undefined, RangeText | null][] = [
    ['estimation window', options.estimationWindow, args.estimation],
    ['gap', options.gap, args.gap],
    ['event window', options.eventWindow, args.window],
  ];
  for (const [label, range, typed] of named) {
    if (range === null || range === undefined) continue;
    const first = zeroIndex + range.from;
    const last = zeroIndex + range.to;
    if (first >= 0 && last < table.dates.length) continue;
    const given = typed === null ? `The default ${label} ${range.from}:${range.to}` : `The ${label} ${typed.text}`;
    throw new CliError(
      `${given} does not fit the data: ${table.path} has days ${-zeroIndex}:${table.dates.length - 1 - zeroIndex} around day 0 = ${day0} (${table.dates[0]} to ${table.dates[table.dates.length - 1]})`,
    );
  }
}
