import { EventStudyError } from './errors';
import { fitNormalReturnModel } from './fit-normal-return-model';
import type { EstimationSample, NormalReturnModel } from './normal-return-model';
import { hasResidualVariance } from './residual-variance';
import { studentTest, unavailableTest } from './test-result';
import type { DayRange, ModelFit, ModelKind, TestResult } from './types';

const NAME = 'Portfolio time-series t';

/** One security on one event, as a member of the portfolio: its returns and its own benchmark's. */
export interface PortfolioMember {
  returns: ArrayLike<number | null>;
  marketReturns: ArrayLike<number | null>;
  /** Index of day 0 in `returns` and `marketReturns`: relative day d is index dayZeroIndex + d. */
  dayZeroIndex: number;
}

/** An equally weighted portfolio in event time; null on a day on which no member has a return. */
export interface EventTimePortfolio {
  relativeDays: ArrayLike<number>;
  returns: (number | null)[];
  marketReturns: (number | null)[];
  /** With a factor model: each factor averaged over the same members as the returns. */
  factors: (number | null)[][];
  /** How many members each day averages. */
  members: Uint32Array;
}

/**
 * The equally weighted portfolio of the members in event time (Jaffe 1974; Mandelker 1974): on
 * relative day d, R_p,d = mean of Rᵢ,d and R_m,d = mean of R_mᵢ,d over the members that have both
 * their return and their benchmark's that day (the engine's rule for a usable day). Members with
 * different day 0s or benchmarks are aligned by relative day, each with its own benchmark, so the
 * portfolio's benchmark is formed the same way as the portfolio. A day no member has is missing.
 *
 * @param relativeDays the days to form, e.g. the estimation window then the event window.
 * @throws EventStudyError INVALID_INPUT for a return that is NaN or infinite, or an average that
 *   overflows double precision.
 * @example equallyWeightedPortfolio([{ returns: [0.01, 0.02], marketReturns: [0.0, 0.01], dayZeroIndex: 1 }, { returns: [0.03, null], marketReturns: [0.0, 0.01], dayZeroIndex: 1 }], [-1, 0]).returns // [0.02, 0.02]
 */
export function equallyWeightedPortfolio(members: readonly PortfolioMember[], relativeDays: ArrayLike<number>): EventTimePortfolio {
  const sums = new PortfolioSums(relativeDays);
  const returns = new Float64Array(relativeDays.length);
  const marketReturns = new Float64Array(relativeDays.length);
  members.forEach((member, position) => {
    for (let day = 0; day < relativeDays.length; day += 1) {
      const index = member.dayZeroIndex + relativeDays[day]!;
      const value = member.returns[index];
      const marketValue = member.marketReturns[index];
      const missing = value === null || value === undefined || marketValue === null || marketValue === undefined;
      if (!missing && !(Number.isFinite(value) && Number.isFinite(marketValue))) {
        throw new EventStudyError(
          'INVALID_INPUT',
          `${NAME}: member #${position + 1} has ${Number.isFinite(value) ? marketValue : value} on relative day ${relativeDays[day]}; use null for a missing day.`,
        );
      }
      returns[day] = missing ? Number.NaN : value;
      marketReturns[day] = missing ? Number.NaN : marketValue;
    }
    sums.add(returns, marketReturns);
  });
  return sums.portfolio();
}

/**
 * The running sums behind {@link equallyWeightedPortfolio}, member by member: a study adds each
 * security as soon as it is analysed, while its returns are at hand, instead of reading every
 * security's series again. With a factor model each member's factors are averaged like its
 * benchmark, over the members with a usable day (for members on one calendar date they are the
 * day's factor values themselves; in event time, the factors of the members' own dates).
 *
 * @example
 * const sums = new PortfolioSums([-1, 0]);
 * sums.add([0.01, 0.02], [0, 0.01]);
 * sums.portfolio().returns // [0.01, 0.02]
 */
export class PortfolioSums {
  private readonly sums: Float64Array;
  private readonly marketSums: Float64Array;
  private readonly factorSums: Float64Array[];
  private readonly counts: Uint32Array;

  /** @param factorCount how many factors each member brings (0 without a factor model). */
  constructor(
    readonly relativeDays: ArrayLike<number>,
    factorCount = 0,
  ) {
    this.sums = new Float64Array(relativeDays.length);
    this.marketSums = new Float64Array(relativeDays.length);
    this.factorSums = Array.from({ length: factorCount }, () => new Float64Array(relativeDays.length));
    this.counts = new Uint32Array(relativeDays.length);
  }

