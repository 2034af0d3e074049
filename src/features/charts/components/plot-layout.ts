import { CHART_SYNC_ID, type useChartMouseHandlers } from './chart-interaction.ts';

/**
 * Where a plot is drawn. On the page it fills its ResponsiveContainer and answers the pointer;
 * on a slide it has a fixed size in user units (a stylesheet scales its SVG to the slide), so it
 * is drawn even while its slide is hidden and prints at any page size.
 */
export type PlotLayout = { kind: 'page'; handlers: ReturnType<typeof useChartMouseHandlers> } | { kind: 'slide'; width: number; height: number };

interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The props of a plot's recharts chart for its layout: on the page the shared syncId (tooltips
 * and brush move together), the keyboard layer and the pointer handlers; on a slide its size.
 * `margin` must keep its identity between renders (a constant or memoised), or recharts
 * re-registers it on every render.
 * @example <ComposedChart data={rows} {...plotProps(layout, MARGIN)}>…</ComposedChart>
 */
export function plotProps(layout: PlotLayout, margin: Margin) {
  if (layout.kind === 'page') return { syncId: CHART_SYNC_ID, accessibilityLayer: true, margin, ...layout.handlers };
  return { width: layout.width, height: layout.height, accessibilityLayer: false, margin };
}
