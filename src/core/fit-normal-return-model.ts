import { EventStudyError } from './errors';
import { fitFactorModel } from './factor-model';
import { fitMarketAdjustedModel } from './market-adjusted-model';
import { fitMarketModel } from './market-model';
import { fitMeanAdjustedModel } from './mean-adjusted-model';
import type { EstimationSample, NormalReturnModel } from './normal-return-model';
import type { ModelKind } from './types';

/**
 * Fits the chosen normal-return model to the estimation sample: market model (OLS, s² = SSE/(M−2)),
 * with factors the factor model (OLS on k = 1 + factors regressors, s² = SSE/(M − k − 1)),
 * market-adjusted (s² = sample variance of Rᵢ − Rₘ, M − 1) or mean-adjusted (s² = sample variance
 * of Rᵢ, M − 1). See each model's file for why.
 *
 * @param factorNames the factors of a factor model (`sample.factors` holds their columns); none
 *   fits the market model's closed form.
 * @param symbol names the security in error messages.
 * @throws EventStudyError CONSTANT_SERIES when the market (or a factor) does not vary;
 *   InsufficientEstimationDataError when there are no more days than parameters; INVALID_INPUT for
 *   an unknown model, or factors with a model other than the market model.
 * @example fitNormalReturnModel('market', { securityReturns: [0.01, -0.02, 0.03], marketReturns: [0.005, -0.01, 0.01] }, '7011.T').fit.beta
 */
export function fitNormalReturnModel(kind: ModelKind, sample: EstimationSample, symbol: string, factorNames: readonly string[] = []): NormalReturnModel {
  if (factorNames.length > 0 && kind !== 'market') {
    throw new EventStudyError('INVALID_INPUT', `Factors extend the market model; the ${kind} model takes none.`);
  }
  switch (kind) {
    case 'market':
      return factorNames.length > 0 ? fitFactorModel(sample, factorNames, symbol) : fitMarketModel(sample, symbol);
    case 'market-adjusted':
      return fitMarketAdjustedModel(sample, symbol);
    case 'mean-adjusted':
      return fitMeanAdjustedModel(sample, symbol);
    default:
      throw new EventStudyError('INVALID_INPUT', `Unknown model "${String(kind)}": use market, market-adjusted or mean-adjusted.`);
  }
}