  /**
   * Adds one member's returns, its benchmark's and its factors', aligned with `relativeDays`:
   * finite numbers, or NaN in the returns where the member has no usable day.
   * @throws EventStudyError INVALID_INPUT when the member brings another number of factors.
   */
  add(returns: ArrayLike<number>, marketReturns: ArrayLike<number>, factors: readonly ArrayLike<number>[] = []): void {
    const { sums, marketSums, factorSums, counts } = this;
    if (factors.length !== factorSums.length) {
      throw new EventStudyError('INVALID_INPUT', `${NAME}: a member brings ${factors.length} factors, the portfolio has ${factorSums.length}.`);
    }
    for (let day = 0; day < sums.length; day += 1) {
      const value = returns[day]!;
      if (Number.isNaN(value)) continue;
      sums[day] = sums[day]! + value;
      marketSums[day] = marketSums[day]! + marketReturns[day]!;
      for (let factor = 0; factor < factorSums.length; factor += 1) factorSums[factor]![day] = factorSums[factor]![day]! + factors[factor]![day]!;
      counts[day] = counts[day]! + 1;
    }
  }

  /**
   * The portfolio of the members added so far.
   * @throws EventStudyError INVALID_INPUT when an average overflows double precision.
   */
  portfolio(): EventTimePortfolio {
    const { relativeDays, sums, marketSums, factorSums, counts } = this;
    const returns = new Array<number | null>(sums.length).fill(null);
    const marketReturns = new Array<number | null>(sums.length).fill(null);
    const factors = factorSums.map(() => new Array<number | null>(sums.length).fill(null));
    for (let day = 0; day < sums.length; day += 1) {
      const count = counts[day]!;
      if (count === 0) continue;
      returns[day] = sums[day]! / count;
      marketReturns[day] = marketSums[day]! / count;
      factorSums.forEach((factorSum, factor) => {
        factors[factor]![day] = factorSum[day]! / count;
      });
      if (!(Number.isFinite(returns[day]) && Number.isFinite(marketReturns[day]) && factors.every((column) => Number.isFinite(column[day])))) {
        throw new EventStudyError(
          'INVALID_INPUT',
          `${NAME}: the portfolio's return on relative day ${relativeDays[day]} overflows double precision; the returns are too extreme to average.`,
        );
      }
    }
    return { relativeDays, returns, marketReturns, factors, members: counts.slice() };
  }
}

/** The portfolio's abnormal return summed over one tested window, its variance and its t test. */
export interface PortfolioWindowTest {
  from: number;
  to: number;
  /** Days of the window on which the portfolio has a return. */
  days: number;
  /** Σ AR_p over those days (one day: AR_p), null when there is none. */
  car: number | null;
  /** Its forecast-error-corrected variance (exact γ'Vγ), null when there is no day. */
  variance: number | null;
  test: TestResult;
}

export interface PortfolioTimeSeriesResult {
  /** The normal-return model fitted to the portfolio over the estimation window. */
  fit: ModelFit;
  degreesOfFreedom: number;
  windows: PortfolioWindowTest[];
}

/**
 * Portfolio time-series test (Jaffe 1974; Mandelker 1974; Brown & Warner 1980, 1985): the chosen
 * normal-return model is fitted to the one series of the equally weighted portfolio over the
 * estimation window, and the portfolio's abnormal return AR_p = R_p − E[R_p] is tested with its
 * own forecast-error-corrected variance (MacKinlay 1997, eq. 7–12):
 *   t = CAR_p / √(γ'Vγ),  CAR_p = Σ AR_p over the tested days that have a return,
 * one day being the case L = 1 (var(AR_p) = s²(1 + 1/M + (R_m − R̄_m)²/Σ(R_m − R̄_m)²) for the market
 * model). Because the securities' returns are averaged before the variance is estimated, the
 * portfolio's residuals carry their cross-correlation: the test is immune to it, and it is valid
 * for a single security.
 *
 * Degrees of freedom are those of the model's s²: M − 2 for the market model (α and β estimated),
 * M − 1 for the market-adjusted and mean-adjusted models, whose s² is the sample variance of the
 * portfolio's estimation-window abnormal returns with one mean removed (the per-security
 * convention of those models, and estudy2's `sd_est_AR_n_minus_1`). M counts the estimation days
 * on which the portfolio has a return. p-values are two-sided from Student t.
 *
 * With a factor model (`factorNames`) the portfolio's return is regressed on its benchmark and its
 * factors (each averaged over the members, see {@link PortfolioSums}), with the factor model's
 * variances and M − k − 1 degrees of freedom.
 *
 * @param portfolio from {@link equallyWeightedPortfolio} or {@link PortfolioSums}.
 * @param estimationWindow the relative days the model is fitted on.
 * @param windows the tested windows of relative days (a day d is { from: d, to: d }).
 * @param factorNames the factors of a factor model, one per column of `portfolio.factors`.
 * @returns the fit and, per window, CAR_p, its variance and the test, or the test's reason when the
 *   window has no portfolio return or the portfolio's abnormal returns do not vary.
 * @throws InsufficientEstimationDataError when the portfolio has no more estimation days than the
 *   model's parameters; EventStudyError CONSTANT_SERIES when the portfolio's benchmark does not vary
 *   (market model), INVALID_INPUT for numbers that overflow.
 * @example portfolioTimeSeriesTest(portfolio, 'market', { from: -130, to: -11 }, [{ from: 0, to: 0 }, { from: 0, to: 1 }]).windows[0].test
 */
