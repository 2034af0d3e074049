import { memo, useMemo, useRef } from 'react';
import { Line, LineChart, ResponsiveContainer } from 'recharts';
import type { ChartRow } from '../utils/chart-data.ts';
import { GROUP_COMPARISON_TITLE } from '../utils/group-rows.ts';
import { ChartExportButtons, type ChartImageSpec } from './chart-export-buttons.tsx';
import { ChartFrame } from './chart-frame.tsx';
import { emphasisStroke, useChartMouseHandlers, type DayHandlers, type LineSpec } from './chart-interaction.ts';
import { useEventMarkers, type EventMarker } from './event-marker.tsx';
import { plotProps, type PlotLayout } from './plot-layout.ts';
import { dayAxis, GRID, PERCENT_TOOLTIP, useValueAxis, ZERO_LINE } from './plot-parts.tsx';
import { LineLegend } from './price-chart.tsx';
import './charts.css';

export interface GroupComparisonChartProps extends DayHandlers {
  /** Unique on the page: each event's answer has its comparison. */
  id: string;
  rows: ChartRow[];
  lines: LineSpec[];
  markers: EventMarker[];
  subtitle: string;
  describedBy: string;
  image: ChartImageSpec;
}

const HEIGHT = 280;

/**
 * The peer groups side by side: each group's CAAR (its members' mean abnormal return, each member
 * against its own exchange's benchmark and day 0) by relative day, one line per group.
 */
export const GroupComparisonChart = memo(function GroupComparisonChart({ id, rows, lines, markers, subtitle, describedBy, image, ...handlers }: GroupComparisonChartProps) {
  const mouseHandlers = useChartMouseHandlers(handlers);
  const body = useRef<HTMLDivElement>(null);
  return (
    <ChartFrame
      id={id}
      title={GROUP_COMPARISON_TITLE}
      subtitle={subtitle}
      describedBy={describedBy}
      actions={<ChartExportButtons chart={body} image={image} />}
      legend={<LineLegend lines={lines} />}
    >
      <div ref={body}>
        <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 640, height: HEIGHT }}>
          <GroupComparisonPlot rows={rows} lines={lines} markers={markers} layout={{ kind: 'page', handlers: mouseHandlers }} />
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
});

/** The groups' rows and lines and where to draw them (see PlotLayout). */
export interface GroupComparisonPlotProps {
  rows: ChartRow[];
  lines: LineSpec[];
  markers: EventMarker[];
  layout: PlotLayout;
}

/**
 * One CAAR line per group, on the page or on a slide.
 * @example <GroupComparisonPlot rows={rows} lines={lines} markers={[]} layout={{ kind: 'slide', width: 1200, height: 600 }} />
 */
export function GroupComparisonPlot({ rows, lines, markers, layout }: GroupComparisonPlotProps) {
  const onPage = layout.kind === 'page';
  const fontSize = onPage ? 12 : 15;
  const keys = useMemo(() => lines.map((line) => line.key), [lines]);
  const valueAxis = useValueAxis({ rows, keys, anchor: 0, unit: 'percent', fontSize, width: fontSize * 4 });
  const { lines: eventLines, lanes } = useEventMarkers(markers, fontSize);
  const top = 8 + lanes;
  const margin = useMemo(() => ({ ...MARGIN, top }), [top]);
  const series = useMemo(() => lines.map(groupLine), [lines]);
  return (
    <LineChart data={rows} {...plotProps(layout, margin)}>
      {GRID}
      {dayAxis(fontSize)}
      {valueAxis}
      {ZERO_LINE}
      {eventLines}
      {onPage ? PERCENT_TOOLTIP : null}
      {series}
    </LineChart>
  );
}

const MARGIN = { top: 16, right: 16, bottom: 4, left: 4 };

function groupLine(line: LineSpec) {
  return (
    <Line
      key={line.key}
      dataKey={line.key}
      name={line.name}
      stroke={line.colour}
      strokeDasharray={line.dash}
      {...emphasisStroke(line.emphasis)}
      dot={{ r: 2.5, fill: line.colour }}
      connectNulls={false}
      isAnimationActive={false}
    />
  );
}
