/**
 * The study's minimum of usable estimation days as a user sets it: the command line's
 * `--min-estimation-days N` and the page's advanced setting (and its URL) read it through this one
 * rule. 30 unless set; lower or higher on request (a replication of a study with a 20-day
 * estimation window, say), never below what the model's maths needs, the engine's floor
 * ({@link smallestEstimationDays}: s² needs at least one degree of freedom).
 */
import { DEFAULT_STUDY_OPTIONS } from '../core/defaults.ts';
import { smallestEstimationDays } from '../core/estimation-minimum.ts';
import type { ModelKind } from '../core/types.ts';
import { MODEL_NAMES } from './models.ts';

/** The minimum when the user sets none (the engine's default). */
export const DEFAULT_MINIMUM_ESTIMATION_DAYS: number = DEFAULT_STUDY_OPTIONS.minimumEstimationDays as number;

const WHOLE_NUMBER = /^\d+$/;

/** A minimum as read: the number of days, or what is wrong with the text, in words for the user. */
export type MinimumEstimationReading = { days: number; problem: null } | { days: null; problem: string };

/**
 * The fewest estimation days a user may ask for with this model, and the model's name in words.
 * @throws never
 * @example estimationFloor('market', 2) // { days: 5, model: 'the market model with 2 factors' }
 */
export function estimationFloor(model: ModelKind, factorCount = 0): { days: number; model: string } {
  const name = MODEL_NAMES[model].toLowerCase();
  const factors = factorCount === 0 ? '' : ` with ${factorCount} factor${factorCount === 1 ? '' : 's'}`;
  return { days: smallestEstimationDays(model, factorCount), model: `the ${name}${factors}` };
}

/**
 * Reads a minimum of estimation days typed by the user: a whole number, at least the model's
 * floor. The problem names the floor and why it is there.
 * @throws never
 * @example readMinimumEstimationDays('20', 'mean-adjusted') // { days: 20, problem: null }
 * @example readMinimumEstimationDays('2', 'market').problem // 'The minimum of estimation days must be at least 3 for the market model: …'
 */
export function readMinimumEstimationDays(text: string, model: ModelKind, factorCount = 0): MinimumEstimationReading {
  const trimmed = text.trim();
  if (!WHOLE_NUMBER.test(trimmed)) {
    return { days: null, problem: `The minimum of estimation days must be a whole number of trading days, not "${text}".` };
  }
  const days = Number(trimmed);
  const floor = estimationFloor(model, factorCount);
  if (days < floor.days) {
    return {
      days: null,
      problem: `The minimum of estimation days must be at least ${floor.days} for ${floor.model}: below that its residual variance s² has no degree of freedom left (asked for ${days}).`,
    };
  }
  return { days, problem: null };
}
