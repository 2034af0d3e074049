import { boehmerMusumeciPoulsenTest } from './boehmer-musumeci-poulsen-test';
import { averageOfRows, brownWarner1985Test } from './brown-warner-1985-test';
import { rankStatistic } from './corrado-rank-test';
import { CrossSection } from './cross-section';
import { crossSectionalTTest } from './cross-sectional-t-test';
import { isEventStudyError } from './errors';
import { estimationPositiveShareOfRows, generalizedSignTest } from './generalized-sign-test';
import { jOneTest } from './j1-test';
import { jTwoTest } from './j2-test';
import { adjustedBmpTest } from './kolari-pynnonen-test';
import { hasStandardizedVariance, patellTest } from './patell-test';
import { portfolioTimeSeriesTest, type PortfolioSums } from './portfolio-time-series-test';
import { buildRankPanel, type RankPanel } from './rank-panel';
import { rankingPeriodOf, rankTablesOf, type RankTable } from './rank-tables';
import { meanResidualCorrelation } from './residual-correlation';
import { studyRelativeDays, type SecurityAnalysis } from './security-analysis';
import { signTest } from './sign-test';
import type { StudyColumns } from './study-columns';
import { unavailableTest } from './test-result';
import type { AggregateDay, AggregateTests, AggregateWindow, DayRange, ResolvedStudyOptions, TestResult } from './types';
import { wilcoxonSignedRankTest } from './wilcoxon-signed-rank';

/**
 * What every test of one study shares: r̄ for Kolari–Pynnönen, p̂ for the generalized sign test,
 * the rank tables, the estimation-window AARs for Brown–Warner (or why there are none), the
 * portfolio time-series tests of every day and window, and the buffers each day's and window's
 * cross-section is copied into.
 */
interface StudyContext {
  meanCorrelation: number | null;
  estimationAverages: number[] | TestResult;
  portfolioTests: { days: TestResult[]; windows: TestResult[] };
  positiveShare: number | null;
  /** Centred rank sums over the whole series (daily rank tests) and per CAR window (Cowan). */
  dailyRanks: RankTable;
  windowRanks: RankTable[];
  columns: StudyColumns;
  section: CrossSection;
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
 * - r̄ (Kolari–Pynnönen) is estimated once from the estimation residuals of the securities with
 *   SARs (those the test adjusts) and used for every day and window; p̂ (generalized sign, Cowan
 *   1992) once from all analysed securities.
 * - Rank test: daily Corrado (1989) over estimation + event days; windows by Cowan's (1992)
 *   cumulative rank test, ranking the estimation window plus the tested days.
 * - Patell's Z for a window sums each security's SARs over the window and divides by
 *   √(Σᵢ Lᵢ·dᵢ/(dᵢ − 2)); J2 uses the SCARs.
 * - Brown–Warner (1985): S from the AARs of the estimation window's relative days (each the mean
 *   of the residuals the securities have that day, units aligned in event time); a window tests
 *   the sum of its days' AARs, so its numerator is the CAAR when no day is missing.
 * - Portfolio time-series t: one equally weighted portfolio of every analysed unit in event time,
 *   fitted once with the study's model, tested on each event day and CAR window.
 * - A security whose residuals do not vary has ARs but no SARs: it counts in `n` and in the tests
 *   on ARs (cross-sectional t, J1, sign, generalized sign, rank, Wilcoxon, Brown–Warner) and is left
 *   out of the standardized ones (Patell, BMP, Kolari–Pynnönen, J2).
 *
 * @throws EventStudyError only from a nonparametric test given malformed data, which analysed
 *   securities never are.
 * @param columns the analysed securities' rows, in the order of `analyses`.
 * @param portfolio the analysed securities' returns, added in the same order.
 * @example aggregateStudy(analyses, options, columns).windows[0].tests.kpT
 */
