/**
 * The analyst's toolbox in the files (issue 16) on the REAL offline snapshot: abnormal trading
 * volume in the per-security CSV, the summary and the manifest, equal to the engine's numbers and to
 * the base-R reference (tests/fixtures/abnormal-volume); a security without volume said so; a factor
 * file's columns on each unit's calendar, the days it lacks named, and its record in the manifest;
 * the minimum of estimation days from the query to the engine and the manifest. The factor here is
 * derived from the snapshot (the Nikkei 225's daily simple return minus TOPIX's), not made up.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeStudy } from '../../../src/application/compose-study.ts';
import { runComposedStudy } from '../../../src/application/study-analysis.ts';
import { buildStudyExport } from '../../../src/application/study-export.ts';
import { factorGaps, factorGapsInWords, factorUse, withFactors } from '../../../src/application/study-factors.ts';
import { studyPlan } from '../../../src/application/study-plan.ts';
import { DEFAULT_STUDY_QUERY, parseStudyQuery, studyQueryString, type StudyQuery } from '../../../src/application/study-query.ts';
import { runStudy } from '../../../src/core/index.ts';
import { readFactorFile } from '../../../src/domain/factor-file.ts';
import { shortFactorHash } from '../../../src/domain/factor-hash.ts';
import { snapshotBars, snapshotPrices } from '../app/helpers/snapshot-api.ts';
import { parseCsvRows } from './helpers/csv-read-back.ts';
import { catalog, snapshotStudy } from './helpers/snapshot-study.ts';

const GENERATED_AT = new Date('2026-03-01T09:30:00.000Z');

function fixtureRows(name: string): Record<string, string>[] {
  return parseCsvRows(readFileSync(new URL(`../../fixtures/abnormal-volume/${name}`, import.meta.url), 'utf8'));
}

/** A number cell as pandas reads it; an empty cell is a value that does not exist. */
function cell(text: string | undefined): number | null {
  return text === undefined || text === '' ? null : Number(text);
}

