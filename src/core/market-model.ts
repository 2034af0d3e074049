import { marketModelCarVariance } from './car-variance';
import { EventStudyError } from './errors';
import type { EstimationSample, NormalReturnModel } from './normal-return-model';
import { zeroVarianceError } from './normal-return-model';
import { isConstant, ordinaryLeastSquares } from './ordinary-least-squares';

/**
 * Market model Rᵢₜ = αᵢ + βᵢRₘₜ + εᵢₜ fitted by OLS over the estimation window (MacKinlay 1997,
 * "Estimation of the Market Model"): α̂, β̂, s² = SSE/(M − 2) (two parameters estimated, MacKinlay's
 * unbiased σ̂²_ε), R² = 1 − SSE/Σ(Rᵢ − R̄ᵢ)². The AR variance and CAR variance carry the estimation
 * error of α̂ and β̂ (see {@link marketModelCarVariance}); t statistics use M − 2 degrees of freedom.
 *
 * @param sample estimation days where both returns exist (M of them).
 * @param symbol names the security in error messages.
 * @throws EventStudyError CONSTANT_SERIES when the market returns are constant (β undefined) or the
 *   model fits exactly (s² = 0).
 * @example fitMarketModel({ securityReturns: [0.012, -0.018, 0.031, 0.002], marketReturns: [0.01, -0.01, 0.02, 0] }, 'SYN_A').fit.beta // 0.000785/0.0005 = 1.57
 */
export function fitMarketModel(sample: EstimationSample, symbol: string): NormalReturnModel {
  const { securityReturns, marketReturns } = sample;
  if (isConstant(marketReturns)) throw constantMarketError(symbol);
  const line = ordinaryLeastSquares(securityReturns, marketReturns);
  // Market returns that differ only far below double precision leave Σ(Rm − R̄m)² at zero.
  if (!(line.regressorSumOfSquares > 0)) throw constantMarketError(symbol);
  const estimationDays = marketReturns.length;
  const s2 = line.residualSumOfSquares / (estimationDays - 2);
  if (!(s2 > 0)) throw zeroVarianceError(symbol, 'the market-model residuals');
  const estimate = {
    s2,
    estimationDays,
    marketMean: line.regressorMean,
    marketSumOfSquares: line.regressorSumOfSquares,
  };
  return {
    fit: {
      alpha: line.intercept,
      beta: line.slope,
      s2,
      rSquared: 1 - line.residualSumOfSquares / line.totalSumOfSquares,
      estimationDays,
    },
    degreesOfFreedom: estimationDays - 2,
    expectedReturn: (marketReturn) => line.intercept + line.slope * marketReturn,
    cumulativeVariance: (days, marketSum) => marketModelCarVariance(estimate, days, marketSum),
  };
}

function constantMarketError(symbol: string): EventStudyError {
  return new EventStudyError(
    'CONSTANT_SERIES',
    `${symbol}: the market returns are constant in the estimation window, so the market model's β is undefined.`,
  );
}
