/**
 * Which relative days of a chart's x axis carry a label. Every day has its tick mark; labels go
 * on days −1, 0 and +1 always (the rebasing day, the event day and the day after, which every
 * reading of an event study refers to), then on round days (multiples of 1, 2, 5, 10, …) as far
 * as they fit without running into each other.
 */
import { formatRelativeDay } from '../../../lib/format.ts';

/** Average advance of a digit or sign as a share of the font size; errs wide, so labels never touch. */
const CHARACTER_WIDTH = 0.62;
/** Space kept between two labels, in pixels. */
const LABEL_GAP = 4;
const ALWAYS_LABELLED = [-1, 0, 1];
const ROUND_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500];

/**
 * The width in pixels of a relative day's label at `fontSize`, as the day axis writes it.
 * @example dayLabelWidth(10, 12) // about 22
 */
export function dayLabelWidth(day: number, fontSize: number): number {
  return formatRelativeDay(day).length * fontSize * CHARACTER_WIDTH;
}

/**
 * The days to label among `days` (consecutive relative days) when each day gets `pixelsPerDay`.
 * @throws never
 * @example [...labelledDays([-10, …, 10], 12.5, 11)] // [-1, 0, 1, -4, 4, -6, 6, -8, 8, -10, 10]
 */
export function labelledDays(days: readonly number[], pixelsPerDay: number, fontSize: number): Set<number> {
  const widest = Math.max(0, ...days.map((day) => dayLabelWidth(day, fontSize)));
  const gapDays = pixelsPerDay > 0 ? Math.max(1, Math.ceil((widest + LABEL_GAP) / pixelsPerDay)) : 1;
  const step = ROUND_STEPS.find((candidate) => candidate >= gapDays) ?? gapDays;
  const labelled = new Set(ALWAYS_LABELLED.filter((day) => days.includes(day)));
  const candidates = days.filter((day) => day % step === 0).sort((left, right) => Math.abs(left) - Math.abs(right) || left - right);
  for (const day of candidates) {
    if ([...labelled].every((other) => Math.abs(other - day) >= gapDays)) labelled.add(day);
  }
  return labelled;
}
