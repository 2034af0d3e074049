import { memo, useId, useState } from 'react';
import { DEFAULT_MINIMUM_ESTIMATION_DAYS } from '../../../domain/estimation-minimum.ts';
import './window-inputs.css';

interface EstimationMinimumInputProps {
  text: string;
  /** Why the typed minimum cannot be used (the domain's words), or null. */
  problem: string | null;
  /** The engine's floor for the chosen model and factors. */
  floor: number;
  onChange: (text: string) => void;
}

/**
 * An advanced setting, collapsed unless it differs from the default: the fewest usable estimation
 * days a security needs (default 30), never below what the model's maths needs; a value below it is
 * refused with the reason and the results keep the last valid setting.
 */
export const EstimationMinimumInput = memo(function EstimationMinimumInput({ text, problem, floor, onChange }: EstimationMinimumInputProps) {
  const id = useId();
  const [open, setOpen] = useState(() => problem !== null || text.trim() !== String(DEFAULT_MINIMUM_ESTIMATION_DAYS));
  return (
    <details className="control-group advanced" open={open} onToggle={(event) => setOpen(event.currentTarget.open)} data-testid="advanced-settings">
      <summary>Advanced settings</summary>
      <div className="field">
        <label htmlFor={`${id}-minimum`}>Minimum estimation days</label>
        <input
          id={`${id}-minimum`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={text}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : `${id}-hint`}
          data-field="min-estimation"
        />
        {problem ? (
          <p id={`${id}-problem`} className="field-error" role="alert">
            {problem}
          </p>
        ) : (
          <p id={`${id}-hint`} className="hint">
            A security with fewer usable estimation days fails alone. Default {DEFAULT_MINIMUM_ESTIMATION_DAYS}; at least {floor} for this model. Lower it knowingly (e.g. to replicate a 20-day estimation window).
          </p>
        )}
        {problem ? <p className="hint stale-note">The results below still use the last valid minimum.</p> : null}
      </div>
    </details>
  );
});
