import { useCallback, useMemo, useSyncExternalStore, type Dispatch, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { AggregateTests, StudyResult } from '../core/types.ts';
import type { ArticleCatalog } from '../features/articles/api/article-catalog.ts';
import type { UserExcerpt } from '../features/articles/api/user-excerpts.ts';
import { ExcerptPanel, type ExcerptPanelProps } from '../features/articles/components/excerpt-panel.tsx';
import type { EventMarker } from '../features/charts/components/event-marker.tsx';
import { LazyChartsPanel, LazySlideChart } from '../features/charts/components/lazy-charts.tsx';
import { chartDays, portfolioRows } from '../features/charts/utils/chart-data.ts';
import { useHealth } from '../features/health/api/get-health.ts';
import { PresentButton } from '../features/presentation/components/present-button.tsx';
import type { SlideChartKind } from '../features/presentation/utils/deck.ts';
import type { SecurityRow } from '../features/statistics-table/components/security-table.tsx';
import { StatisticsPanel } from '../features/statistics-table/components/statistics-panel.tsx';
import type { StudyState } from '../features/study/hooks/use-study.ts';
import { formatDate, formatDayRange } from '../lib/format.ts';
import { unitId, type ComposedStudy } from '../application/compose-study.ts';
import type { PricesResponse } from '../domain/price-api.ts';
import type { StudyEvent } from '../domain/study-event.ts';
import { deckInput, focusCharts, imageContext, linkedEvents, shortTitle, slideChartSpec, type FocusCharts, type Spotlight } from './chart-inputs.ts';
import { EmptyState } from './components/empty-state.tsx';
import { ErrorPanel } from './components/error-panel.tsx';
import { ChartsSkeleton } from './components/skeleton.tsx';
import type { HoverStore } from './hover-store.ts';
import type { ViewAction, ViewState } from './view-state.ts';

const MODEL_NAMES = { market: 'Market model', 'market-adjusted': 'Market-adjusted model', 'mean-adjusted': 'Mean-adjusted model' } as const;
const STATISTICS_ID = 'statistics';
/** Across several events only day 0 is common to every security–event pair of the portfolio. */
const DAY_ZERO_MARKER: EventMarker = { eventId: 'day-0', day: 0, label: 'Day 0', highlighted: false, lane: 0, anchor: 'start' };

interface ResultsViewProps {
  state: ViewState;
  dispatch: Dispatch<ViewAction>;
  prices: UseQueryResult<PricesResponse>;
  study: StudyState | null;
  studyEvents: StudyEvent[];
  allEvents: StudyEvent[];
  focusEventId: string | null;
  spotlight: Spotlight | null;
  hoverStore: HoverStore;
  securityNames: ReadonlyMap<string, string>;
  userExcerpts: { excerpts: UserExcerpt[]; problem: string | null; add: (excerpt: Omit<UserExcerpt, 'id'>) => void; remove: (id: string) => void };
  articles: ArticleCatalog;
}

/** The charts with the article beside them, then the statistics; or the state that stands in their place. */
export function ResultsView(props: ResultsViewProps) {
  const { state, study, prices, dispatch } = props;
  const result = study?.outcome.result ?? null;
  const focusEvent = props.studyEvents.find((event) => event.id === props.focusEventId) ?? null;
  const days = useMemo(() => chartDays(state.appliedOptions.eventWindow), [state.appliedOptions.eventWindow]);
  const charts = useMemo(
    () =>
      study && focusEvent
        ? focusCharts({ composed: study.composed, result, event: focusEvent, events: props.allEvents, series: prices.data?.series ?? [], securityOrder: state.securities, days, spotlight: props.spotlight })
        : null,
    [study, result, focusEvent, props.allEvents, prices.data, state.securities, days, props.spotlight],
  );
  const significanceTest = state.significanceTest;
  const portfolio = useMemo(
    () =>
      result && result.securities.length > 0
        ? { rows: portfolioRows(result, significanceTest, days), subtitle: portfolioSubtitle(result, props.studyEvents.length) }
        : null,
    [result, significanceTest, days, props.studyEvents.length],
  );
  const onSignificanceTest = useCallback((test: keyof AggregateTests) => dispatch({ type: 'set-significance-test', test }), [dispatch]);
  const portfolioMarkers = useMemo(() => (charts && props.studyEvents.length === 1 ? charts.markers : [DAY_ZERO_MARKER]), [charts, props.studyEvents.length]);
  const selectedDay = state.selectedDay;
  const onSelectDay = useCallback((day: number) => dispatch({ type: 'select-day', day: day === selectedDay ? null : day }), [dispatch, selectedDay]);
  const version = useHealth().data?.version ?? null;
  const method = methodSubtitle(props);
  const subtitle = charts ? `${chartTitleLine(charts.event, charts.calendar?.dayZero ?? null)} ${method}` : '';
  const studyEventIds = useMemo(() => props.studyEvents.map((event) => event.id), [props.studyEvents]);
  const images = useMemo(
    () => (prices.data && charts ? imageContext({ prices: prices.data, model: state.appliedOptions.model, method, focusEventId: charts.event.id, studyEventIds, version }) : null),
    [prices.data, charts, state.appliedOptions.model, method, studyEventIds, version],
  );
  const { securityNames, articles } = props;
  const userExcerpts = props.userExcerpts.excerpts;
  const eventCount = props.studyEvents.length;
  const { returnKind } = state;
  const deck = useMemo(
    () =>
      result && charts && prices.data
        ? deckInput({ charts, result, prices: prices.data, securityNames, eventCount, modelName: MODEL_NAMES[result.options.model], returnKind, significanceTest, articles: articles.articles, userExcerpts, version, subtitle, portfolioSubtitle: portfolio?.subtitle ?? null })
        : null,
    [result, charts, prices.data, securityNames, eventCount, returnKind, significanceTest, articles.articles, userExcerpts, version, subtitle, portfolio],
  );
  const renderSlideChart = useCallback(
    (chart: SlideChartKind) => {
      const spec = charts ? slideChartSpec(chart, charts, portfolio ? { rows: portfolio.rows, markers: portfolioMarkers } : null) : null;
      return spec ? <LazySlideChart chart={spec} fallback={<p className="slide-note">Loading the chart…</p>} /> : null;
    },
    [charts, portfolio, portfolioMarkers],
  );
  const excerptPanel = (
    <LinkedExcerptPanel
      hoverStore={props.hoverStore}
      calendar={charts?.calendar ?? null}
      composed={study?.composed ?? null}
      selectedDay={state.selectedDay}
      articles={props.articles.articles}
      articleProblems={props.articles.problems}
      userExcerpts={props.userExcerpts.excerpts}
      storageProblem={props.userExcerpts.problem}
      events={props.allEvents}
      studyEventIds={state.eventIds}
      securityNames={props.securityNames}
      studySecurities={state.securities}
      selectedExcerptId={state.selectedExcerptId}
      onSelectExcerpt={(excerptId, eventIds) => dispatch({ type: 'select-excerpt', excerptId, eventIds })}
      onAddExcerpt={props.userExcerpts.add}
      onRemoveExcerpt={props.userExcerpts.remove}
    />
  );

  return (
    <>
      <div className="charts-and-article">
        <div className="charts-column">{chartsContent()}</div>
        {excerptPanel}
      </div>
      {result && result.securities.length + result.failures.length > 0 ? (
        <StatisticsPanel id={STATISTICS_ID} rows={securityRows(result, props)} portfolioWindows={result.securities.length > 0 ? result.aggregate.windows : []} showEvent={props.studyEvents.length > 1} methodNote={methodNote(props)} />
      ) : null}
    </>
  );

  function chartsContent(): ReactNode {
    if (props.studyEvents.length === 0) return <EmptyState title="No event selected">Tick at least one event on the left, or add your own, to see how the securities moved around it.</EmptyState>;
    if (state.securities.length === 0) return <EmptyState title="No securities selected">Pick at least one security on the left; its benchmark is chosen per market.</EmptyState>;
    if (prices.error) {
      return (
        <ErrorPanel
          title="The prices could not be loaded"
          message={prices.error.message}
          code={'code' in prices.error ? String(prices.error.code) : undefined}
          onRetry={() => void prices.refetch()}
          retrying={prices.isFetching}
        />
      );
    }
    if (!prices.data || !study) return <ChartsSkeleton label="Loading prices and computing the study…" />;
    if (study.outcome.error) return <ErrorPanel title="The study could not be computed" message={study.outcome.error.message} code={study.outcome.error.code} />;
    if (!charts || !result || !images) return null;
    return (
      <>
        {deck ? (
          <div className="results-toolbar">
            <PresentButton deck={deck} renderChart={renderSlideChart} />
          </div>
        ) : null}
        {prices.data.warnings.length > 0 ? (
          <ul className="notice" aria-label="Notes from the price server">
            {prices.data.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        ) : null}
        {props.studyEvents.length > 1 ? <EventTabs events={props.studyEvents} focusEventId={charts.event.id} onFocus={(eventId) => dispatch({ type: 'focus-event', eventId })} /> : null}
        <LazyChartsPanel
          fallback={<ChartsSkeleton label="Loading the charts…" />}
          image={images}
          priceRows={charts.priceRows}
          priceLines={charts.priceLines}
          markers={charts.markers}
          portfolioMarkers={portfolioMarkers}
          securities={charts.securities}
          subtitle={subtitle}
          portfolio={portfolio}
          significanceTest={significanceTest}
          onSignificanceTest={onSignificanceTest}
          onHoverDay={props.hoverStore.set}
          onSelectDay={onSelectDay}
          describedBy={STATISTICS_ID}
        />
      </>
    );
  }
}

type LinkedExcerptPanelProps = Omit<ExcerptPanelProps, 'linkedEventIds' | 'linkedDayText'> & {
  hoverStore: HoverStore;
  calendar: FocusCharts['calendar'];
  composed: ComposedStudy | null;
  selectedDay: number | null;
};

/**
 * The excerpt panel, the only part of the page that follows the pointer across the charts: it
 * alone subscribes to the hovered day, so moving the mouse redraws nothing else.
 */
function LinkedExcerptPanel({ hoverStore, calendar, composed, selectedDay, ...panel }: LinkedExcerptPanelProps) {
  const hoveredDay = useSyncExternalStore(hoverStore.subscribe, hoverStore.get);
  const linked = composed ? linkedEvents(calendar, composed, hoveredDay ?? selectedDay) : { eventIds: [], dayText: null };
  return <ExcerptPanel {...panel} linkedEventIds={linked.eventIds} linkedDayText={linked.dayText} />;
}

function EventTabs({ events, focusEventId, onFocus }: { events: StudyEvent[]; focusEventId: string; onFocus: (eventId: string) => void }) {
  return (
    <fieldset className="event-tabs">
      <legend>Price and abnormal-return charts show</legend>
      {events.map((event) => (
        <label key={event.id} className="tab">
          <input type="radio" name="focus-event" checked={event.id === focusEventId} onChange={() => onFocus(event.id)} />
          {event.title}
        </label>
      ))}
    </fieldset>
  );
}

function chartTitleLine(event: StudyEvent, dayZero: string | null): string {
  return `${event.title}${dayZero ? `, day 0 ${formatDate(dayZero)}` : ''}.`;
}

function methodSubtitle(props: ResultsViewProps): string {
  const options = props.state.appliedOptions;
  return `${MODEL_NAMES[options.model]}, estimation ${formatDayRange(options.estimationWindow)}, event window ${formatDayRange(options.eventWindow)}.`;
}

function portfolioSubtitle(result: StudyResult, eventCount: number): string {
  const securities = new Set(result.securities.map((security) => security.symbol)).size;
  return `Equally weighted over ${result.securities.length} security–event pair${result.securities.length === 1 ? '' : 's'} (${securities} securit${securities === 1 ? 'y' : 'ies'}, ${eventCount} event${eventCount === 1 ? '' : 's'}).`;
}

function securityRows(result: StudyResult, props: ResultsViewProps): SecurityRow[] {
  const benchmarks = new Map(props.study?.composed.units.map((item) => [item.unit.id, item.benchmark]) ?? []);
  return props.studyEvents.flatMap((event) =>
    props.state.securities.flatMap((symbol): SecurityRow[] => {
      const id = unitId(event.id, symbol);
      const security = result.securities.find((item) => item.id === id) ?? null;
      const failure = result.failures.find((item) => item.id === id);
      if (!security && !failure) return [];
      return [
        {
          key: id,
          symbol,
          name: props.securityNames.get(symbol) ?? symbol,
          eventTitle: shortTitle(event.title),
          benchmark: security?.benchmark ?? benchmarks.get(id) ?? '',
          result: security,
          failure: failure?.error.message ?? null,
        },
      ];
    }),
  );
}

function methodNote(props: ResultsViewProps): string {
  const options = props.state.appliedOptions;
  const gap = options.gap ? `gap ${formatDayRange(options.gap)}` : 'no gap';
  const source = props.prices.data?.mode === 'snapshot' ? 'offline snapshot' : `${props.prices.data?.mode ?? ''} prices`;
  return `${MODEL_NAMES[options.model]}, ${props.state.returnKind} returns of adjusted closes; estimation ${formatDayRange(options.estimationWindow)}, ${gap}, event window ${formatDayRange(options.eventWindow)}; at least ${options.minimumEstimationDays ?? 30} estimation days; ${source}.`;
}
