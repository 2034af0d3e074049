import { memo } from 'react';
import { Area, Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent, formatRelativeDay } from '../../../lib/format.ts';
import type { ChartRow } from '../utils/chart-data.ts';
import { extentOf, niceAxis } from '../utils/nice-ticks.ts';
import { BAND_FILL } from '../utils/palette.ts';
import { CHART_SYNC_ID, useChartMouseHandlers, emphasisStroke, type DayHandlers, type LineSpec } from './chart-interaction.ts';
import { ChartTooltip } from './chart-tooltip.tsx';
import { markerLines, type EventMarker } from './event-marker.tsx';

export interface AbnormalReturnChartProps extends DayHandlers {
  unitKey: string;
  rows: ChartRow[];
  series: LineSpec;
  markers: EventMarker[];
}

const HEIGHT = 210;

/**
 * Chart 2, one per security: daily abnormal returns as bars, the CAR as a line, and the CAR's 95%
 * band (±1.96·sqrt(var CAR)) shaded.
 */
export const AbnormalReturnChart = memo(function AbnormalReturnChart({ unitKey, rows, series, markers, ...handlers }: AbnormalReturnChartProps) {
  const mouseHandlers = useChartMouseHandlers(handlers);
  const stroke = emphasisStroke(series.emphasis);
  const extent = extentOf(rows, ['ar', 'car', 'band']) ?? [0, 0];
  const axis = niceAxis(Math.min(extent[0], 0), Math.max(extent[1], 0), 5, 100);
  return (
    <div className="small-multiple" data-unit={unitKey} data-emphasis={series.emphasis}>
      <h4 className="small-multiple-title">{series.name}</h4>
      <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 320, height: HEIGHT }}>
        <ComposedChart data={rows} syncId={CHART_SYNC_ID} margin={{ top: 10, right: 12, bottom: 4, left: 4 }} {...mouseHandlers}>
          <CartesianGrid stroke="#e3e6ea" vertical={false} />
          <XAxis dataKey="day" tickFormatter={formatRelativeDay} tick={{ fontSize: 11 }} />
          <YAxis domain={axis.domain} ticks={axis.ticks} tickFormatter={(value: number) => formatPercent(value, axis.decimals)} tick={{ fontSize: 11 }} width={48} />
          <ReferenceLine y={0} stroke="#5f6b7a" />
          {markerLines(markers, false)}
          <Tooltip content={<ChartTooltip format={(value) => formatPercent(value)} />} />
          <Area dataKey="band" name="CAR 95% band" fill={BAND_FILL} fillOpacity={0.3} stroke="none" isAnimationActive={false} connectNulls={false} />
          <Bar dataKey="ar" name="AR" fill={series.colour} fillOpacity={series.emphasis === 'faint' ? 0.3 : 0.75} isAnimationActive={false} />
          <Line dataKey="car" name="CAR" stroke="#000000" strokeDasharray={series.dash} {...stroke} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});