export function portfolioTimeSeriesTest(
  portfolio: EventTimePortfolio,
  model: ModelKind,
  estimationWindow: DayRange,
  windows: readonly DayRange[],
  factorNames: readonly string[] = [],
): PortfolioTimeSeriesResult {
  const { sample, meanSquare } = estimationSample(portfolio, estimationWindow);
  const fitted = fitNormalReturnModel(model, sample, 'The portfolio', factorNames);
  const varies = hasResidualVariance(fitted.fit.s2, meanSquare, sample);
  return {
    fit: fitted.fit,
    degreesOfFreedom: fitted.degreesOfFreedom,
    windows: windows.map((window) => windowTest(portfolio, fitted, window, varies)),
  };
}

/** The portfolio's returns, its benchmark's and its factors' on the days of `window` on which it has them. */
function returnsIn(portfolio: EventTimePortfolio, window: DayRange): { securityReturns: Float64Array; marketReturns: Float64Array; factors: Float64Array[] } {
  const { relativeDays, returns, marketReturns } = portfolio;
  const factorColumns = portfolio.factors ?? [];
  // Float64Arrays, as a security's estimation sample is: the model fits then read one kind of array.
  const securityReturns = new Float64Array(relativeDays.length);
  const benchmarkReturns = new Float64Array(relativeDays.length);
  const factors = factorColumns.map(() => new Float64Array(relativeDays.length));
  let count = 0;
  for (let day = 0; day < relativeDays.length; day += 1) {
    const relativeDay = relativeDays[day]!;
    const value = returns[day];
    const marketValue = marketReturns[day];
    if (relativeDay < window.from || relativeDay > window.to || value === null || value === undefined || marketValue === null || marketValue === undefined) continue;
    securityReturns[count] = value;
    benchmarkReturns[count] = marketValue;
    factorColumns.forEach((column, factor) => {
      factors[factor]![count] = column[day] as number;
    });
    count += 1;
  }
  return {
    securityReturns: securityReturns.subarray(0, count),
    marketReturns: benchmarkReturns.subarray(0, count),
    factors: factors.map((column) => column.subarray(0, count)),
  };
}

/** The estimation days on which the portfolio has a return, and the mean of R_p² + R_m² over them. */
function estimationSample(portfolio: EventTimePortfolio, window: DayRange): { sample: EstimationSample; meanSquare: number } {
  const sample: EstimationSample = returnsIn(portfolio, window);
  const { securityReturns, marketReturns } = sample;
  let sumOfSquares = 0;
  for (let day = 0; day < securityReturns.length; day += 1) sumOfSquares += securityReturns[day]! ** 2 + marketReturns[day]! ** 2;
  return { sample, meanSquare: sumOfSquares / securityReturns.length };
}

/** CAR_p over the window's days with a return, its exact variance and t. */
function windowTest(portfolio: EventTimePortfolio, fitted: NormalReturnModel, window: DayRange, varies: boolean): PortfolioWindowTest {
  const { securityReturns, marketReturns, factors } = returnsIn(portfolio, window);
  const days = securityReturns.length;
  const factorValues = new Float64Array(factors.length);
  const factorSums = new Float64Array(factors.length);
  let car = 0;
  let marketSum = 0;
  for (let day = 0; day < days; day += 1) {
    factors.forEach((column, factor) => {
      factorValues[factor] = column[day]!;
      factorSums[factor] = factorSums[factor]! + column[day]!;
    });
    car += securityReturns[day]! - fitted.expectedReturn(marketReturns[day]!, factorValues);
    marketSum += marketReturns[day]!;
  }
  const { from, to } = window;
  if (days === 0) return { from, to, days, car: null, variance: null, test: unavailableTest(`${NAME}: no security has a return on the tested days.`) };
  const variance = fitted.cumulativeVariance(days, marketSum, factorSums);
  if (!Number.isFinite(car)) {
    throw new EventStudyError('INVALID_INPUT', `${NAME}: the portfolio's abnormal return over ${from}:${to} overflows double precision.`);
  }
  const test = varies
    ? studentTest(car / Math.sqrt(variance), fitted.degreesOfFreedom, NAME)
    : unavailableTest(`${NAME}: cannot be computed, because the portfolio's abnormal returns do not vary in the estimation window (the model fits it exactly).`);
  return { from, to, days, car, variance, test };
}
