import { buyAndHoldAbnormalReturn } from './bhar';
import { carTTest } from './car-t-test';
import { isEventStudyError } from './errors';
import { NO_FACTOR_COLUMNS, readFactorRow, type FactorColumns } from './factor-columns';
import type { NormalReturnModel } from './normal-return-model';
import type { StudyColumns } from './study-columns';
import { extremeValuesError, requireFiniteReturns } from './study-unit-checks';
import { unavailableTest } from './test-result';
import type { DayRange, SecurityDay, SecurityWindow, StudyUnit } from './types';

/** The factor values of a study without factors: shared, never written. */
const NO_VALUES = new Float64Array(0);

/** One security's event window: its result rows and how many of its days are missing. */
export interface EventDays {
  days: SecurityDay[];
  missing: number;
}

/** Where a security's numbers go in the study's columns. */
export interface ColumnRow {
  columns: StudyColumns;
  row: number;
}

/**
 * AR = R − E[R], var(AR) and SAR = AR/√var(AR) for each event day, and the running CAR from the
 * start of the window with its exact var(CAR) = γ'Vγ and SCAR (MacKinlay 1997). A missing day has
 * null AR and adds nothing to the CAR. When the model's residuals have no variance
 * (`standardizable` false) the SARs and SCARs are null: AR/√var(AR) would divide by zero, or by
 * rounding noise. AR, var(AR) and SAR also go to the security's row of the study's columns, NaN
 * where they are null. With a factor model, a day also needs every factor (`factors`, checked
 * finite by the caller): E[R] and var(AR) use the day's factor values, var(CAR) their sums.
 *
 * @throws EventStudyError INVALID_INPUT for a NaN or infinite return on an event day.
 * @example eventDays(unit, model, zeroIndex - 5, { from: -5, to: 10 }, true, { columns, row: 0 }).days[5].car
 */
export function eventDays(
  unit: StudyUnit,
  model: NormalReturnModel,
  start: number,
  window: DayRange,
  standardizable: boolean,
  { columns, row }: ColumnRow,
  factors: FactorColumns = NO_FACTOR_COLUMNS,
): EventDays {
  const length = window.to - window.from + 1;
  const event: EventDays = { days: new Array<SecurityDay>(length), missing: length };
  const { abnormal, variance, standardized, capacity } = columns;
  const factorCount = factors.length;
  const factorValues = factorCount === 0 ? NO_VALUES : new Float64Array(factorCount);
  const factorSums = factorCount === 0 ? NO_VALUES : new Float64Array(factorCount);
  let count = 0;
  let marketSum = 0;
  let car = 0;
  requireFiniteReturns(unit, start, start + length);
  for (let offset = 0; offset < length; offset += 1) {
    const value = unit.returns[start + offset] ?? null;
    const marketValue = unit.marketReturns[start + offset] ?? null;
    const regressorsPresent = marketValue !== null && (factorCount === 0 || readFactorRow(factors, start + offset, factorValues));
    const expected = regressorsPresent ? model.expectedReturn(marketValue, factorValues) : null;
    let ar: number | null = null;
    let arVariance: number | null = null;
    let sar: number | null = null;
    if (value !== null && expected !== null && marketValue !== null) {
      ar = value - expected;
      arVariance = model.cumulativeVariance(1, marketValue, factorValues);
      sar = standardizable ? ar / Math.sqrt(arVariance) : null;
      count += 1;
      marketSum += marketValue;
      for (let factor = 0; factor < factorCount; factor += 1) factorSums[factor] = factorSums[factor]! + factorValues[factor]!;
      car += ar;
    }
    abnormal[offset * capacity + row] = ar ?? Number.NaN;
    variance[offset * capacity + row] = arVariance ?? Number.NaN;
    standardized[offset * capacity + row] = sar ?? Number.NaN;
    const carVariance = count > 0 ? model.cumulativeVariance(count, marketSum, factorSums) : null;
    event.days[offset] = {
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
      scar: carVariance === null || !standardizable ? null : car / Math.sqrt(carVariance),
    };
  }
  event.missing = length - count;
  return event;
}

