import presetsJson from '../../../../data/presets.json';
import { readPresetCatalog, type PresetCatalog } from '../../../domain/peer-groups.ts';

export type { PresetCatalog };

/** The peer groups and presets of data/presets.json, bundled at build time, read through the domain's schema. */
export const PRESET_CATALOG: PresetCatalog = readPresetCatalog(presetsJson);
