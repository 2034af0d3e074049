// The test registry against the engine: every test the engine computes is registered, once, and
// what it says of each test is complete.
import { describe, expect, it } from 'vitest';
import { AGGREGATE_COLUMNS } from '../../../src/application/study-csv.ts';
import { portfolioColumnDefinitions } from '../../../src/application/study-csv-columns.ts';
import { runStudy, DEFAULT_STUDY_OPTIONS } from '../../../src/core/index.ts';
import { PORTFOLIO_TEST_KEYS, PORTFOLIO_TESTS } from '../../../src/domain/portfolio-tests.ts';
import { madeUpUnit } from '../core/made-up-returns.ts';

describe('the test registry', () => {
  it("registers exactly the engine's AggregateTests, each once", () => {
    const result = runStudy([1, 2, 3].map((seed) => madeUpUnit({ symbol: `MADE_UP_${seed}`, seed })), DEFAULT_STUDY_OPTIONS);
    const computed = Object.keys(result.aggregate.windows[0]?.tests ?? {});
    expect([...PORTFOLIO_TEST_KEYS].sort()).toEqual([...computed].sort());
    expect(new Set(PORTFOLIO_TESTS.map((test) => test.csvPrefix)).size).toBe(PORTFOLIO_TESTS.length);
    expect(new Set(PORTFOLIO_TESTS.map((test) => test.jsonKey)).size).toBe(PORTFOLIO_TESTS.length);
    expect(new Set(PORTFOLIO_TESTS.map((test) => test.name)).size).toBe(PORTFOLIO_TESTS.length);
  });

  it('says for each test its paper, what it assumes and how its p-value is formed', () => {
    for (const test of PORTFOLIO_TESTS) {
      expect(test.source, test.key).toMatch(/\d{4}/);
      expect(test.csvPrefix).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(test.assumes.minimumN).toBeGreaterThanOrEqual(1);
      expect(test.assumes.independence.length).toBeGreaterThan(10);
      expect(test.assumes.clustering.length).toBeGreaterThan(10);
      expect(test.pValue).toMatch(/two-sided/i);
    }
  });

  it('keeps the portfolio CSV columns users rely on', () => {
    expect(AGGREGATE_COLUMNS.slice(9).filter((column) => !column.endsWith('_p_value') && !column.endsWith('_reason'))).toEqual([
      'cross_sectional_t', 'patell_z', 'bmp_t', 'kp_t', 'j1', 'j2', 'sign_z', 'generalized_sign_z', 'rank_t', 'wilcoxon',
      'brown_warner_1985_t', 'portfolio_time_series_t',
    ]);
    expect(portfolioColumnDefinitions().every((column) => column.meaning !== '(undocumented column)')).toBe(true);
  });
});
