// Abnormal volume's conventions and its typed answers for missing, zero and bad volumes, on MADE-UP
// volumes (hand-picked numbers, not market data). The real-data reference is abnormal-volume-reference.
import { describe, expect, it } from 'vitest';
import { abnormalVolume } from '../../../src/core/abnormal-volume';
import { buildStudyUnit } from '../../../src/core/align';
import { studentTwoSidedPValue } from '../../../src/core/distributions';
import { runStudy } from '../../../src/core/study';
import type { ResolvedStudyOptions, StudyUnit } from '../../../src/core/types';
import { validateStudyOptions } from '../../../src/core/windows';
import { madeUpUnit } from './made-up-returns';
import { expectClose } from './synthetic-fixture';

const OPTIONS: ResolvedStudyOptions = validateStudyOptions({
  model: 'market',
  estimationWindow: { from: -6, to: -3 },
  eventWindow: { from: -1, to: 1 },
  carWindows: [{ from: 0, to: 0 }, { from: -1, to: 1 }],
  minimumEstimationDays: 3,
});

/** Nine made-up days; day 0 at index 6: estimation = indexes 0..3, event = 5..7. */
function unitWith(volumes: (number | null)[] | undefined): StudyUnit {
  const unit = madeUpUnit({ symbol: 'VOL', seed: 5, days: 9, dayZeroIndex: 6 });
  return { ...unit, ...(volumes === undefined ? {} : { volumes }) };
}

describe('abnormalVolume', () => {
  it('computes AV = ln(1 + V) − mean, t = AV/sd with Mv − 1 d.f., CAV/(sd·√L) and V₀/median, by hand', () => {
    const volumes = [99, 999, 9_999, 999, 5, 99_999, 9_999, null, 0];
    const result = abnormalVolume(unitWith(volumes), 6, OPTIONS);
    if (result.kind !== 'abnormal-volume') throw new Error(result.reason);
    // ln(1 + V) of the estimation days: 2·ln 10, 3·ln 10, 4·ln 10, 3·ln 10 → mean 3·ln 10, sd ln 10·√(2/3).
    const ln10 = Math.LN10;
    expect(result.estimationDays).toBe(4);
    expect(result.degreesOfFreedom).toBe(3);
    expectClose(result.meanLogVolume, 3 * ln10, 'mean', 1e-14);
    expectClose(result.standardDeviation, ln10 * Math.sqrt(2 / 3), 'sd', 1e-14);
    expect(result.medianVolume).toBe(999);
    expectClose(result.dayZeroMultiple, 9_999 / 999, 'multiple', 1e-15);
    const [before, zero, after] = result.days;
    expectClose(before?.abnormal, 2 * ln10, 'AV -1', 1e-13);
    expectClose(zero?.abnormal, ln10, 'AV 0', 1e-13);
    expectClose(zero?.t.statistic, 1 / Math.sqrt(2 / 3), 't 0', 1e-13);
    expect(zero?.t.pValue).toBe(studentTwoSidedPValue(zero?.t.statistic as number, 3));
    expect(after?.abnormal).toBeNull();
    expect(after?.t.reason).toBe('Abnormal volume t: no volume on this day.');
    const whole = result.windows[1];
    expect(whole?.days).toBe(2);
    expectClose(whole?.cumulative, 3 * ln10, 'CAV', 1e-13);
    expectClose(whole?.t.statistic, (3 * ln10) / (ln10 * Math.sqrt(2 / 3) * Math.SQRT2), 'CAV t', 1e-13);
    expect(result.lostDays).toBe(1);
  });

  it('says "no volume" for a series without volumes, all missing or all 0 (an index), never zeros', () => {
    expect(abnormalVolume(unitWith([]), 6, OPTIONS)).toEqual({ kind: 'no-volume', reason: 'VOL: its prices carry no volume.' });
    expect(abnormalVolume(unitWith(undefined), 6, OPTIONS).kind).toBe('no-volume');
    expect(abnormalVolume(unitWith(Array(9).fill(null)), 6, OPTIONS).kind).toBe('no-volume');
    const zeros = abnormalVolume(unitWith(Array(9).fill(0)), 6, OPTIONS);
    expect(zeros).toEqual({
      kind: 'no-volume',
      reason: 'VOL: no volume in its prices over the estimation and event windows (every day missing or 0, as sources report series without volume such as indices).',
    });
  });

  it('takes a 0 among real volumes as a day without trades, ln(1 + 0) = 0', () => {
    const result = abnormalVolume(unitWith([0, 999, 999, 9, 5, 99, 9, 99, 0]), 6, OPTIONS);
    if (result.kind !== 'abnormal-volume') throw new Error(result.reason);
    expectClose(result.meanLogVolume, (0 + 3 * Math.LN10 + 3 * Math.LN10 + Math.LN10) / 4, 'mean', 1e-14);
    expect(result.medianVolume).toBe(504);
  });

  it('is unavailable, with the reason, for a negative or NaN volume, misaligned volumes, or too few estimation days', () => {
    expect(abnormalVolume(unitWith([1, 2, -3, 4, 5, 6, 7, 8, 9]), 6, OPTIONS)).toEqual({
      kind: 'unavailable',
      reason: `VOL: the volume on ${unitWith(undefined).dates[2]} is -3, not a non-negative number.`,
    });
    expect(abnormalVolume(unitWith([1, 2, Number.NaN, 4, 5, 6, 7, 8, 9]), 6, OPTIONS).kind).toBe('unavailable');
    expect(abnormalVolume(unitWith([1, 2]), 6, OPTIONS)).toEqual({ kind: 'unavailable', reason: 'VOL: 2 volumes for 9 dates; the volumes must be aligned to the dates.' });
    expect(abnormalVolume(unitWith([1, null, null, 4, 5, 6, 7, 8, 9]), 6, OPTIONS)).toEqual({
      kind: 'unavailable',
      reason: 'VOL: only 2 estimation days with a volume, at least 3 needed for abnormal volume.',
    });
  });

  it('gives AV but no t when the estimation volume does not vary, and no multiple without a day-0 volume', () => {
    const result = abnormalVolume(unitWith([50, 50, 50, 50, 1, 50, null, 500, 1]), 6, OPTIONS);
    if (result.kind !== 'abnormal-volume') throw new Error(result.reason);
    expect(result.days[0]?.abnormal).toBe(0);
    expect(result.days[0]?.t.reason).toBe('Abnormal volume t: the volume does not vary in the estimation window.');
    expect(result.dayZeroMultiple).toBeNull();
    expect(result.windows[0]?.t.reason).toBe('Cumulative abnormal volume t: no volume on the days of this window.');
  });
});

