import type { AggregateTests } from '../core/types.ts';

/** The portfolio tests in the order the table lists them, with the paper each follows. */
export const PORTFOLIO_TESTS: readonly { key: keyof AggregateTests; name: string; source: string }[] = [
  { key: 'crossSectionalT', name: 'Cross-sectional t', source: 'Brown & Warner 1985' },
  { key: 'patellZ', name: 'Patell Z', source: 'Patell 1976' },
  { key: 'bmpT', name: 'BMP t', source: 'Boehmer, Musumeci & Poulsen 1991' },
  { key: 'kpT', name: 'Kolari–Pynnönen t', source: 'Kolari & Pynnönen 2010' },
  { key: 'j1', name: 'J1', source: 'Campbell, Lo & MacKinlay 1997' },
  { key: 'j2', name: 'J2', source: 'Campbell, Lo & MacKinlay 1997' },
  { key: 'signZ', name: 'Sign test', source: 'Cowan 1992 (simple sign)' },
  { key: 'generalizedSignZ', name: 'Generalized sign Z', source: 'Cowan 1992' },
  { key: 'rankT', name: 'Rank test', source: 'Corrado 1989' },
  { key: 'wilcoxon', name: 'Wilcoxon signed-rank', source: 'Wilcoxon 1945' },
];

/**
 * The display name of a portfolio test.
 * @example testName('bmpT') // 'BMP t'
 */
export function testName(key: keyof AggregateTests): string {
  return PORTFOLIO_TESTS.find((test) => test.key === key)?.name ?? key;
}