describe('abnormal volume in the files of the default case', () => {
  const { result, files } = snapshotStudy({ ...DEFAULT_STUDY_QUERY, securities: ['7011.T', '7013.T', 'LHX'], benchmarks: { XTKS: 'TOPIX', XNYS: '^GSPC' } });
  const rows = parseCsvRows(files.securitiesCsv);

  it('reads back from the per-security CSV as exactly the engine’s numbers, day by day', () => {
    for (const security of result.securities.filter((item) => item.volume?.kind === 'abnormal-volume')) {
      const volume = security.volume;
      if (volume?.kind !== 'abnormal-volume') throw new Error('no volume');
      const own = rows.filter((row) => row.security === security.symbol);
      expect(own).toHaveLength(volume.days.length);
      own.forEach((row, index) => {
        const day = volume.days[index];
        expect(cell(row.relative_day)).toBe(day?.relativeDay);
        expect(cell(row.volume)).toBe(day?.volume);
        expect(cell(row.log_volume)).toBe(Math.log1p(day?.volume ?? Number.NaN));
        expect(cell(row.abnormal_log_volume)).toBe(day?.abnormal);
        expect(cell(row.abnormal_log_volume_t)).toBe(day?.t.statistic);
        expect(cell(row.abnormal_log_volume_p_value)).toBe(day?.t.pValue);
        expect(cell(row.median_volume)).toBe(volume.medianVolume);
        expect(cell(row.day_zero_volume_multiple)).toBe(volume.dayZeroMultiple);
        expect(row.abnormal_log_volume_reason).toBe('');
      });
      // The running CAV of the last day is the engine's CAV over the whole event window, t included.
      const whole = volume.windows.find((window) => window.from === -5 && window.to === 10);
      expect(cell(own.at(-1)?.cumulative_abnormal_log_volume)).toBe(whole?.cumulative);
      expect(cell(own.at(-1)?.cumulative_abnormal_log_volume_t)).toBe(whole?.t.statistic);
      expect(cell(own.find((row) => row.relative_day === '0')?.cumulative_abnormal_log_volume)).toBe(volume.days.filter((day) => day.relativeDay <= 0).reduce((sum, day) => sum + (day.abnormal ?? 0), 0));
    }
  });

  it("matches the base-R reference: IHI traded 9.04× its median volume on 6 Nov 2024 (AV 2.139, t 3.37), MHI 2.77×", () => {
    const summary = fixtureRows('abnormal_volume_summary.csv');
    const daily = fixtureRows('abnormal_volume_daily.csv');
    for (const symbol of ['7011.T', '7013.T']) {
      const reference = summary.find((row) => row.security === symbol);
      const own = rows.filter((row) => row.security === symbol);
      for (const row of own) {
        expect(cell(row.day_zero_volume_multiple)).toBeCloseTo(Number(reference?.day0_multiple), 12);
        expect(cell(row.median_volume)).toBe(Number(reference?.median_volume));
        const day = daily.find((entry) => entry.security === symbol && entry.rel_day === row.relative_day);
        const relative = (ours: string | undefined, theirs: string | undefined) => Math.abs(Number(ours) / Number(theirs) - 1);
        expect(relative(row.abnormal_log_volume, day?.abnormal)).toBeLessThan(1e-9);
        expect(relative(row.abnormal_log_volume_t, day?.t)).toBeLessThan(1e-9);
      }
    }
    const ihi = rows.find((row) => row.security === '7013.T' && row.relative_day === '0');
    expect(Number(ihi?.volume)).toBe(170169300);
    expect(Number(ihi?.abnormal_log_volume).toFixed(3)).toBe('2.139');
    expect(Number(ihi?.abnormal_log_volume_t).toFixed(2)).toBe('3.37');
  });

  it('says "no volume in the source" for a series without volume (LHX), in the CSV, the summary and the manifest, never zero', () => {
    const lhx = rows.filter((row) => row.security === 'LHX');
    expect(lhx.length).toBeGreaterThan(0);
    for (const row of lhx) {
      for (const column of ['volume', 'log_volume', 'abnormal_log_volume', 'abnormal_log_volume_t', 'median_volume', 'day_zero_volume_multiple']) expect(row[column]).toBe('');
      expect(row.abnormal_log_volume_reason).toMatch(/^LHX: no volume in its prices over the estimation and event windows/);
    }
    const summaryLhx = files.manifest.summary.groups[0]?.securities.find((security) => security.symbol === 'LHX');
    expect(summaryLhx?.volume).toMatchObject({ kind: 'no-volume', words: 'no volume in the source, so no abnormal volume' });
    expect(files.manifest.summary.groups[0]?.sentences).toContain('L3Harris Technologies: no volume in the source, so no abnormal volume.');
    expect(files.manifest.securities.find((security) => security.symbol === 'LHX')?.volume).toMatchObject({ status: 'no-volume' });
  });

  it("records each security's volume in the manifest (the estimation sample, the usual volume, day 0's multiple, each CAR window) and documents every new column", () => {
    const ihi = result.securities.find((security) => security.symbol === '7013.T')?.volume;
    if (ihi?.kind !== 'abnormal-volume') throw new Error('no volume');
    expect(files.manifest.securities.find((security) => security.symbol === '7013.T')?.volume).toEqual({
      status: 'abnormal-volume',
      estimationDays: 240,
      degreesOfFreedom: 239,
      meanLogVolume: ihi.meanLogVolume,
      standardDeviation: ihi.standardDeviation,
      medianVolume: 18826500,
      dayZeroVolume: 170169300,
      dayZeroMultiple: ihi.dayZeroMultiple,
      lostDays: 0,
      windows: ihi.windows.map((window) => ({ from: window.from, to: window.to, days: window.days, cumulative: window.cumulative, t: window.t.statistic, pValue: window.t.pValue, reason: null })),
    });
    const documented = files.manifest.files.securities.columns.filter((column) => column.name.includes('volume'));
    expect(documented.map((column) => column.name)).toEqual([
      'volume',
      'log_volume',
      'abnormal_log_volume',
      'abnormal_log_volume_t',
      'abnormal_log_volume_p_value',
      'cumulative_abnormal_log_volume',
      'cumulative_abnormal_log_volume_t',
      'median_volume',
      'day_zero_volume_multiple',
      'abnormal_log_volume_reason',
    ]);
    for (const column of documented) expect(column.meaning).not.toBe('(undocumented column)');
  });
});

/** The Nikkei 225's daily simple return minus TOPIX's, from the snapshot, as a factor file. */
function spreadFile(leaveOut: readonly string[] = []): string {
  const closes = (symbol: string) => new Map(snapshotBars(symbol).map((bar) => [bar.date, bar.adjClose]));
  const [nikkei, topix] = [closes('^N225'), closes('TOPIX')];
  const dates = [...topix.keys()].filter((date) => nikkei.get(date) != null && topix.get(date) != null);
  const lines = dates.slice(1).flatMap((date, index) => {
    const before = dates[index] as string;
    if (leaveOut.includes(date)) return [];
    const spread = (nikkei.get(date) as number) / (nikkei.get(before) as number) - (topix.get(date) as number) / (topix.get(before) as number);
    return [`${date},${spread}`];
  });
  return ['date,N225_TOPIX', ...lines].join('\n');
}

