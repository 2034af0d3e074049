import { presetSecurities, type PeerGroup, type Preset } from '../../../domain/peer-groups.ts';

interface PresetListProps {
  presets: readonly Preset[];
  groups: readonly PeerGroup[];
  problem: string | null;
  selected: readonly string[];
  onApply: (securities: string[]) => void;
}

/**
 * The presets of data/presets.json: one button each that replaces the study's securities by the
 * preset's groups, with the groups it compares. The button is pressed while the study holds
 * exactly the preset's securities.
 */
export function PresetList({ presets, groups, problem, selected, onApply }: PresetListProps) {
  if (problem) return <p className="field-error">{problem}</p>;
  if (presets.length === 0) return null;
  return (
    <div className="presets">
      <h3 className="market-title">Presets</h3>
      <ul>
        {presets.map((preset) => {
          const securities = presetSecurities(preset, groups);
          const active = securities.length === selected.length && securities.every((symbol) => selected.includes(symbol));
          const parts = preset.groups.map((id) => groups.find((group) => group.id === id)).filter((group) => group !== undefined);
          return (
            <li key={preset.id}>
              <button type="button" className="preset-button" aria-pressed={active} title={preset.description} onClick={() => onApply(securities)}>
                {preset.label}
              </button>
              <p className="hint">{parts.map((group) => `${group.label} (${group.members.length})`).join(' · ')}</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
