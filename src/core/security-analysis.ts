import { abnormalVolume } from './abnormal-volume';
import { InsufficientEstimationDataError } from './errors';
import { factorColumnsOf, readFactorRow, requireFiniteFactors, type FactorColumns } from './factor-columns';
import { fitNormalReturnModel } from './fit-normal-return-model';
import type { EstimationSample, NormalReturnModel } from './normal-return-model';
import { hasStandardizedVariance, standardizedVariance } from './patell-test';
import { hasResidualVariance } from './residual-variance';
import { carWindow, eventDays, securityBhar, type ColumnRow } from './security-event-window';
import { StudyColumns } from './study-columns';
import { extremeValuesError, locateDayZero, requireFiniteResults, requireFiniteReturns, requireWindowsInData } from './study-unit-checks';
import type { ResolvedStudyOptions, SecurityResult, StudyUnit } from './types';

/**
 * One security's results; the per-day and per-window numbers the cross-sectional tests need are in
 * its row of the study's {@link StudyColumns}. Internally NaN marks a missing abnormal return; it
 * never leaves the engine (results use null). The long residual series is a view of one buffer the
 * study allocates for all securities.
 */
export interface SecurityAnalysis {
  result: SecurityResult;
  /** The unit analysed, and the index of its day 0 in the unit's dates. */
  unit: StudyUnit;
  zeroIndex: number;
  /** False when the residuals have no variance (see {@link hasResidualVariance}): no SARs. */
  standardizable: boolean;
  /** The security's row in the study's columns. */
  row: number;
  /**
   * Estimation-window residuals followed by event-window ARs, one per relative day of
   * {@link studyRelativeDays}, NaN where a day is missing: the rank test's input, and (its first
   * estimation-window-length entries) the residuals behind r̄ and p̂. Every other entry is finite.
   */
  residuals: Float64Array;
}

/**
 * Where one analysis writes: its row of the study's columns, its residual series, and its returns,
 * its benchmark's and its factors' over the days of {@link studyRelativeDays}, NaN where a day is
 * not usable (the study adds these to the portfolio of the portfolio time-series test once it
 * succeeds).
 */
export interface AnalysisTarget extends ColumnRow {
  residuals: Float64Array;
  returns: Float64Array;
  marketReturns: Float64Array;
  /** One series per factor of the study's factor model; none without factors. */
  factorReturns: Float64Array[];
}

/**
 * Fits the normal-return model of one security over the estimation window and computes its event
 * window: AR, var(AR), SAR, cumulative CAR with exact var(CAR) and SCAR per day, each CAR window's
 * CAR, var, SCAR, t and BHAR, and the whole window's BHAR (MacKinlay 1997); and, when the unit
 * carries volumes, its abnormal trading volume over the same windows ({@link abnormalVolume}).
 *
 * Missing days: relative days count trading days of the unit's calendar (the benchmark's). A day
 * where the security or the market has no return (or, with factors, any factor has no value) is
 * missing: it is left out of the estimation
 * (M counts usable days only), its AR is null in the event window, and a CAR sums the ARs that
 * exist, with γ selecting exactly those days in var(CAR) = γ'Vγ. `lostDays` counts the missing
 * days of both windows. Days outside the estimation and event windows (the gap) are never used.
 *
 * Left-out days: an estimation day whose date is in `unit.estimationExclusions` is skipped exactly
 * like a missing one (not in M, no residual, so not in r̄, p̂, the ranks, Brown–Warner's AARs or the
 * portfolio's estimation), and counted in `excludedDays` instead of `lostDays`; `strictEstimation`
 * does not count it as missing.
 *
 * Zero variance: a model that fits the estimation window exactly (the security is its market, an
 * exact linear function of it, or a constant return; see {@link hasResidualVariance}) still gives
 * ARs, CARs and their variances, but no SAR or SCAR, and the CAR t test says why it cannot be
 * computed; the study leaves such a security out of the standardized tests only.
 *
 * @throws EventStudyError INVALID_INPUT for malformed or non-finite data; EVENT_OUTSIDE_DATA when
 *   day 0 or a window falls outside the unit's dates; InsufficientEstimationDataError when fewer
 *   than `minimumEstimationDays` usable days (or, with `strictEstimation`, any missing day);
 *   CONSTANT_SERIES when the market does not vary (market model). Every message names the security.
 * @param target where to write the security's columns, {@link SecurityAnalysis.residuals} and its
 *   usable returns: a study passes a row of its columns and views of buffers it reuses rather than
 *   allocate them per security; by default, arrays of its own.
 * @example analyseSecurity(unit, validateStudyOptions(DEFAULT_STUDY_OPTIONS)).result.fit.beta
 */
