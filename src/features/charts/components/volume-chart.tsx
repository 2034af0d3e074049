import { memo, useMemo, useRef } from 'react';
import { Bar, BarChart, ReferenceLine, ResponsiveContainer, Tooltip, YAxis, type TooltipContentProps } from 'recharts';
import { formatNumber } from '../../../lib/format.ts';
import { niceAxis } from '../utils/nice-ticks.ts';
import type { VolumeDetail, VolumePanelData, VolumeSeries } from '../utils/volume-rows.ts';
import { ChartExportButtons, type ChartImageSpec } from './chart-export-buttons.tsx';
import { ChartFrame } from './chart-frame.tsx';
import { ChartTooltipTitle, type TooltipRow } from './chart-tooltip.tsx';
import { useChartMouseHandlers, type DayHandlers } from './chart-interaction.ts';
import { useEventMarkers, type EventMarker } from './event-marker.tsx';
import { plainBar } from './plain-bar.tsx';
import { plotProps, type PlotLayout } from './plot-layout.ts';
import { dayAxis, GRID, valueTick } from './plot-parts.tsx';

export interface VolumeChartProps extends DayHandlers {
  data: VolumePanelData;
  markers: EventMarker[];
  subtitle: string;
  describedBy: string;
  image: ChartImageSpec;
}

const HEIGHT = 200;
export const VOLUME_TITLE = 'Trading volume: multiple of the usual volume';
export const VOLUME_NOTE =
  "Volume uses no return model: each day's shares ÷ the security's median daily shares over its estimation window (1× = a usual day). Abnormal log volume (mean-adjusted, Campbell & Wasley 1996) and its t are in the tooltip, the answer and the CSV.";

/**
 * The volume panel under the price chart: one chart for every security (grouped bars, one per
 * security and day) of its volume as a multiple of its usual volume, with a line at 1× and the
 * event's day 0 marked. A security whose source has no volume gets a sentence, never zero bars;
 * when none has volume the panel is that sentence alone, with no chart drawn.
 */
export const VolumeChart = memo(function VolumeChart({ data, markers, subtitle, describedBy, image, ...handlers }: VolumeChartProps) {
  const mouseHandlers = useChartMouseHandlers(handlers);
  const body = useRef<HTMLDivElement>(null);
  const drawn = data.series.length > 0;
  return (
    <ChartFrame
      id="volume-chart"
      title={VOLUME_TITLE}
      subtitle={`${subtitle} ${VOLUME_NOTE}`}
      describedBy={describedBy}
      legend={drawn ? <VolumeLegend series={data.series} /> : undefined}
      actions={drawn ? <ChartExportButtons chart={body} image={image} /> : undefined}
    >
      {drawn ? (
        <div ref={body}>
          <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 640, height: HEIGHT }}>
            <VolumePlot rows={data.rows} series={data.series} markers={markers} layout={{ kind: 'page', handlers: mouseHandlers }} />
          </ResponsiveContainer>
        </div>
      ) : null}
      {data.without.length > 0 ? (
        <ul className="volume-without" aria-label="Securities without volume" data-testid="volume-without">
          {data.without.map((item) => (
            <li key={item.symbol} data-symbol={item.symbol}>
              {item.name}: {item.words}.
            </li>
          ))}
        </ul>
      ) : null}
    </ChartFrame>
  );
});

/** The volume bars to draw and where (see PlotLayout). */
export interface VolumePlotProps {
  rows: VolumePanelData['rows'];
  series: readonly VolumeSeries[];
  markers: EventMarker[];
  layout: PlotLayout;
}

/**
 * The grouped volume bars, on the page (synchronised tooltips, the pointer) or on a slide.
 * @example <VolumePlot rows={data.rows} series={data.series} markers={markers} layout={{ kind: 'slide', width: 1200, height: 360 }} />
 */
export function VolumePlot({ rows, series, markers, layout }: VolumePlotProps) {
  const onPage = layout.kind === 'page';
  const fontSize = onPage ? 11 : 14;
  const high = useMemo(() => Math.max(1, ...rows.flatMap((row) => series.map((item) => row[item.key]).filter((value): value is number => typeof value === 'number'))), [rows, series]);
  const axis = useMemo(() => {
    const { domain, ticks, decimals } = niceAxis(0, high);
    // Every round tick drawn, none measured, each label plain text (see useValueAxis and valueTick).
    return <YAxis domain={domain} ticks={ticks} interval={0} tick={valueTick(fontSize, (value) => `${value.toFixed(decimals)}×`)} width={fontSize * 3.6} />;
  }, [high, fontSize]);
  const { lines: eventLines, lanes } = useEventMarkers(markers, fontSize);
  const top = 6 + lanes;
  const margin = useMemo(() => ({ top, right: 12, bottom: 4, left: 4 }), [top]);
  const bars = useMemo(() => series.map((item) => <Bar key={item.key} dataKey={item.key} shape={plainBar} name={item.name} fill={item.colour} fillOpacity={0.85} isAnimationActive={false} />), [series]);
  return (
    <BarChart data={rows} barGap={1} barCategoryGap="18%" {...plotProps(layout, margin)}>
      {GRID}
      {dayAxis(fontSize)}
      {axis}
      {USUAL_LINE}
      {eventLines}
      {onPage ? VOLUME_TOOLTIP : null}
      {bars}
    </BarChart>
  );
}

const USUAL_LINE = <ReferenceLine y={1} stroke="#5f6b7a" strokeDasharray="4 3" />;

function VolumeTooltip({ active, payload }: Partial<TooltipContentProps<number, string>>) {
  if (!active || !payload || payload.length === 0) return null;
  const row = payload[0]?.payload as (TooltipRow & Record<string, unknown>) | undefined;
  return (
    <div className="chart-tooltip">
      <ChartTooltipTitle row={row} />
      <ul>
        {payload.map((item) => {
          const detail = row?.[`${String(item.dataKey)}Detail`] as VolumeDetail | undefined;
          return (
            <li key={String(item.dataKey)}>
              <span className="chart-tooltip-swatch" style={{ background: item.color ?? '#333' }} aria-hidden="true" />
              {item.name}: {typeof item.value === 'number' ? `${formatNumber(item.value, 1)}× usual` : 'no volume'}
              {detail?.shares != null ? ` (${detail.shares.toLocaleString('en-GB')} shares; AV ${formatNumber(detail.abnormal, 2)}, t ${formatNumber(detail.t, 2)})` : ''}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const VOLUME_TOOLTIP = <Tooltip content={<VolumeTooltip />} />;

function VolumeLegend({ series }: { series: readonly VolumeSeries[] }) {
  return (
    <ul className="line-legend">
      {series.map((item) => (
        <li key={item.key}>
          <svg width="14" height="10" aria-hidden="true">
            <rect x="0" y="0" width="14" height="10" fill={item.colour} fillOpacity={0.85} />
          </svg>
          {item.name}
        </li>
      ))}
      <li>
        <svg width="28" height="10" aria-hidden="true">
          <line x1="0" y1="5" x2="28" y2="5" stroke="#5f6b7a" strokeWidth={1.5} strokeDasharray="4 3" />
        </svg>
        1× = usual volume
      </li>
    </ul>
  );
}
