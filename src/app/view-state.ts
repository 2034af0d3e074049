import { DEFAULT_STUDY_OPTIONS, parseDayRange, validateStudyOptions } from '../core/index.ts';
import { windowLimitProblem } from '../application/study-limits.ts';
import type { DayRange, ModelKind, ReturnKind, StudyOptions } from '../core/types.ts';
import type { ContaminationChoice, OverlapChoice } from '../application/study-guardrails.ts';
import type { FactorChoice } from '../application/study-factors.ts';
import { readMinimumEstimationDays } from '../domain/estimation-minimum.ts';
import type { TestSelection } from '../domain/test-choice.ts';
import { checkWindows, windowTextsFrom, type WindowField, type WindowTexts } from '../features/study-controls/utils/window-texts.ts';
import type { StudyEvent } from '../domain/study-event.ts';
import { defaultCarWindows, DEFAULT_STUDY_QUERY, DEFAULT_VIEW_QUERY } from '../application/study-query.ts';

/**
 * The whole view in ONE plain, serialisable object: every choice the user makes on the page.
 * Nothing here is derived from prices; src/app/url-state.ts writes it to the URL and reads it back.
 */
export interface ViewState {
  eventIds: string[];
  customEvents: StudyEvent[];
  securities: string[];
  /** The benchmark chosen for each exchange (market identifier code → symbol). */
  benchmarks: Record<string, string>;
  model: ModelKind;
  returnKind: ReturnKind;
  windowTexts: WindowTexts;
  /** The minimum number of usable estimation days as typed (an advanced setting). */
  minimumEstimationText: string;
  /** Factors from the user's file added to the market model, or null. */
  factors: FactorChoice | null;
  /** The last options whose windows were all valid: what the results on screen were computed with. */
  appliedOptions: StudyOptions;
  /** Overlapping events reported each on its own, or merged into one event cluster. */
  overlap: OverlapChoice;
  /** Other events' windows kept in, or left out of, the estimation windows they fall in. */
  contamination: ContaminationChoice;
  /** The event whose securities the price and abnormal-return charts show; null: the first studied. */
  focusEventId: string | null;
  selectedExcerptId: string | null;
  /** A relative day picked in a chart, or null. */
  selectedDay: number | null;
  /** The portfolio test that states the answer and stars the CAAR chart: 'auto' follows the rules (src/domain/test-choice.ts). */
  significanceTest: TestSelection;
}

export type ViewAction =
  | { type: 'toggle-event'; eventId: string }
  | { type: 'add-custom-event'; event: StudyEvent }
  | { type: 'remove-custom-event'; eventId: string }
  | { type: 'toggle-security'; symbol: string }
  | { type: 'add-security'; symbol: string }
  /** A preset: its securities replace the study's. */
  | { type: 'set-securities'; securities: readonly string[] }
  | { type: 'set-benchmark'; exchange: string; symbol: string }
  | { type: 'set-model'; model: ModelKind }
  | { type: 'set-return-kind'; returnKind: ReturnKind }
  | { type: 'set-window-text'; field: WindowField; text: string }
  | { type: 'set-minimum-estimation'; text: string }
  | { type: 'set-factors'; factors: FactorChoice | null }
  | { type: 'focus-event'; eventId: string }
  | { type: 'select-excerpt'; excerptId: string | null; eventIds: readonly string[] }
  | { type: 'select-day'; day: number | null }
  | { type: 'set-significance-test'; test: TestSelection }
  | { type: 'set-overlap'; overlap: OverlapChoice }
  | { type: 'set-contamination'; contamination: ContaminationChoice }
  /** Back or forward in the browser: the view of that history entry's URL. */
  | { type: 'restore'; state: ViewState };

