import { useMemo } from 'react';
import type { StudyOptions } from '../../../core/types.ts';
import { composeStudy, type ComposeInput, type ComposedStudy } from '../../../application/compose-study.ts';
import { runComposedStudy, type StudyOutcome } from '../../../application/study-analysis.ts';
import type { StudyGuards } from '../../../application/study-guardrails.ts';

export interface StudyState {
  composed: ComposedStudy;
  outcome: StudyOutcome;
}

/**
 * The study of the page, memoised in two steps: units are rebuilt only when prices, events,
 * securities or the return kind change; the engine re-runs alone when only the options or the
 * guardrail choices change, so a new window or model redraws at once without touching the network.
 * `input` and `guards` must themselves be memoised by the caller (input is null while prices load).
 */
export function useStudy(input: ComposeInput | null, options: StudyOptions, guards: StudyGuards): StudyState | null {
  const composed = useMemo(() => (input ? composeStudy(input) : null), [input]);
  const outcome = useMemo(() => (composed ? runComposedStudy(composed, options, guards) : null), [composed, options, guards]);
  // One object per computation: the charts memoise on it, and a new one would redraw them.
  return useMemo(() => (composed && outcome ? { composed, outcome } : null), [composed, outcome]);
}
