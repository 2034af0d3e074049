import { ISO_DATE_PATTERN } from './calendar-date';
import { DEFAULT_STUDY_OPTIONS } from './defaults';
import { EventStudyError } from './errors';
import { smallestEstimationDays } from './estimation-minimum';
import type { DayRange, ModelKind, ResolvedStudyOptions, StudyOptions } from './types';

const DAY_RANGE = /^\s*([+-]?\d+)\s*:\s*([+-]?\d+)\s*$/;
const WHOLE_DAYS = /^\s*[+-]?\d+\s*$/;
const MODELS: readonly ModelKind[] = ['market', 'market-adjusted', 'mean-adjusted'];

/**
 * Reads a window of trading days relative to day 0 written "from:to", e.g. "-250:-11" or "-5:+10".
 * @throws EventStudyError INVALID_WINDOW when the text is not two whole numbers separated by a colon
 *   or the window ends before it starts.
 * @example parseDayRange('-250:-11') // { from: -250, to: -11 }
 */
export function parseDayRange(text: string): DayRange {
  const match = DAY_RANGE.exec(text);
  if (!match) {
    throw new EventStudyError(
      'INVALID_WINDOW',
      `"${text}" is not a window: write two whole trading-day offsets separated by a colon, e.g. -250:-11.`,
    );
  }
  const range = { from: Number(match[1]), to: Number(match[2]) };
  requireOrdered(range, 'The window');
  return range;
}

/**
 * The "from:to" text of a window, as {@link parseDayRange} reads it back; used in messages.
 * @throws never
 * @example formatDayRange({ from: -5, to: 10 }) // "-5:10"
 */
export function formatDayRange(range: DayRange): string {
  return `${range.from}:${range.to}`;
}

/**
 * Turns a window whose ends are trading-day offsets or ISO dates into offsets from day 0 on the
 * given trading calendar. A start date that is not a trading day moves to the next trading day, an
 * end date to the previous one, so the window never takes in a day outside the dates asked for.
 *
 * @param range each end a whole number of trading days (number or text such as "-11") or YYYY-MM-DD.
 * @param dates the trading calendar in increasing order.
 * @param dayZero the trading date of day 0, one of `dates`.
 * @throws EventStudyError INVALID_WINDOW for an end that is neither, a date outside the calendar,
 *   day 0 not on the calendar, or a window that ends before it starts.
 * @example resolveDateRange({ from: '2024-11-05', to: 1 }, ['2024-11-01', '2024-11-05', '2024-11-06', '2024-11-07'], '2024-11-06') // { from: -1, to: 1 }
 */
export function resolveDateRange(
  range: { from: string | number; to: string | number },
  dates: readonly string[],
  dayZero: string,
): DayRange {
  const zeroIndex = dates.indexOf(dayZero);
  if (zeroIndex < 0) {
    throw new EventStudyError('INVALID_WINDOW', `Day 0 (${dayZero}) is not a trading day of the data.`);
  }
  const resolved = {
    from: offsetOf(range.from, dates, zeroIndex, 'start'),
    to: offsetOf(range.to, dates, zeroIndex, 'end'),
  };
  requireOrdered(resolved, `The window ${range.from}:${range.to}`);
  return resolved;
}

/**
 * Checks a study's options and fills in the defaults (no gap, 30 minimum estimation days, not
 * strict, no factors). Every window is whole trading days with from ≤ to; the estimation window
 * ends before the gap and the gap before the event window; each CAR window lies inside the event
 * window; the estimation window is at least `minimumEstimationDays` long, and that minimum at
 * least what the model needs ({@link smallestEstimationDays}); factors are distinct names, only
 * with the market model. The resolved options carry `factors` only when there are some.
 *
 * @throws EventStudyError INVALID_WINDOW for a window problem, INVALID_INPUT for an unknown model,
 *   a minimum that is not a whole number at least the model's floor, or bad factors; the message
 *   names the window or the factor.
 * @example validateStudyOptions({ ...DEFAULT_STUDY_OPTIONS, eventWindow: { from: -20, to: 10 } }) // throws: the estimation window must end before the event window starts
 */
export function validateStudyOptions(options: StudyOptions): ResolvedStudyOptions {
  const { estimationWindow, eventWindow, carWindows } = options;
  const gap = options.gap ?? null;
  const minimumEstimationDays = options.minimumEstimationDays ?? (DEFAULT_STUDY_OPTIONS.minimumEstimationDays as number);
  requireModel(options.model);
  const factors = requireFactors(options.factors ?? [], options.model);
  requireMinimum(minimumEstimationDays, options.model, factors.length);
  requireWholeRange(estimationWindow, 'The estimation window');
  requireWholeRange(eventWindow, 'The event window');
  if (gap) requireWholeRange(gap, 'The gap');
  requireSequence(estimationWindow, gap, eventWindow);
  requireEstimationLength(estimationWindow, minimumEstimationDays);
  requireCarWindows(carWindows, eventWindow);
  return {
    model: options.model,
    estimationWindow: { ...estimationWindow },
    gap: gap ? { ...gap } : null,
    eventWindow: { ...eventWindow },
    carWindows: carWindows.map((window) => ({ ...window })),
    minimumEstimationDays,
    strictEstimation: options.strictEstimation ?? false,
    ...(factors.length === 0 ? {} : { factors }),
  };
}

