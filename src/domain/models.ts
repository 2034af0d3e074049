/**
 * The normal-return models as the page, the images and the slides name them (MacKinlay 1997,
 * section 4): one display name and one citation each.
 */
import type { ModelKind } from '../core/types.ts';

/** The short name of each model, e.g. in a chart subtitle: "Market model". */
export const MODEL_NAMES: Readonly<Record<ModelKind, string>> = {
  market: 'Market model',
  'market-adjusted': 'Market-adjusted model',
  'mean-adjusted': 'Mean-adjusted model',
};

/** Each model as a source line cites it: "MacKinlay (1997) market model". */
export const MODEL_CITATIONS: Readonly<Record<ModelKind, string>> = {
  market: 'MacKinlay (1997) market model',
  'market-adjusted': 'MacKinlay (1997) market-adjusted model',
  'mean-adjusted': 'MacKinlay (1997) mean-adjusted model',
};

/**
 * A study's model as the page names it, its factors included: "Market model + factors: SMB, HML".
 * @throws never
 * @example modelName('market', ['SMB', 'HML']) // 'Market model + factors: SMB, HML'
 */
export function modelName(model: ModelKind, factors: readonly string[] = []): string {
  return model === 'market' && factors.length > 0 ? `${MODEL_NAMES.market} + factors: ${factors.join(', ')}` : MODEL_NAMES[model];
}
