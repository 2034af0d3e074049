/**
 * Proof that the test-choice rules read the assumptions each test declares in the registry, not a
 * list of their own: with a MADE-UP registry in which the BMP t declares itself robust to clustering
 * and informative from one security, the rules let it fit two clustered securities and pick it.
 */
import { describe, expect, it, vi } from 'vitest';
import { chooseTest, studyShape, testFits } from '../../../src/domain/test-choice.ts';

vi.mock('../../../src/domain/portfolio-tests.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/domain/portfolio-tests.ts')>();
  const tests = real.PORTFOLIO_TESTS.map((test) => (test.key === 'bmpT' ? { ...test, assumes: { ...test.assumes, clusterRobust: true, informativeFromN: 1 } } : test));
  return { ...real, PORTFOLIO_TESTS: tests, portfolioTest: (key: string) => tests.find((test) => test.key === key) };
});

describe('the rules follow the registry', () => {
  it('let a test that declares itself robust and informative fit, and pick it first', () => {
    const shape = studyShape(['2024-11-06', '2024-11-06']);
    expect(testFits(shape).find((fit) => fit.key === 'bmpT')).toEqual({ key: 'bmpT', fits: true, reasons: [] });
    expect(chooseTest(shape, 'auto').test).toBe('bmpT');
  });
});
