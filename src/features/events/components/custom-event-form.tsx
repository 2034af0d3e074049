import { memo, useId, useState, type FormEvent } from 'react';
import { isCalendarDate, isTimeOfDay, isTimeZone } from '../../../domain/calendar.ts';
import { CUSTOM_EVENT_NOTE, type StudyEvent } from '../../../domain/study-event.ts';
import { eventDateProblem, STUDY_LIMITS } from '../../../application/study-limits.ts';
import './events.css';

const COMMON_ZONES = ['Asia/Tokyo', 'America/New_York', 'Europe/London', 'UTC'];

interface Fields {
  title: string;
  date: string;
  time: string;
  timeZone: string;
}

type Problems = Partial<Record<keyof Fields, string>>;

/**
 * What is wrong with a custom event's fields, field by field (empty when it can be added).
 * @example customEventProblems({ title: 'Budget', date: '2024-02-30', time: '', timeZone: 'Asia/Tokyo' }).date // "2024-02-30 is not a date …"
 */
export function customEventProblems(fields: Fields, customEventCount = 0): Problems {
  const problems: Problems = {};
  // The same limits as a shared link (src/application/study-limits.ts), so every view can be shared.
  if (fields.title.trim() === '') problems.title = 'Give the event a short title.';
  else if (fields.title.trim().length > STUDY_LIMITS.titleLength) problems.title = `Keep the title to ${STUDY_LIMITS.titleLength} characters.`;
  else if (customEventCount >= STUDY_LIMITS.customEvents) problems.title = `At most ${STUDY_LIMITS.customEvents} events of your own; remove one first.`;
  const date = isCalendarDate(fields.date) ? eventDateProblem(fields.date) : fields.date === '' ? 'Give the date of the event.' : `${fields.date} is not a date; write it as YYYY-MM-DD, e.g. 2024-11-06.`;
  if (date !== null) problems.date = date;
  if (fields.time !== '' && !isTimeOfDay(fields.time)) problems.time = 'Write the time as HH:mm on a 24-hour clock, e.g. 19:00, or leave it empty.';
  if (!isTimeZone(fields.timeZone.trim())) problems.timeZone = `"${fields.timeZone}" is not a time zone this browser knows; use an IANA name such as Asia/Tokyo or America/New_York.`;
  return problems;
}

interface CustomEventFormProps {
  existingIds: string[];
  onAdd: (event: StudyEvent) => void;
}

/** Adds an event of the user's own: a date, an optional local time, and the time zone both are in. */
export const CustomEventForm = memo(function CustomEventForm({ existingIds, onAdd }: CustomEventFormProps) {
  const id = useId();
  const [fields, setFields] = useState<Fields>({ title: '', date: '', time: '', timeZone: 'Asia/Tokyo' });
  const [submitted, setSubmitted] = useState(false);
  // Checked only once the user has tried to add: an untouched form should not shout.
  const customEventCount = existingIds.filter((existing) => existing.startsWith('custom-')).length;
  const shown: Problems = submitted ? customEventProblems(fields, customEventCount) : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(customEventProblems(fields, customEventCount)).length > 0) return;
    onAdd({
      id: freshId(existingIds),
      title: fields.title.trim(),
      date: fields.date,
      ...(fields.time !== '' ? { time: fields.time } : {}),
      timeZone: fields.timeZone.trim(),
      timingNote: CUSTOM_EVENT_NOTE,
      excerptIds: [],
      custom: true,
    });
    setFields({ title: '', date: '', time: '', timeZone: fields.timeZone });
    setSubmitted(false);
  };

  const field = (name: keyof Fields, label: string, input: { type: string; placeholder?: string; list?: string }) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        {...input}
        value={fields[name]}
        onChange={(event) => setFields({ ...fields, [name]: event.target.value })}
        aria-invalid={shown[name] !== undefined}
        aria-describedby={shown[name] ? `${id}-${name}-problem` : undefined}
      />
      {shown[name] ? (
        <p id={`${id}-${name}-problem`} className="field-error" role="alert">
          {shown[name]}
        </p>
      ) : null}
    </div>
  );

  return (
    <details className="custom-event">
      <summary>Add your own event</summary>
      <form onSubmit={submit} noValidate aria-label="Add your own event">
        {field('title', 'Title', { type: 'text' })}
        {field('date', 'Date (local to the zone below)', { type: 'date' })}
        {field('time', 'Time, optional (HH:mm)', { type: 'time' })}
        {field('timeZone', 'Time zone (IANA)', { type: 'text', list: `${id}-zones` })}
        <datalist id={`${id}-zones`}>
          {COMMON_ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <p className="hint">Without a time the event counts as during that day's session; with one, an event after the close moves day 0 to the next session.</p>
        <button type="submit">Add event</button>
      </form>
    </details>
  );
});

function freshId(existingIds: readonly string[]): string {
  let number = 1;
  while (existingIds.includes(`custom-${number}`)) number += 1;
  return `custom-${number}`;
}
