import { carWindowCountProblem, windowLimitProblem, type WindowKind } from '../../../application/study-limits.ts';
import { isEventStudyError, parseDayRange, validateStudyOptions } from '../../../core/index.ts';
import type { DayRange, StudyOptions } from '../../../core/types.ts';

/** The window inputs exactly as typed, "from:to" in trading days relative to day 0. */
export interface WindowTexts {
  estimation: string;
  /** Empty for no gap. */
  gap: string;
  event: string;
  /** Several ranges separated by commas, e.g. "0:0, 0:1, -1:1". */
  carWindows: string;
}

export type WindowField = keyof WindowTexts;

const KINDS: Record<WindowField, WindowKind> = { estimation: 'estimation window', gap: 'gap', event: 'event window', carWindows: 'CAR window' };

export interface WindowCheck {
  /** The options the texts describe, or null while any of them is invalid. */
  options: StudyOptions | null;
  /** A problem with one field's own text. */
  fieldErrors: Partial<Record<WindowField, string>>;
  /** A problem between fields (overlap, CAR window outside the event window, …). */
  combinedError: string | null;
}

/**
 * The window texts of a set of options, in the syntax parseDayRange reads.
 * @example windowTextsFrom(DEFAULT_STUDY_OPTIONS).estimation // "-250:-11"
 */
export function windowTextsFrom(options: StudyOptions): WindowTexts {
  return {
    estimation: rangeText(options.estimationWindow),
    gap: options.gap ? rangeText(options.gap) : '',
    event: rangeText(options.eventWindow),
    carWindows: options.carWindows.map(rangeText).join(', '),
  };
}

/**
 * Parses and validates the window texts against the rest of `base`, reporting each problem in
 * the engine's own words so the page and the engine never disagree about what is valid, and each
 * window against the study limits in the words of a shared link (src/application/study-limits.ts).
 * @throws never: every engine error becomes a message.
 * @example checkWindows({ estimation: '-250:-11', gap: '', event: '-5:10', carWindows: '0:0' }, DEFAULT_STUDY_OPTIONS).options?.eventWindow // { from: -5, to: 10 }
 */
export function checkWindows(texts: WindowTexts, base: StudyOptions): WindowCheck {
  const fieldErrors: Partial<Record<WindowField, string>> = {};
  const estimationWindow = parseField(texts.estimation, 'estimation', fieldErrors);
  const eventWindow = parseField(texts.event, 'event', fieldErrors);
  const gap = texts.gap.trim() === '' ? null : parseField(texts.gap, 'gap', fieldErrors);
  const carWindows = parseList(texts.carWindows, fieldErrors);
  if (!estimationWindow || !eventWindow || gap === undefined || !carWindows) {
    return { options: null, fieldErrors, combinedError: null };
  }
  const options: StudyOptions = { ...base, estimationWindow, eventWindow, gap, carWindows };
  const combinedError = problemOf(() => validateStudyOptions(options));
  return { options: combinedError === null ? options : null, fieldErrors, combinedError };
}

function rangeText(range: DayRange): string {
  return `${range.from}:${range.to}`;
}

function parseField(text: string, field: WindowField, errors: Partial<Record<WindowField, string>>): DayRange | undefined {
  let range: DayRange;
  try {
    range = parseDayRange(text.trim());
  } catch (error) {
    errors[field] = messageOf(error);
    return undefined;
  }
  const problem = windowLimitProblem(KINDS[field], range);
  if (problem === null) return range;
  errors[field] = problem;
  return undefined;
}

function parseList(text: string, errors: Partial<Record<WindowField, string>>): DayRange[] | undefined {
  const parts = text.split(/[,;]/).map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length === 0) {
    errors.carWindows = 'Give at least one CAR window, e.g. 0:0, 0:1, -1:1.';
    return undefined;
  }
  const tooMany = carWindowCountProblem(parts.length);
  if (tooMany !== null) {
    errors.carWindows = tooMany;
    return undefined;
  }
  const ranges: DayRange[] = [];
  for (const part of parts) {
    const range = parseField(part, 'carWindows', errors);
    if (!range) return undefined;
    ranges.push(range);
  }
  return ranges;
}

function problemOf(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (error) {
    return messageOf(error);
  }
}

function messageOf(error: unknown): string {
  if (isEventStudyError(error)) return error.message;
  return 'This window could not be read; write it as from:to, e.g. -250:-11.';
}
