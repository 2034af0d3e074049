import { useMemo } from 'react';
import type { ComposedStudy } from '../application/compose-study.ts';
import type { StudyGroupResult } from '../application/study-analysis.ts';
import type { StudyResult } from '../core/types.ts';
import type { PortfolioTestKey } from '../domain/portfolio-tests.ts';
import type { PricesResponse } from '../domain/price-api.ts';
import type { StudyEvent } from '../domain/study-event.ts';
import type { EventMarker } from '../features/charts/components/event-marker.tsx';
import { chartDays, portfolioRows, type ChartRow } from '../features/charts/utils/chart-data.ts';
import { eventLine, methodLine, portfolioLine } from '../features/charts/utils/chart-subtitles.ts';
import { DAY_ZERO_MARKER, focusCharts, type FocusCharts, type Spotlight } from '../features/charts/utils/focus-charts.ts';
import { imageContext } from '../features/charts/utils/image-context.ts';
import type { ChartImageContext } from '../features/charts/components/charts-panel.tsx';
import type { ViewState } from './view-state.ts';


export interface FocusedResultsInput {
  state: ViewState;
  prices: PricesResponse | undefined;
  composed: ComposedStudy | null;
  result: StudyResult | null;
  /**
   * The event or event cluster of the focused event: the portfolio chart and its stars are its own,
   * never a pool of overlapping events.
   */
  group: StudyGroupResult | null;
  /** The test that stars the portfolio chart: the rules' choice for the group, or the user's pick. */
  significanceTest: PortfolioTestKey;
  studyEvents: readonly StudyEvent[];
  allEvents: readonly StudyEvent[];
  focusEventId: string | null;
  spotlight: Spotlight | null;
  /** The app's version from /api/health, or null before it answers. */
  version: string | null;
}

export interface FocusedResults {
  charts: FocusCharts | null;
  portfolio: { rows: ChartRow[]; subtitle: string } | null;
  portfolioMarkers: EventMarker[];
  /** The price chart's subtitle: event, day 0, model and windows. */
  subtitle: string;
  images: ChartImageContext | null;
}

/**
 * What the charts and the saved images show of the focused event: the app composes the charts
 * feature's builders here, each memoised on what it reads so
 * a hover or a typed window redraws only what changed.
 */
export function useFocusedResults(input: FocusedResultsInput): FocusedResults {
  const { state, prices, composed, result, group, significanceTest, studyEvents, allEvents, spotlight, version } = input;
  const focusEvent = studyEvents.find((event) => event.id === input.focusEventId) ?? null;
  const days = useMemo(() => chartDays(state.appliedOptions.eventWindow), [state.appliedOptions.eventWindow]);
  const studyEventIds = useMemo(() => studyEvents.map((event) => event.id), [studyEvents]);
  const charts = useMemo(
    () => (composed && focusEvent ? focusCharts({ composed, result, event: focusEvent, events: allEvents, studyEventIds, series: prices?.series ?? [], leftOut: prices?.failures.map((failure) => failure.symbol), securityOrder: state.securities, days, spotlight }) : null),
    [composed, result, focusEvent, allEvents, studyEventIds, prices, state.securities, days, spotlight],
  );
  const groupResult = group?.result ?? null;
  // An event cluster's window is the stretched one: its chart spans all of it.
  const groupDays = useMemo(() => (groupResult ? chartDays(groupResult.options.eventWindow) : days), [groupResult, days]);
  const portfolio = useMemo(
    () =>
      groupResult && groupResult.securities.length > 0
        ? { rows: portfolioRows(groupResult, significanceTest, groupDays), subtitle: groupLine(groupResult, group?.kind === 'cluster' ? (group?.eventIds.length ?? 1) : 1) }
        : null,
    [groupResult, group?.kind, group?.eventIds.length, significanceTest, groupDays],
  );
  // The focused event's markers when its day 0 is the group's (an event, or a cluster's first event); else day 0 alone.
  const firstOfGroup = group?.eventIds[0] ?? null;
  const portfolioMarkers = useMemo(() => (charts && charts.event.id === firstOfGroup ? charts.markers : [DAY_ZERO_MARKER]), [charts, firstOfGroup]);
  const method = methodLine(state.appliedOptions);
  const subtitle = charts ? `${eventLine(charts.event, charts.calendar?.dayZero ?? null)} ${method}` : '';
  const images = useMemo(
    () => (prices && charts ? imageContext({ prices, model: state.appliedOptions.model, method, focusEventId: charts.event.id, studyEventIds, version }) : null),
    [prices, charts, state.appliedOptions.model, method, studyEventIds, version],
  );
  return { charts, portfolio, portfolioMarkers, subtitle, images };
}

// What the portfolio chart averages: one event's securities, or an event cluster's (one window each).
function groupLine(result: StudyResult, clusteredEvents: number): string {
  if (clusteredEvents === 1) return portfolioLine(result, 1);
  const n = result.securities.length;
  return `Event cluster of ${clusteredEvents} overlapping events: equally weighted over ${n} securit${n === 1 ? 'y' : 'ies'}, one window each from the first event's window start to the last event's window end.`;
}
