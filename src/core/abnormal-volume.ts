import { studentTest, unavailableTest } from './test-result';
import type { AbnormalVolume, ResolvedStudyOptions, StudyUnit, TestResult, VolumeDay, VolumeWindow } from './types';

const DAILY = 'Abnormal volume t';
const CUMULATIVE = 'Cumulative abnormal volume t';

/**
 * Abnormal trading volume, Campbell & Wasley (1996), mean-adjusted log volume: did anyone trade on
 * it? With vₜ = ln(1 + Vₜ) (V in shares; the 1 keeps a day without trades defined) and, over the
 * Mv estimation-window days with a volume, v̄ and s = √(Σ(vₜ − v̄)²/(Mv − 1)):
 *   AVₜ = vₜ − v̄,   t = AVₜ / s,   p two-sided from Student t(Mv − 1);
 *   over a window, CAV = Σ AVₜ over its L days with a volume, t = CAV / (s·√L), p from t(Mv − 1);
 *   day 0's volume as a multiple of the estimation window's median volume, V₀ / median(V).
 * Conventions, stated because they are choices:
 * - s is the estimation window's standard deviation, without the forecast-error factor
 *   √(1 + 1/Mv) of a prediction (Campbell & Wasley's form, as in issue 16). Under i.i.d. normal log
 *   volume AVₜ/(s·√(1 + 1/Mv)) is exactly t(Mv − 1), so t here is larger by √(1 + 1/Mv) (0.2 % at
 *   Mv = 240) and its p-value a close approximation.
 * - CAV's t assumes no autocorrelation of AV across days (var(CAV) = L·s²). Daily log volume is
 *   positively autocorrelated in practice, so the window t overstates significance; read it as
 *   descriptive. A window counts only its days with a volume (L is reported as `days`).
 * - Volume is used on the days where the source has it, independently of the returns (a day with a
 *   volume but no return still counts), and never filled: a null is a missing day (`lostDays`).
 * - A series whose volumes over the windows are all missing or all 0 has no volume (`no-volume`):
 *   that is how sources report indices; never shown as zeros. Otherwise a 0 is a day without
 *   trades, v = ln 1 = 0.
 * - The volumes must be on one scale through the window (split-adjusted); the engine cannot check
 *   that, the data's provenance must (see tests/fixtures/abnormal-volume/abnormal_volume.R).
 * The study's minimum estimation days apply to Mv too (at least 2, for s).
 *
 * @param unit the security; `unit.volumes` aligned to `unit.dates`.
 * @param zeroIndex index of day 0 in the unit's dates; the windows lie inside the dates.
 * @param options the study's windows and minimum estimation days.
 * @returns the statistics; or `no-volume`, or `unavailable` with the reason (too few estimation days
 *   with a volume, a volume that is not a non-negative number, volumes not aligned to the dates).
 * @throws never
 * @example abnormalVolume(unit, unit.dates.indexOf(unit.dayZero), validateStudyOptions(DEFAULT_STUDY_OPTIONS)).kind // 'abnormal-volume'
 */
export function abnormalVolume(unit: StudyUnit, zeroIndex: number, options: ResolvedStudyOptions): AbnormalVolume {
  const { symbol, dates, volumes } = unit;
  const { estimationWindow, eventWindow } = options;
  if (volumes === undefined || volumes.length === 0) return { kind: 'no-volume', reason: `${symbol}: its prices carry no volume.` };
  if (volumes.length !== dates.length) {
    return { kind: 'unavailable', reason: `${symbol}: ${volumes.length} volumes for ${dates.length} dates; the volumes must be aligned to the dates.` };
  }
  const problem = volumeProblem(unit, [
    [zeroIndex + estimationWindow.from, zeroIndex + estimationWindow.to + 1],
    [zeroIndex + eventWindow.from, zeroIndex + eventWindow.to + 1],
  ]);
  if (problem !== null) return problem;
  const estimation = presentVolumes(volumes, zeroIndex + estimationWindow.from, zeroIndex + estimationWindow.to + 1);
  const estimationDays = estimation.length;
  const required = Math.max(2, options.minimumEstimationDays);
  if (estimationDays < required) {
    return { kind: 'unavailable', reason: `${symbol}: only ${estimationDays} estimation days with a volume, at least ${required} needed for abnormal volume.` };
  }
  const { mean, standardDeviation } = logMoments(estimation);
  const medianVolume = median(estimation);
  const days = volumeDays(unit, zeroIndex, options, mean, standardDeviation, estimationDays - 1);
  const dayZeroVolume = volumes[zeroIndex] ?? null;
  const eventDays = eventWindow.to - eventWindow.from + 1;
  return {
    kind: 'abnormal-volume',
    estimationDays,
    degreesOfFreedom: estimationDays - 1,
    meanLogVolume: mean,
    standardDeviation,
    medianVolume,
    dayZeroMultiple: dayZeroVolume !== null && medianVolume > 0 ? dayZeroVolume / medianVolume : null,
    lostDays: estimationWindow.to - estimationWindow.from + 1 - estimationDays + eventDays - days.filter((day) => day.abnormal !== null).length,
    days,
    windows: options.carWindows.map((window) => volumeWindow(days, window, standardDeviation, estimationDays - 1)),
  };
}

