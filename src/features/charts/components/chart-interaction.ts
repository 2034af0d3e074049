import { useMemo, type MouseEvent } from 'react';
import type { MouseHandlerDataParam } from 'recharts';

/** A series drawn on a chart and how much it stands out (an excerpt's securities stand out). */
export interface LineSpec {
  key: string;
  name: string;
  colour: string;
  dash: string | undefined;
  emphasis: 'normal' | 'strong' | 'faint';
}

export interface DayHandlers {
  /** The relative day under the pointer, or null when it leaves the chart. */
  onHoverDay: (day: number | null) => void;
  /** A click on a day picks it (and the excerpts of the event that happened on it). */
  onSelectDay: (day: number) => void;
}

/** The syncId shared by every chart, so their tooltips and brush move together. */
export const CHART_SYNC_ID = 'kabuto-event-study';

/**
 * recharts mouse handlers reporting the relative day under the pointer. Memoised: a chart whose
 * handlers change identity while a brush traveller is dragged drops the drag.
 */
export function useChartMouseHandlers({ onHoverDay, onSelectDay }: DayHandlers) {
  return useMemo(() => chartMouseHandlers({ onHoverDay, onSelectDay }), [onHoverDay, onSelectDay]);
}

function chartMouseHandlers({ onHoverDay, onSelectDay }: DayHandlers) {
  return {
    onMouseMove: (state: MouseHandlerDataParam) => onHoverDay(dayOf(state)),
    onMouseLeave: () => onHoverDay(null),
    onClick: (state: MouseHandlerDataParam, event: MouseEvent<SVGGraphicsElement>) => {
      // The click that ends a drag of the brush is not a choice of day.
      if (event.target instanceof Element && event.target.closest('.recharts-brush')) return;
      const day = dayOf(state);
      if (day !== null) onSelectDay(day);
    },
  };
}

/** Stroke width and opacity for a series' emphasis. */
export function emphasisStroke(emphasis: LineSpec['emphasis']): { strokeWidth: number; strokeOpacity: number } {
  if (emphasis === 'strong') return { strokeWidth: 3.5, strokeOpacity: 1 };
  if (emphasis === 'faint') return { strokeWidth: 1.5, strokeOpacity: 0.3 };
  return { strokeWidth: 2, strokeOpacity: 1 };
}

function dayOf(state: MouseHandlerDataParam): number | null {
  const label = state.activeLabel;
  if (label === undefined || label === null || label === '') return null;
  const day = Number(label);
  return Number.isInteger(day) ? day : null;
}
