/**
 * The page's view state and its URL: the choices of ViewState as the shared study query
 * (src/application/study-query.ts), so a link reproduces the view and /api/study.csv reads the same query.
 */
import { windowTextsFrom } from '../features/study-controls/utils/window-texts.ts';
import { customStudyEvent, studyOptionsOf } from '../application/study-plan.ts';
import { DEFAULT_STUDY_QUERY, parseStudyQuery, serializeStudyQuery, type PageQuery, type QueryContext, type QueryProblem } from '../application/study-query.ts';
import { isExchangeCode } from '../domain/exchanges.ts';
import type { ViewState } from './view-state.ts';

/**
 * The view a URL's query string describes, with the problems of the parameters that fell back to
 * their defaults.
 * @throws never
 * @example viewStateFromSearch('?model=mean-adjusted', { catalogEventIds: ['us-election-2024'] }).state.model // 'mean-adjusted'
 */
export function viewStateFromSearch(search: string, context: QueryContext): { state: ViewState; problems: QueryProblem[] } {
  const parsed = parseStudyQuery(search, context);
  return { state: viewStateOf(parsed.query), problems: parsed.problems };
}

/**
 * The canonical query string of a view, with its "?": the study as last computed (the applied
 * windows, not a window still being typed) and the view choices.
 * @throws never
 * @example searchOfViewState(INITIAL_VIEW_STATE) // '?events=us-election-2024&securities=7011.T,7013.T&…&overlap=separate&contamination=keep&test=auto'
 */
export function searchOfViewState(state: ViewState): string {
  return `?${serializeStudyQuery(pageQueryOf(state))}`;
}

/**
 * The page query of a view.
 * @throws never
 * @example pageQueryOf(INITIAL_VIEW_STATE).study.securities // ['7011.T', '7013.T']
 */
export function pageQueryOf(state: ViewState): PageQuery {
  const options = state.appliedOptions;
  return {
    study: {
      eventIds: [...state.eventIds],
      customEvents: state.customEvents.map(({ id, title, date, time, timeZone }) => ({ id, title, date, ...(time === undefined ? {} : { time }), timeZone })),
      securities: [...state.securities],
      benchmarks: { ...DEFAULT_STUDY_QUERY.benchmarks, ...Object.fromEntries(Object.entries(state.benchmarks).filter(([code]) => isExchangeCode(code))) },
      model: options.model,
      returnKind: state.returnKind,
      estimationWindow: options.estimationWindow,
      gap: options.gap ?? null,
      eventWindow: options.eventWindow,
      carWindows: options.carWindows,
      minimumEstimationDays: options.minimumEstimationDays ?? DEFAULT_STUDY_QUERY.minimumEstimationDays,
      // The factors in force: a choice still invalid (a minimum below their floor) is not yet in the link.
      factors: options.factors && state.factors ? { names: [...options.factors], file: { ...state.factors.file } } : null,
      overlap: state.overlap,
      contamination: state.contamination,
    },
    view: { focusEventId: state.focusEventId, excerptId: state.selectedExcerptId, significanceTest: state.significanceTest },
  };
}

/**
 * The view of a page query: its windows as the texts of the window inputs.
 * @throws never
 * @example viewStateOf({ study: DEFAULT_STUDY_QUERY, view: DEFAULT_VIEW_QUERY }) // equals INITIAL_VIEW_STATE
 */
export function viewStateOf(query: PageQuery): ViewState {
  const { study, view } = query;
  const options = studyOptionsOf(study);
  return {
    eventIds: [...study.eventIds],
    customEvents: study.customEvents.map(customStudyEvent),
    securities: [...study.securities],
    benchmarks: { ...study.benchmarks },
    model: study.model,
    returnKind: study.returnKind,
    windowTexts: windowTextsFrom(options),
    minimumEstimationText: String(study.minimumEstimationDays),
    factors: study.factors === null ? null : { names: [...study.factors.names], file: { ...study.factors.file } },
    appliedOptions: options,
    overlap: study.overlap,
    contamination: study.contamination,
    focusEventId: view.focusEventId,
    selectedExcerptId: view.excerptId,
    selectedDay: null,
    significanceTest: view.significanceTest,
  };
}