export function aggregateStudy(
  analyses: readonly SecurityAnalysis[],
  options: ResolvedStudyOptions,
  columns: StudyColumns,
  portfolio: PortfolioSums,
): { days: AggregateDay[]; windows: AggregateWindow[] } {
  const estimationLength = options.estimationWindow.to - options.estimationWindow.from + 1;
  const residuals = analyses.map((analysis) => analysis.residuals);
  const relativeDays = studyRelativeDays(options);
  const context: StudyContext = {
    meanCorrelation: meanResidualCorrelation(
      analyses.filter((analysis) => analysis.standardizable).map((analysis) => analysis.residuals),
      estimationLength,
    ),
    positiveShare:
      analyses.length === 0
        ? null
        : estimationPositiveShareOfRows(residuals, estimationLength),
    ...rankTables(buildRankPanel(residuals.map((values) => ({ values, relativeDays }))), options),
    estimationAverages: estimationAveragesOf(analyses, estimationLength),
    portfolioTests: portfolioTestsOf(analyses.length, portfolio, options),
    columns,
    section: new CrossSection(analyses.length),
  };
  const days = aggregateDays(analyses, options.eventWindow, context);
  return { days, windows: options.carWindows.map((window, index) => aggregateWindow(analyses, window, index, days, context)) };
}

const BROWN_WARNER = 'Brown–Warner 1985 t';

/** The AAR of each estimation day some security has, or why Brown–Warner cannot be computed. */
function estimationAveragesOf(analyses: readonly SecurityAnalysis[], estimationLength: number): number[] | TestResult {
  if (analyses.length === 0) return unavailableTest(`${BROWN_WARNER}: no securities to test.`);
  // Residuals that are rounding noise would give S of rounding noise.
  if (!analyses.some((analysis) => analysis.standardizable)) return noVarianceTest(BROWN_WARNER);
  try {
    return averageOfRows(analyses.map((analysis) => analysis.residuals), estimationLength);
  } catch (error) {
    return unavailableWhenEngineError(error, BROWN_WARNER);
  }
}

/** The portfolio time-series test of every event day, then of every CAR window. */
function portfolioTestsOf(securities: number, sums: PortfolioSums, options: ResolvedStudyOptions): { days: TestResult[]; windows: TestResult[] } {
  const eventDays = daysOf(options.eventWindow).map((day) => ({ from: day, to: day }));
  const tested = [...eventDays, ...options.carWindows];
  let tests: TestResult[];
  if (securities === 0) {
    tests = tested.map(() => unavailableTest('Portfolio time-series t: no securities to form a portfolio from.'));
  } else {
    try {
      tests = portfolioTimeSeriesTest(sums.portfolio(), options.model, options.estimationWindow, tested, options.factors).windows.map((window) => window.test);
    } catch (error) {
      const reason = unavailableWhenEngineError(error, 'Portfolio time-series t');
      tests = tested.map(() => reason);
    }
  }
  return { days: tests.slice(0, eventDays.length), windows: tests.slice(eventDays.length) };
}

/** An engine error as the reason the test `name` is unavailable; any other error is a bug and is thrown. */
function unavailableWhenEngineError(error: unknown, name: string): TestResult {
  if (!isEventStudyError(error)) throw error;
  return unavailableTest(error.message.startsWith(name) ? error.message : `${name}: cannot be computed (${error.message}).`);
}

function aggregateDays(analyses: readonly SecurityAnalysis[], eventWindow: DayRange, context: StudyContext): AggregateDay[] {
  const days: AggregateDay[] = [];
  const first = analyses[0];
  // Securities on one calendar and event (the usual study) share every event-window date.
  const oneCalendar = analyses.every((analysis) => analysis.unit.dates === first?.unit.dates && analysis.zeroIndex === first.zeroIndex);
  let caar: number | null = null;
  for (let relativeDay = eventWindow.from; relativeDay <= eventWindow.to; relativeDay += 1) {
    const offset = relativeDay - eventWindow.from;
    const section = context.section.fillDay(context.columns, analyses.length, offset);
    const aar = meanOrNull(section.values);
    if (aar !== null) caar = (caar ?? 0) + aar;
    days.push({
      relativeDay,
      date: oneCalendar ? (first?.result.days[offset]?.date ?? null) : sharedDate(analyses, offset),
      n: section.values.length,
      aar,
      caar,
      tests: aggregateTests(section, aar, context, {
        rankT: rankStatistic(context.dailyRanks, [relativeDay]),
        brownWarner1985T: brownWarnerTest(context, aar === null ? [] : [aar]),
        portfolioTimeSeriesT: context.portfolioTests.days[offset] as TestResult,
      }),
    });
  }
  return days;
}

