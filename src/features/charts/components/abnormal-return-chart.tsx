import { memo, useMemo, useRef } from 'react';
import { Area, Bar, ComposedChart, Line, ResponsiveContainer } from 'recharts';
import type { ChartRow } from '../utils/chart-data.ts';
import { extentOf } from '../utils/nice-ticks.ts';
import { BAND_FILL } from '../utils/palette.ts';
import { ChartExportButtons, type ChartImageSpec } from './chart-export-buttons.tsx';
import { useChartMouseHandlers, emphasisStroke, type DayHandlers, type LineSpec } from './chart-interaction.ts';
import { useEventMarkers, type EventMarker } from './event-marker.tsx';
import { plainBar } from './plain-bar.tsx';
import { plotProps, type PlotLayout } from './plot-layout.ts';
import { dayAxis, GRID, PERCENT_TOOLTIP, useValueAxis, ZERO_LINE } from './plot-parts.tsx';

export interface AbnormalReturnChartProps extends DayHandlers {
  unitKey: string;
  rows: ChartRow[];
  series: LineSpec;
  markers: EventMarker[];
  /** The value range every panel shares, or null for the panel's own. */
  extent: readonly [number, number] | null;
  image: ChartImageSpec;
}

const HEIGHT = 210;

/**
 * Chart 2, one per security: daily abnormal returns as bars, the CAR as a line, and the CAR's 95%
 * band (±1.96·sqrt(var CAR)) shaded.
 */
export const AbnormalReturnChart = memo(function AbnormalReturnChart({ unitKey, rows, series, markers, extent, image, ...handlers }: AbnormalReturnChartProps) {
  const mouseHandlers = useChartMouseHandlers(handlers);
  const body = useRef<HTMLDivElement>(null);
  return (
    <div className="small-multiple" data-unit={unitKey} data-emphasis={series.emphasis}>
      <div className="small-multiple-head">
        <h3 className="small-multiple-title">{series.name}</h3>
        <ChartExportButtons chart={body} image={image} />
      </div>
      <div ref={body}>
        <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 320, height: HEIGHT }}>
          <AbnormalReturnPlot rows={rows} series={series} markers={markers} extent={extent} layout={{ kind: 'page', handlers: mouseHandlers }} />
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
  /** The value range every panel shares (see abnormalReturnExtent), or null for the rows' own. */
  extent?: readonly [number, number] | null;
  layout: PlotLayout;
}

/**
 * One security's AR bars, CAR line and CAR band, on the page or on a slide (see PlotLayout).
 * @example <AbnormalReturnPlot rows={rows} series={spec} markers={markers} layout={{ kind: 'slide', width: 600, height: 330 }} />
 */
export function AbnormalReturnPlot({ rows, series, markers, extent = null, layout }: AbnormalReturnPlotProps) {
  const onPage = layout.kind === 'page';
  const fontSize = onPage ? 11 : 14;
  const valueAxis = useValueAxis({ rows, keys: VALUE_KEYS, anchor: 0, unit: 'percent', fontSize, width: fontSize * 4.4, extent });
  const { lines: eventLines, lanes } = useEventMarkers(markers, fontSize);
  const top = 6 + lanes;
  const margin = useMemo(() => ({ ...MARGIN, top }), [top]);
  const { colour, dash, emphasis } = series;
  const plotted = useMemo(() => seriesOf(colour, dash, emphasis), [colour, dash, emphasis]);
  return (
    <ComposedChart
      data={rows}
      {...plotProps(layout, margin)}
    >
      {GRID}
      {dayAxis(fontSize)}
      {valueAxis}
      {ZERO_LINE}
      {eventLines}
      {onPage ? PERCENT_TOOLTIP : null}
      {plotted}
    </ComposedChart>
  );
}

const VALUE_KEYS = ['ar', 'car', 'band'];
const MARGIN = { top: 10, right: 12, bottom: 4, left: 4 };

/**
 * The range of values of several securities' abnormal-return rows (AR, CAR and band), so their
 * panels can share one y scale and be compared at a glance; null when none has a value.
 * @example abnormalReturnExtent([ihiRows, mhiRows]) // [-0.12, 0.31]
 */
export function abnormalReturnExtent(panels: readonly (readonly ChartRow[])[]): [number, number] | null {
  return extentOf(panels.flat(), VALUE_KEYS);
}

function seriesOf(colour: string, dash: string | undefined, emphasis: LineSpec['emphasis']) {
  return [
    <Area key="band" dataKey="band" name="CAR 95% band" fill={BAND_FILL} fillOpacity={0.3} stroke="none" isAnimationActive={false} connectNulls={false} />,
    <Bar key="ar" dataKey="ar" shape={plainBar} name="AR" fill={colour} fillOpacity={emphasis === 'faint' ? 0.3 : 0.75} isAnimationActive={false} />,
    <Line key="car" dataKey="car" name="CAR" stroke="#000000" strokeDasharray={dash} {...emphasisStroke(emphasis)} dot={false} isAnimationActive={false} />,
  ];
}
