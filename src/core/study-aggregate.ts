import { boehmerMusumeciPoulsenTest } from './boehmer-musumeci-poulsen-test';
import { corradoRankTest, type RankSeries, type RankTestOptions } from './corrado-rank-test';
import { crossSectionalTTest } from './cross-sectional-t-test';
import { estimationPositiveShare, generalizedSignTest } from './generalized-sign-test';
import { jOneTest } from './j1-test';
import { jTwoTest } from './j2-test';
import { kolariPynnonenTest } from './kolari-pynnonen-test';
import { patellTest, standardizedVariance } from './patell-test';
import { averageResidualCorrelation } from './residual-correlation';
import type { SecurityAnalysis } from './security-analysis';
import { signTest } from './sign-test';
import { unavailableTest } from './test-result';
import type { AggregateDay, AggregateTests, AggregateWindow, DayRange, ResolvedStudyOptions } from './types';
import { wilcoxonSignedRankTest } from './wilcoxon-signed-rank';

/** The securities present on one day (or with a CAR in one window), column by column. */
interface CrossSection {
  /** AR or CAR. */
  values: number[];
  /** SAR or SCAR. */
  standardized: number[];
  /** var(AR) or var(CAR). */
  variances: number[];
  degreesOfFreedom: number[];
  /** Σ SAR over the tested days and its variance L·d/(d − 2), for Patell's Z. */
  standardizedSums: number[];
  patellVariances: number[];
}

/** What every test of one study shares: r̄ for Kolari–Pynnönen, p̂ for the generalized sign test. */
interface StudyContext {
  meanCorrelation: number | null;
  positiveShare: number | null;
  rankSeries: RankSeries[];
  estimationWindow: DayRange;
}

/**
 * The across-securities statistics of a study, daily over the event window and for each CAR
 * window: AAR/CAAR and every test of {@link AggregateTests}.
 *
 * Daily tests use the day's ARs (SARs for the standardized tests); window tests use each
 * security's CAR (SCAR = CAR/√γ'Vγ) over the ARs it has in the window. Conventions:
 * - `caar` of a day is Σ AAR from the start of the event window (MacKinlay 1997), skipping days
 *   without any AR; `caar` of a window is the mean of the securities' CARs, the numerator its tests
 *   use. Without missing days the two agree.
 * - r̄ (Kolari–Pynnönen) is estimated once from all analysed securities' estimation residuals and
 *   used for every day and window; p̂ (generalized sign, Cowan 1992) likewise.
 * - Rank test: daily Corrado (1989) over estimation + event days; windows by Cowan's (1992)
 *   cumulative rank test, ranking the estimation window plus the tested days.
 * - Patell's Z for a window sums each security's SARs over the window and divides by
 *   √(Σᵢ Lᵢ·dᵢ/(dᵢ − 2)); J2 uses the SCARs.
 *
 * @throws EventStudyError only from a nonparametric test given malformed data, which analysed
 *   securities never are.
 * @example aggregateStudy(analyses, options).windows[0].tests.kpT
 */
export function aggregateStudy(
  analyses: readonly SecurityAnalysis[],
  options: ResolvedStudyOptions,
): { days: AggregateDay[]; windows: AggregateWindow[] } {
  const estimationLength = options.estimationWindow.to - options.estimationWindow.from + 1;
  const context: StudyContext = {
    meanCorrelation: averageResidualCorrelation(
      analyses.map((analysis) => analysis.rankSeries.abnormalReturns),
      estimationLength,
    ),
    positiveShare:
      analyses.length === 0
        ? null
        : estimationPositiveShare(analyses.map((analysis) => usableResiduals(analysis, estimationLength))),
    rankSeries: analyses.map((analysis) => analysis.rankSeries),
    estimationWindow: options.estimationWindow,
  };
  return {
    days: aggregateDays(analyses, options.eventWindow, context),
    windows: options.carWindows.map((window, index) => aggregateWindow(analyses, window, index, context)),
  };
}

