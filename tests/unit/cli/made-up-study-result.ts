/**
 * A hand-built StudyResult for the CSV formatter tests. MADE-UP TEST DATA: the numbers are chosen
 * to stress number formatting (negative, tiny, huge, non-terminating binary fractions, nulls), not
 * computed from any market data, and the text cells carry formula-injection payloads.
 */
import type { AggregateTests, SecurityDay, StudyResult, TestResult } from '../../../src/core/types';

export const INJECTION = "=cmd|' /C calc'!A0";

const computed = (statistic: number, pValue: number): TestResult => ({ statistic, pValue });
const missing = (reason: string): TestResult => ({ statistic: null, pValue: null, reason });

function tests(seed: number): AggregateTests {
  return {
    crossSectionalT: computed(seed * 1.1, 0.1 + 0.2),
    patellZ: computed(-seed / 3, 1 / 3),
    bmpT: computed(seed * 1e-12, 0.999999999999),
    kpT: computed(-0.1 * seed, 2 ** -40),
    j1: computed(Math.PI * seed, 0.05),
    j2: computed(-Math.E, 1 - 2 ** -52),
    signZ: missing('N = 2 is too few securities for the sign test'),
    generalizedSignZ: computed(seed / 7, 0.7),
    rankT: missing('-all ranks tied'),
    wilcoxon: computed(3, 0.5),
    brownWarner1985T: computed(seed * 2.5, 0.25),
    portfolioTimeSeriesT: missing('Portfolio time-series t: no security has a return on the tested days.'),
  };
}

function day(relativeDay: number, date: string, scale: number, complete = true): SecurityDay {
  return {
    date,
    relativeDay,
    return: complete ? -0.012345678901234567 * scale : null,
    marketReturn: complete ? 0.1 + 0.2 * scale : null,
    expected: complete ? 1e-20 * scale : null,
    ar: complete ? -1 / 3 / scale : null,
    arVariance: complete ? 0.00052418999404883456 * scale : null,
    sar: complete ? -123456789.123456789 / scale : null,
    car: complete ? 2 ** -30 * scale : null,
    carVariance: complete ? 5e-324 : null,
    scar: complete ? -Number.MAX_VALUE / scale : null,
  };
}

const fit = { alpha: 0.00026920558280014946, beta: 1.3733333614348302, s2: 0.0005130016686742750, rSquared: 0.5, estimationDays: 120 };

export const madeUpResult: StudyResult = {
  options: {
    model: 'market',
    estimationWindow: { from: -130, to: -11 },
    gap: { from: -10, to: -6 },
    eventWindow: { from: -1, to: 1 },
    carWindows: [{ from: 0, to: 1 }],
    minimumEstimationDays: 30,
    strictEstimation: false,
  },
  securities: [
    {
      id: 'first',
      symbol: INJECTION,
      benchmark: '@SUM(A1:A9)',
      eventId: 'us-election-2024',
      dayZero: '2024-11-06',
      fit,
      lostDays: 1,
      excludedDays: 0,
      days: [day(-1, '2024-11-05', 1), day(0, '2024-11-06', 3), day(1, '2024-11-07', 7, false)],
      windows: [],
      bhar: 0.01,
    },
    {
      id: 'second',
      symbol: 'IHI, "quoted"\nname',
      benchmark: '\tTOPIX',
      dayZero: '2024-11-06',
      fit,
      lostDays: 0,
      excludedDays: 0,
      days: [day(-1, '2024-11-05', -2), day(0, '2024-11-06', 11), day(1, '2024-11-07', 13)],
      windows: [],
      bhar: null,
    },
  ],
  failures: [],
  aggregate: {
    days: [
      { relativeDay: -1, date: '2024-11-05', n: 2, aar: -0.5, caar: -0.5, tests: tests(1) },
      { relativeDay: 0, date: null, n: 2, aar: 1e-17, caar: 0.30000000000000004, tests: tests(-2) },
    ],
    windows: [{ from: 0, to: 1, n: 1, caar: null, tests: tests(5) }],
  },
};
