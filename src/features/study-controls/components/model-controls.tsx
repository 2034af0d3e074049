import { memo, useId } from 'react';
import type { ModelKind, ReturnKind } from '../../../core/types.ts';
import { modelName } from '../../../domain/models.ts';

const MODELS: { value: ModelKind; label: string }[] = [
  { value: 'market', label: 'Market model (OLS α + β·Rm)' },
  { value: 'market-adjusted', label: 'Market-adjusted (R − Rm)' },
  { value: 'mean-adjusted', label: 'Mean-adjusted (R − mean R)' },
];

const RETURN_KINDS: { value: ReturnKind; label: string }[] = [
  { value: 'simple', label: 'Simple, P(t)/P(t−1) − 1' },
  { value: 'log', label: 'Log, ln P(t)/P(t−1)' },
];

interface ModelControlsProps {
  model: ModelKind;
  returnKind: ReturnKind;
  onModel: (model: ModelKind) => void;
  onReturnKind: (returnKind: ReturnKind) => void;
  /** The factors added to the market model, if any. */
  factorNames?: readonly string[];
}

/** The normal-return model (MacKinlay 1997, section 4) and how returns are computed from prices. */
export const ModelControls = memo(function ModelControls({ model, returnKind, onModel, onReturnKind, factorNames = [] }: ModelControlsProps) {
  const id = useId();
  return (
    <fieldset className="control-group">
      <legend>Model</legend>
      <div className="field">
        <label htmlFor={`${id}-model`}>Normal-return model</label>
        <select id={`${id}-model`} value={model} onChange={(event) => onModel(event.target.value as ModelKind)}>
          {MODELS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {model === 'market' && factorNames.length > 0 ? (
          <p className="model-summary" data-testid="model-summary">
            {modelName(model, factorNames)}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-returns`}>Returns</label>
        <select id={`${id}-returns`} value={returnKind} onChange={(event) => onReturnKind(event.target.value as ReturnKind)}>
          {RETURN_KINDS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
});
