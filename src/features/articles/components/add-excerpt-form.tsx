import { useId, useState, type FormEvent } from 'react';
import type { ClaimDirection } from '../../../domain/claim-check.ts';
import { MAX_EXCERPT_LENGTH, MAX_SOURCE_LENGTH, type UserExcerpt } from '../api/user-excerpts.ts';

interface Option {
  id: string;
  label: string;
}

interface AddExcerptFormProps {
  events: Option[];
  securities: Option[];
  onAdd: (excerpt: Omit<UserExcerpt, 'id'>) => void;
}

/** Adds the user's own excerpt (text, where it comes from, and the events and securities it concerns). */
export function AddExcerptForm({ events, securities, onAdd }: AddExcerptFormProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [source, setSource] = useState('');
  const [eventIds, setEventIds] = useState<string[]>([]);
  const [symbols, setSymbols] = useState<string[]>([]);
  const [direction, setDirection] = useState<ClaimDirection | ''>('');
  const [saysSignificant, setSaysSignificant] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') return setProblem('Write the excerpt text first.');
    if (trimmed.length > MAX_EXCERPT_LENGTH) return setProblem(`An excerpt may be at most ${MAX_EXCERPT_LENGTH} characters; this one has ${trimmed.length}.`);
    if (source.trim().length > MAX_SOURCE_LENGTH) return setProblem(`The source may be at most ${MAX_SOURCE_LENGTH} characters.`);
    if (direction !== '' && (eventIds.length === 0 || symbols.length === 0)) return setProblem('To check the market claim, tick the events and the securities it speaks of.');
    onAdd({ text: trimmed, source: source.trim(), events: eventIds, securities: symbols, ...(direction === '' ? {} : { claim: { direction, saysSignificant } }) });
    setText('');
    setSource('');
    setEventIds([]);
    setSymbols([]);
    setDirection('');
    setSaysSignificant(false);
    setProblem(null);
  };

  return (
    <form className="add-excerpt" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Add your own excerpt</h3>
      <p className="hint">Kept in this browser only; shown as plain text.</p>
      <label htmlFor={`${id}-text`}>Excerpt</label>
      <textarea
        id={`${id}-text`}
        value={text}
        rows={4}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
      />
      <label htmlFor={`${id}-source`}>Source (article, outlet, date)</label>
      <input id={`${id}-source`} type="text" value={source} onChange={(event) => setSource(event.target.value)} />
      <CheckboxGroup legend="Events it speaks of" options={events} checked={eventIds} onChange={setEventIds} />
      <CheckboxGroup legend="Securities it speaks of" options={securities} checked={symbols} onChange={setSymbols} />
      <label htmlFor={`${id}-claim`}>Market claim: what does it say the prices did?</label>
      <select id={`${id}-claim`} value={direction} onChange={(event) => setDirection(event.target.value as ClaimDirection | '')}>
        <option value="">It makes no market claim</option>
        <option value="up">They rose</option>
        <option value="down">They fell</option>
      </select>
      <label className="checkbox">
        <input type="checkbox" checked={saysSignificant} disabled={direction === ''} onChange={(event) => setSaysSignificant(event.target.checked)} />
        It calls the move significant
      </label>
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
      <button type="submit">Add excerpt</button>
    </form>
  );
}

function CheckboxGroup({ legend, options, checked, onChange }: { legend: string; options: Option[]; checked: string[]; onChange: (ids: string[]) => void }) {
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.id} className="checkbox">
          <input
            type="checkbox"
            checked={checked.includes(option.id)}
            onChange={() => onChange(checked.includes(option.id) ? checked.filter((item) => item !== option.id) : [...checked, option.id])}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
