// @vitest-environment jsdom
/**
 * Proof that the test registry is the one place the tests are named: with the registry replaced by
 * a made-up one (order reversed, one test renamed in every respect), the portfolio CSV header, the
 * manifest's column meanings, the values `test=` accepts, the command-line tool's JSON keys and the
 * table's labels all follow it. Were any of them written out by hand, it would still show the real
 * registry and fail here.
 */
import '@testing-library/jest-dom/vitest';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aggregateJson } from '../../../server/cli/study-json.ts';
import { AGGREGATE_COLUMNS } from '../../../src/application/study-csv.ts';
import { portfolioColumnDefinitions } from '../../../src/application/study-csv-columns.ts';
import { parseStudyQuery } from '../../../src/application/study-query.ts';
import type { PortfolioTest } from '../../../src/domain/portfolio-tests.ts';
import { PORTFOLIO_TESTS } from '../../../src/domain/portfolio-tests.ts';
import { PortfolioTable } from '../../../src/features/statistics-table/components/portfolio-table.tsx';
import { madeUpResult } from '../cli/made-up-study-result.ts';

vi.mock('../../../src/domain/portfolio-tests.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/domain/portfolio-tests.ts')>();
  // MADE-UP registry: the real entries reversed, BMP t renamed in every field.
  const tests: PortfolioTest[] = [...real.PORTFOLIO_TESTS].reverse().map((test) =>
    test.key === 'bmpT' ? { ...test, name: 'Made-up BMP', csvPrefix: 'made_up_bmp', jsonKey: 'madeUpBmp', description: 'A made-up description of BMP' } : test,
  );
  return { ...real, PORTFOLIO_TESTS: tests, PORTFOLIO_TEST_KEYS: tests.map((test) => test.key), testName: (key: string) => tests.find((test) => test.key === key)?.name ?? key };
});

const EXPECTED_ORDER = ['portfolioTimeSeriesT', 'brownWarner1985T', 'wilcoxon', 'rankT', 'generalizedSignZ', 'signZ', 'j2', 'j1', 'kpT', 'bmpT', 'patellZ', 'crossSectionalT'];

describe('everything that names a test is derived from the test registry', () => {
  it('runs on the made-up registry', () => {
    expect(PORTFOLIO_TESTS.map((test) => test.key)).toEqual(EXPECTED_ORDER);
  });

  it('the portfolio CSV header and the manifest column meanings', () => {
    const prefixes = PORTFOLIO_TESTS.map((test) => test.csvPrefix);
    expect(AGGREGATE_COLUMNS.slice(9)).toEqual(prefixes.flatMap((prefix) => [prefix, `${prefix}_p_value`, `${prefix}_reason`]));
    expect(AGGREGATE_COLUMNS).toContain('made_up_bmp_p_value');
    expect(AGGREGATE_COLUMNS).not.toContain('bmp_t');
    const meanings = new Map(portfolioColumnDefinitions().map((column) => [column.name, column.meaning]));
    expect(meanings.get('made_up_bmp')).toBe('A made-up description of BMP: the statistic.');
  });

  it('the values test= accepts, in the order the message lists them', () => {
    const context = { catalogEventIds: ['us-election-2024'] };
    for (const key of EXPECTED_ORDER) expect(parseStudyQuery(`test=${key}`, context).problems).toEqual([]);
    const [problem] = parseStudyQuery('test=nope', context).problems;
    // "auto" (the rules' choice) comes first, then the registry's tests in its order.
    expect(problem?.message).toBe(`"nope" is not a portfolio test; use auto, ${EXPECTED_ORDER.slice(0, -1).join(', ')} or crossSectionalT.`);
  });

  it("the command-line tool's JSON keys, J1 and J2 included", () => {
    const keys = Object.keys(aggregateJson(madeUpResult).windows[0]?.tests ?? {});
    expect(keys).toEqual(PORTFOLIO_TESTS.map((test) => test.jsonKey));
    expect(keys).toContain('madeUpBmp');
    expect(keys).toEqual(expect.arrayContaining(['j1', 'j2']));
  });

  it("the portfolio table's row labels", () => {
    render(<PortfolioTable windows={madeUpResult.aggregate.windows} />);
    const labels = within(screen.getByRole('table')).getAllByRole('rowheader').slice(1).map((cell) => cell.textContent);
    expect(labels).toEqual(PORTFOLIO_TESTS.map((test) => test.name));
    expect(labels).toContain('Made-up BMP');
  });
});
