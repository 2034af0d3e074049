// Abnormal trading volume (Campbell & Wasley 1996) on the snapshot's REAL volumes of 7011.T and
// 7013.T around the 2024 US election (day 0 = 2024-11-06, the default study's windows), against
// tests/fixtures/abnormal-volume/abnormal_volume.R (base R, run by hand; its header explains why the
// J-Quants volumes are split-adjusted across MHI's 2024-04-01 split and nothing is excluded), to 1e-9
// relative. The study units are built the way the application builds them: from price bars.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildStudyUnit, type PricePoint } from '../../../src/core/align';
import { DEFAULT_STUDY_OPTIONS } from '../../../src/core/defaults';
import { runStudy } from '../../../src/core/study';
import type { AbnormalVolume, SecurityResult } from '../../../src/core/types';
import { cell, expectClose, type Row } from './synthetic-fixture';

const root = new URL('../../../', import.meta.url);

function csv(path: string): Row[] {
  const parsed = Papa.parse<Row>(readFileSync(new URL(path, root), 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${path}: ${parsed.errors[0]?.message}`);
  return parsed.data;
}

function bars(file: string): PricePoint[] {
  return csv(`data/snapshot/${file}`).map((row) => ({
    date: row.Date as string,
    adjClose: Number(row.AdjClose),
    volume: row.Volume === '' || row.Volume === undefined ? null : Number(row.Volume),
  }));
}

function computed(security: SecurityResult | undefined): Extract<AbnormalVolume, { kind: 'abnormal-volume' }> {
  if (security?.volume?.kind !== 'abnormal-volume') throw new Error(`no abnormal volume: ${JSON.stringify(security?.volume)}`);
  return security.volume;
}

describe('abnormal volume of MHI and IHI around the US election against abnormal_volume.R', () => {
  const topix = bars('TOPIX.csv');
  const units = ['7011.T', '7013.T'].map((symbol) =>
    buildStudyUnit({ id: symbol, symbol, benchmark: 'TOPIX', securityPrices: bars(`${symbol}.csv`), benchmarkPrices: topix, dayZero: '2024-11-06', returnKind: 'simple' }),
  );
  const result = runStudy(units, DEFAULT_STUDY_OPTIONS);
  const volumeOf = (symbol: string | undefined) => computed(result.securities.find((security) => security.symbol === symbol));

  it('uses the estimation window 2023-10-27..2024-10-21 (Mv = 240) with its mean, sd, median and day-0 multiple', () => {
    expect(result.failures).toEqual([]);
    for (const row of csv('tests/fixtures/abnormal-volume/abnormal_volume_summary.csv')) {
      const label = row.security ?? '';
      const volume = volumeOf(row.security);
      const unit = units.find((entry) => entry.symbol === row.security);
      const zero = unit?.dates.indexOf('2024-11-06') ?? -1;
      expect(unit?.dates[zero - 250]).toBe(row.estimation_from);
      expect(unit?.dates[zero - 11]).toBe(row.estimation_to);
      expect(volume.estimationDays).toBe(cell(row, 'M'));
      expect(volume.degreesOfFreedom).toBe(cell(row, 'df'));
      expect(volume.lostDays).toBe(0);
      expectClose(volume.meanLogVolume, cell(row, 'mean_log_volume'), `${label} mean`);
      expectClose(volume.standardDeviation, cell(row, 'sd_log_volume'), `${label} sd`);
      expectClose(volume.medianVolume, cell(row, 'median_volume'), `${label} median`);
      expectClose(volume.dayZeroMultiple, cell(row, 'day0_multiple'), `${label} multiple`);
      expect(volume.days.find((day) => day.relativeDay === 0)?.volume).toBe(cell(row, 'day0_volume'));
    }
  });

  it('matches AV, t and p on every event day', () => {
    const rows = csv('tests/fixtures/abnormal-volume/abnormal_volume_daily.csv');
    expect(rows).toHaveLength(32);
    for (const row of rows) {
      const label = `${row.security} ${row.date}`;
      const day = volumeOf(row.security).days.find((entry) => entry.date === row.date);
      expect(day?.relativeDay, label).toBe(cell(row, 'rel_day'));
      expect(day?.volume, label).toBe(cell(row, 'volume'));
      expectClose(day?.abnormal, cell(row, 'abnormal'), `${label} AV`);
      expectClose(day?.t.statistic, cell(row, 't'), `${label} t`);
      expectClose(day?.t.pValue, cell(row, 'p'), `${label} p`);
    }
  });

  it('matches CAV, its t and p over the default CAR windows', () => {
    for (const row of csv('tests/fixtures/abnormal-volume/abnormal_volume_windows.csv')) {
      const label = `${row.security} [${row.from},${row.to}]`;
      const window = volumeOf(row.security).windows.find((entry) => entry.from === cell(row, 'from') && entry.to === cell(row, 'to'));
      expect(window?.days, label).toBe(cell(row, 'days'));
      expectClose(window?.cumulative, cell(row, 'cumulative'), `${label} CAV`);
      expectClose(window?.t.statistic, cell(row, 't'), `${label} t`);
      expectClose(window?.t.pValue, cell(row, 'p'), `${label} p`);
    }
  });

  it('says TOPIX, an index without volume in the snapshot, has none, rather than zeros', () => {
    const index = buildStudyUnit({ id: 'TOPIX', symbol: 'TOPIX', benchmark: 'TOPIX', securityPrices: topix, benchmarkPrices: topix, dayZero: '2024-11-06', returnKind: 'simple' });
    const volume = runStudy([index], { ...DEFAULT_STUDY_OPTIONS, model: 'market-adjusted' }).securities[0]?.volume;
    expect(volume?.kind).toBe('no-volume');
  });
});
