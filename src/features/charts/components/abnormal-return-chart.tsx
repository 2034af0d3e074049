import { memo, useRef } from 'react';
import { Area, Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent, formatRelativeDay } from '../../../lib/format.ts';
import type { ChartRow } from '../utils/chart-data.ts';
import { extentOf, niceAxis } from '../utils/nice-ticks.ts';
import { BAND_FILL } from '../utils/palette.ts';
import { ChartExportButtons, type ChartImageSpec } from './chart-export-buttons.tsx';
import { CHART_SYNC_ID, useChartMouseHandlers, emphasisStroke, type DayHandlers, type LineSpec } from './chart-interaction.ts';
import { ChartTooltip } from './chart-tooltip.tsx';
import { markerLines, type EventMarker } from './event-marker.tsx';
import type { PlotLayout } from './plot-layout.ts';

export interface AbnormalReturnChartProps extends DayHandlers {
  unitKey: string;
  rows: ChartRow[];
  series: LineSpec;
  markers: EventMarker[];
  image: ChartImageSpec;
}

const HEIGHT = 210;

/**
 * Chart 2, one per security: daily abnormal returns as bars, the CAR as a line, and the CAR's 95%
 * band (±1.96·sqrt(var CAR)) shaded.
 */
export const AbnormalReturnChart = memo(function AbnormalReturnChart({ unitKey, rows, series, markers, image, ...handlers }: AbnormalReturnChartProps) {
  const mouseHandlers = useChartMouseHandlers(handlers);
  const body = useRef<HTMLDivElement>(null);
  return (
    <div className="small-multiple" data-unit={unitKey} data-emphasis={series.emphasis}>
      <div className="small-multiple-head">
        <h4 className="small-multiple-title">{series.name}</h4>
        <ChartExportButtons chart={body} image={image} />
      </div>
      <div ref={body}>
        <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 320, height: HEIGHT }}>
          <AbnormalReturnPlot rows={rows} series={series} markers={markers} layout={{ kind: 'page', handlers: mouseHandlers }} />
        </ResponsiveContainer>
      </div>
    </div>
  );
});

/** One security's abnormal-return rows and where to draw them (see PlotLayout). */
export interface AbnormalReturnPlotProps {
  rows: ChartRow[];
  series: LineSpec;
  markers: EventMarker[];
  layout: PlotLayout;
}

/**
 * One security's AR bars, CAR line and CAR band, on the page or on a slide (see PlotLayout).
 * @example <AbnormalReturnPlot rows={rows} series={spec} markers={markers} layout={{ kind: 'slide', width: 600, height: 330 }} />
 */
export function AbnormalReturnPlot({ rows, series, markers, layout }: AbnormalReturnPlotProps) {
  const onPage = layout.kind === 'page';
  const fontSize = onPage ? 11 : 14;
  const stroke = emphasisStroke(series.emphasis);
  const extent = extentOf(rows, ['ar', 'car', 'band']) ?? [0, 0];
  const axis = niceAxis(Math.min(extent[0], 0), Math.max(extent[1], 0), 5, 100);
  return (
    <ComposedChart
      data={rows}
      width={onPage ? undefined : layout.width}
      height={onPage ? undefined : layout.height}
      syncId={onPage ? CHART_SYNC_ID : undefined}
      accessibilityLayer={onPage}
      margin={{ top: 10, right: 12, bottom: 4, left: 4 }}
      {...(onPage ? layout.handlers : {})}
    >
      <CartesianGrid stroke="#e3e6ea" vertical={false} />
      <XAxis dataKey="day" tickFormatter={formatRelativeDay} tick={{ fontSize }} />
      <YAxis domain={axis.domain} ticks={axis.ticks} tickFormatter={(value: number) => formatPercent(value, axis.decimals)} tick={{ fontSize }} width={fontSize * 4.4} />
      <ReferenceLine y={0} stroke="#5f6b7a" />
      {markerLines(markers, false)}
      {onPage ? <Tooltip content={<ChartTooltip format={(value) => formatPercent(value)} />} /> : null}
      <Area dataKey="band" name="CAR 95% band" fill={BAND_FILL} fillOpacity={0.3} stroke="none" isAnimationActive={false} connectNulls={false} />
      <Bar dataKey="ar" name="AR" fill={series.colour} fillOpacity={series.emphasis === 'faint' ? 0.3 : 0.75} isAnimationActive={false} />
      <Line dataKey="car" name="CAR" stroke="#000000" strokeDasharray={series.dash} {...stroke} dot={false} isAnimationActive={false} />
    </ComposedChart>
  );
}