/**
 * CAR over one window (the ARs it has), its exact variance γ'Vγ, SCAR, the t test and BHAR, read
 * from and written to the security's row of the study's columns (with Σ SAR over the window for
 * Patell's cumulative Z, NaN without SARs, and the number of days with an AR). Without residual
 * variance the SCAR is null and the t test says why it cannot be computed.
 *
 * @param zeroIndex index of day 0 in the unit's dates.
 * @param index the window's position among the study's CAR windows.
 * @throws never
 * @example carWindow(unit, model, { columns, row: 0 }, zeroIndex, { from: 0, to: 1 }, 0, { from: -5, to: 10 }, true).t
 */
export function carWindow(
  unit: StudyUnit,
  model: NormalReturnModel,
  { columns, row }: ColumnRow,
  zeroIndex: number,
  window: DayRange,
  index: number,
  eventWindow: DayRange,
  standardizable: boolean,
  factors: FactorColumns = NO_FACTOR_COLUMNS,
): SecurityWindow {
  const { abnormal, standardized, capacity } = columns;
  const factorSums = factors.length === 0 ? NO_VALUES : new Float64Array(factors.length);
  let count = 0;
  let car = 0;
  let marketSum = 0;
  let standardizedSum = 0;
  for (let day = window.from; day <= window.to; day += 1) {
    const offset = day - eventWindow.from;
    const ar = abnormal[offset * capacity + row]!;
    if (Number.isNaN(ar)) continue;
    count += 1;
    car += ar;
    marketSum += unit.marketReturns[zeroIndex + day] as number;
    // A day with an AR has every factor.
    for (let factor = 0; factor < factors.length; factor += 1) factorSums[factor] = factorSums[factor]! + (factors[factor]![zeroIndex + day] as number);
    standardizedSum += standardized[offset * capacity + row]!;
  }
  const carValue = count > 0 ? car : null;
  const carVariance = count > 0 ? model.cumulativeVariance(count, marketSum, factorSums) : null;
  const scar = carValue === null || carVariance === null || !standardizable ? null : carValue / Math.sqrt(carVariance);
  const at = index * capacity + row;
  columns.windowCar[at] = carValue ?? Number.NaN;
  columns.windowVariance[at] = carVariance ?? Number.NaN;
  columns.windowStandardized[at] = scar ?? Number.NaN;
  columns.windowStandardizedSums[at] = standardizedSum;
  columns.windowDays[at] = count;
  return {
    from: window.from,
    to: window.to,
    car: carValue,
    carVariance,
    scar,
    t: standardizable || carValue === null ? carTTest(carValue, carVariance, model.degreesOfFreedom) : noVarianceTest(unit.symbol),
    bhar: securityBhar(unit, zeroIndex + window.from, zeroIndex + window.to + 1),
  };
}

/**
 * BHAR of the unit over dates [start, end), its failure told in terms of the security: the study
 * has read these days already, so only compounding beyond double precision can fail.
 * @throws EventStudyError INVALID_INPUT naming the security.
 * @example securityBhar(unit, zeroIndex - 5, zeroIndex + 11)
 */
export function securityBhar(unit: StudyUnit, start: number, end: number): number | null {
  try {
    return buyAndHoldAbnormalReturn(unit.returns, unit.marketReturns, unit.returnKind ?? 'simple', start, end);
  } catch (error) {
    throw isEventStudyError(error) ? extremeValuesError(unit.symbol) : error;
  }
}

function noVarianceTest(symbol: string) {
  return unavailableTest(
    `CAR t: cannot be computed, because ${symbol}'s abnormal returns do not vary in the estimation window (the model fits it exactly).`,
  );
}
