import { memo, useMemo, useRef } from 'react';
import { Brush, Line, LineChart, ReferenceLine, ResponsiveContainer } from 'recharts';
import { formatRelativeDay } from '../../../lib/format.ts';
import type { ChartRow } from '../utils/chart-data.ts';
import { dayLabelWidth } from '../utils/day-ticks.ts';
import { ChartExportButtons, type ChartImageSpec } from './chart-export-buttons.tsx';
import { ChartFrame } from './chart-frame.tsx';
import { useChartMouseHandlers, emphasisStroke, type DayHandlers, type LineSpec } from './chart-interaction.ts';
import { useEventMarkers, type EventMarker } from './event-marker.tsx';
import { plotProps, type PlotLayout } from './plot-layout.ts';
import { dayAxis, GRID, PRICE_TOOLTIP, useValueAxis } from './plot-parts.tsx';

export interface PriceChartProps extends DayHandlers {
  rows: ChartRow[];
  lines: LineSpec[];
  markers: EventMarker[];
  subtitle: string;
  describedBy: string;
  image: ChartImageSpec;
}

const HEIGHT = 300;

/** Chart 1: each security and its benchmark rebased to 100 at day −1, with the events marked. */
export const PriceChart = memo(function PriceChart({ rows, lines, markers, subtitle, describedBy, image, ...handlers }: PriceChartProps) {
  const mouseHandlers = useChartMouseHandlers(handlers);
  const body = useRef<HTMLDivElement>(null);
  return (
    <ChartFrame
      id="price-chart"
      title="Prices rebased to 100 at day −1"
      subtitle={subtitle}
      describedBy={describedBy}
      legend={<LineLegend lines={lines} />}
      actions={<ChartExportButtons chart={body} image={image} />}
    >
      <div ref={body}>
        <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 640, height: HEIGHT }}>
          <PricePlot rows={rows} lines={lines} markers={markers} layout={{ kind: 'page', handlers: mouseHandlers }} />
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
});

/** The price lines to draw and where (see PlotLayout). */
export interface PricePlotProps {
  rows: ChartRow[];
  lines: LineSpec[];
  markers: EventMarker[];
  layout: PlotLayout;
}

/**
 * The price lines themselves. On the page they follow the pointer, share tooltips with the other
 * charts and carry a brush; on a slide they are drawn at a fixed size with larger type.
 * @example <PricePlot rows={rows} lines={lines} markers={markers} layout={{ kind: 'slide', width: 1200, height: 600 }} />
 */
export function PricePlot({ rows, lines, markers, layout }: PricePlotProps) {
  const onPage = layout.kind === 'page';
  const fontSize = onPage ? 12 : 15;
  const keys = useMemo(() => lines.map((line) => line.key), [lines]);
  const valueAxis = useValueAxis({ rows, keys, anchor: 100, unit: 'number', fontSize, width: fontSize * 3.7 });
  const { lines: eventLines, lanes } = useEventMarkers(markers, fontSize);
  const lastDay = rows.at(-1)?.day;
  // The brush writes the last day right of its traveller: the right margin keeps room for it.
  const right = onPage && typeof lastDay === 'number' ? Math.ceil(BRUSH_TRAVELLER + BRUSH_TEXT_OFFSET + dayLabelWidth(lastDay, BRUSH_FONT_SIZE) + 4) : 16;
  const margin = useMemo(() => ({ top: 8 + lanes, right, bottom: 4, left: 4 }), [lanes, right]);
  const series = useMemo(() => lines.map(priceLine), [lines]);
  return (
    <LineChart
      data={rows}
      {...plotProps(layout, margin)}
    >
      {GRID}
      {dayAxis(fontSize)}
      {valueAxis}
      {BASE_LINE}
      {eventLines}
      {onPage ? PRICE_TOOLTIP : null}
      {series}
      {onPage ? BRUSH : null}
    </LineChart>
  );
}

const BASE_LINE = <ReferenceLine y={100} stroke="#9aa5b1" />;
/** recharts' Brush writes its labels 5 px beside the travellers, at the size charts.css gives .recharts-brush-texts. */
const BRUSH_TRAVELLER = 8;
const BRUSH_TEXT_OFFSET = 5;
const BRUSH_FONT_SIZE = 12;
const BRUSH = <Brush dataKey="day" height={22} travellerWidth={BRUSH_TRAVELLER} tickFormatter={formatRelativeDay} stroke="#5f6b7a" />;

function priceLine(line: LineSpec) {
  return (
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
  );
}

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