/** The case the page opens on (the study query's defaults): MHI and IHI against TOPIX around the 2024 US election. */
export const INITIAL_VIEW_STATE: ViewState = {
  eventIds: [...DEFAULT_STUDY_QUERY.eventIds],
  customEvents: [],
  securities: [...DEFAULT_STUDY_QUERY.securities],
  benchmarks: { ...DEFAULT_STUDY_QUERY.benchmarks },
  model: DEFAULT_STUDY_OPTIONS.model,
  returnKind: DEFAULT_STUDY_QUERY.returnKind,
  windowTexts: windowTextsFrom(DEFAULT_STUDY_OPTIONS),
  minimumEstimationText: String(DEFAULT_STUDY_QUERY.minimumEstimationDays),
  factors: null,
  appliedOptions: DEFAULT_STUDY_OPTIONS,
  overlap: DEFAULT_STUDY_QUERY.overlap,
  contamination: DEFAULT_STUDY_QUERY.contamination,
  focusEventId: DEFAULT_VIEW_QUERY.focusEventId,
  selectedExcerptId: DEFAULT_VIEW_QUERY.excerptId,
  selectedDay: null,
  significanceTest: DEFAULT_VIEW_QUERY.significanceTest,
};

/**
 * Every change of the view. Pure: the same state and action always give the same new state.
 * @example viewReducer(INITIAL_VIEW_STATE, { type: 'set-model', model: 'mean-adjusted' }).model // 'mean-adjusted'
 */
export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'toggle-event':
      return withEvents(state, toggle(state.eventIds, action.eventId));
    case 'add-custom-event':
      return {
        ...withEvents({ ...state, customEvents: [...state.customEvents, action.event] }, [...state.eventIds, action.event.id]),
        focusEventId: action.event.id,
      };
    case 'remove-custom-event':
      return withEvents(
        { ...state, customEvents: state.customEvents.filter((event) => event.id !== action.eventId) },
        state.eventIds.filter((id) => id !== action.eventId),
      );
    case 'toggle-security':
      return { ...state, securities: toggle(state.securities, action.symbol) };
    case 'add-security':
      return state.securities.includes(action.symbol) ? state : { ...state, securities: [...state.securities, action.symbol] };
    case 'set-securities':
      return { ...state, securities: [...action.securities], selectedDay: null };
    case 'set-benchmark':
      return { ...state, benchmarks: { ...state.benchmarks, [action.exchange]: action.symbol } };
    case 'set-model':
      // Factors extend the market model only.
      return withOptions({ ...state, model: action.model, factors: action.model === 'market' ? state.factors : null });
    case 'set-minimum-estimation':
      return withOptions({ ...state, minimumEstimationText: action.text });
    case 'set-factors':
      return withOptions({ ...state, factors: state.model === 'market' ? action.factors : null });
    case 'set-return-kind':
      return { ...state, returnKind: action.returnKind };
    case 'set-window-text':
      return withOptions({ ...state, windowTexts: withFollowingCarWindows(state, action.field, action.text) });
    case 'focus-event':
      return { ...state, focusEventId: action.eventId, selectedDay: null };
    case 'select-excerpt':
      return selectExcerpt(state, action.excerptId, action.eventIds);
    case 'select-day':
      return { ...state, selectedDay: action.day };
    case 'set-significance-test':
      return { ...state, significanceTest: action.test };
    case 'set-overlap':
      return { ...state, overlap: action.overlap, selectedDay: null };
    case 'set-contamination':
      return { ...state, contamination: action.contamination };
    case 'restore':
      return action.state;
  }
}

/**
 * The event the charts show: the focused one while it is in the study, else the first selected.
 * @example focusedEventId(INITIAL_VIEW_STATE) // 'us-election-2024'
 */
export function focusedEventId(state: ViewState): string | null {
  if (state.focusEventId !== null && state.eventIds.includes(state.focusEventId)) return state.focusEventId;
  return state.eventIds[0] ?? null;
}

function toggle(list: readonly string[], item: string): string[] {
  return list.includes(item) ? list.filter((entry) => entry !== item) : [...list, item];
}

function withEvents(state: ViewState, eventIds: string[]): ViewState {
  return { ...state, eventIds, selectedDay: null };
}

