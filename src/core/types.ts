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
  /** Fewer usable estimation days than this is an error for that security. Default 30. */
  minimumEstimationDays?: number;
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
  /** Market model slope; 1 for market-adjusted, null for mean-adjusted. */
  beta: number | null;
  /**
   * Residual variance of the estimation-window abnormal returns (market model: SSE/(M-2)); 0, or
   * rounding noise, when the model fits the estimation window exactly, and the SARs are then null.
   */
  s2: number;
  /** Market model R²; null for the other models, and when the security's returns do not vary (0/0). */
  rSquared: number | null;
  /** M: estimation days with both returns present. */
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
  days: SecurityDay[];
  windows: SecurityWindow[];
  /** Buy-and-hold abnormal return over the whole event window: Π(1+R_i) − Π(1+R_m). */
  bhar: number | null;
}

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

/** Study options with every default filled in, as runStudy used them. */
export type ResolvedStudyOptions = Required<Omit<StudyOptions, 'gap'>> & { gap: DayRange | null };

export interface StudyResult {
  options: ResolvedStudyOptions;
  securities: SecurityResult[];
  failures: SecurityFailure[];
  aggregate: { days: AggregateDay[]; windows: AggregateWindow[] };
}
