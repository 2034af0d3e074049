/**
 * The answer of the default case on the REAL offline snapshot: IHI's and MHI's day-0 abnormal
 * returns in words, tested by their own t, and the pair under the test the rules pick for two
 * securities that share day 0 — the numbers taken from the engine's own result.
 */
import { describe, expect, it } from 'vitest';
import { buildStudySummary, percentInWords } from '../../../src/application/study-summary.ts';
import { DEFAULT_STUDY_QUERY } from '../../../src/application/study-query.ts';
import { pValueInWords } from '../../../src/domain/significance.ts';
import { manifest } from '../app/helpers/snapshot-api.ts';
import { catalog, snapshotStudy } from './helpers/snapshot-study.ts';

const { analysis } = snapshotStudy(DEFAULT_STUDY_QUERY);
const names = new Map(manifest.series.map((series) => [series.symbol, series.name]));
const defects = new Map(manifest.series.map((series) => [series.symbol, series.provenance.defects]));
const summary = buildStudySummary({ analysis, events: catalog.events, names, dataNotes: defects });
const group = summary.groups[0];
const engine = (symbol: string) => analysis.result.securities.find((security) => security.symbol === symbol);

describe('percentInWords and pValueInWords', () => {
  it('write a number as a sentence does: signed, two decimals, a space before %', () => {
    expect(percentInWords(0.1625)).toBe('+16.25 %');
    expect(percentInWords(-0.0227)).toBe('-2.27 %');
    expect(percentInWords(-0.00001)).toBe('0.00 %');
    expect(pValueInWords(0.0004)).toBe('p < 0.001 — significant at 1 %');
    expect(pValueInWords(0.03)).toBe('p = 0.030 — significant at 5 %');
    expect(pValueInWords(0.07)).toBe('p = 0.070 — significant at 10 %');
    expect(pValueInWords(0.41)).toBe('p = 0.410 — not significant');
  });
});

describe('the summary of the default case', () => {
  it("states IHI's +16.25 % and MHI's +6.39 % day-0 abnormal returns with their p-values in words", () => {
    const [mhi, ihi] = group?.securities ?? [];
    expect(ihi?.dayZeroAr.words).toBe('+16.25 %, p < 0.001 — significant at 1 %');
    expect(mhi?.dayZeroAr.words).toMatch(/^\+6\.39 %, p = 0\.00\d — significant at 1 %$/);
    // The values and p-values are the engine's, to the last bit.
    const ihiDay0 = engine('7013.T')?.days.find((day) => day.relativeDay === 0);
    const ihiT = engine('7013.T')?.windows.find((window) => window.from === 0 && window.to === 0)?.t;
    expect(ihi?.dayZeroAr.value).toBe(ihiDay0?.ar);
    expect(ihi?.dayZeroAr.pValue).toBe(ihiT?.pValue);
    expect(ihi?.earlyCar.window).toEqual({ from: 0, to: 1 });
    expect(ihi?.windowCar.value).toBe(engine('7013.T')?.windows.find((window) => window.from === -5 && window.to === 10)?.car);
    expect([mhi?.name, ihi?.name]).toEqual(['Mitsubishi Heavy Industries', 'IHI Corporation']);
  });

  it('tests the pair with the portfolio time-series t, which fits two securities sharing day 0, with Brown–Warner 1985 as cross-check', () => {
    expect(group?.choice).toMatchObject({ test: 'portfolioTimeSeriesT', name: 'Portfolio time-series t', automatic: true, crossCheck: 'brownWarner1985T', rulesTest: 'portfolioTimeSeriesT' });
    const day0 = analysis.result.aggregate.days.find((day) => day.relativeDay === 0);
    expect(group?.result?.dayZeroAar.value).toBe(day0?.aar);
    expect(group?.result?.dayZeroAar.pValue).toBe(day0?.tests.portfolioTimeSeriesT.pValue);
    expect(group?.result?.dayZeroAar.pValue).toBeLessThan(0.01);
    expect(group?.result?.crossCheck?.dayZero.pValue).toBe(day0?.tests.brownWarner1985T.pValue);
  });

  it('lists every test, the ones that do not fit with the reason, still with their numbers', () => {
    expect(group?.tests).toHaveLength(12);
    const bmp = group?.tests.find((test) => test.key === 'bmpT');
    expect(bmp?.fits).toBe(false);
    expect(bmp?.reasons[0]).toBe('2 securities: a cross-sectional test cannot tell much with fewer than 6.');
    expect(bmp?.dayZero.pValue).toBe(analysis.result.aggregate.days.find((day) => day.relativeDay === 0)?.tests.bmpT.pValue);
    expect(group?.tests.filter((test) => test.fits).map((test) => test.key)).toEqual(['brownWarner1985T', 'portfolioTimeSeriesT']);
  });

  it('reads as sentences, with the possessive written right', () => {
    expect(group?.sentences[0]).toMatch(/^Mitsubishi Heavy Industries' abnormal return on day 0 \(6 Nov 2024\) was \+6\.39 %, p = /);
    expect(group?.sentences[1]).toBe("IHI Corporation's abnormal return on day 0 (6 Nov 2024) was +16.25 %, p < 0.001 — significant at 1 %.");
    expect(group?.sentences[2]).toMatch(/^Together \(2 securities, equally weighted\), by the Portfolio time-series t: \+\d+\.\d\d %, p < 0\.001 — significant at 1 % on day 0\.$/);
    expect(group?.sentences.slice(3)).toEqual([
      'Mitsubishi Heavy Industries traded 2.8× its usual volume on day 0; abnormal log volume t = 2.00, p = 0.046 — significant at 5 %.',
      'IHI Corporation traded 9.0× its usual volume on day 0; abnormal log volume t = 3.37, p < 0.001 — significant at 1 %.',
    ]);
  });

  it("carries the price source's note on IHI's day 0: the daily price limit", () => {
    expect(group?.securities[1]?.notes).toEqual(["6 Nov 2024: hit the TSE daily upper price limit (J-Quants UpLimit = 1), so the day's move may be capped."]);
    expect(group?.securities[0]?.notes).toEqual([]);
  });

  it('follows a test the user picks, saying the rules would pick another', () => {
    const picked = buildStudySummary({ analysis, events: catalog.events, names, selection: 'bmpT' }).groups[0];
    expect(picked?.choice).toMatchObject({ test: 'bmpT', automatic: false, rulesTest: 'portfolioTimeSeriesT' });
    expect(picked?.choice.why).toMatch(/^Picked by you, though it does not fit this study/);
  });
});
