import type { StudyEvent } from '../../../domain/study-event.ts';
import './event-tabs.css';

interface EventTabsProps {
  events: readonly StudyEvent[];
  focusEventId: string;
  onFocus: (eventId: string) => void;
}

/** With several events in the study: which one the price and abnormal-return charts show. */
export function EventTabs({ events, focusEventId, onFocus }: EventTabsProps) {
  return (
    <fieldset className="event-tabs">
      <legend>Price and abnormal-return charts show</legend>
      {events.map((event) => (
        <label key={event.id} className="tab">
          <input type="radio" name="focus-event" checked={event.id === focusEventId} onChange={() => onFocus(event.id)} />
          {event.title}
        </label>
      ))}
    </fieldset>
  );
}
