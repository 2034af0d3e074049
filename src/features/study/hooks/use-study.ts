import { useMemo } from 'react';
import type { StudyOptions } from '../../../core/types.ts';
import { composeStudy, type ComposeInput, type ComposedStudy } from '../../../application/compose-study.ts';
import { withFactors } from '../../../application/study-factors.ts';
import type { FactorFile } from '../../../domain/factor-file.ts';
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
 * `input`, `guards` and `factors` must themselves be memoised by the caller (input is null while
 * prices load); the factors' columns join the units on their own calendars (study-factors.ts).
 */
export function useStudy(input: ComposeInput | null, options: StudyOptions, guards: StudyGuards, factors: { file: FactorFile; names: readonly string[] } | null = null): StudyState | null {
  const plain = useMemo(() => (input ? composeStudy(input) : null), [input]);
  const composed = useMemo(() => (plain && factors ? withFactors(plain, factors.file, factors.names) : plain), [plain, factors]);
  const outcome = useMemo(() => (composed ? runComposedStudy(composed, options, guards) : null), [composed, options, guards]);
  // One object per computation: the charts memoise on it, and a new one would redraw them.
  return useMemo(() => (composed && outcome ? { composed, outcome } : null), [composed, outcome]);
}
