/**
 * The engine's run on a composed study, under its guardrails (study-guardrails.ts): every per-event
 * unit once (the per-security numbers and files), and each event or event cluster on its own (what
 * the answer, the stars and the portfolio file report). The page and the server both call this.
 */
import { isEventStudyError, runStudy } from '../core/index.ts';
import type { SecurityFailure, StudyOptions, StudyResult, StudyUnit } from '../core/types.ts';
import type { ComposedStudy } from './compose-study.ts';
import { DEFAULT_GUARDS, guardStudy, type EstimationContamination, type EventOverlap, type StudyGroupPlan, type StudyGuards } from './study-guardrails.ts';

/** One event or event cluster with its own run of the engine: its aggregate tests are its own. */
export interface StudyGroupResult {
  id: string;
  kind: StudyGroupPlan['kind'];
  eventIds: string[];
  result: StudyResult;
}

export interface StudyAnalysis {
  guards: StudyGuards;
  /**
   * Every security–event unit of the study. Its per-security results are each unit's own; its
   * aggregate pools every unit, which is a valid test only when `pooled` says so.
   */
  result: StudyResult;
  /** Each event, or each event cluster, on its own: side by side, never pooled. */
  groups: StudyGroupResult[];
  overlaps: EventOverlap[];
  contaminations: EstimationContamination[];
  /**
   * True when the aggregate of `result` pools several events whose windows do not overlap, none
   * merged: a valid test of all events together, written to the files as such. False for one event
   * (its group says it all) and whenever two events overlap.
   */
  pooled: boolean;
}

export type StudyOutcome = { result: StudyResult; analysis: StudyAnalysis; error: null } | { result: null; analysis: null; error: { code: string; message: string } };

/**
 * Runs the engine on the composed units under the guardrails; failures found while composing come
 * first in each result.
 * @throws never: invalid options (which the page validates beforehand) come back as `error`.
 * @example runComposedStudy(composed, DEFAULT_STUDY_OPTIONS).analysis?.groups.map((group) => group.id) // ['us-election-2024']
 */
export function runComposedStudy(composed: ComposedStudy, options: StudyOptions, guards: StudyGuards = DEFAULT_GUARDS): StudyOutcome {
  try {
    const guarded = guardStudy(composed, options, guards);
    const result = run(guarded.units, options, composed.failures);
    const whole = guarded.groups.length === 1 && guarded.groups[0]?.kind === 'event';
    const groups = guarded.groups.map(
      (group): StudyGroupResult => ({ id: group.id, kind: group.kind, eventIds: group.eventIds, result: whole ? result : run(group.units, group.options, group.failures) }),
    );
    const pooled = guarded.groups.length > 1 && guarded.overlaps.length === 0;
    return { result, analysis: { guards, result, groups, overlaps: guarded.overlaps, contaminations: guarded.contaminations, pooled }, error: null };
  } catch (error) {
    if (isEventStudyError(error)) return { result: null, analysis: null, error: { code: error.code, message: error.message } };
    return { result: null, analysis: null, error: { code: 'ENGINE_ERROR', message: `The study could not be computed: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

function run(units: readonly StudyUnit[], options: StudyOptions, failures: readonly SecurityFailure[]): StudyResult {
  const result = runStudy(units, options);
  return { ...result, failures: [...failures, ...result.failures] };
}

/**
 * The analysis of a study of one event run directly on the engine (the command-line tool): one
 * group, nothing overlapping, nothing left out.
 * @throws never
 * @example singleEventAnalysis(result, 'us-election-2024').groups[0]?.id // 'us-election-2024'
 */
export function singleEventAnalysis(result: StudyResult, eventId: string): StudyAnalysis {
  return { guards: DEFAULT_GUARDS, result, groups: [{ id: eventId, kind: 'event', eventIds: [eventId], result }], overlaps: [], contaminations: [], pooled: false };
}