describe('volume in a study', () => {
  it('comes with each security whose prices carry volume, and not without', () => {
    const dates = ['2024-11-01', '2024-11-05', '2024-11-06', '2024-11-07', '2024-11-08', '2024-11-11', '2024-11-12', '2024-11-13', '2024-11-14'];
    const closes = [100, 101, 99, 103, 102, 104, 103, 106, 105];
    const market = dates.map((date, index) => ({ date, adjClose: 1000 + 3 * index + (index % 2) * 5 }));
    const withVolume = dates.map((date, index) => ({ date, adjClose: closes[index] as number, volume: index === 4 ? null : 1000 * (index + 1) }));
    const unit = buildStudyUnit({ id: 'V', symbol: 'V', benchmark: 'M', securityPrices: withVolume, benchmarkPrices: market, dayZero: '2024-11-12', returnKind: 'simple' });
    expect(unit.volumes).toEqual([1000, 2000, 3000, 4000, null, 6000, 7000, 8000, 9000]);
    const options = { ...OPTIONS, estimationWindow: { from: -5, to: -2 } };
    const result = runStudy([unit], options);
    expect(result.securities[0]?.volume?.kind).toBe('abnormal-volume');
    const plain = buildStudyUnit({ id: 'P', symbol: 'P', benchmark: 'M', securityPrices: market, benchmarkPrices: market, dayZero: '2024-11-12', returnKind: 'simple' });
    expect(plain.volumes).toBeUndefined();
    expect('volume' in (runStudy([{ ...plain, returns: unit.returns }], options).securities[0] ?? {})).toBe(false);
  });
});