export function analyseSecurity(
  unit: StudyUnit,
  options: ResolvedStudyOptions,
  target: AnalysisTarget = ownTarget(options),
): SecurityAnalysis {
  const zeroIndex = locateDayZero(unit);
  requireWindowsInData(unit, zeroIndex, options);
  const { estimationWindow, eventWindow } = options;
  const estimationStart = zeroIndex + estimationWindow.from;
  const estimationLength = estimationWindow.to - estimationWindow.from + 1;
  const eventStart = zeroIndex + eventWindow.from;
  const eventEnd = zeroIndex + eventWindow.to + 1;
  const factorNames = options.factors ?? [];
  const factors = factorColumnsOf(unit, factorNames);
  // Only the days read (not the gap) must hold finite factors or null, as for the returns.
  requireFiniteFactors(unit, factors, factorNames, estimationStart, estimationStart + estimationLength);
  requireFiniteFactors(unit, factors, factorNames, eventStart, eventEnd);
  const { model, standardizable, excluded } = fitModel(unit, estimationStart, estimationLength, options, target, factors);
  const { columns, row } = target;
  columns.degreesOfFreedom[row] = model.degreesOfFreedom;
  // Too few degrees of freedom for d/(d − 2): Patell and J2 then give their reason (see aggregateStudy).
  columns.sarVariance[row] = hasStandardizedVariance(model.degreesOfFreedom) ? standardizedVariance(model.degreesOfFreedom, 1) : Number.NaN;
  const event = eventDays(unit, model, eventStart, eventWindow, standardizable, target, factors);
  event.days.forEach((day, offset) => {
    target.returns[estimationLength + offset] = day.ar === null ? Number.NaN : (day.return as number);
    target.marketReturns[estimationLength + offset] = day.ar === null ? Number.NaN : (day.marketReturn as number);
    for (let factor = 0; factor < factors.length; factor += 1) {
      target.factorReturns[factor]![estimationLength + offset] = day.ar === null ? Number.NaN : (factors[factor]![eventStart + offset] as number);
    }
  });
  const summaries = options.carWindows.map((window, index) => carWindow(unit, model, target, zeroIndex, window, index, eventWindow, standardizable, factors));
  const bhar = securityBhar(unit, eventStart, eventEnd);
  requireFiniteResults(unit.symbol, event.days, summaries, standardizable ? standardizedSumsOf(columns, row) : [], bhar);
  const result: SecurityResult = {
    id: unit.id,
    symbol: unit.symbol,
    benchmark: unit.benchmark,
    ...(unit.eventId === undefined ? {} : { eventId: unit.eventId }),
    dayZero: unit.dayZero,
    fit: model.fit,
    lostDays: estimationLength - excluded - model.fit.estimationDays + event.missing,
    excludedDays: excluded,
    days: event.days,
    windows: summaries,
    bhar,
    ...(unit.volumes === undefined ? {} : { volume: abnormalVolume(unit, zeroIndex, options) }),
  };
  return {
    result,
    unit,
    zeroIndex,
    standardizable,
    row,
    residuals: residualSeries(unit.symbol, model, target),
  };
}

function ownTarget(options: ResolvedStudyOptions): AnalysisTarget {
  const eventLength = options.eventWindow.to - options.eventWindow.from + 1;
  const length = studyRelativeDays(options).length;
  return {
    columns: StudyColumns.forOne(eventLength, options.carWindows.length),
    row: 0,
    residuals: new Float64Array(length),
    returns: new Float64Array(length),
    marketReturns: new Float64Array(length),
    factorReturns: (options.factors ?? []).map(() => new Float64Array(length)),
  };
}

function standardizedSumsOf(columns: StudyColumns, row: number): number[] {
  const sums: number[] = [];
  for (let index = 0; index < columns.windows; index += 1) sums.push(columns.windowStandardizedSums[index * columns.capacity + row]!);
  return sums;
}

/**
 * The fitted model, whether its residuals vary enough to standardize abnormal returns, and how many
 * estimation days were left out on request. The estimation days also go to the target's aligned
 * returns (NaN for a day missing or left out), so no later pass reads the unit again.
 */
