import { buyAndHoldAbnormalReturn } from './bhar';
import { carTTest } from './car-t-test';
import type { RankSeries } from './corrado-rank-test';
import { InsufficientEstimationDataError } from './errors';
import { fitNormalReturnModel } from './fit-normal-return-model';
import type { NormalReturnModel } from './normal-return-model';
import type { DayRange, ResolvedStudyOptions, SecurityDay, SecurityResult, SecurityWindow, StudyUnit } from './types';
import { extremeValuesError, locateDayZero, readReturn, requireFiniteResults, requireWindowsInData } from './study-unit-checks';

/**
 * One security's results plus the per-day numbers the cross-sectional tests need. Internally NaN
 * marks a missing abnormal return; it never leaves the engine (results use null). Plain arrays of
 * doubles, not typed arrays: V8 allocates a typed array's buffer far more slowly, and a study
 * allocates these for every security.
 */
export interface SecurityAnalysis {
  result: SecurityResult;
  degreesOfFreedom: number;
  /** Per event-window day, index = relative day − eventWindow.from. */
  abnormal: number[];
  variance: number[];
  standardized: number[];
  /** Per CAR window (order of options.carWindows): Σ SAR over its days with an AR, for Patell's Z. */
  windowStandardizedSums: number[];
  /** Per CAR window: how many of its days have an AR. */
  windowDays: number[];
  /**
   * Estimation-window residuals followed by event-window ARs on relative days, null where missing:
   * the rank test's input, and (its first estimation-window-length entries) the residuals behind
   * r̄ and p̂.
   */
  rankSeries: RankSeries;
}

/**
 * Fits the normal-return model of one security over the estimation window and computes its event
 * window: AR, var(AR), SAR, cumulative CAR with exact var(CAR) and SCAR per day, each CAR window's
 * CAR, var, SCAR, t and BHAR, and the whole window's BHAR (MacKinlay 1997).
 *
 * Missing days: relative days count trading days of the unit's calendar (the benchmark's). A day
 * where the security or the market has no return is missing: it is left out of the estimation
 * (M counts usable days only), its AR is null in the event window, and a CAR sums the ARs that
 * exist, with γ selecting exactly those days in var(CAR) = γ'Vγ. `lostDays` counts the missing
 * days of both windows. Days outside the estimation and event windows (the gap) are never used.
 *
 * @throws EventStudyError INVALID_INPUT for malformed or non-finite data; EVENT_OUTSIDE_DATA when
 *   day 0 or a window falls outside the unit's dates; InsufficientEstimationDataError when fewer
 *   than `minimumEstimationDays` usable days (or, with `strictEstimation`, any missing day);
 *   CONSTANT_SERIES when the model cannot be fitted or its residuals do not vary. Every message
 *   names the security.
 * @example analyseSecurity(unit, validateStudyOptions(DEFAULT_STUDY_OPTIONS)).result.fit.beta
 */
export function analyseSecurity(unit: StudyUnit, options: ResolvedStudyOptions): SecurityAnalysis {
  const zeroIndex = locateDayZero(unit);
  requireWindowsInData(unit, zeroIndex, options);
  const { estimationWindow, eventWindow } = options;
  const estimationStart = zeroIndex + estimationWindow.from;
  const estimationLength = estimationWindow.to - estimationWindow.from + 1;
  const eventStart = zeroIndex + eventWindow.from;
  const eventEnd = zeroIndex + eventWindow.to + 1;
  const model = fitModel(unit, estimationStart, estimationLength, options);
  const event = eventDays(unit, model, eventStart, eventWindow);
  const windows = options.carWindows.map((window) => carWindow(unit, model, event, zeroIndex, window, eventWindow));
  const summaries = windows.map((window) => window.summary);
  const standardizedSums = windows.map((window) => window.standardizedSum);
  requireFiniteResults(unit.symbol, event.days, summaries, standardizedSums);
  const result: SecurityResult = {
    id: unit.id,
    symbol: unit.symbol,
    benchmark: unit.benchmark,
    ...(unit.eventId === undefined ? {} : { eventId: unit.eventId }),
    dayZero: unit.dayZero,
    fit: model.fit,
    lostDays: estimationLength - model.fit.estimationDays + event.missing,
    days: event.days,
    windows: summaries,
    bhar: buyAndHoldAbnormalReturn(unit.returns, unit.marketReturns, unit.returnKind ?? 'simple', eventStart, eventEnd),
  };
  return {
    result,
    degreesOfFreedom: model.degreesOfFreedom,
    abnormal: event.abnormal,
    variance: event.variance,
    standardized: event.standardized,
    windowStandardizedSums: standardizedSums,
    windowDays: windows.map((window) => window.days),
    rankSeries: {
      abnormalReturns: abnormalSeries(unit, model, estimationStart, estimationLength, event.abnormal),
      relativeDays: rankDays(options),
    },
  };
}

function fitModel(unit: StudyUnit, start: number, length: number, options: ResolvedStudyOptions): NormalReturnModel {
  const securityReturns = scratch(0, length);
  const marketReturns = scratch(1, length);
  let usable = 0;
  for (let index = start; index < start + length; index += 1) {
    const value = readReturn(unit, unit.returns, index, unit.symbol);
    const marketValue = readReturn(unit, unit.marketReturns, index, unit.benchmark);
    if (value === null || marketValue === null) continue;
    securityReturns[usable] = value;
    marketReturns[usable] = marketValue;
    usable += 1;
  }
  if (options.strictEstimation && usable < length) {
    throw new InsufficientEstimationDataError(unit.symbol, usable, length);
  }
  if (usable < options.minimumEstimationDays) {
    throw new InsufficientEstimationDataError(unit.symbol, usable, options.minimumEstimationDays);
  }
  const sample = { securityReturns: securityReturns.subarray(0, usable), marketReturns: marketReturns.subarray(0, usable) };
  const model = fitNormalReturnModel(options.model, sample, unit.symbol);
  const { s2, alpha, beta, rSquared } = model.fit;
  if (!(Number.isFinite(s2) && Number.isFinite(alpha ?? 0) && Number.isFinite(beta ?? 0) && Number.isFinite(rSquared ?? 0))) {
    throw extremeValuesError(unit.symbol);
  }
  return model;
}

