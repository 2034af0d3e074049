import { useMemo } from 'react';
import type { StudyOptions } from '../../../core/types.ts';
import { composeStudy, runComposedStudy, type ComposeInput, type ComposedStudy, type StudyOutcome } from '../../../application/compose-study.ts';

export interface StudyState {
  composed: ComposedStudy;
  outcome: StudyOutcome;
}

/**
 * The study of the page, memoised in two steps: units are rebuilt only when prices, events,
 * securities or the return kind change; the engine re-runs alone when only the options change,
 * so a new window or model redraws at once without touching the network.
 * `input` must itself be memoised by the caller (null while prices are loading).
 */
export function useStudy(input: ComposeInput | null, options: StudyOptions): StudyState | null {
  const composed = useMemo(() => (input ? composeStudy(input) : null), [input]);
  const outcome = useMemo(() => (composed ? runComposedStudy(composed, options) : null), [composed, options]);
  // One object per computation: the charts memoise on it, and a new one would redraw them.
  return useMemo(() => (composed && outcome ? { composed, outcome } : null), [composed, outcome]);
}
