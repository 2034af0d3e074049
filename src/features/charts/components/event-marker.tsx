import { useMemo } from 'react';
import { ReferenceLine, useChartWidth } from 'recharts';
import { HIGHLIGHT_BAND, HIGHLIGHT_INK } from '../utils/palette.ts';

/** An event marked on a chart at its day 0 on the chart's calendar. */
export interface EventMarker {
  eventId: string;
  /** Relative day on the chart's x axis. */
  day: number;
  /** The event and its date, e.g. "US presidential election · 6 Nov 2024". */
  label: string;
  /** What a narrow chart writes when the label does not fit, e.g. "US presidential election". */
  shortLabel: string;
  highlighted: boolean;
  /** Row of the label above the plot, so markers on neighbouring days do not write over each other. */
  lane: number;
}

/** Rows of marker labels a plot keeps free above its plot area, and the height of one. */
function markerLanes(markers: readonly EventMarker[], fontSize: number): number {
  return (markers.length === 0 ? 0 : Math.max(...markers.map((marker) => marker.lane)) + 1) * laneHeight(fontSize);
}

function laneHeight(fontSize: number): number {
  return fontSize + 3;
}

interface ViewBox {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}

/** The props recharts hands a ReferenceLine label, plus the marker it belongs to. */
interface EventMarkerLabelProps {
  viewBox?: ViewBox;
  marker: EventMarker;
  fontSize: number;
  /** Pixels kept free between the plot area and the first lane (the portfolio's row of stars). */
  raise: number;
}

/** Average advance of a character as a share of the font size; errs wide so a label never leaves the chart. */
const CHARACTER_WIDTH = 0.58;
const EDGE = 4;

/**
 * The label of an event marker, in its lane above the plot area (where no series is drawn), on
 * the side of its line that has room: the full label, else the short one, else the short one cut
 * with an ellipsis, so it never runs off the chart. Carries data-event-id and data-highlighted so
 * a test (and a stylesheet) can see which event is highlighted.
 */
export function EventMarkerLabel({ viewBox, marker, fontSize, raise }: EventMarkerLabelProps) {
  const chartWidth = useChartWidth() ?? 0;
  const x = viewBox?.x ?? 0;
  const y = viewBox?.y ?? 0;
  const { text, anchor } = fitLabel(marker, x, chartWidth, fontSize);
  return (
    <g className="event-marker" data-event-id={marker.eventId} data-highlighted={String(marker.highlighted)} data-testid={`event-marker-${marker.eventId}`}>
      <text
        x={anchor === 'start' ? x + EDGE : x - EDGE}
        y={y - 5 - raise - marker.lane * laneHeight(fontSize)}
        textAnchor={anchor}
        fontSize={fontSize}
        fontWeight={marker.highlighted ? 700 : 500}
        fill={marker.highlighted ? HIGHLIGHT_INK : '#333333'}
        textDecoration={marker.highlighted ? 'underline' : undefined}
        className="event-marker-text"
      >
        <title>{marker.label}</title>
        {text}
      </text>
    </g>
  );
}

/**
 * The text and side of a marker's label at `x` in a chart `chartWidth` wide.
 * @example fitLabel({ label: 'US presidential election · 6 Nov 2024', shortLabel: 'US presidential election', … }, 300, 320, 11).anchor // 'end'
 */
export function fitLabel(marker: Pick<EventMarker, 'label' | 'shortLabel'>, x: number, chartWidth: number, fontSize: number): { text: string; anchor: 'start' | 'end' } {
  const right = chartWidth - x - 2 * EDGE;
  const left = x - 2 * EDGE;
  const chars = (room: number) => Math.floor(room / (fontSize * CHARACTER_WIDTH));
  for (const text of [marker.label, marker.shortLabel]) {
    if (text.length <= chars(right)) return { text, anchor: 'start' };
    if (text.length <= chars(left)) return { text, anchor: 'end' };
  }
  const anchor = right >= left ? 'start' : 'end';
  const room = Math.max(1, chars(Math.max(right, left)) - 1);
  return { text: `${marker.shortLabel.slice(0, room).trimEnd()}…`, anchor };
}

/** Above the grid (−100) and below areas, bars and lines (recharts' DefaultZIndexes). */
const BELOW_SERIES = -60;

/**
 * The reference lines of the markers, each with its label: a highlighted one is a wide yellow
 * band under a solid black line, the others a thin dashed grey line. Returned as an array so
 * recharts sees its own ReferenceLine elements as direct children.
 */
function markerLines(markers: readonly EventMarker[], fontSize = 11, raise = 0) {
  return markers.flatMap((marker) => {
    const label = <EventMarkerLabel marker={marker} fontSize={fontSize} raise={raise} />;
    if (!marker.highlighted) {
      return [<ReferenceLine key={marker.eventId} x={marker.day} stroke="#555555" strokeWidth={1} strokeDasharray="3 3" label={label} />];
    }
    return [
      <ReferenceLine key={`${marker.eventId}-band`} x={marker.day} stroke={HIGHLIGHT_BAND} strokeWidth={14} strokeOpacity={0.8} zIndex={BELOW_SERIES} />,
      <ReferenceLine key={marker.eventId} x={marker.day} stroke={HIGHLIGHT_INK} strokeWidth={2} label={label} />,
    ];
  });
}

/**
 * A plot's event markers: their lines and the height their label lanes take above the plot, with
 * labels one point smaller than the plot's axis type. Memoised so the lines keep their identity
 * while the markers and type size stay the same.
 * @example const markerParts = useEventMarkers(markers, 12); // { lines: [<ReferenceLine …/>], lanes: 14 }
 */
export function useEventMarkers(markers: readonly EventMarker[], plotFontSize: number, raise = 0): { lines: ReturnType<typeof markerLines>; lanes: number } {
  const labelSize = plotFontSize - 1;
  const lines = useMemo(() => markerLines(markers, labelSize, raise), [markers, labelSize, raise]);
  return { lines, lanes: markerLanes(markers, labelSize) };
}
