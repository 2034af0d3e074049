import { useMemo } from 'react';
import type { ComposedStudy } from '../application/compose-study.ts';
import type { StudyResult } from '../core/types.ts';
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
  const { state, prices, composed, result, studyEvents, allEvents, spotlight, version } = input;
  const focusEvent = studyEvents.find((event) => event.id === input.focusEventId) ?? null;
  const days = useMemo(() => chartDays(state.appliedOptions.eventWindow), [state.appliedOptions.eventWindow]);
  const studyEventIds = useMemo(() => studyEvents.map((event) => event.id), [studyEvents]);
  const charts = useMemo(
    () => (composed && focusEvent ? focusCharts({ composed, result, event: focusEvent, events: allEvents, studyEventIds, series: prices?.series ?? [], leftOut: prices?.failures.map((failure) => failure.symbol), securityOrder: state.securities, days, spotlight }) : null),
    [composed, result, focusEvent, allEvents, studyEventIds, prices, state.securities, days, spotlight],
  );
  const { significanceTest } = state;
  const eventCount = studyEvents.length;
  const portfolio = useMemo(
    () => (result && result.securities.length > 0 ? { rows: portfolioRows(result, significanceTest, days), subtitle: portfolioLine(result, eventCount) } : null),
    [result, significanceTest, days, eventCount],
  );
  const portfolioMarkers = useMemo(() => (charts && eventCount === 1 ? charts.markers : [DAY_ZERO_MARKER]), [charts, eventCount]);
  const method = methodLine(state.appliedOptions);
  const subtitle = charts ? `${eventLine(charts.event, charts.calendar?.dayZero ?? null)} ${method}` : '';
  const images = useMemo(
    () => (prices && charts ? imageContext({ prices, model: state.appliedOptions.model, method, focusEventId: charts.event.id, studyEventIds, version }) : null),
    [prices, charts, state.appliedOptions.model, method, studyEventIds, version],
  );
  return { charts, portfolio, portfolioMarkers, subtitle, images };
}