function aggregateWindow(
  analyses: readonly SecurityAnalysis[],
  window: DayRange,
  index: number,
  days: readonly AggregateDay[],
  context: StudyContext,
): AggregateWindow {
  const section = context.section.fillWindow(context.columns, analyses.length, index);
  const caar = meanOrNull(section.values);
  const averages: number[] = [];
  for (const day of days) if (day.relativeDay >= window.from && day.relativeDay <= window.to && day.aar !== null) averages.push(day.aar);
  return {
    from: window.from,
    to: window.to,
    n: section.values.length,
    caar,
    tests: aggregateTests(section, caar, context, {
      rankT: rankStatistic(context.windowRanks[index] as RankTable, daysOf(window)),
      brownWarner1985T: brownWarnerTest(context, averages),
      portfolioTimeSeriesT: context.portfolioTests.windows[index] as TestResult,
    }),
  };
}

function brownWarnerTest({ estimationAverages }: StudyContext, testedAverages: readonly number[]): TestResult {
  return Array.isArray(estimationAverages) ? brownWarner1985Test(estimationAverages, testedAverages) : estimationAverages;
}

/** The tests computed outside the day's or window's cross-section. */
type OtherTests = Pick<AggregateTests, 'rankT' | 'brownWarner1985T' | 'portfolioTimeSeriesT'>;

function aggregateTests(section: CrossSection, mean: number | null, context: StudyContext, other: OtherTests): AggregateTests {
  const { values, standardized } = section;
  const unstandardized = standardized.length === 0 && values.length > 0;
  const bmpT = unstandardized ? noVarianceTest('BMP t') : boehmerMusumeciPoulsenTest(standardized);
  // An empty cross-section's fewest d.f. is Infinity: there the tests say they have no securities.
  const fewest = section.fewestDegreesOfFreedom;
  const fewFreedoms = fewest === Infinity || hasStandardizedVariance(fewest) ? null : fewest;
  return {
    crossSectionalT: crossSectionalTTest(values),
    patellZ: unstandardized
      ? noVarianceTest('Patell Z')
      : fewFreedoms !== null
        ? tooFewFreedomsTest('Patell Z', fewFreedoms)
        : patellTest(section.standardizedSums, section.patellVariances),
    bmpT,
    kpT: unstandardized ? noVarianceTest('Kolari–Pynnönen t') : adjustedBmpTest(bmpT, standardized.length, context.meanCorrelation),
    j1: mean === null ? unavailableTest('J1: no securities to test.') : jOneTest(mean, section.variances),
    j2: unstandardized ? noVarianceTest('J2') : fewFreedoms !== null ? tooFewFreedomsTest('J2', fewFreedoms) : jTwoTest(standardized, section.degreesOfFreedom),
    signZ: signTest(values),
    generalizedSignZ:
      context.positiveShare === null
        ? unavailableTest('Generalized sign test: no securities to estimate the expected share of positive returns from.')
        : generalizedSignTest(values, context.positiveShare),
    rankT: other.rankT,
    wilcoxon: wilcoxonSignedRankTest(values),
    brownWarner1985T: other.brownWarner1985T,
    portfolioTimeSeriesT: other.portfolioTimeSeriesT,
  };
}

/**
 * The rank tables of a study: over the whole series for the daily tests, and over the estimation
 * window plus each CAR window's days for the window tests (Cowan 1992), built in one walk.
 */
function rankTables(panel: RankPanel, options: ResolvedStudyOptions): { dailyRanks: RankTable; windowRanks: RankTable[] } {
  const periods = options.carWindows.map((window) => rankingPeriodOf(panel, options.estimationWindow, daysOf(window)));
  return { dailyRanks: panel.fullTable, windowRanks: rankTablesOf(panel, periods) };
}

function daysOf(window: DayRange): number[] {
  const days: number[] = [];
  for (let day = window.from; day <= window.to; day += 1) days.push(day);
  return days;
}

/** Patell's Z and J2 divide by d/(d − 2), the variance of a Student t SAR, which needs d > 2. */
function tooFewFreedomsTest(name: string, degreesOfFreedom: number) {
  return unavailableTest(
    `${name}: needs more than 2 degrees of freedom in every security's s² (a SAR's variance d/(d − 2)), but one has only ${degreesOfFreedom}; it needs at least 2 more estimation days than the model's own minimum.`,
  );
}

function noVarianceTest(name: string) {
  return unavailableTest(`${name}: cannot be computed, because no security's abnormal returns vary in the estimation window.`);
}

function meanOrNull(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) sum += values[index]!;
  return sum / values.length;
}

function sharedDate(analyses: readonly SecurityAnalysis[], offset: number): string | null {
  const date = analyses[0]?.result.days[offset]?.date ?? null;
  return analyses.every((analysis) => analysis.result.days[offset]?.date === date) ? date : null;
}
