import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeStudy } from '../../../src/application/compose-study.ts';
import { groupResults } from '../../../src/application/group-results.ts';
import { runComposedStudy } from '../../../src/application/study-analysis.ts';
import { DEFAULT_GUARDS } from '../../../src/application/study-guardrails.ts';
import { priceRange } from '../../../src/application/price-range.ts';
import { pricedSymbols, securityChoices } from '../../../src/application/study-plan.ts';
import { DEFAULT_STUDY_QUERY } from '../../../src/application/study-query.ts';
import { DEFAULT_STUDY_OPTIONS } from '../../../src/core/index.ts';
import type { StudyUnit } from '../../../src/core/types.ts';
import { presetSecurities, readPresetCatalog, studyGroups } from '../../../src/domain/peer-groups.ts';
import studentCdf from '@stdlib/stats-base-dists-t-cdf';
import { EVENT_CATALOG } from '../../../src/features/events/api/event-catalog.ts';
import { snapshotPrices } from '../app/helpers/snapshot-api.ts';

const catalog = readPresetCatalog(JSON.parse(readFileSync(new URL('../../../data/presets.json', import.meta.url), 'utf8')));
const preset = catalog.presets.find((item) => item.id === 'global-defence-peers');
if (!preset) throw new Error('no preset');
const securities = presetSecurities(preset, catalog.groups);
const election = EVENT_CATALOG.events.find((event) => event.id === 'us-election-2024');
if (!election) throw new Error('no election');
const range = priceRange(EVENT_CATALOG.events);
if (!range) throw new Error('no range');
const choices = securityChoices(securities, DEFAULT_STUDY_QUERY.benchmarks);
const series = snapshotPrices(pricedSymbols(choices), range.from, range.to).series;
const composed = composeStudy({ series, events: [election], allEvents: EVENT_CATALOG.events, securities: choices, returnKind: 'simple' });
const groups = studyGroups(securities, catalog.groups);
const settings = { options: DEFAULT_STUDY_OPTIONS, guards: DEFAULT_GUARDS, selection: 'auto' as const };
const results = groupResults(composed, settings, groups, [election]);
const byId = (id: string) => {
  const found = results.find((result) => result.group.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('groupResults on the Global defence peers preset (real snapshot prices)', () => {
  it('studies every peer, each against its own exchange\'s benchmark, on day 0 = 2024-11-06', () => {
    expect(composed.failures).toEqual([]);
    expect(results.map((result) => [result.group.id, result.members.length, result.problem])).toEqual([
      ['japan', 6, null],
      ['us-primes', 4, null],
      ['europe', 5, null],
      ['korea', 3, null],
    ]);
    expect(byId('europe').members.map((member) => [member.symbol, member.exchange, member.benchmark, member.dayZero])).toEqual([
      ['BA.L', 'XLON', '^FTSE', '2024-11-06'],
      ['RHM.DE', 'XETR', '^GDAXI', '2024-11-06'],
      ['HO.PA', 'XPAR', '^FCHI', '2024-11-06'],
      ['LDO.MI', 'XMIL', 'FTSEMIB.MI', '2024-11-06'],
      ['SAAB-B.ST', 'XSTO', '^OMX', '2024-11-06'],
    ]);
    expect(byId('korea').members.map((member) => member.benchmark)).toEqual(['^KS11', '^KS11', '^KS11']);
    expect(byId('us-primes').members.map((member) => member.benchmark)).toEqual(['^GSPC', '^GSPC', '^GSPC', '^GSPC']);
  });

  it("gives each group the engine's numbers for its members alone: another group's members change nothing", () => {
    for (const result of results) {
      const alone = runComposedStudy({ ...composed, units: composed.units.filter((item) => result.group.members.includes(item.symbol)) }, DEFAULT_STUDY_OPTIONS);
      expect(alone.result?.aggregate.windows.map((window) => [window.caar, window.tests.portfolioTimeSeriesT])).toEqual(result.windows.map((window) => [window.car, window.test]));
    }
  });

  it('tests every group with the rules\' choice for members sharing day 0, the portfolio time-series t, or the user\'s pick', () => {
    expect(results.map((result) => result.test?.key)).toEqual(['portfolioTimeSeriesT', 'portfolioTimeSeriesT', 'portfolioTimeSeriesT', 'portfolioTimeSeriesT']);
    expect(results[0]?.test?.why).toMatch(/share day 0/);
    const picked = groupResults(composed, { ...settings, selection: 'bmpT' }, groups, [election]);
    expect(picked.map((result) => result.test?.key)).toEqual(['bmpT', 'bmpT', 'bmpT', 'bmpT']);
  });

  it('leaves out the estimation days the study leaves out (contamination=exclude), as the answer does', () => {
    // The LDP leadership vote of 27 Sep 2024 falls in the election's estimation window.
    const kept = groupResults(composed, settings, groups, [election]);
    const excluded = groupResults(composed, { ...settings, guards: { ...DEFAULT_GUARDS, contamination: 'exclude' } }, groups, [election]);
    expect(excluded[0]?.windows[0]?.test.statistic).not.toBe(kept[0]?.windows[0]?.test.statistic);
  });

  it('tests the Korean group with the portfolio time-series t, as recomputed here by hand from its members\' returns', () => {
    const korea = byId('korea');
    const units = composed.units.filter((item) => korea.group.members.includes(item.symbol)).map((item) => item.unit);
    const expected = handPortfolioT(units, { from: -250, to: -11 }, 0);
    const dayZeroWindow = korea.windows.find((window) => window.from === 0 && window.to === 0);
    expect(dayZeroWindow?.test.statistic).toBeCloseTo(expected.t, 10);
    expect(dayZeroWindow?.test.pValue).toBeCloseTo(expected.p, 10);
    // Hanwha +7.0 %, KAI and LIG Nex1 on the election day: a significant group reaction.
    expect(expected.t).toBeGreaterThan(2);
  });
});

/**
 * The portfolio time-series t of one event day, by the textbook (MacKinlay 1997, eqs. 7–8; Jaffe
 * 1974), written out independently of src/core: average the members' returns and their own
 * benchmarks' returns by relative day over the members that have both that day (Hanwha's
 * suspension leaves two), fit
 * R_p = α + β R_m by OLS over the estimation days, AR_p(0) = R_p(0) − α − β R_m(0), and
 * var = s² (1 + 1/M + (R_m(0) − R̄_m)² / Σ(R_m − R̄_m)²), s² = SSE / (M − 2); t(M − 2).
 */
function handPortfolioT(units: readonly StudyUnit[], estimation: { from: number; to: number }, day: number): { t: number; p: number } {
  const at = (unit: StudyUnit, relative: number) => {
    const index = unit.dates.indexOf(unit.dayZero) + relative;
    return { security: unit.returns[index] ?? null, market: unit.marketReturns[index] ?? null };
  };
  const portfolio = (relative: number) => {
    const values = units.map((unit) => at(unit, relative)).filter((value) => value.security !== null && value.market !== null) as { security: number; market: number }[];
    if (values.length === 0) return null;
    return { security: values.reduce((sum, value) => sum + value.security, 0) / values.length, market: values.reduce((sum, value) => sum + value.market, 0) / values.length };
  };
  const sample = [];
  for (let relative = estimation.from; relative <= estimation.to; relative += 1) {
    const point = portfolio(relative);
    if (point) sample.push(point);
  }
  const count = sample.length;
  const meanMarket = sample.reduce((sum, point) => sum + point.market, 0) / count;
  const meanSecurity = sample.reduce((sum, point) => sum + point.security, 0) / count;
  const sxx = sample.reduce((sum, point) => sum + (point.market - meanMarket) ** 2, 0);
  const beta = sample.reduce((sum, point) => sum + (point.market - meanMarket) * (point.security - meanSecurity), 0) / sxx;
  const alpha = meanSecurity - beta * meanMarket;
  const s2 = sample.reduce((sum, point) => sum + (point.security - alpha - beta * point.market) ** 2, 0) / (count - 2);
  const event = portfolio(day);
  if (!event) throw new Error('no portfolio return on the tested day');
  const ar = event.security - alpha - beta * event.market;
  const variance = s2 * (1 + 1 / count + (event.market - meanMarket) ** 2 / sxx);
  const t = ar / Math.sqrt(variance);
  return { t, p: 2 * studentCdf(-Math.abs(t), count - 2) };
}
