/**
 * The tool's JSON output: a fixed, documented shape built from the engine's StudyResult (README,
 * "Command-line tool"). Numbers are the engine's doubles, written by JSON.stringify at full precision.
 */
import type { AggregateTests, StudyResult, TestResult } from '../../src/core/index';
import { singleEventAnalysis } from '../../src/application/study-analysis';
import { buildStudySummary } from '../../src/application/study-summary';
import { dateInWords } from '../../src/domain/calendar';
import { PORTFOLIO_TESTS } from '../../src/domain/portfolio-tests';
import type { StudyEvent } from '../../src/domain/study-event';

type TestJson = { statistic: number; pValue: number } | { statistic: null; pValue: null; reason: string };

/**
 * Builds the JSON document; `eventDate` is the trading date of day 0, `event` the catalogue event of
 * `--event` (without it the event is named by its day 0). `summary` is the answer as the page's
 * panel states it (src/application/study-summary.ts), the test chosen by the rules; securities are
 * named by their column.
 */
export function studyJson(result: StudyResult, eventDate: string, event: StudyEvent | null = null) {
  const { options } = result;
  const studied: StudyEvent = event ?? { id: 'event', title: `Event with day 0 on ${dateInWords(eventDate)}`, date: eventDate, timeZone: 'UTC', excerptIds: [], custom: true };
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
    summary: buildStudySummary({ analysis: singleEventAnalysis(result, studied.id), events: [studied], names: new Map() }),
  };
}

// Every test of the registry, under its JSON key, in registry order.
function testsJson(tests: AggregateTests): Record<string, TestJson> {
  return Object.fromEntries(PORTFOLIO_TESTS.map((test) => [test.jsonKey, testJson(tests[test.key])]));
}

function testJson(test: TestResult): TestJson {
  return test.statistic === null
    ? { statistic: null, pValue: null, reason: test.reason }
    : { statistic: test.statistic, pValue: test.pValue };
}

/** The JSON document's type, as README.md documents it. */
export type StudyJson = ReturnType<typeof studyJson>;