// The model, its factors and the minimum are part of the options the engine validates, so a change of
// any of them re-checks the windows too; until every setting is valid the results keep the last
// valid options.
function withOptions(state: ViewState): ViewState {
  const minimum = minimumEstimationCheck(state);
  if (minimum.days === null) return state;
  const base = optionsBase(state, minimum.days);
  const check = checkWindows(state.windowTexts, base);
  if (check.options) return { ...state, appliedOptions: check.options };
  // While a window is being fixed, the other settings apply to the last valid windows if they fit them.
  const { estimationWindow, gap, eventWindow, carWindows } = state.appliedOptions;
  const kept = { ...base, estimationWindow, gap, eventWindow, carWindows };
  return { ...state, appliedOptions: validOptions(kept) ? kept : state.appliedOptions };
}

function validOptions(options: StudyOptions): boolean {
  try {
    validateStudyOptions(options);
    return true;
  } catch {
    return false;
  }
}

/**
 * The options the settings describe, but for the windows (which checkWindows adds from their texts).
 * @throws never
 */
export function optionsBase(state: Pick<ViewState, 'appliedOptions' | 'model' | 'factors' | 'minimumEstimationText'>, minimumEstimationDays = minimumEstimationCheck(state).days ?? state.appliedOptions.minimumEstimationDays): StudyOptions {
  const { factors: _previous, ...rest } = state.appliedOptions;
  return { ...rest, model: state.model, minimumEstimationDays, ...(state.factors === null ? {} : { factors: state.factors.names }) };
}

/**
 * The typed minimum of estimation days, or why it cannot be used with the chosen model and factors
 * (src/domain/estimation-minimum.ts: the same rule as the URL's min-estimation).
 * @example minimumEstimationCheck({ ...INITIAL_VIEW_STATE, minimumEstimationText: '2' }).problem // 'The minimum of estimation days must be at least 3 for the market model: …'
 */
export function minimumEstimationCheck(state: Pick<ViewState, 'minimumEstimationText' | 'model' | 'factors'>): { days: number | null; problem: string | null } {
  return readMinimumEstimationDays(state.minimumEstimationText, state.model, state.factors?.names.length ?? 0);
}

/**
 * The window texts after one field is typed in. CAR windows the user has not set (they are the
 * default windows of the event window in force) follow a new valid event window, so widening it to
 * [−10, +10] also widens the last CAR window; CAR windows the user typed are left as they are.
 */
function withFollowingCarWindows(state: ViewState, field: WindowField, text: string): WindowTexts {
  const texts = { ...state.windowTexts, [field]: text };
  if (field !== 'event' || !sameRanges(state.windowTexts.carWindows, defaultCarWindows(state.appliedOptions.eventWindow))) return texts;
  const eventWindow = eventWindowOf(text);
  return eventWindow ? { ...texts, carWindows: rangesText(defaultCarWindows(eventWindow)) } : texts;
}

function eventWindowOf(text: string): DayRange | null {
  try {
    const range = parseDayRange(text.trim());
    return windowLimitProblem('event window', range) === null ? range : null;
  } catch {
    return null;
  }
}

function rangesText(ranges: readonly DayRange[]): string {
  return windowTextsFrom({ ...DEFAULT_STUDY_OPTIONS, carWindows: [...ranges] }).carWindows;
}

// Spacing and separators aside, the same list of windows.
function sameRanges(text: string, ranges: readonly DayRange[]): boolean {
  const normalise = (value: string) => value.split(/[,;]/).map((part) => part.replace(/\s+/g, '')).filter((part) => part !== '').join(',');
  return normalise(text) === normalise(rangesText(ranges));
}

// Selecting an excerpt brings the first of its events that is in the study into the charts.
function selectExcerpt(state: ViewState, excerptId: string | null, eventIds: readonly string[]): ViewState {
  const shown = eventIds.find((id) => state.eventIds.includes(id));
  return { ...state, selectedExcerptId: excerptId, focusEventId: shown ?? state.focusEventId, selectedDay: null };
}
