import { memo } from 'react';
import type { StudyEvent } from '../../../domain/study-event.ts';
import { formatDate } from '../../../lib/format.ts';
import './events.css';

interface EventPickerProps {
  events: StudyEvent[];
  selectedIds: string[];
  /** Events tied to the selected excerpt. */
  highlightedIds: readonly string[];
  onToggle: (eventId: string) => void;
  onRemoveCustom: (eventId: string) => void;
}

/** The events of the case and the user's own, each a checkbox; several may be studied together. */
export const EventPicker = memo(function EventPicker({ events, selectedIds, highlightedIds, onToggle, onRemoveCustom }: EventPickerProps) {
  return (
    <fieldset className="control-group event-picker">
      <legend>Events</legend>
      <ul>
        {events.map((event) => (
          <li key={event.id} data-event-id={event.id} data-highlighted={String(highlightedIds.includes(event.id))}>
            <label className="checkbox">
              <input type="checkbox" checked={selectedIds.includes(event.id)} onChange={() => onToggle(event.id)} />
              <span>
                <span className="event-title">{event.title}</span>
                <span className="event-when">{describeTiming(event)}</span>
              </span>
            </label>
            {event.timingNote ? (
              <details className="event-note">
                <summary>Timing and source</summary>
                <p>{event.timingNote}</p>
                {event.sourceNote ? <p>{event.sourceNote}</p> : null}
              </details>
            ) : null}
            {event.custom ? (
              <button type="button" className="link-button" onClick={() => onRemoveCustom(event.id)}>
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </fieldset>
  );
});

/**
 * When an event happened, as written in its own zone: "5 Nov 2024, 19:00 America/New_York".
 * @example describeTiming({ date: '2024-11-07', timeZone: 'Asia/Tokyo', … }) // "7 Nov 2024 (no time), Asia/Tokyo"
 */
export function describeTiming(event: Pick<StudyEvent, 'date' | 'time' | 'timeZone'>): string {
  return `${formatDate(event.date)}${event.time ? `, ${event.time}` : ' (no time)'}, ${event.timeZone}`;
}
