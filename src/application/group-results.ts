/**
 * Group results: each peer group of a study (Japan, the US primes, the European and the Korean
 * peers) as one equally weighted portfolio, for each event, so the groups can be compared side by
 * side without pooling them. Each member keeps its own exchange, benchmark and day 0 (composeStudy);
 * the engine then runs on the group's units alone, so every group number is the engine's own.
 *
 * The test of a group is the one the rules of src/domain/test-choice.ts pick for its shape (or the
 * user's pick): a peer group is 2–6 securities whose abnormal returns are correlated because they
 * react to the same news on the same date, so the rules give the portfolio time-series t (Jaffe
 * 1974; Mandelker 1974; inference notes §3). Tests that pool the securities' cross-section
 * (cross-sectional t, BMP, sign, rank) have N − 1 ≤ 5 degrees of freedom or cannot reach 5 % at all
 * below N = 6, and those that add per-security variances (Patell, J1, J2) ignore the correlation;
 * the portfolio time-series t averages the members first and estimates the variance of that one
 * series over the estimation window, so the correlation is inside the variance, and its degrees of
 * freedom come from the estimation window (M − 2), not from N.
 */
import type { AggregateDay, StudyOptions, TestResult } from '../core/types.ts';
import type { StudyGroup } from '../domain/peer-groups.ts';
import { portfolioTest, type PortfolioTestKey } from '../domain/portfolio-tests.ts';
import type { StudyEvent } from '../domain/study-event.ts';
import { chooseTest, studyShape, type TestSelection } from '../domain/test-choice.ts';
import type { ComposedStudy } from './compose-study.ts';
import { runComposedStudy } from './study-analysis.ts';
import type { StudyGuards } from './study-guardrails.ts';

/** One member of a group as the study placed it. */
export interface GroupMember {
  symbol: string;
  name: string;
  /** MIC of the exchange whose close and calendar gave day 0. */
  exchange: string;
  benchmark: string;
  benchmarkName: string;
  dayZero: string;
}

export interface GroupWindow {
  from: number;
  to: number;
  /** Members with a CAR in the window. */
  n: number;
  /** The mean of the members' CARs: the portfolio's CAR when no member misses a day. */
  car: number | null;
  test: TestResult;
}

export interface GroupResult {
  group: StudyGroup;
  event: StudyEvent;
  members: GroupMember[];
  /** Members that could not be studied on this event, with why. */
  failures: { symbol: string; message: string }[];
  /** The group's CAAR by relative day over the event window. */
  days: Pick<AggregateDay, 'relativeDay' | 'n' | 'caar'>[];
  /** One per CAR window of the study. */
  windows: GroupWindow[];
  /** The test the windows are read with (test-choice.ts), its name and why it was chosen. */
  test: { key: PortfolioTestKey; name: string; why: string } | null;
  /** Why the group has no numbers (no member could be studied, or the engine refused), or null. */
  problem: string | null;
}

/** What every group of a study is computed with: the page's options, guardrails and test selection. */
export interface GroupStudySettings {
  options: StudyOptions;
  guards: StudyGuards;
  selection: TestSelection;
}

/**
 * The results of every group on every event of a composed study, groups in the given order within
 * each event. Each event's group runs alone under the study's guardrails, as the answer runs each
 * event (the estimation days it leaves out are the same).
 * @throws never: a group without members that could be studied, or one the engine refuses, comes
 *   back with `problem` set.
 * @example groupResults(composed, settings, studyGroups(securities, catalog.groups), events)[0].windows[0].test.pValue
 */
export function groupResults(composed: ComposedStudy, settings: GroupStudySettings, groups: readonly StudyGroup[], events: readonly StudyEvent[]): GroupResult[] {
  return events.flatMap((event) => groups.map((group) => groupResult(composed, settings, group, event)));
}

function groupResult(composed: ComposedStudy, settings: GroupStudySettings, group: StudyGroup, event: StudyEvent): GroupResult {
  const inGroup = (symbol: string, eventId: string | undefined) => eventId === event.id && group.members.includes(symbol);
  const units = composed.units.filter((item) => inGroup(item.symbol, item.event.id));
  const failures = composed.failures.filter((failure) => inGroup(failure.symbol, failure.eventId));
  const empty = { group, event, days: [], windows: [], test: null };
  const noMember = `No member of ${group.label} could be studied on ${event.title}.`;
  if (units.length === 0) return { ...empty, members: [], failures: failures.map(failureOf), problem: noMember };
  const outcome = runComposedStudy({ eventIds: [event.id], units, failures: [], eventDays: composed.eventDays }, settings.options, settings.guards);
  if (outcome.error !== null) return { ...empty, members: [], failures: failures.map(failureOf), problem: outcome.error.message };
  const { result } = outcome;
  const studied = new Set(result.securities.map((security) => security.symbol));
  const choice = chooseTest(studyShape(result.securities.map((security) => security.dayZero)), settings.selection);
  return {
    group,
    event,
    members: units
      .filter((item) => studied.has(item.symbol))
      .map((item) => ({ symbol: item.symbol, name: item.name, exchange: item.exchange, benchmark: item.benchmark, benchmarkName: item.benchmarkName, dayZero: item.unit.dayZero })),
    failures: [...failures, ...result.failures].map(failureOf),
    days: result.aggregate.days.map(({ relativeDay, n, caar }) => ({ relativeDay, n, caar })),
    windows: result.aggregate.windows.map((window) => ({ from: window.from, to: window.to, n: window.n, car: window.caar, test: window.tests[choice.test] })),
    test: { key: choice.test, name: portfolioTest(choice.test).name, why: choice.why },
    problem: result.securities.length === 0 ? noMember : null,
  };
}

function failureOf(failure: { symbol: string; error: { message: string } }): { symbol: string; message: string } {
  return { symbol: failure.symbol, message: failure.error.message };
}
