/** What the market model's CAR variance needs from the estimation window. */
export interface MarketModelEstimate {
  /** σ̂² = SSE/(M − 2). */
  s2: number;
  /** M, the estimation days used. */
  estimationDays: number;
  /** Mean market return over the estimation days, R̄ₘ. */
  marketMean: number;
  /** Σ(Rₘₜ − R̄ₘ)² over the estimation days. */
  marketSumOfSquares: number;
}

/**
 * Exact variance of a market-model CAR including the estimation error of α̂ and β̂ (MacKinlay 1997,
 * eq. 10–12): var(CAR) = γ'Vγ with V = σ̂²(I + X*(X'X)⁻¹X*'), X* the rows (1, Rₘτ) of the event
 * days and γ the 0/1 vector selecting the L days summed. With γ'X* = (L, S), S = Σ Rₘτ over those
 * days, the quadratic form reduces to
 *   var(CAR) = σ̂²·(L + L²/M + (S − L·R̄ₘ)² / Σ(Rₘₜ − R̄ₘ)²),
 * which for L = 1 is the forecast-error-corrected var(AR) = σ̂²(1 + 1/M + (Rₘτ − R̄ₘ)²/Σ(Rₘₜ − R̄ₘ)²).
 * The covariance across event days (they share α̂, β̂) is what makes this larger than L·σ̂².
 *
 * @param estimate σ̂², M, R̄ₘ and Σ(Rₘₜ − R̄ₘ)² from the estimation window.
 * @param days L, the event days with an abnormal return inside the window.
 * @param marketSum S, the sum of the market returns on those days.
 * @throws never
 * @example marketModelCarVariance({ s2: 0.0004, estimationDays: 120, marketMean: 0, marketSumOfSquares: 0.012 }, 2, 0.01) // 0.0004·(2 + 4/120 + 0.0001/0.012) ≈ 0.00081667
 */
export function marketModelCarVariance(estimate: MarketModelEstimate, days: number, marketSum: number): number {
  const { s2, estimationDays, marketMean, marketSumOfSquares } = estimate;
  const marketDeviation = marketSum - days * marketMean;
  return s2 * (days + (days * days) / estimationDays + (marketDeviation * marketDeviation) / marketSumOfSquares);
}

/**
 * Variance of a CAR under the constant-mean-return model (MacKinlay 1997, "Constant Mean Return Model"):
 * V = σ̂²(I + ιι'/M) because every event day subtracts the same estimated mean, so
 * var(CAR) = σ̂²·(L + L²/M); for one day σ̂²(1 + 1/M).
 * @throws never
 * @example constantMeanCarVariance(0.0004, 120, 3) // 0.0004·(3 + 9/120) = 0.00123
 */
export function constantMeanCarVariance(s2: number, estimationDays: number, days: number): number {
  return s2 * (days + (days * days) / estimationDays);
}

/**
 * Variance of a CAR under the market-adjusted model: nothing is estimated (the expected return is
 * the observed market return), so event days are uncorrelated and var(CAR) = L·σ̂².
 * @throws never
 * @example marketAdjustedCarVariance(0.0004, 3) // 0.0012
 */
export function marketAdjustedCarVariance(s2: number, days: number): number {
  return s2 * days;
}
