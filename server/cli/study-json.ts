/**
 * The tool's JSON output: a fixed, documented shape built from the engine's StudyResult and the
 * command line's report (README, "Command-line tool"). Numbers are the engine's doubles, written by
 * JSON.stringify at full precision.
 */
import type { AggregateTests, SecurityResult, StudyResult, TestResult } from '../../src/core/index';
import { singleEventAnalysis } from '../../src/application/study-analysis';
import { buildStudySummary, type StudySummary } from '../../src/application/study-summary';
import { dateInWords } from '../../src/domain/calendar';
import { counted } from '../../src/domain/english';
import { PORTFOLIO_TESTS } from '../../src/domain/portfolio-tests';
import type { StudyEvent } from '../../src/domain/study-event';
import { SMALL_SAMPLE_N } from '../../src/domain/test-choice';
import type { CliArguments } from './arguments';
import type { StudyReport, UnitReport } from './study-report';

type TestJson = { statistic: number; pValue: number } | { statistic: null; pValue: null; reason: string };

/**
 * Builds the JSON document. `summary` is the answer as the page's panel states it
 * (src/application/study-summary.ts), the test chosen by the rules; securities are named by their
 * column. With --events every row is one unit on its own day 0, all pooled in event time.
 */
export function studyJson(report: StudyReport, args: CliArguments) {
  const { result, input } = report;
  const { options } = result;
  return {
    input: { file: args.input.path, kind: args.input.kind, returnsKind: args.returnKind, percent: args.percent },
    events: input.eventsFile,
    model: options.model,
    factors: input.factors,
    minimumEstimationDays: options.minimumEstimationDays,
    eventDate: report.dayZero,
    estimation: { from: options.estimationWindow.from, to: options.estimationWindow.to },
    gap: options.gap === null ? null : { from: options.gap.from, to: options.gap.to },
    window: { from: options.eventWindow.from, to: options.eventWindow.to },
    securities: result.securities.map((security) => securityJson(security, report.units.get(security.id) as UnitReport)),
    aggregate: aggregateJson(result),
    summary: summaryOf(report),
    failures: report.failures,
    warnings: report.warnings,
  };
}

function securityJson(security: SecurityResult, unit: UnitReport) {
  const start = security.days[0]?.relativeDay ?? 0;
  let daysWithAr = 0;
  return {
    symbol: security.symbol,
    benchmark: security.benchmark,
    eventId: security.eventId ?? null,
    line: unit.planned.line,
    dayZero: security.dayZero,
    calendar: unit.planned.calendar,
    alpha: security.fit.alpha,
    beta: security.fit.beta,
    ...(security.fit.factorBetas === undefined ? {} : { factorBetas: security.fit.factorBetas }),
    s2: security.fit.s2,
    estimationDays: security.fit.estimationDays,
    lostDays: security.lostDays,
    lost: unit.lost,
    days: security.days.map((day) => {
      if (day.ar !== null) daysWithAr += 1;
      return {
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
        daysInWindow: daysWithAr,
        windowLength: day.relativeDay - start + 1,
      };
    }),
    windows: security.windows.map((window, index) => ({
      from: window.from,
      to: window.to,
      car: window.car,
      carVariance: window.carVariance,
      t: testJson(window.t),
      daysInWindow: unit.coverage[index]?.daysInWindow ?? null,
      windowLength: window.to - window.from + 1,
    })),
    bhar: security.bhar,
  };
}

/**
 * The aggregate part of the JSON: AAR, CAAR and every test of the registry under its JSON key, per
 * event day and per CAR window.
 * @throws never
 * @example aggregateJson(result).windows[0]?.tests.bmpT // { statistic: 2.1, pValue: 0.04 }
 */
export function aggregateJson(result: StudyResult) {
  return {
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
      n: window.n,
      caar: window.caar,
      tests: testsJson(window.tests),
    })),
  };
}

// Without a catalogue event the event is named by its day 0, or, with --events, by the file.
function summaryOf(report: StudyReport): StudySummary {
  const { input, result } = report;
  const studied: StudyEvent = input.event ?? {
    id: input.eventsFile === null ? 'event' : 'events',
    title: input.eventsFile === null ? `Event with day 0 on ${dateInWords(report.dayZero ?? '')}` : `The events of ${input.eventsFile}, each security on its own day 0`,
    date: report.dayZero ?? result.securities[0]?.dayZero ?? '',
    timeZone: 'UTC',
    excerptIds: [],
    custom: true,
  };
  const summary = buildStudySummary({ analysis: singleEventAnalysis(result, studied.id), events: [studied], names: new Map() });
  const dayZeros = [...new Set(result.securities.map((security) => security.dayZero))].sort();
  const group = summary.groups[0];
  if (dayZeros.length > 1 && group !== undefined) {
    const n = result.securities.length;
    const small = n < SMALL_SAMPLE_N ? ` With ${counted(n, 'security', 'securities')}, fewer than ${SMALL_SAMPLE_N}, a cross-sectional test cannot tell much; the rules state the result by the ${group.choice.name}.` : '';
    summary.notices.push({
      kind: 'pooled',
      groupIds: [group.id],
      text: `The ${counted(n, 'security', 'securities')} have ${dayZeros.length} different day 0s (${dateInWords(dayZeros[0] as string)} to ${dateInWords(dayZeros.at(-1) as string)}) and pool in event time: each security's day 0 is the group's day 0.${small}`,
    });
  }
  return summary;
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