describe('a factor file in a study', () => {
  const plan = studyPlan(DEFAULT_STUDY_QUERY, catalog.events);
  const prices = snapshotPrices(plan.symbols, plan.range?.from ?? '', plan.range?.to ?? '');
  const composed = composeStudy({ series: prices.series, events: plan.events, allEvents: plan.allEvents, securities: plan.securities, returnKind: plan.returnKind });

  it("puts the file's column on each unit's calendar, and the study equals the engine's factor model on those units", () => {
    const file = readFactorFile(spreadFile(), 'n225-topix.csv').file;
    if (!file) throw new Error('unreadable');
    const withSpread = withFactors(composed, file, ['N225_TOPIX']);
    const unit = withSpread.units[0]?.unit;
    const zero = unit?.dates.indexOf(unit.dayZero) ?? -1;
    const row = file.dates.indexOf(unit?.dayZero ?? '');
    expect(unit?.factors?.N225_TOPIX?.[zero]).toBe(file.values.N225_TOPIX?.[row]);
    const options = { ...plan.options, factors: ['N225_TOPIX'] };
    const outcome = runComposedStudy(withSpread, options);
    expect(outcome.result?.securities.map((security) => security.fit.factorBetas?.[0]?.factor)).toEqual(['N225_TOPIX', 'N225_TOPIX']);
    expect(outcome.result?.securities).toEqual(runStudy(withSpread.units.map((item) => item.unit), options).securities);
    expect(factorGaps(withSpread, file, ['N225_TOPIX'], options)).toEqual([]);
  });

  it('names the days of the windows the file lacks, and the manifest records the factors, the file, its hash, its dates and those days', () => {
    const file = readFactorFile(spreadFile(['2024-11-06', '2024-03-01']), 'n225-topix.csv').file;
    if (!file) throw new Error('unreadable');
    const gaps = factorGaps(composed, file, ['N225_TOPIX'], plan.options);
    expect(gaps).toEqual([
      { symbol: '7011.T', eventId: 'us-election-2024', window: 'estimation', dates: ['2024-03-01'] },
      { symbol: '7011.T', eventId: 'us-election-2024', window: 'event', dates: ['2024-11-06'] },
      { symbol: '7013.T', eventId: 'us-election-2024', window: 'estimation', dates: ['2024-03-01'] },
      { symbol: '7013.T', eventId: 'us-election-2024', window: 'event', dates: ['2024-11-06'] },
    ]);
    expect(factorGapsInWords(gaps, file.name, ['N225_TOPIX'])).toBe(
      'n225-topix.csv has no N225_TOPIX on 1 day of the event window (6 Nov 2024) and on 1 day of the estimation windows (1 Mar 2024): on those days the factor model has no abnormal return (lost days). Add them to the file to use them.',
    );
    const query: StudyQuery = { ...DEFAULT_STUDY_QUERY, factors: { names: ['N225_TOPIX'], file: { hash: shortFactorHash(file.sha256), name: file.name } } };
    const options = studyPlan(query, catalog.events).options;
    const withSpread = withFactors(composed, file, ['N225_TOPIX']);
    const outcome = runComposedStudy(withSpread, options);
    if (!outcome.analysis) throw new Error(outcome.error.message);
    // Day 0 without the factor is a lost day: no AR, never a filled one.
    expect(outcome.result.securities[0]?.days.find((day) => day.relativeDay === 0)?.ar).toBeNull();
    const files = buildStudyExport({ appVersion: '9.9.9-test', generatedAt: GENERATED_AT, query, events: plan.allEvents, prices, composed: withSpread, analysis: outcome.analysis, factors: factorUse(file, ['N225_TOPIX'], gaps) });
    expect(files.manifest.study.factors).toEqual({
      names: ['N225_TOPIX'],
      file: { name: 'n225-topix.csv', sha256: file.sha256, hash: shortFactorHash(file.sha256), rows: file.dates.length, firstDate: file.dates[0], lastDate: file.dates.at(-1) },
      gaps,
    });
    expect(files.manifest.reproduce).toMatchObject({ securitiesCsv: null, portfolioCsv: null, manifest: null });
    expect(files.manifest.reproduce.page).toContain(`&factors=N225_TOPIX&factor-file=${shortFactorHash(file.sha256)}~n225-topix.csv&`);
    expect(files.manifest.summary.notices.map((notice) => notice.kind)).toContain('factors');
    // The link read back is the same study.
    expect(parseStudyQuery(files.manifest.reproduce.query, { catalogEventIds: catalog.events.map((event) => event.id) }).query.study).toEqual(query);
  });
});

describe('the minimum of estimation days', () => {
  it('reaches the engine from the query, lets a 20-day estimation window through, and is recorded in the manifest and the link', () => {
    const text = `${studyQueryString(DEFAULT_STUDY_QUERY).replace('estimation=-250:-11', 'estimation=-30:-11').replace('min-estimation=30', 'min-estimation=20')}`;
    const parsed = parseStudyQuery(text, { catalogEventIds: catalog.events.map((event) => event.id) });
    expect(parsed.problems).toEqual([]);
    const { result, files } = snapshotStudy(parsed.query.study);
    expect(result.securities.map((security) => security.fit.estimationDays)).toEqual([20, 20]);
    expect(files.manifest.study.minimumEstimationDays).toBe(20);
    expect(files.manifest.reproduce.query).toBe(text);
    // At the default 30 the same window is refused, naming the minimum.
    const refused = parseStudyQuery(text.replace('min-estimation=20', 'min-estimation=30'), { catalogEventIds: catalog.events.map((event) => event.id) });
    expect(refused.problems).toEqual([{ parameter: 'estimation, gap, window, car-windows, min-estimation', message: expect.stringMatching(/30/) }]);
    expect(refused.query.study).toMatchObject({ estimationWindow: { from: -250, to: -11 }, minimumEstimationDays: 30 });
  });
});
