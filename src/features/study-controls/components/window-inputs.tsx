import { useId } from 'react';
import type { WindowCheck, WindowField, WindowTexts } from '../utils/window-texts.ts';
import './window-inputs.css';

const FIELDS: { field: WindowField; label: string; hint: string }[] = [
  { field: 'estimation', label: 'Estimation window', hint: 'from:to, e.g. -250:-11' },
  { field: 'gap', label: 'Gap (optional)', hint: 'days in neither window; empty for none' },
  { field: 'event', label: 'Event window', hint: 'e.g. -5:10' },
  { field: 'carWindows', label: 'CAR windows', hint: 'comma-separated, e.g. 0:0, 0:1, -1:1' },
];

interface WindowInputsProps {
  texts: WindowTexts;
  check: WindowCheck;
  onChange: (field: WindowField, text: string) => void;
}

/**
 * The windows as trading-day offsets relative to day 0, checked on every keystroke with the
 * engine's own validation; a problem is announced (role=alert) and tied to its field.
 */
export function WindowInputs({ texts, check, onChange }: WindowInputsProps) {
  const id = useId();
  const combinedId = `${id}-combined`;
  return (
    <fieldset className="control-group windows">
      <legend>Windows (trading days relative to day 0)</legend>
      {FIELDS.map(({ field, label, hint }) => {
        const problem = check.fieldErrors[field];
        const describedBy = [problem ? `${id}-${field}-problem` : `${id}-${field}-hint`, check.combinedError ? combinedId : null].filter(Boolean).join(' ');
        return (
          <div className="field" key={field}>
            <label htmlFor={`${id}-${field}`}>{label}</label>
            <input
              id={`${id}-${field}`}
              type="text"
              inputMode="text"
              autoComplete="off"
              spellCheck={false}
              value={texts[field]}
              onChange={(event) => onChange(field, event.target.value)}
              aria-invalid={problem !== undefined || check.combinedError !== null}
              aria-describedby={describedBy}
              data-field={field}
            />
            {problem ? (
              <p id={`${id}-${field}-problem`} className="field-error" role="alert">
                {problem}
              </p>
            ) : (
              <p id={`${id}-${field}-hint`} className="hint">
                {hint}
              </p>
            )}
          </div>
        );
      })}
      {check.combinedError ? (
        <p id={combinedId} className="field-error" role="alert">
          {check.combinedError}
        </p>
      ) : null}
      {check.options === null ? <p className="hint stale-note">The results below still use the last valid windows.</p> : null}
    </fieldset>
  );
}