// The estimation sample is copied into two buffers reused from one security to the next: a study
// of many securities would otherwise allocate two typed arrays each, which V8 does slowly. The
// fitted models keep no reference to them.
const scratchBuffers = [new Float64Array(256), new Float64Array(256)];

function scratch(which: 0 | 1, length: number): Float64Array {
  if (scratchBuffers[which]!.length < length) scratchBuffers[which] = new Float64Array(length);
  return scratchBuffers[which]!;
}

/** Estimation-window residuals then the event-window ARs, null where a day is missing. */
function abnormalSeries(
  unit: StudyUnit,
  model: NormalReturnModel,
  start: number,
  length: number,
  eventAbnormal: readonly number[],
): (number | null)[] {
  const series = new Array<number | null>(length + eventAbnormal.length);
  for (let offset = 0; offset < length; offset += 1) {
    const value = unit.returns[start + offset];
    const marketValue = unit.marketReturns[start + offset];
    const missing = value === null || value === undefined || marketValue === null || marketValue === undefined;
    series[offset] = missing ? null : value - model.expectedReturn(marketValue);
  }
  eventAbnormal.forEach((value, offset) => {
    series[length + offset] = Number.isNaN(value) ? null : value;
  });
  return series;
}

// Every security of a study shares these relative days; one array per options object.
const rankDayCache = new WeakMap<ResolvedStudyOptions, number[]>();

function rankDays(options: ResolvedStudyOptions): number[] {
  const cached = rankDayCache.get(options);
  if (cached) return cached;
  const days: number[] = [];
  for (const window of [options.estimationWindow, options.eventWindow]) {
    for (let day = window.from; day <= window.to; day += 1) days.push(day);
  }
  rankDayCache.set(options, days);
  return days;
}

interface EventDays {
  days: SecurityDay[];
  abnormal: number[];
  variance: number[];
  standardized: number[];
  missing: number;
}

function eventDays(unit: StudyUnit, model: NormalReturnModel, start: number, window: DayRange): EventDays {
  const length = window.to - window.from + 1;
  const abnormal: number[] = [];
  const variance: number[] = [];
  const standardized: number[] = [];
  const days: SecurityDay[] = [];
  let count = 0;
  let marketSum = 0;
  let car = 0;
  for (let offset = 0; offset < length; offset += 1) {
    const value = readReturn(unit, unit.returns, start + offset, unit.symbol);
    const marketValue = readReturn(unit, unit.marketReturns, start + offset, unit.benchmark);
    const expected = marketValue === null ? null : model.expectedReturn(marketValue);
    let ar: number | null = null;
    let arVariance: number | null = null;
    let sar: number | null = null;
    if (value !== null && expected !== null && marketValue !== null) {
      ar = value - expected;
      arVariance = model.cumulativeVariance(1, marketValue);
      sar = ar / Math.sqrt(arVariance);
      count += 1;
      marketSum += marketValue;
      car += ar;
    }
    abnormal.push(ar ?? Number.NaN);
    variance.push(arVariance ?? Number.NaN);
    standardized.push(sar ?? Number.NaN);
    const carVariance = count > 0 ? model.cumulativeVariance(count, marketSum) : null;
    days.push({
      date: unit.dates[start + offset] as string,
      relativeDay: window.from + offset,
      return: value,
      marketReturn: marketValue,
      expected,
      ar,
      arVariance,
      sar,
      car: count > 0 ? car : null,
      carVariance,
      scar: carVariance === null ? null : car / Math.sqrt(carVariance),
    });
  }
  return { days, abnormal, variance, standardized, missing: length - count };
}

interface CarWindowResult {
  summary: SecurityWindow;
  standardizedSum: number;
  days: number;
}

function carWindow(
  unit: StudyUnit,
  model: NormalReturnModel,
  event: EventDays,
  zeroIndex: number,
  window: DayRange,
  eventWindow: DayRange,
): CarWindowResult {
  let count = 0;
  let car = 0;
  let marketSum = 0;
  let standardizedSum = 0;
  for (let day = window.from; day <= window.to; day += 1) {
    const offset = day - eventWindow.from;
    const ar = event.abnormal[offset] as number;
    if (Number.isNaN(ar)) continue;
    count += 1;
    car += ar;
    marketSum += unit.marketReturns[zeroIndex + day] as number;
    standardizedSum += event.standardized[offset] as number;
  }
  const carValue = count > 0 ? car : null;
  const carVariance = count > 0 ? model.cumulativeVariance(count, marketSum) : null;
  const scar = carValue === null || carVariance === null ? null : carValue / Math.sqrt(carVariance);
  const kind = unit.returnKind ?? 'simple';
  return {
    summary: {
      from: window.from,
      to: window.to,
      car: carValue,
      carVariance,
      scar,
      t: carTTest(carValue, carVariance, model.degreesOfFreedom),
      bhar: buyAndHoldAbnormalReturn(unit.returns, unit.marketReturns, kind, zeroIndex + window.from, zeroIndex + window.to + 1),
    },
    standardizedSum,
    days: count,
  };
}
