/**
 * The CAR windows a study tests when none are given. Apart from study-query.ts, which reads them
 * from a URL with zod, so that the command-line tool gets the rule without loading zod.
 */
import { DEFAULT_STUDY_OPTIONS } from '../core/index.ts';
import type { DayRange } from '../core/types.ts';

/**
 * The CAR windows of an event window when none are given: the default windows that fit inside it,
 * then the whole event window (the command-line tool uses the same rule).
 * @throws never
 * @example defaultCarWindows({ from: -3, to: 3 }) // [{ from: 0, to: 0 }, { from: 0, to: 1 }, { from: -1, to: 1 }, { from: -3, to: 3 }]
 */
export function defaultCarWindows(eventWindow: DayRange): DayRange[] {
  const inside = DEFAULT_STUDY_OPTIONS.carWindows.filter((range) => range.from >= eventWindow.from && range.to <= eventWindow.to);
  const whole = inside.some((range) => range.from === eventWindow.from && range.to === eventWindow.to);
  return (whole ? inside : [...inside, eventWindow]).map((range) => ({ ...range }));
}
