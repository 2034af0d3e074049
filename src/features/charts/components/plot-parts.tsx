import { useMemo, type ReactElement } from 'react';
import { CartesianGrid, ReferenceLine, Tooltip, usePlotArea, useXAxisDomain, useXAxisScale, XAxis, YAxis, type YAxisTickContentProps } from 'recharts';
import { formatNumber, formatPercent, formatRelativeDay } from '../../../lib/format.ts';
import { labelledDays } from '../utils/day-ticks.ts';
import { extentOf, niceAxis } from '../utils/nice-ticks.ts';
import type { ChartRow } from '../utils/chart-data.ts';
import { ChartTooltip } from './chart-tooltip.tsx';

/*
 * recharts 3 registers each child's settings in the chart's store whenever that child renders, and
 * every registration re-runs the chart's selectors. A child element that keeps its identity
 * between renders is skipped by React, so the parts built here (once, or once per input) are what
 * makes a change of event window redraw only what the new rows change.
 */

/** The horizontal grid every plot draws. */
export const GRID = <CartesianGrid stroke="#e3e6ea" vertical={false} />;

/** The zero line of the return plots. */
export const ZERO_LINE = <ReferenceLine y={0} stroke="#5f6b7a" />;

const dayAxes = new Map<number, ReactElement[]>();

/**
 * The x axis of relative days at a type size (one pair of elements per size, kept for the page's
 * life): a tick on every day, a label on days −1, 0 and +1 and on round days as far as they fit
 * (see labelledDays). recharts' XAxis sets the scale and draws the axis line; DayTicks draws the
 * tick marks and labels, because recharts' own ticks are remounted on every redraw (their keys
 * hold their pixel positions), about a tenth of a window change's redraw.
 * @example dayAxis(12) // [<XAxis dataKey="day" interval={0} tick={false} />, <DayTicks fontSize={12} />]
 */
export function dayAxis(fontSize: number): ReactElement[] {
  let axis = dayAxes.get(fontSize);
  if (!axis) {
    axis = [<XAxis key="day-axis" dataKey="day" interval={0} tick={false} />, <DayTicks key="day-ticks" fontSize={fontSize} />];
    dayAxes.set(fontSize, axis);
  }
  return axis;
}

/** recharts' bottom axis: 6 px tick marks, labels 2 px below them, in its default axis colour. */
const TICK_SIZE = 6;
const TICK_MARGIN = 2;
const AXIS_INK = '#666';

/**
 * The day axis's tick marks and labels, drawn as recharts draws them (same places, type and class
 * names, so the stylesheet, the image export and the tests read them as the axis's own), keyed by
 * day so a new window moves the marks it keeps instead of rebuilding them. The days are
 * consecutive; a brush narrows them with the axis.
 */
function DayTicks({ fontSize }: { fontSize: number }) {
  const scale = useXAxisScale();
  const plot = usePlotArea();
  const domain = useXAxisDomain();
  if (!scale || !plot || !domain || domain.length === 0) return null;
  const days = domain.map(Number).filter(Number.isInteger);
  const labelled = labelledDays(days, plot.width / days.length, fontSize);
  const axisY = plot.y + plot.height;
  const placed = days.flatMap((day) => {
    const x = scale(day, { position: 'middle' });
    return x === undefined ? [] : [{ day, x }];
  });
  return (
    <g className="recharts-layer recharts-cartesian-axis recharts-xAxis xAxis">
      <g className="recharts-cartesian-axis-tick-lines recharts-xAxis-tick-lines">
        {placed.map(({ day, x }) => (
          <line key={day} className="recharts-cartesian-axis-tick-line" stroke={AXIS_INK} fill="none" x1={x} y1={axisY + TICK_SIZE} x2={x} y2={axisY} />
        ))}
      </g>
      <g className="recharts-cartesian-axis-tick-labels recharts-xAxis-tick-labels">
        {placed.map(({ day, x }) =>
          labelled.has(day) ? (
            <text key={day} x={x} y={axisY + TICK_SIZE + TICK_MARGIN} dy="0.71em" textAnchor="middle" fontSize={fontSize} fill={AXIS_INK} className="recharts-xAxis xAxis recharts-cartesian-axis-tick-value">
              {formatRelativeDay(day)}
            </text>
          ) : null,
        )}
      </g>
    </g>
  );
}

const formatPercentValue = (value: number) => formatPercent(value);
const formatPriceValue = (value: number) => formatNumber(value, 2);

/** The page's tooltip for percentages (abnormal returns) and for rebased prices. */
export const PERCENT_TOOLTIP = <Tooltip content={<ChartTooltip format={formatPercentValue} />} />;
export const PRICE_TOOLTIP = <Tooltip content={<ChartTooltip format={formatPriceValue} />} />;

interface ValueAxisInput {
  rows: readonly ChartRow[];
  keys: readonly string[];
  /** A value the axis always shows (0 for returns, 100 for rebased prices). */
  anchor: number;
  /** Ticks are labelled as percentages or as plain numbers. */
  unit: 'percent' | 'number';
  fontSize: number;
  width: number;
  /** A range the axis must cover instead of the rows' own: several plots that share one scale. */
  extent?: readonly [number, number] | null;
}

/**
 * The y axis at round ticks (see niceAxis) covering the rows' values and the anchor; the element
 * keeps its identity while the covered range does, so a redraw that leaves the range alone does
 * not re-register the axis. Every one of the few round ticks is drawn (`interval={0}`): recharts'
 * default would measure each label in the DOM, for the axis and again for the grid, on every redraw,
 * to thin out ticks that never collide at these sizes.
 * @example useValueAxis({ rows, keys: ['ar', 'car', 'band'], anchor: 0, unit: 'percent', fontSize: 11, width: 48 })
 */
export function useValueAxis({ rows, keys, anchor, unit, fontSize, width, extent: shared = null }: ValueAxisInput): ReactElement {
  const extent = shared ?? extentOf(rows, keys) ?? [anchor, anchor];
  const low = Math.min(extent[0], anchor);
  const high = Math.max(extent[1], anchor);
  return useMemo(() => {
    const axis = unit === 'percent' ? niceAxis(low, high, 5, 100) : niceAxis(low, high);
    const format = unit === 'percent' ? formatPercent : formatNumber;
    return <YAxis domain={axis.domain} ticks={axis.ticks} interval={0} tick={valueTick(fontSize, (value) => format(value, axis.decimals))} width={width} />;
  }, [low, high, unit, fontSize, width]);
}

/**
 * A value axis's label, drawn as recharts' own Text draws it (same place, type, colour and class
 * names) without being Text: recharts keys each label by its pixel position, so a new range
 * remounts every label, and each Text subscribes to the chart's store and measures its words in the
 * DOM (it is given the axis's width) although a round number never wraps.
 * @example <YAxis ticks={[0, 2, 4]} interval={0} tick={valueTick(11, (value) => `${value}×`)} />
 */
export function valueTick(fontSize: number, format: (value: number) => string) {
  return ({ x, y, payload }: YAxisTickContentProps) => (
    <text x={x} y={y} dy="0.355em" textAnchor="end" fontSize={fontSize} fill={AXIS_INK} className="recharts-text recharts-cartesian-axis-tick-value">
      {format(Number(payload.value))}
    </text>
  );
}
