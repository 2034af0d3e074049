import type { useChartMouseHandlers } from './chart-interaction.ts';

/**
 * Where a plot is drawn. On the page it fills its ResponsiveContainer and answers the pointer;
 * on a slide it has a fixed size in user units (a stylesheet scales its SVG to the slide), so it
 * is drawn even while its slide is hidden and prints at any page size.
 */
export type PlotLayout = { kind: 'page'; handlers: ReturnType<typeof useChartMouseHandlers> } | { kind: 'slide'; width: number; height: number };
