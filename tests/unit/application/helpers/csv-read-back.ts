/**
 * Reading an exported study CSV back in a test, as a user's pandas or R would: papaparse with a
 * header row, and the aggregate CSV's test columns written out here rather than imported from
 * src/application/study-csv.ts and the test registry, so a wrong column name there fails the tests.
 */
import Papa from 'papaparse';
import { expect } from 'vitest';
import type { AggregateTests } from '../../../../src/core/types.ts';

/** Each test of the portfolio with the prefix of its columns (`<prefix>`, `<prefix>_p_value`, `<prefix>_reason`). */
export const TEST_COLUMN_PREFIXES: readonly (readonly [keyof AggregateTests, string])[] = [
  ['crossSectionalT', 'cross_sectional_t'],
  ['patellZ', 'patell_z'],
  ['bmpT', 'bmp_t'],
  ['kpT', 'kp_t'],
  ['j1', 'j1'],
  ['j2', 'j2'],
  ['signZ', 'sign_z'],
  ['generalizedSignZ', 'generalized_sign_z'],
  ['rankT', 'rank_t'],
  ['wilcoxon', 'wilcoxon'],
  ['brownWarner1985T', 'brown_warner_1985_t'],
  ['portfolioTimeSeriesT', 'portfolio_time_series_t'],
];

/** The CSV's rows keyed by its header; the test fails on any parse error. */
export function parseCsvRows(csv: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}
