/**
 * The study's minimum number of usable estimation days, as a user sets it (the page's advanced
 * setting, the URL's `min-estimation`, the command-line tool's `--min-estimation-days`): one rule
 * for all of them, so they accept and refuse the same numbers in the same words. The floor is the
 * engine's ({@link smallestEstimationDays}: what the model's s² needs); the default is the engine's
 * DEFAULT_STUDY_OPTIONS (30).
 */
import { DEFAULT_STUDY_OPTIONS, smallestEstimationDays } from '../core/index.ts';
import type { ModelKind } from '../core/types.ts';
import { MODEL_NAMES } from './models.ts';

/** The minimum a study uses when none is set. */
export const DEFAULT_MINIMUM_ESTIMATION_DAYS: number = DEFAULT_STUDY_OPTIONS.minimumEstimationDays ?? 30;

/** No estimation window may be longer than this (src/application/study-limits.ts), so neither may the minimum. */
const LARGEST_MINIMUM = 1000;

/**
 * A minimum as typed, read as a whole number of days, or the reason it cannot be one.
 * @throws never
 * @example readMinimumEstimationDays('20') // { days: 20 }
 * @example readMinimumEstimationDays('2.5') // { problem: '"2.5" is not a whole number of days, e.g. 20.' }
 */
export function readMinimumEstimationDays(text: string): { days: number } | { problem: string } {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return { problem: `${JSON.stringify(trimmed.slice(0, 20))} is not a whole number of days, e.g. 20.` };
  const days = Number(trimmed);
  if (days > LARGEST_MINIMUM) return { problem: `${days} is more than the ${LARGEST_MINIMUM} days an estimation window may hold.` };
  return { days };
}

/**
 * Why a minimum cannot be used with a model, or null when it can: below the engine's floor for the
 * model (its s² would have no degree of freedom), in words that name the floor.
 * @param factorCount factors added to the market model (0 without).
 * @throws never
 * @example minimumEstimationDaysProblem(2, 'market', 0) // 'At least 3 estimation days are needed for the market model (its s² needs a degree of freedom); 2 is too few.'
 * @example minimumEstimationDaysProblem(20, 'market', 0) // null
 */
export function minimumEstimationDaysProblem(days: number, model: ModelKind, factorCount = 0): string | null {
  const floor = smallestEstimationDays(model, factorCount);
  if (Number.isInteger(days) && days >= floor) return null;
  const what = factorCount > 0 ? `the market model with ${factorCount} factor${factorCount === 1 ? '' : 's'}` : `the ${lowerFirst(MODEL_NAMES[model])}`;
  return `At least ${floor} estimation days are needed for ${what} (its s² needs a degree of freedom); ${days} is too few.`;
}

/**
 * The smallest minimum a user may set for a model: the engine's floor.
 * @throws never
 * @example smallestMinimumEstimationDays('market', 2) // 5
 */
export function smallestMinimumEstimationDays(model: ModelKind, factorCount = 0): number {
  return smallestEstimationDays(model, factorCount);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
