// The rules that pick the portfolio test (src/domain/test-choice.ts), against the registry's
// declared assumptions and the small-sample arithmetic behind the threshold N < 6.
import { describe, expect, it } from 'vitest';
import { wilcoxonSignedRankTest } from '../../../src/core/index.ts';
import { PORTFOLIO_TESTS } from '../../../src/domain/portfolio-tests.ts';
import { AUTOMATIC_TEST, chooseTest, SMALL_SAMPLE_N, studyShape, testFits } from '../../../src/domain/test-choice.ts';

const TWO_ON_ONE_DATE = studyShape(['2024-11-06', '2024-11-06']);
const fitOf = (shape: ReturnType<typeof studyShape>, key: string) => testFits(shape).find((fit) => fit.key === key);

describe('studyShape', () => {
  it('counts the securities that share a calendar day 0 with another', () => {
    expect(TWO_ON_ONE_DATE).toEqual({ securities: 2, clustered: 2 });
    expect(studyShape(['2024-11-06', '2024-11-07'])).toEqual({ securities: 2, clustered: 0 });
    expect(studyShape(['2024-09-30', '2024-11-06', '2024-11-06', '2025-01-21'])).toEqual({ securities: 4, clustered: 2 });
    expect(studyShape([])).toEqual({ securities: 0, clustered: 0 });
  });
});

describe('the threshold N < 6', () => {
  it('is where the exact Wilcoxon test first can reach p < 0.05: its smallest p is 2·0.5^N', () => {
    // All N abnormal returns positive: the most extreme case the test can see (engine, exact p-value).
    const smallestP = (n: number) => wilcoxonSignedRankTest(Array.from({ length: n }, (_, index) => 0.01 * (index + 1))).pValue;
    for (let n = 2; n <= 6; n += 1) expect(smallestP(n)).toBeCloseTo(2 * 0.5 ** n, 12);
    expect(smallestP(SMALL_SAMPLE_N - 1)).toBeGreaterThan(0.05);
    expect(smallestP(SMALL_SAMPLE_N)).toBeLessThan(0.05);
  });

  it('greys the cross-sectional tests below it and not at it', () => {
    const five = studyShape(['a', 'b', 'c', 'd', 'e']);
    const six = studyShape(['a', 'b', 'c', 'd', 'e', 'f']);
    for (const key of ['crossSectionalT', 'bmpT', 'kpT', 'signZ', 'generalizedSignZ', 'rankT', 'wilcoxon']) {
      expect(fitOf(five, key)?.fits, key).toBe(false);
      expect(fitOf(six, key)?.fits, key).toBe(true);
    }
  });
});

describe('testFits: the assumptions each test declares in the registry', () => {
  it('says why each test does not fit two securities on one date, in words for the page', () => {
    expect(fitOf(TWO_ON_ONE_DATE, 'bmpT')?.reasons).toEqual([
      '2 securities: a cross-sectional test cannot tell much with fewer than 6.',
      'All 2 securities share day 0: it assumes independent securities, so it over-rejects.',
    ]);
    expect(fitOf(TWO_ON_ONE_DATE, 'patellZ')?.reasons).toEqual([
      'All 2 securities share day 0: it assumes independent securities, so it over-rejects.',
    ]);
    expect(fitOf(TWO_ON_ONE_DATE, 'kpT')?.reasons).toEqual(['2 securities: a cross-sectional test cannot tell much with fewer than 6.']);
  });

  it('lets exactly the tests declared robust and time-series based fit a clustered pair', () => {
    const fitting = testFits(TWO_ON_ONE_DATE).filter((fit) => fit.fits).map((fit) => fit.key);
    const declared = PORTFOLIO_TESTS.filter((test) => test.assumes.clusterRobust && test.assumes.informativeFromN <= 2).map((test) => test.key);
    expect(fitting).toEqual(declared);
    expect(fitting).toEqual(['brownWarner1985T', 'portfolioTimeSeriesT']);
  });

  it('lets every test fit many securities on different dates', () => {
    const spread = studyShape(Array.from({ length: 8 }, (_, index) => `2024-0${index + 1}-15`));
    expect(testFits(spread).every((fit) => fit.fits)).toBe(true);
  });
});

describe('chooseTest', () => {
  it('picks the portfolio time-series t for two clustered securities, Brown–Warner 1985 beside it', () => {
    const choice = chooseTest(TWO_ON_ONE_DATE, AUTOMATIC_TEST);
    expect(choice).toMatchObject({ test: 'portfolioTimeSeriesT', automatic: true, crossCheck: 'brownWarner1985T' });
    expect(choice.why).toMatch(/share day 0/);
  });

  it('picks it for a small N on different dates too, and for many securities on one date', () => {
    expect(chooseTest(studyShape(['2024-09-30', '2024-11-06']), AUTOMATIC_TEST).test).toBe('portfolioTimeSeriesT');
    expect(chooseTest(studyShape(Array.from({ length: 10 }, () => '2024-11-06')), AUTOMATIC_TEST).test).toBe('portfolioTimeSeriesT');
  });

  it('keeps the BMP t for many securities on different dates', () => {
    const choice = chooseTest(studyShape(Array.from({ length: 8 }, (_, index) => `2024-0${index + 1}-15`)), AUTOMATIC_TEST);
    expect(choice).toMatchObject({ test: 'bmpT', automatic: true, crossCheck: 'brownWarner1985T' });
  });

  it('obeys a pick, and says when the picked test does not fit', () => {
    const picked = chooseTest(TWO_ON_ONE_DATE, 'bmpT');
    expect(picked).toMatchObject({ test: 'bmpT', automatic: false });
    expect(picked.why).toMatch(/^Picked by you, though it does not fit this study: 2 securities: a cross-sectional test cannot tell much/);
    expect(chooseTest(TWO_ON_ONE_DATE, 'portfolioTimeSeriesT').why).toBe('Picked by you: the Portfolio time-series t fits this study.');
    // Brown–Warner is not its own cross-check.
    expect(chooseTest(TWO_ON_ONE_DATE, 'brownWarner1985T').crossCheck).toBeNull();
  });
});
