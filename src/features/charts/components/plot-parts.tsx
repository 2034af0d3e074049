import { useMemo, type ReactElement } from 'react';
import { CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
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

const dayAxes = new Map<number, ReactElement>();

/**
 * The x axis of relative days at a type size (one element per size, kept for the page's life):
 * a tick on every day, a label on days −1, 0 and +1 and on round days as far as they fit (see
 * labelledDays).
 * @example dayAxis(12) // <XAxis dataKey="day" interval={0} … />
 */
export function dayAxis(fontSize: number): ReactElement {
  let axis = dayAxes.get(fontSize);
  if (!axis) {
    axis = <XAxis dataKey="day" interval={0} tickFormatter={formatRelativeDay} tick={(props: DayTickProps) => <DayTick {...props} fontSize={fontSize} />} />;
    dayAxes.set(fontSize, axis);
  }
  return axis;
}

/** What recharts hands a custom tick of the day axis (the axis's own width included). */
interface DayTickProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  index?: number;
  visibleTicksCount?: number;
  payload?: { value?: unknown };
  className?: string;
  fill?: string;
  fontSize?: number;
}

// The axis's days are consecutive, so the first day and the count give them all.
function DayTick({ x, y, width, index = 0, visibleTicksCount = 0, payload, className, fill, fontSize = 12 }: DayTickProps) {
  const day = Number(payload?.value);
  if (!Number.isInteger(day) || visibleTicksCount === 0) return <g />;
  const days = Array.from({ length: visibleTicksCount }, (_, at) => day - index + at);
  if (!labelledDays(days, Number(width) / visibleTicksCount, fontSize).has(day)) return <g />;
  return (
    <text x={Number(x)} y={Number(y)} dy="0.71em" textAnchor="middle" fontSize={fontSize} fill={fill} className={className}>
      {formatRelativeDay(day)}
    </text>
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
 * not re-register the axis.
 * @example useValueAxis({ rows, keys: ['ar', 'car', 'band'], anchor: 0, unit: 'percent', fontSize: 11, width: 48 })
 */
export function useValueAxis({ rows, keys, anchor, unit, fontSize, width, extent: shared = null }: ValueAxisInput): ReactElement {
  const extent = shared ?? extentOf(rows, keys) ?? [anchor, anchor];
  const low = Math.min(extent[0], anchor);
  const high = Math.max(extent[1], anchor);
  return useMemo(() => {
    const axis = unit === 'percent' ? niceAxis(low, high, 5, 100) : niceAxis(low, high);
    const format = unit === 'percent' ? formatPercent : formatNumber;
    return <YAxis domain={axis.domain} ticks={axis.ticks} tickFormatter={(value: number) => format(value, axis.decimals)} tick={{ fontSize }} width={width} />;
  }, [low, high, unit, fontSize, width]);
}
