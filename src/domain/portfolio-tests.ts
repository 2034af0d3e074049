/**
 * The test registry: every portfolio (across-securities) test of the engine's AggregateTests, once,
 * with everything the rest of the project says about it. The CSV columns (study-csv.ts), their
 * meanings in the manifest (study-csv-columns.ts), the `test=` values of a study query, the
 * command-line tool's JSON keys, the table and chart labels and the slides' method text are all
 * derived from this list.
 *
 * Adding a test: add it to AggregateTests and compute it in src/core (its maths), then add one entry
 * below. The `satisfies` clause makes a missing or misspelt key a type error, so a test cannot be
 * computed without being named here, nor named without being computed.
 */
import type { AggregateTests } from '../core/types.ts';

export type PortfolioTestKey = keyof AggregateTests;

/** What a test assumes of the securities it pools, in words a reader of the table understands. */
export interface TestAssumptions {
  /** What it assumes about the securities' abnormal returns being independent of each other. */
  independence: string;
  /** The fewest securities (on a day or in a window) for which it gives a number. */
  minimumN: number;
  /** Whether it stays valid when the securities share an event date (clustering). */
  clustering: string;
  /**
   * True when a shared event date leaves it valid (its variance carries the securities'
   * cross-correlation); the test-choice rules (src/domain/test-choice.ts) read this, not the words.
   */
  clusterRobust: boolean;
  /**
   * The fewest securities with which it can say anything: 1 for a test whose variance comes from the
   * estimation window's time series, SMALL_SAMPLE_N (6) for one whose evidence is the cross-section
   * of N securities (see src/domain/test-choice.ts for where 6 comes from).
   */
  informativeFromN: number;
}

export interface PortfolioTest {
  key: PortfolioTestKey;
  /** The label of the table, the charts and the slides, e.g. "BMP t". */
  name: string;
  /** The paper it follows, short, e.g. "Boehmer, Musumeci & Poulsen 1991". */
  source: string;
  /** Prefix of its columns in the portfolio CSV: `<prefix>`, `<prefix>_p_value`, `<prefix>_reason`. */
  csvPrefix: string;
  /** Its key in the command-line tool's JSON `tests` objects. */
  jsonKey: string;
  /** One line for the manifest and the methods text: what the statistic is and its null distribution. */
  description: string;
  /** One or two sentences for an investor: what the test asks and when to trust it (the glossary's text). */
  plainWords: string;
  assumes: TestAssumptions;
  /** How its p-value is formed. */
  pValue: string;
}

const INDEPENDENT = "Assumes the securities' abnormal returns are cross-sectionally independent.";
const NOT_CLUSTER_ROBUST = 'Not robust: a shared event date correlates the abnormal returns and over-rejects (use the Kolari–Pynnönen t).';
const TWO_SIDED_NORMAL = 'Two-sided, from the standard normal N(0,1).';
const TWO_SIDED_T = "Two-sided, from Student's t with N − 1 degrees of freedom.";
/**
 * The fewest securities a test whose evidence is the cross-section of N securities needs before it
 * can say anything: 6. Where 6 comes from (exact, reproducible): for the exact sign and Wilcoxon
 * signed-rank tests the smallest two-sided p-value N securities can give is 2·0.5^N — 0.50 for N = 2,
 * 0.25 for 3, 0.125 for 4, 0.0625 for 5, 0.03125 for 6 (R: `binom.test(N, N)`, `wilcox.test(1:N)`) —
 * so with N ≤ 5 they cannot reject at 5 % whatever the data. The parametric cross-sectional tests
 * (cross-sectional t, BMP, Kolari–Pynnönen) get the same cut-off for consistency: at N ≤ 5 their
 * variance has at most 4 degrees of freedom (5 % critical t: 12.706 at N = 2, 2.776 at N = 5).
 * No published minimum N exists for these tests; their simulation studies (Brown & Warner 1985;
 * Corrado 1989; Cowan 1992; Boehmer, Musumeci & Poulsen 1991; Kolari & Pynnönen 2010) used samples of
 * tens of securities, so they say nothing about N < 6.
 */
export const SMALL_SAMPLE_N = 6;
const CROSS_SECTION_N = SMALL_SAMPLE_N;

