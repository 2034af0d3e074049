/**
 * The tool's JSON output: a fixed, documented shape built from the engine's StudyResult (README,
 * "Command-line tool"). Numbers are the engine's doubles, written by JSON.stringify at full precision.
 */
import type { AggregateTests, StudyResult, TestResult } from '../../src/core/index';

type TestJson = { statistic: number; pValue: number } | { statistic: null; pValue: null; reason: string };

/** The aggregate tests the JSON reports, in this order. */
const JSON_TESTS = [
  'crossSectionalT',
  'patellZ',
  'bmpT',
  'kpT',
  'signZ',
  'generalizedSignZ',
  'rankT',
  'wilcoxon',
] as const satisfies readonly (keyof AggregateTests)[];

/** Builds the JSON document; `eventDate` is the trading date of day 0. */
export function studyJson(result: StudyResult, eventDate: string) {
  const { options } = result;
  return {
    model: options.model,
    eventDate,
    estimation: { from: options.estimationWindow.from, to: options.estimationWindow.to },
    window: { from: options.eventWindow.from, to: options.eventWindow.to },
    securities: result.securities.map((security) => ({
      symbol: security.symbol,
      alpha: security.fit.alpha,
      beta: security.fit.beta,
      s2: security.fit.s2,
      estimationDays: security.fit.estimationDays,
      days: security.days.map((day) => ({
        date: day.date,
        relativeDay: day.relativeDay,
        return: day.return,
        marketReturn: day.marketReturn,
        expected: day.expected,
        ar: day.ar,
        arVariance: day.arVariance,
        sar: day.sar,
        car: day.car,
        carVariance: day.carVariance,
      })),
      bhar: security.bhar,
    })),
    aggregate: {
      days: result.aggregate.days.map((day) => ({
        date: day.date,
        relativeDay: day.relativeDay,
        n: day.n,
        aar: day.aar,
        caar: day.caar,
        tests: testsJson(day.tests),
      })),
      windows: result.aggregate.windows.map((window) => ({
        from: window.from,
        to: window.to,
        caar: window.caar,
        tests: testsJson(window.tests),
      })),
    },
  };
}

function testsJson(tests: AggregateTests): Record<(typeof JSON_TESTS)[number], TestJson> {
  const entries = JSON_TESTS.map((name) => [name, testJson(tests[name])] as const);
  return Object.fromEntries(entries) as Record<(typeof JSON_TESTS)[number], TestJson>;
}

function testJson(test: TestResult): TestJson {
  return test.statistic === null
    ? { statistic: null, pValue: null, reason: test.reason }
    : { statistic: test.statistic, pValue: test.pValue };
}

/** The JSON document's type, as README.md documents it. */
export type StudyJson = ReturnType<typeof studyJson>;
