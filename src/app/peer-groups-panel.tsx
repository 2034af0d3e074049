import { useMemo } from 'react';
import type { GroupResult } from '../application/group-results.ts';
import type { DayRange } from '../core/types.ts';
import type { PricesResponse, SeriesProvenance } from '../domain/price-api.ts';
import type { EventMarker } from '../features/charts/components/event-marker.tsx';
import type { ChartImageContext } from '../features/charts/components/charts-panel.tsx';
import { LazyGroupComparisonChart } from '../features/charts/components/lazy-group-comparison.tsx';
import { chartDays } from '../features/charts/utils/chart-data.ts';
import { groupComparisonImage, groupLines, groupRows } from '../features/charts/utils/group-rows.ts';
import { PeerGroupsSection } from '../features/peer-groups/components/peer-groups-section.tsx';
import { ChartsSkeleton } from './components/skeleton.tsx';

interface PeerGroupsPanelProps {
  /** The groups of one event; shown when there are two or more to compare. */
  results: readonly GroupResult[];
  eventWindow: DayRange;
  carWindows: readonly DayRange[];
  prices: PricesResponse;
  markers: EventMarker[];
  image: ChartImageContext;
  handlers: { onHoverDay: (day: number | null) => void; onSelectDay: (day: number) => void };
}

/**
 * One event's peer groups compared, with their chart, inside that event's answer: the app joins the
 * peer-groups and charts features here.
 */
export function PeerGroupsPanel({ results, eventWindow, carWindows, prices, markers, image, handlers }: PeerGroupsPanelProps) {
  const eventId = results[0]?.event.id ?? '';
  const sectionId = `peer-groups-${eventId}`;
  const eventTitle = results[0]?.event.title ?? '';
  const subtitle = `${eventTitle}. Each group's members on their own exchange's day 0, against its benchmark. ${image.method}`;
  const days = useMemo(() => chartDays(eventWindow), [eventWindow]);
  const lines = useMemo(() => groupLines(results), [results]);
  const rows = useMemo(() => groupRows(results, days), [results, days]);
  const chartImage = useMemo(() => groupComparisonImage(lines, { ...image, eventId }, subtitle), [lines, image, eventId, subtitle]);
  const provenance = useMemo(() => new Map<string, SeriesProvenance>(prices.series.map((series) => [series.symbol, series.provenance])), [prices]);
  if (results.length < 2) return null;
  return (
    <PeerGroupsSection
      id={sectionId}
      nested
      results={results}
      windows={carWindows}
      provenance={provenance}
      chart={
        <LazyGroupComparisonChart
          fallback={<ChartsSkeleton label="Loading the group comparison…" />}
          id={`group-comparison-${eventId}`}
          rows={rows}
          lines={lines}
          markers={markers}
          subtitle={subtitle}
          describedBy={`${sectionId}-table-title`}
          image={chartImage}
          onHoverDay={handlers.onHoverDay}
          onSelectDay={handlers.onSelectDay}
        />
      }
    />
  );
}
