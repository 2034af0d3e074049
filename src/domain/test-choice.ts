/**
 * The rules that pick the portfolio test for a study, in one place, driven by what each test of the
 * registry (portfolio-tests.ts) declares it assumes: whether it stays valid when the securities
 * share an event date (`clusterRobust`) and the fewest securities it can say anything with
 * (`informativeFromN`).
 *
 * 1. A test fits the study unless the study breaks one of its assumptions:
 *    - clustering: two or more securities share a calendar day 0, so their abnormal returns are
 *      cross-correlated, and a test that assumes independent securities over-rejects (Kolari &
 *      Pynnönen 2010; Brown & Warner 1985);
 *    - small N: fewer securities than the test needs (SMALL_SAMPLE_N = 6 for the tests whose
 *      evidence is the cross-section; portfolio-tests.ts says where 6 comes from: the exact sign and
 *      Wilcoxon tests' smallest two-sided p-value, 2·0.5^N, is above 0.05 for N ≤ 5).
 * 2. Automatically, the stars and the answer use the first test of AUTOMATIC_PREFERENCE that fits:
 *    the BMP t (Boehmer, Musumeci & Poulsen 1991; robust to the variance an event adds) for many
 *    securities on different dates, else the portfolio time-series t (Jaffe 1974; Mandelker 1974),
 *    which is immune to cross-correlation and valid for any N. The Brown–Warner 1985 t (crude
 *    dependence adjustment) is shown beside it as a cross-check.
 * 3. Every test is still computed and exported; one that does not fit is shown greyed with its
 *    reason, and the user may still pick it (the URL keeps the pick: `test=bmpT`; `test=auto` or no
 *    `test` follows these rules).
 */
import { counted } from './english.ts';
import { PORTFOLIO_TESTS, SMALL_SAMPLE_N, portfolioTest, type PortfolioTestKey } from './portfolio-tests.ts';

export { SMALL_SAMPLE_N };

/** What a link or the picker asks for: the rules' choice, or one test by name. */
export type TestSelection = 'auto' | PortfolioTestKey;

export const AUTOMATIC_TEST = 'auto';

/** In order: the first that fits the study is the automatic choice. The last fits every study. */
export const AUTOMATIC_PREFERENCE: readonly PortfolioTestKey[] = ['bmpT', 'portfolioTimeSeriesT'];

/** Shown beside the chosen test when it fits and is not the chosen one. */
export const CROSS_CHECK: PortfolioTestKey = 'brownWarner1985T';

/** What the rules need to know of one group of securities (one event or event cluster). */
export interface StudyShape {
  /** Securities with a result. */
  securities: number;
  /** How many of them share a calendar day 0 with another (0 when every day 0 differs). */
  clustered: number;
}

/** Whether one test fits the study, and if not, why, in words for the page. */
export interface TestFit {
  key: PortfolioTestKey;
  fits: boolean;
  /** Empty when it fits. */
  reasons: string[];
}

export interface TestChoice {
  /** The test whose p-values star the chart and state the group's result. */
  test: PortfolioTestKey;
  /** True when the rules chose it; false when the user picked it. */
  automatic: boolean;
  /** Why this test, in one sentence. */
  why: string;
  /** The cross-check shown beside it, or null. */
  crossCheck: PortfolioTestKey | null;
  /** Every test of the registry, in its order, with whether it fits. */
  fits: TestFit[];
}

/**
 * The shape of a group from its securities' day 0s (one per security with a result).
 * @throws never
 * @example studyShape(['2024-11-06', '2024-11-06']) // { securities: 2, clustered: 2 }
 */
export function studyShape(dayZeros: readonly string[]): StudyShape {
  const counts = new Map<string, number>();
  for (const date of dayZeros) counts.set(date, (counts.get(date) ?? 0) + 1);
  const clustered = [...counts.values()].filter((count) => count > 1).reduce((sum, count) => sum + count, 0);
  return { securities: dayZeros.length, clustered };
}

/**
 * Whether each test of the registry fits a study of this shape, with the reasons it does not.
 * @throws never
 * @example testFits({ securities: 2, clustered: 2 }).find((fit) => fit.key === 'bmpT')?.reasons[0] // '2 securities: a cross-sectional test cannot tell much with fewer than 6.'
 */
export function testFits(shape: StudyShape): TestFit[] {
  return PORTFOLIO_TESTS.map((test) => {
    const reasons: string[] = [];
    if (shape.securities < test.assumes.informativeFromN) {
      reasons.push(`${counted(shape.securities, 'security', 'securities')}: a cross-sectional test cannot tell much with fewer than ${test.assumes.informativeFromN}.`);
    }
    if (shape.clustered > 1 && !test.assumes.clusterRobust) {
      const who = shape.clustered === shape.securities ? `All ${shape.securities} securities share` : `${shape.clustered} of the ${shape.securities} securities share`;
      reasons.push(`${who} day 0: it assumes independent securities, so it over-rejects.`);
    }
    return { key: test.key, fits: reasons.length === 0, reasons };
  });
}

/**
 * The test for a group: the user's pick, or the rules' choice when the selection is automatic.
 * @throws never
 * @example chooseTest({ securities: 2, clustered: 2 }, 'auto').test // 'portfolioTimeSeriesT'
 * @example chooseTest({ securities: 2, clustered: 2 }, 'bmpT').automatic // false
 */
export function chooseTest(shape: StudyShape, selection: TestSelection): TestChoice {
  const fits = testFits(shape);
  const fitting = (key: PortfolioTestKey) => fits.find((fit) => fit.key === key)?.fits === true;
  const automatic = selection === AUTOMATIC_TEST;
  const test = automatic ? (AUTOMATIC_PREFERENCE.find(fitting) ?? (AUTOMATIC_PREFERENCE.at(-1) as PortfolioTestKey)) : selection;
  return {
    test,
    automatic,
    why: automatic ? automaticReason(shape, test) : pickedReason(test, fits),
    crossCheck: test !== CROSS_CHECK && fitting(CROSS_CHECK) ? CROSS_CHECK : null,
    fits,
  };
}

function automaticReason(shape: StudyShape, test: PortfolioTestKey): string {
  const name = portfolioTest(test).name;
  if (shape.clustered > 1) return `Chosen by the rules: the securities share day 0, so their moves are correlated; the ${name} allows for that.`;
  if (shape.securities < SMALL_SAMPLE_N) return `Chosen by the rules: with ${counted(shape.securities, 'security', 'securities')} a cross-sectional test cannot tell much; the ${name} rests on the estimation window instead.`;
  return `Chosen by the rules: ${shape.securities} securities on different dates, so the ${name} fits.`;
}

function pickedReason(test: PortfolioTestKey, fits: readonly TestFit[]): string {
  const reasons = fits.find((fit) => fit.key === test)?.reasons ?? [];
  const name = portfolioTest(test).name;
  return reasons.length === 0 ? `Picked by you: the ${name} fits this study.` : `Picked by you, though it does not fit this study: ${reasons.join(' ')}`;
}