/** A volume that is not a non-negative number, or a series without volume, over the date ranges [start, end) read (not the gap). */
function volumeProblem(unit: StudyUnit, ranges: readonly [number, number][]): AbnormalVolume | null {
  const volumes = unit.volumes as readonly (number | null)[];
  let traded = false;
  for (const [start, end] of ranges) {
    for (let index = start; index < end; index += 1) {
      const volume = volumes[index];
      if (volume === null || volume === undefined) continue;
      if (!(Number.isFinite(volume) && volume >= 0)) {
        return { kind: 'unavailable', reason: `${unit.symbol}: the volume on ${unit.dates[index]} is ${volume}, not a non-negative number.` };
      }
      if (volume > 0) traded = true;
    }
  }
  if (traded) return null;
  return {
    kind: 'no-volume',
    reason: `${unit.symbol}: no volume in its prices over the estimation and event windows (every day missing or 0, as sources report series without volume such as indices).`,
  };
}

function presentVolumes(volumes: readonly (number | null)[], start: number, end: number): number[] {
  const present: number[] = [];
  for (let index = start; index < end; index += 1) {
    const volume = volumes[index];
    if (volume !== null && volume !== undefined) present.push(volume);
  }
  return present;
}

/** Mean and n − 1 standard deviation of ln(1 + V), in two passes. */
function logMoments(volumes: readonly number[]): { mean: number; standardDeviation: number } {
  let sum = 0;
  for (const volume of volumes) sum += Math.log1p(volume);
  const mean = sum / volumes.length;
  let sumOfSquares = 0;
  for (const volume of volumes) sumOfSquares += (Math.log1p(volume) - mean) ** 2;
  return { mean, standardDeviation: Math.sqrt(sumOfSquares / (volumes.length - 1)) };
}

/** The middle value, or the mean of the two middle values of an even count (as R's median). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((first, second) => first - second);
  const middle = sorted.length >> 1;
  // Halves first: the same double as (a + b)/2, without overflow near the largest doubles.
  return sorted.length % 2 === 1 ? sorted[middle]! : sorted[middle - 1]! / 2 + sorted[middle]! / 2;
}

function volumeDays(unit: StudyUnit, zeroIndex: number, options: ResolvedStudyOptions, mean: number, deviation: number, freedom: number): VolumeDay[] {
  const { eventWindow } = options;
  const days: VolumeDay[] = [];
  for (let relativeDay = eventWindow.from; relativeDay <= eventWindow.to; relativeDay += 1) {
    const index = zeroIndex + relativeDay;
    const volume = unit.volumes?.[index] ?? null;
    const abnormal = volume === null ? null : Math.log1p(volume) - mean;
    days.push({ date: unit.dates[index] as string, relativeDay, volume, abnormal, t: ratioTest(abnormal, deviation, freedom, DAILY, 'no volume on this day') });
  }
  return days;
}

function volumeWindow(days: readonly VolumeDay[], window: { from: number; to: number }, deviation: number, freedom: number): VolumeWindow {
  let sum = 0;
  let count = 0;
  for (const day of days) {
    if (day.relativeDay < window.from || day.relativeDay > window.to || day.abnormal === null) continue;
    sum += day.abnormal;
    count += 1;
  }
  const cumulative = count > 0 ? sum : null;
  return {
    from: window.from,
    to: window.to,
    days: count,
    cumulative,
    t: ratioTest(cumulative, deviation * Math.sqrt(count), freedom, CUMULATIVE, 'no volume on the days of this window'),
  };
}

function ratioTest(value: number | null, scale: number, freedom: number, name: string, missing: string): TestResult {
  if (value === null) return unavailableTest(`${name}: ${missing}.`);
  if (!(scale > 0)) return unavailableTest(`${name}: the volume does not vary in the estimation window.`);
  return studentTest(value / scale, freedom, name);
}
