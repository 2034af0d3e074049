import { useSyncExternalStore } from 'react';
import type { ComposedStudy } from '../application/compose-study.ts';
import { ExcerptPanel, type ExcerptPanelProps } from '../features/articles/components/excerpt-panel.tsx';
import { linkedEvents, type FocusCharts } from '../features/charts/utils/focus-charts.ts';
import type { HoverStore } from './hover-store.ts';

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
export function LinkedExcerptPanel({ hoverStore, calendar, composed, selectedDay, ...panel }: LinkedExcerptPanelProps) {
  const hoveredDay = useSyncExternalStore(hoverStore.subscribe, hoverStore.get);
  const linked = composed ? linkedEvents(calendar, composed, hoveredDay ?? selectedDay) : { eventIds: [], dayText: null };
  return <ExcerptPanel {...panel} linkedEventIds={linked.eventIds} linkedDayText={linked.dayText} />;
}
