import { ReferenceLine } from 'recharts';
import { HIGHLIGHT_BAND, HIGHLIGHT_INK } from '../utils/palette.ts';

/** An event marked on a chart at its day 0 on the chart's calendar. */
export interface EventMarker {
  eventId: string;
  /** Relative day on the chart's x axis. */
  day: number;
  label: string;
  highlighted: boolean;
  /** Row of the label above the plot, so markers on neighbouring days do not write over each other. */
  lane: number;
  /** Labels right of the middle run leftwards from their line, so none leaves the chart. */
  anchor: 'start' | 'end';
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
  /** Only the first chart spells the label out; the others show the line alone. */
  showText: boolean;
  fontSize: number;
}

/**
 * The label of an event marker. Carries data-event-id and data-highlighted so a test (and a
 * stylesheet) can see which event is highlighted.
 */
export function EventMarkerLabel({ viewBox, marker, showText, fontSize }: EventMarkerLabelProps) {
  const x = viewBox?.x ?? 0;
  const y = viewBox?.y ?? 0;
  return (
    <g className="event-marker" data-event-id={marker.eventId} data-highlighted={String(marker.highlighted)} data-testid={`event-marker-${marker.eventId}`}>
      {showText ? (
        <text
          x={marker.anchor === 'start' ? x + 4 : x - 4}
          y={y - 6 - marker.lane * (fontSize + 2)}
          textAnchor={marker.anchor}
          fontSize={fontSize}
          fontWeight={marker.highlighted ? 700 : 500}
          fill={marker.highlighted ? HIGHLIGHT_INK : '#333333'}
          textDecoration={marker.highlighted ? 'underline' : undefined}
          className="event-marker-text"
          stroke="#ffffff"
          strokeWidth={3}
          paintOrder="stroke"
        >
          {marker.label}
        </text>
      ) : null}
    </g>
  );
}

/** Above the grid (−100) and below areas, bars and lines (recharts' DefaultZIndexes). */
const BELOW_SERIES = -60;

/**
 * The reference lines of the markers: a highlighted one is a wide yellow band under a solid
 * black line, the others a thin dashed grey line; the label comes with the first line.
 * Returned as an array so recharts sees its own ReferenceLine elements as direct children.
 */
export function markerLines(markers: readonly EventMarker[], showText: boolean, fontSize = 11) {
  return markers.flatMap((marker) => {
    const label = <EventMarkerLabel marker={marker} showText={showText} fontSize={fontSize} />;
    if (!marker.highlighted) {
      return [<ReferenceLine key={marker.eventId} x={marker.day} stroke="#555555" strokeWidth={1} strokeDasharray="3 3" label={label} />];
    }
    return [
      <ReferenceLine key={`${marker.eventId}-band`} x={marker.day} stroke={HIGHLIGHT_BAND} strokeWidth={14} strokeOpacity={0.8} zIndex={BELOW_SERIES} />,
      <ReferenceLine key={marker.eventId} x={marker.day} stroke={HIGHLIGHT_INK} strokeWidth={2} label={label} />,
    ];
  });
}
