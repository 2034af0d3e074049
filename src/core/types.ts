/**
 * Public types of the event-study engine. Pure data: no React, no Node, no network, no clock.
 * Dates are trading days as `YYYY-MM-DD` strings in the exchange's own time zone.
 */

/** How returns are computed from adjusted closes. */
export type ReturnKind = 'simple' | 'log';

/** Normal-return model (MacKinlay 1997, section 4). */
export type ModelKind = 'market' | 'market-adjusted' | 'mean-adjusted';

/** An inclusive range of trading-day offsets relative to day 0, e.g. `{ from: -250, to: -11 }`. */
export interface DayRange {
  from: number;
  to: number;
}

export interface StudyOptions {
  model: ModelKind;
  /** Default [-250, -11]. */
  estimationWindow: DayRange;
  /** Optional days between the estimation and event windows that belong to neither. */
  gap?: DayRange | null;
  /** Default [-5, +10]. */
  eventWindow: DayRange;
  /** Extra CAR windows (each inside the event window) for per-security CARs and aggregate tests. */
  carWindows: DayRange[];
  /**
   * Fewer usable estimation days than this is an error for that security. Default 30; a caller may
   * lower it to the model's floor, {@link smallestEstimationDays} (see estimation-minimum.ts).
   */
  minimumEstimationDays?: number;
  /**
   * Factors added to the market model as further regressors, by the names of the units' factor
   * columns (e.g. ['SMB', 'HML']): Rᵢₜ = αᵢ + βᵢRₘₜ + Σⱼ bᵢⱼFⱼₜ + εᵢₜ, k = 1 + factors regressors.
   * Only with `model: 'market'`; none (the default) is the market model itself.
   */
  factors?: readonly string[];
  /** When true, any missing day inside the estimation window is an error. */
  strictEstimation?: boolean;
}

/**
 * One security on one event. `dates` is the trading calendar of the security's exchange (in
 * practice the benchmark's trading days); `returns` and `marketReturns` are aligned to it, with
 * `null` for a missing day (never filled).
 */
export interface StudyUnit {
  id: string;
  symbol: string;
  benchmark: string;
  eventId?: string;
  dates: readonly string[];
  returns: readonly (number | null)[];
  marketReturns: readonly (number | null)[];
  /** The trading date of day 0; must be one of `dates`. */
  dayZero: string;
  /** How `returns` and `marketReturns` were computed (for compounding BHAR). Default 'simple'. */
  returnKind?: ReturnKind;
  /**
   * Dates of `dates` to leave out of the estimation sample, e.g. another event's window that falls
   * inside this unit's estimation window. A date outside the estimation window has no effect.
   */
  estimationExclusions?: readonly string[];
  /**
   * Factor series by name, each aligned to `dates` like the returns, `null` for a missing day
   * (never filled): the regressors a study's `factors` option names. A day missing any regressor
   * the model uses is a lost day.
   */
  factors?: Readonly<Record<string, readonly (number | null)[]>>;
  /**
   * The security's traded volume (shares) on each of `dates`, `null` where the source has none;
   * absent when the prices carry no volume. Read by the abnormal-volume analysis only.
   */
  volumes?: readonly (number | null)[];
}

/** A test statistic with its two-sided p-value, or the reason it cannot be computed. */
export type TestResult =
  | { statistic: number; pValue: number; reason?: undefined }
  | { statistic: null; pValue: null; reason: string };

export interface AggregateTests {
  crossSectionalT: TestResult;
  patellZ: TestResult;
  bmpT: TestResult;
  kpT: TestResult;
  j1: TestResult;
  j2: TestResult;
  signZ: TestResult;
  generalizedSignZ: TestResult;
  rankT: TestResult;
  wilcoxon: TestResult;
  /** Brown & Warner (1985) crude dependence adjustment: AAR over its estimation-window time-series spread. */
  brownWarner1985T: TestResult;
  /** Portfolio time-series t (Jaffe 1974; Mandelker 1974): the model fitted to the equally weighted portfolio. */
  portfolioTimeSeriesT: TestResult;
}

