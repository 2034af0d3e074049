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