function aggregateDays(analyses: readonly SecurityAnalysis[], eventWindow: DayRange, context: StudyContext): AggregateDay[] {
  const days: AggregateDay[] = [];
  let caar: number | null = null;
  for (let relativeDay = eventWindow.from; relativeDay <= eventWindow.to; relativeDay += 1) {
    const offset = relativeDay - eventWindow.from;
    const section = daySection(analyses, offset);
    const aar = meanOrNull(section.values);
    if (aar !== null) caar = (caar ?? 0) + aar;
    days.push({
      relativeDay,
      date: sharedDate(analyses, offset),
      n: section.values.length,
      aar,
      caar,
      tests: aggregateTests(section, aar, [relativeDay], {}, context),
    });
  }
  return days;
}

function aggregateWindow(
  analyses: readonly SecurityAnalysis[],
  window: DayRange,
  index: number,
  context: StudyContext,
): AggregateWindow {
  const section = windowSection(analyses, index);
  const caar = meanOrNull(section.values);
  const days: number[] = [];
  for (let day = window.from; day <= window.to; day += 1) days.push(day);
  return {
    from: window.from,
    to: window.to,
    n: section.values.length,
    caar,
    tests: aggregateTests(section, caar, days, { estimationWindow: context.estimationWindow }, context),
  };
}

function aggregateTests(
  section: CrossSection,
  mean: number | null,
  days: readonly number[],
  rankOptions: RankTestOptions,
  context: StudyContext,
): AggregateTests {
  const { values, standardized } = section;
  return {
    crossSectionalT: crossSectionalTTest(values),
    patellZ: patellTest(section.standardizedSums, section.patellVariances),
    bmpT: boehmerMusumeciPoulsenTest(standardized),
    kpT: kolariPynnonenTest(standardized, context.meanCorrelation),
    j1: mean === null ? unavailableTest('J1: no securities to test.') : jOneTest(mean, section.variances),
    j2: jTwoTest(standardized, section.degreesOfFreedom),
    signZ: signTest(values),
    generalizedSignZ:
      context.positiveShare === null
        ? unavailableTest('Generalized sign test: no securities to estimate the expected share of positive returns from.')
        : generalizedSignTest(values, context.positiveShare),
    rankT: corradoRankTest(context.rankSeries, days, rankOptions),
    wilcoxon: wilcoxonSignedRankTest(values),
  };
}

function daySection(analyses: readonly SecurityAnalysis[], offset: number): CrossSection {
  const section = emptySection();
  for (const analysis of analyses) {
    const value = analysis.abnormal[offset] as number;
    if (Number.isNaN(value)) continue;
    const degreesOfFreedom = analysis.degreesOfFreedom;
    const standardized = analysis.standardized[offset] as number;
    section.values.push(value);
    section.standardized.push(standardized);
    section.variances.push(analysis.variance[offset] as number);
    section.degreesOfFreedom.push(degreesOfFreedom);
    section.standardizedSums.push(standardized);
    section.patellVariances.push(standardizedVariance(degreesOfFreedom, 1));
  }
  return section;
}

function windowSection(analyses: readonly SecurityAnalysis[], index: number): CrossSection {
  const section = emptySection();
  for (const analysis of analyses) {
    const window = analysis.result.windows[index];
    if (!window || window.car === null || window.carVariance === null || window.scar === null) continue;
    const degreesOfFreedom = analysis.degreesOfFreedom;
    section.values.push(window.car);
    section.standardized.push(window.scar);
    section.variances.push(window.carVariance);
    section.degreesOfFreedom.push(degreesOfFreedom);
    section.standardizedSums.push(analysis.windowStandardizedSums[index] as number);
    section.patellVariances.push(standardizedVariance(degreesOfFreedom, analysis.windowDays[index] as number));
  }
  return section;
}

function emptySection(): CrossSection {
  return { values: [], standardized: [], variances: [], degreesOfFreedom: [], standardizedSums: [], patellVariances: [] };
}

function meanOrNull(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function sharedDate(analyses: readonly SecurityAnalysis[], offset: number): string | null {
  const date = analyses[0]?.result.days[offset]?.date ?? null;
  return analyses.every((analysis) => analysis.result.days[offset]?.date === date) ? date : null;
}

function usableResiduals(analysis: SecurityAnalysis, estimationLength: number): number[] {
  const residuals = analysis.rankSeries.abnormalReturns.slice(0, estimationLength);
  return residuals.includes(null) ? residuals.filter((value) => value !== null) : (residuals as number[]);
}
