import { memo } from 'react';
import { Brush, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber, formatRelativeDay } from '../../../lib/format.ts';
import type { ChartRow } from '../utils/chart-data.ts';
import { extentOf, niceAxis } from '../utils/nice-ticks.ts';
import { ChartFrame } from './chart-frame.tsx';
import { CHART_SYNC_ID, useChartMouseHandlers, emphasisStroke, type DayHandlers, type LineSpec } from './chart-interaction.ts';
import { ChartTooltip } from './chart-tooltip.tsx';
import { markerLines, type EventMarker } from './event-marker.tsx';

export interface PriceChartProps extends DayHandlers {
  rows: ChartRow[];
  lines: LineSpec[];
  markers: EventMarker[];
  subtitle: string;
  describedBy: string;
}

const HEIGHT = 300;

/** Chart 1: each security and its benchmark rebased to 100 at day −1, with the events marked. */
export const PriceChart = memo(function PriceChart({ rows, lines, markers, subtitle, describedBy, ...handlers }: PriceChartProps) {
  const mouseHandlers = useChartMouseHandlers(handlers);
  const extent = extentOf(rows, lines.map((line) => line.key)) ?? [100, 100];
  const axis = niceAxis(Math.min(extent[0], 100), Math.max(extent[1], 100));
  return (
    <ChartFrame id="price-chart" title="Prices rebased to 100 at day −1" subtitle={subtitle} describedBy={describedBy} legend={<LineLegend lines={lines} />}>
      <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 640, height: HEIGHT }}>
        <LineChart data={rows} syncId={CHART_SYNC_ID} margin={{ top: 12 + 13 * Math.max(1, markers.length), right: 28, bottom: 4, left: 4 }} {...mouseHandlers}>
          <CartesianGrid stroke="#e3e6ea" vertical={false} />
          <XAxis dataKey="day" tickFormatter={formatRelativeDay} tick={{ fontSize: 12 }} />
          <YAxis domain={axis.domain} ticks={axis.ticks} tickFormatter={(value: number) => formatNumber(value, axis.decimals)} tick={{ fontSize: 12 }} width={44} />
          <ReferenceLine y={100} stroke="#9aa5b1" />
          {markerLines(markers, true)}
          <Tooltip content={<ChartTooltip format={(value) => formatNumber(value, 2)} />} />
          {lines.map((line) => (
            <Line
              key={line.key}
              dataKey={line.key}
              name={line.name}
              stroke={line.colour}
              strokeDasharray={line.dash}
              {...emphasisStroke(line.emphasis)}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
          <Brush dataKey="day" height={22} travellerWidth={8} tickFormatter={formatRelativeDay} stroke="#5f6b7a" />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});

/** A legend drawn in HTML, so it prints crisply and names each line's dash pattern. */
export function LineLegend({ lines }: { lines: LineSpec[] }) {
  return (
    <ul className="line-legend">
      {lines.map((line) => (
        <li key={line.key} data-emphasis={line.emphasis}>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="28" y2="5" stroke={line.colour} strokeWidth={2.5} strokeDasharray={line.dash} />
          </svg>
          {line.name}
        </li>
      ))}
    </ul>
  );
}