const REGISTRY = {
  crossSectionalT: {
    name: 'Cross-sectional t',
    source: 'Brown & Warner 1985',
    csvPrefix: 'cross_sectional_t',
    description: 'Cross-sectional t of the mean AR or CAR (Brown & Warner 1985), t(N − 1)',
    plainWords: "Compares the average abnormal return with how much the stocks' abnormal returns differ from each other that day. It needs many stocks: with a handful it can say almost nothing.",
    assumes: { independence: INDEPENDENT, minimumN: 2, clustering: NOT_CLUSTER_ROBUST, clusterRobust: false, informativeFromN: CROSS_SECTION_N },
    pValue: TWO_SIDED_T,
  },
  patellZ: {
    name: 'Patell Z',
    source: 'Patell 1976',
    csvPrefix: 'patell_z',
    description: 'Patell (1976) standardised residual Z, N(0,1)',
    plainWords: "Scales each stock's abnormal return by that stock's usual day-to-day noise, then adds them up. It assumes the stocks move independently of each other.",
    assumes: { independence: `${INDEPENDENT} Also assumes the event leaves the variance unchanged.`, minimumN: 1, clustering: NOT_CLUSTER_ROBUST, clusterRobust: false, informativeFromN: 1 },
    pValue: TWO_SIDED_NORMAL,
  },
  bmpT: {
    name: 'BMP t',
    source: 'Boehmer, Musumeci & Poulsen 1991',
    csvPrefix: 'bmp_t',
    description: 'Boehmer, Musumeci & Poulsen (1991) standardised cross-sectional t, t(N − 1)',
    plainWords: "Like Patell's test, but allows the event itself to make returns noisier, by measuring how the scaled abnormal returns spread across the stocks. It needs many stocks that move independently.",
    assumes: { independence: `${INDEPENDENT} Robust to a variance the event increases.`, minimumN: 2, clustering: NOT_CLUSTER_ROBUST, clusterRobust: false, informativeFromN: CROSS_SECTION_N },
    pValue: TWO_SIDED_T,
  },
  kpT: {
    name: 'Kolari–Pynnönen t',
    source: 'Kolari & Pynnönen 2010',
    csvPrefix: 'kp_t',
    description: 'Kolari & Pynnönen (2010) BMP t adjusted for cross-correlation, t(N − 1)',
    plainWords: "The BMP test shrunk to allow for stocks that react on the same day moving together. Right for a shared event date, but it still needs many stocks.",
    assumes: {
      independence: 'Allows correlated abnormal returns: the BMP t is scaled by the mean estimation-residual correlation r̄.',
      minimumN: 2,
      clustering: 'Robust: made for securities that share an event date.',
      clusterRobust: true,
      informativeFromN: CROSS_SECTION_N,
    },
    pValue: TWO_SIDED_T,
  },
  j1: {
    name: 'J1',
    source: 'Campbell, Lo & MacKinlay 1997',
    csvPrefix: 'j1',
    description: 'J1 (Campbell, Lo & MacKinlay 1997), N(0,1)',
    plainWords: "The average abnormal return divided by the noise expected of it from each stock's usual volatility. It assumes the stocks move independently.",
    assumes: { independence: INDEPENDENT, minimumN: 1, clustering: NOT_CLUSTER_ROBUST, clusterRobust: false, informativeFromN: 1 },
    pValue: TWO_SIDED_NORMAL,
  },
  j2: {
    name: 'J2',
    source: 'Campbell, Lo & MacKinlay 1997',
    csvPrefix: 'j2',
    description: 'J2 on standardised CARs (Campbell, Lo & MacKinlay 1997), N(0,1)',
    plainWords: "Like J1, but each stock's result is first scaled by its own noise, so quiet stocks count more. It assumes the stocks move independently.",
    assumes: { independence: INDEPENDENT, minimumN: 1, clustering: NOT_CLUSTER_ROBUST, clusterRobust: false, informativeFromN: 1 },
    pValue: TWO_SIDED_NORMAL,
  },
  signZ: {
    name: 'Sign test',
    source: 'Cowan 1992 (simple sign)',
    csvPrefix: 'sign_z',
    description: 'Sign test z of the share of positive ARs against one half, N(0,1)',
    plainWords: "Counts how many stocks had a positive abnormal return and asks whether that is more than the half expected by chance. With fewer than 6 stocks even its exact form cannot reach p < 0.05.",
    assumes: { independence: `${INDEPENDENT} Assumes a positive and a negative abnormal return are equally likely.`, minimumN: 1, clustering: NOT_CLUSTER_ROBUST, clusterRobust: false, informativeFromN: CROSS_SECTION_N },
    pValue: `${TWO_SIDED_NORMAL} (normal approximation to the binomial)`,
  },
  generalizedSignZ: {
    name: 'Generalized sign Z',
    source: 'Cowan 1992',
    csvPrefix: 'generalized_sign_z',
    description: 'Generalised sign test z (Cowan 1992), N(0,1)',
    plainWords: "The sign test, but compared with each stock's usual share of positive days instead of one half. It needs many independent stocks.",
    assumes: {
      independence: `${INDEPENDENT} The expected share of positive returns comes from the estimation window.`,
      minimumN: 1,
      clustering: NOT_CLUSTER_ROBUST,
      clusterRobust: false,
      informativeFromN: CROSS_SECTION_N,
    },
    pValue: TWO_SIDED_NORMAL,
  },
  rankT: {
    name: 'Rank test',
    source: 'Corrado 1989',
    csvPrefix: 'rank_t',
    description: 'Corrado (1989) rank test; Cowan (1992) cumulative rank test for windows, N(0,1)',
    plainWords: "Ranks each stock's event-day abnormal return among all its days and asks whether event days rank unusually high or low; robust to outliers. With a few stocks it can barely reach significance.",
    assumes: {
      independence: 'Ranks each security over estimation and event days; the day-to-day spread of the mean rank absorbs some cross-correlation.',
      minimumN: 1,
      clustering: 'Less sensitive than the parametric tests, not immune.',
      clusterRobust: false,
      informativeFromN: CROSS_SECTION_N,
    },
    pValue: TWO_SIDED_NORMAL,
  },
  wilcoxon: {
    name: 'Wilcoxon signed-rank',
    source: 'Wilcoxon 1945',
    csvPrefix: 'wilcoxon',
    description: 'Wilcoxon signed-rank W+ (exact p-value below 50 non-zero values)',
    plainWords: "A sign test that also weighs how large each stock's move is, by rank. With fewer than 6 stocks it can never reach p < 0.05.",
    assumes: { independence: `${INDEPENDENT} Assumes abnormal returns symmetric about zero under the null.`, minimumN: 1, clustering: NOT_CLUSTER_ROBUST, clusterRobust: false, informativeFromN: CROSS_SECTION_N },
    pValue: 'Two-sided: exact below 50 non-zero values, else the normal approximation.',
  },
  brownWarner1985T: {
    name: 'Brown–Warner 1985 t',
    source: 'Brown & Warner 1985',
    csvPrefix: 'brown_warner_1985_t',
    description:
      'Brown & Warner (1985) crude dependence adjustment: the AAR (window: the sum of its AARs over √L) over the standard deviation of the estimation-window AARs, t(M − 1)',
    plainWords:
      "Tests the group's average abnormal return against how much that average usually wanders from day to day before the event, which allows for stocks moving together. A cross-check of the portfolio test.",
    assumes: {
      independence:
        "Allows correlated abnormal returns: the variance is the time-series spread of the securities' average abnormal return, which carries their cross-correlation. Assumes the event leaves that variance unchanged.",
      minimumN: 1,
      clustering: 'Robust: made for securities that share an event date.',
      clusterRobust: true,
      informativeFromN: 1,
    },
    pValue: "Two-sided, from Student's t with M − 1 degrees of freedom (M estimation days with an AAR).",
  },
  portfolioTimeSeriesT: {
    name: 'Portfolio time-series t',
    source: 'Jaffe 1974; Mandelker 1974',
    csvPrefix: 'portfolio_time_series_t',
    description:
      "Portfolio time-series t (Jaffe 1974, Mandelker 1974): the model fitted to the equally weighted portfolio in event time, its AR or CAR over the forecast-error-corrected standard deviation (exact γ'Vγ), t(M − 2) for the market model, t(M − 1) for the others",
    plainWords:
      "Treats the stocks as one equally weighted portfolio and asks whether the portfolio's abnormal return is unusual compared with its own past days. The safest test when all the stocks react on the same day, and valid for a single stock.",
    assumes: {
      independence: 'Immune to cross-correlation: the securities are averaged into one portfolio before its variance is estimated.',
      minimumN: 1,
      clustering: 'Robust: valid for securities that share an event date, and for a single security.',
      clusterRobust: true,
      informativeFromN: 1,
    },
    pValue: "Two-sided, from Student's t with the degrees of freedom of the portfolio's s²: M − 2 (market model) or M − 1 (market- and mean-adjusted).",
  },
} as const satisfies Record<PortfolioTestKey, Omit<PortfolioTest, 'key' | 'jsonKey'>>;

/**
 * The portfolio tests in the order the table, the CSV columns and the JSON list them. The JSON key
 * is the AggregateTests key itself, so a script reads `tests.bmpT` as the engine names it.
 */
export const PORTFOLIO_TESTS: readonly PortfolioTest[] = (Object.keys(REGISTRY) as PortfolioTestKey[]).map((key) => ({ key, jsonKey: key, ...REGISTRY[key] }));

/** The keys of PORTFOLIO_TESTS, in order: the values `test=` accepts in a study query. */
export const PORTFOLIO_TEST_KEYS: readonly PortfolioTestKey[] = PORTFOLIO_TESTS.map((test) => test.key);

/**
 * The registry entry of a test.
 * @throws never
 * @example portfolioTest('bmpT').csvPrefix // 'bmp_t'
 */
export function portfolioTest(key: PortfolioTestKey): PortfolioTest {
  return PORTFOLIO_TESTS.find((test) => test.key === key) as PortfolioTest;
}

/**
 * The display name of a portfolio test.
 * @throws never
 * @example testName('bmpT') // 'BMP t'
 */
export function testName(key: PortfolioTestKey): string {
  return portfolioTest(key).name;
}
