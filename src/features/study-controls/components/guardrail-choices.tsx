import { useId } from 'react';
import type { ContaminationChoice, OverlapChoice } from '../../../application/study-guardrails.ts';
import './guardrail-controls.css';

/**
 * Overlapping events: reported each on its own (the default), or merged into one event cluster.
 * @example <OverlapChoiceControl value="separate" onChange={setOverlap} />
 */
export function OverlapChoiceControl({ value, onChange }: { value: OverlapChoice; onChange: (choice: OverlapChoice) => void }) {
  const name = useId();
  return (
    <fieldset className="guardrail-choice">
      <legend className="visually-hidden">Overlapping events</legend>
      <label>
        <input type="radio" name={name} value="separate" checked={value === 'separate'} onChange={() => onChange('separate')} /> Report each event on its own
      </label>
      <label>
        <input type="radio" name={name} value="cluster" checked={value === 'cluster'} onChange={() => onChange('cluster')} /> Merge into one event cluster
      </label>
    </fieldset>
  );
}

/**
 * Another event inside an estimation window: kept (the default, and reported), or its window left
 * out of the estimation.
 * @example <ContaminationChoiceControl value="keep" onChange={setContamination} />
 */
export function ContaminationChoiceControl({ value, onChange }: { value: ContaminationChoice; onChange: (choice: ContaminationChoice) => void }) {
  return (
    <label className="guardrail-choice guardrail-checkbox">
      <input type="checkbox" checked={value === 'exclude'} onChange={(event) => onChange(event.target.checked ? 'exclude' : 'keep')} />
      <span>Leave those days out of the estimation</span>
    </label>
  );
}