function fitModel(
  unit: StudyUnit,
  start: number,
  length: number,
  options: ResolvedStudyOptions,
  target: AnalysisTarget,
  factors: FactorColumns,
): { model: NormalReturnModel; standardizable: boolean; excluded: number } {
  const securityReturns = scratch(0, length);
  const marketReturns = scratch(1, length);
  const factorCount = factors.length;
  const factorSample = factorCount === 0 ? NO_SAMPLE_FACTORS : factors.map(() => new Float64Array(length));
  const factorValues = factorCount === 0 ? NO_SAMPLE_FACTORS_ROW : new Float64Array(factorCount);
  const exclusions = unit.estimationExclusions === undefined || unit.estimationExclusions.length === 0 ? null : new Set(unit.estimationExclusions);
  let usable = 0;
  let excluded = 0;
  let sumOfSquares = 0;
  for (let index = start; index < start + length; index += 1) {
    if (exclusions?.has(unit.dates[index] as string)) {
      target.returns[index - start] = Number.NaN;
      target.marketReturns[index - start] = Number.NaN;
      for (let factor = 0; factor < factorCount; factor += 1) target.factorReturns[factor]![index - start] = Number.NaN;
      excluded += 1;
      continue;
    }
    const value = unit.returns[index] as number;
    const marketValue = unit.marketReturns[index] as number;
    // Nearly every day holds two finite returns (and every factor); any other day is missing, or an error to report.
    if (!(Number.isFinite(value) && Number.isFinite(marketValue) && (factorCount === 0 || readFactorRow(factors, index, factorValues)))) {
      requireFiniteReturns(unit, index, index + 1);
      target.returns[index - start] = Number.NaN;
      target.marketReturns[index - start] = Number.NaN;
      for (let factor = 0; factor < factorCount; factor += 1) target.factorReturns[factor]![index - start] = Number.NaN;
      continue;
    }
    target.returns[index - start] = value;
    target.marketReturns[index - start] = marketValue;
    for (let factor = 0; factor < factorCount; factor += 1) {
      target.factorReturns[factor]![index - start] = factorValues[factor]!;
      factorSample[factor]![usable] = factorValues[factor]!;
    }
    securityReturns[usable] = value;
    marketReturns[usable] = marketValue;
    sumOfSquares += value * value + marketValue * marketValue;
    usable += 1;
  }
  if (options.strictEstimation && usable < length - excluded) {
    throw new InsufficientEstimationDataError(unit.symbol, usable, length - excluded);
  }
  if (usable < options.minimumEstimationDays) {
    throw new InsufficientEstimationDataError(unit.symbol, usable, options.minimumEstimationDays);
  }
  // One object shape for every model, so the fits' reads stay monomorphic.
  const sample: EstimationSample = {
    securityReturns: securityReturns.subarray(0, usable),
    marketReturns: marketReturns.subarray(0, usable),
    factors: factorCount === 0 ? NO_SAMPLE_FACTORS : factorSample.map((column) => column.subarray(0, usable)),
  };
  const model = fitNormalReturnModel(options.model, sample, unit.symbol, options.factors ?? []);
  const { s2, alpha, beta, rSquared } = model.fit;
  if (!(Number.isFinite(s2) && Number.isFinite(alpha ?? 0) && Number.isFinite(beta ?? 0) && Number.isFinite(rSquared ?? 0))) {
    throw extremeValuesError(unit.symbol);
  }
  return { model, standardizable: hasResidualVariance(s2, sumOfSquares / usable, sample), excluded };
}

const NO_SAMPLE_FACTORS: Float64Array[] = [];
const NO_SAMPLE_FACTORS_ROW = new Float64Array(0);

// The estimation sample is copied into two buffers reused from one security to the next: a study
// of many securities would otherwise allocate two typed arrays each, which V8 does slowly. The
// fitted models keep no reference to them.
const scratchBuffers = [new Float64Array(256), new Float64Array(256)];

function scratch(which: 0 | 1, length: number): Float64Array {
  if (scratchBuffers[which]!.length < length) scratchBuffers[which] = new Float64Array(length);
  return scratchBuffers[which]!;
}

/**
 * The relative days of {@link SecurityAnalysis.residuals}: the estimation window, then the event
 * window (the gap is never used). One array per options object, shared by every security.
 * @throws never
 * @example studyRelativeDays(validateStudyOptions(DEFAULT_STUDY_OPTIONS)) // -250 … -11, -5 … 10
 */
export function studyRelativeDays(options: ResolvedStudyOptions): Int32Array {
  const cached = relativeDayCache.get(options);
  if (cached) return cached;
  const days: number[] = [];
  for (const window of [options.estimationWindow, options.eventWindow]) {
    for (let day = window.from; day <= window.to; day += 1) days.push(day);
  }
  const relativeDays = Int32Array.from(days);
  relativeDayCache.set(options, relativeDays);
  return relativeDays;
}

const relativeDayCache = new WeakMap<ResolvedStudyOptions, Int32Array>();

/** Estimation-window residuals then the event-window ARs (from the columns), NaN where a day is missing. */
function residualSeries(symbol: string, model: NormalReturnModel, target: AnalysisTarget): Float64Array {
  const { columns, row, residuals: series, returns, marketReturns, factorReturns } = target;
  const length = series.length - columns.eventDays;
  const factorValues = factorReturns.length === 0 ? NO_SAMPLE_FACTORS_ROW : new Float64Array(factorReturns.length);
  for (let offset = 0; offset < length; offset += 1) {
    const value = returns[offset]!;
    const missing = Number.isNaN(value);
    for (let factor = 0; factor < factorReturns.length; factor += 1) factorValues[factor] = factorReturns[factor]![offset]!;
    const residual = missing ? Number.NaN : value - model.expectedReturn(marketReturns[offset]!, factorValues);
    // A residual that overflowed would pass for a missing day or break the ranks and r̄.
    if (!missing && !Number.isFinite(residual)) throw extremeValuesError(symbol);
    series[offset] = residual;
  }
  for (let offset = 0; offset < columns.eventDays; offset += 1) series[length + offset] = columns.abnormal[offset * columns.capacity + row]!;
  return series;
}