export interface ModelFit {
  /** Market model intercept; null for the other models. */
  alpha: number | null;
  /** Market model slope (on the market, with factors: holding them fixed); 1 for market-adjusted, null for mean-adjusted. */
  beta: number | null;
  /** With factors: each factor's slope, in the order of the study's `factors`. */
  factorBetas?: readonly { factor: string; beta: number }[];
  /**
   * Residual variance of the estimation-window abnormal returns (market model: SSE/(M-2); with k
   * regressors SSE/(M − k − 1)); 0, or
   * rounding noise, when the model fits the estimation window exactly, and the SARs are then null.
   */
  s2: number;
  /** Market model R²; null for the other models, and when the security's returns do not vary (0/0). */
  rSquared: number | null;
  /** M: estimation days with both returns (and every factor the model uses) present. */
  estimationDays: number;
}

export interface SecurityDay {
  date: string;
  relativeDay: number;
  return: number | null;
  marketReturn: number | null;
  expected: number | null;
  ar: number | null;
  arVariance: number | null;
  sar: number | null;
  /** Cumulative AR from the start of the event window to this day. */
  car: number | null;
  carVariance: number | null;
  scar: number | null;
}

export interface SecurityWindow {
  from: number;
  to: number;
  car: number | null;
  carVariance: number | null;
  scar: number | null;
  /** t = CAR / sqrt(var CAR) with its two-sided p-value (t with M-2 degrees of freedom). */
  t: TestResult;
  bhar: number | null;
}

export interface SecurityResult {
  id: string;
  symbol: string;
  benchmark: string;
  eventId?: string;
  dayZero: string;
  fit: ModelFit;
  /** Days in the estimation and event windows where the security or the market had no return. */
  lostDays: number;
  /** Estimation-window days left out on request (`estimationExclusions`); not counted in `lostDays` or in M. */
  excludedDays: number;
  days: SecurityDay[];
  windows: SecurityWindow[];
  /** Buy-and-hold abnormal return over the whole event window: Π(1+R_i) − Π(1+R_m). */
  bhar: number | null;
  /** Abnormal trading volume (Campbell & Wasley 1996), present when the unit carries volumes. */
  volume?: AbnormalVolume;
}

/** One event day's abnormal log volume AVₜ = ln(1 + Vₜ) − mean, and its t; null without a volume. */
export interface VolumeDay {
  date: string;
  relativeDay: number;
  volume: number | null;
  abnormal: number | null;
  t: TestResult;
}

/** CAV = Σ AVₜ over the window's days with a volume (`days` of them), and its t. */
export interface VolumeWindow {
  from: number;
  to: number;
  days: number;
  cumulative: number | null;
  t: TestResult;
}

/**
 * A security's abnormal trading volume, or why there is none: `no-volume` when its source has no
 * volume (every volume of the windows missing or zero, as sources report indices), `unavailable`
 * when the volumes cannot support the statistic (too few estimation days with a volume, or a volume
 * that is not a non-negative number), with the reason.
 */
export type AbnormalVolume =
  | {
      kind: 'abnormal-volume';
      /** Mv: estimation days with a volume; the t statistics have Mv − 1 degrees of freedom. */
      estimationDays: number;
      degreesOfFreedom: number;
      /** Mean and standard deviation (divisor Mv − 1) of ln(1 + V) over the estimation days. */
      meanLogVolume: number;
      standardDeviation: number;
      /** Median volume of the estimation days (shares). */
      medianVolume: number;
      /** Day 0's volume over the median; null without a day-0 volume or with a median of 0. */
      dayZeroMultiple: number | null;
      /** Days of the estimation and event windows without a volume. */
      lostDays: number;
      days: VolumeDay[];
      windows: VolumeWindow[];
    }
  | { kind: 'no-volume'; reason: string }
  | { kind: 'unavailable'; reason: string };

export interface SecurityFailure {
  id: string;
  symbol: string;
  eventId?: string;
  error: { code: string; message: string };
}

export interface AggregateDay {
  relativeDay: number;
  /** The day's date when every security shares it, otherwise null. */
  date: string | null;
  n: number;
  aar: number | null;
  caar: number | null;
  tests: AggregateTests;
}

export interface AggregateWindow {
  from: number;
  to: number;
  n: number;
  caar: number | null;
  tests: AggregateTests;
}

/**
 * Study options with every default filled in, as runStudy used them; `factors` only when the
 * study uses some (the market model without factors has none).
 */
export type ResolvedStudyOptions = Required<Omit<StudyOptions, 'gap' | 'factors'>> & { gap: DayRange | null; factors?: readonly string[] };

export interface StudyResult {
  options: ResolvedStudyOptions;
  securities: SecurityResult[];
  failures: SecurityFailure[];
  aggregate: { days: AggregateDay[]; windows: AggregateWindow[] };
}