function offsetOf(end: string | number, dates: readonly string[], zeroIndex: number, side: 'start' | 'end'): number {
  if (typeof end === 'number') {
    if (!Number.isInteger(end)) {
      throw new EventStudyError('INVALID_WINDOW', `${end} is not a whole number of trading days.`);
    }
    return end;
  }
  if (WHOLE_DAYS.test(end)) return Number(end);
  if (!ISO_DATE_PATTERN.test(end)) {
    throw new EventStudyError(
      'INVALID_WINDOW',
      `"${end}" is neither a whole number of trading days nor a date written YYYY-MM-DD.`,
    );
  }
  const first = dates[0];
  const last = dates.at(-1);
  if (first === undefined || last === undefined || end < first || end > last) {
    throw new EventStudyError(
      'INVALID_WINDOW',
      `The date ${end} is outside the data, which runs from ${first ?? 'nothing'} to ${last ?? 'nothing'}.`,
    );
  }
  const index = side === 'start' ? dates.findIndex((date) => date >= end) : dates.findLastIndex((date) => date <= end);
  return index - zeroIndex;
}

function requireModel(model: ModelKind): void {
  if (!MODELS.includes(model)) {
    throw new EventStudyError('INVALID_INPUT', `Unknown model "${String(model)}": use market, market-adjusted or mean-adjusted.`);
  }
}

function requireMinimum(minimum: number, model: ModelKind, factorCount: number): void {
  const smallest = smallestEstimationDays(model, factorCount);
  if (!Number.isInteger(minimum) || minimum < smallest) {
    const what = factorCount > 0 ? `the market model with ${factorCount} factor${factorCount === 1 ? '' : 's'}` : `the ${model} model`;
    throw new EventStudyError(
      'INVALID_INPUT',
      `The minimum number of estimation days must be a whole number of at least ${smallest} for ${what} (its s² needs a degree of freedom), got ${minimum}.`,
    );
  }
}

function requireFactors(factors: readonly string[], model: ModelKind): string[] {
  if (!Array.isArray(factors)) throw new EventStudyError('INVALID_INPUT', 'The factors must be a list of factor names, e.g. SMB, HML.');
  if (factors.length > 0 && model !== 'market') {
    throw new EventStudyError('INVALID_INPUT', `Factors extend the market model; the ${model} model takes none (choose the market model to add ${factors.join(', ')}).`);
  }
  const seen = new Set<string>();
  for (const factor of factors) {
    if (typeof factor !== 'string' || factor.trim() === '') throw new EventStudyError('INVALID_INPUT', `A factor name must be non-empty text, got "${String(factor)}".`);
    if (seen.has(factor)) throw new EventStudyError('INVALID_INPUT', `The factor ${factor} is named twice.`);
    seen.add(factor);
  }
  return [...factors];
}

function requireWholeRange(range: DayRange | undefined, name: string): void {
  if (!range || !Number.isInteger(range.from) || !Number.isInteger(range.to)) {
    throw new EventStudyError('INVALID_WINDOW', `${name} must be two whole trading-day offsets, e.g. -250:-11.`);
  }
  requireOrdered(range, `${name} ${formatDayRange(range)}`);
}

function requireOrdered(range: DayRange, name: string): void {
  if (range.from > range.to) {
    throw new EventStudyError(
      'INVALID_WINDOW',
      `${name} starts after it ends; write the earlier day first, e.g. ${range.to}:${range.from}.`,
    );
  }
}

function requireSequence(estimation: DayRange, gap: DayRange | null, event: DayRange): void {
  const estimationText = `the estimation window ${formatDayRange(estimation)}`;
  const eventText = `the event window ${formatDayRange(event)}`;
  if (estimation.to >= event.from) {
    throw new EventStudyError('INVALID_WINDOW', `${capitalized(estimationText)} must end before ${eventText} starts.`);
  }
  if (gap && (gap.from <= estimation.to || gap.to >= event.from)) {
    throw new EventStudyError(
      'INVALID_WINDOW',
      `The gap ${formatDayRange(gap)} must lie between ${estimationText} and ${eventText}.`,
    );
  }
}

function requireEstimationLength(estimation: DayRange, minimum: number): void {
  const days = estimation.to - estimation.from + 1;
  if (days < minimum) {
    throw new EventStudyError(
      'INVALID_WINDOW',
      `The estimation window ${formatDayRange(estimation)} has ${days} trading days, fewer than the minimum of ${minimum}.`,
    );
  }
}

function requireCarWindows(carWindows: readonly DayRange[], event: DayRange): void {
  if (!Array.isArray(carWindows)) {
    throw new EventStudyError('INVALID_WINDOW', 'The CAR windows must be a list of windows, e.g. 0:0, -1:1.');
  }
  for (const window of carWindows) {
    requireWholeRange(window, 'A CAR window');
    if (window.from < event.from || window.to > event.to) {
      throw new EventStudyError(
        'INVALID_WINDOW',
        `The CAR window ${formatDayRange(window)} lies outside the event window ${formatDayRange(event)}.`,
      );
    }
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
