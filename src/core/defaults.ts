import type { StudyOptions } from './types';

/**
 * The study the dashboard opens with: market model, estimation window [−250, −11] (about a trading
 * year ending two weeks before the event, so the event's run-up does not contaminate α̂, β̂), event
 * window [−5, +10], CAR windows [0,0], [0,+1], [−1,+1], [−5,+10], and at least 30 usable
 * estimation days. Frozen: spread it into a new object to change anything.
 * @example runStudy(units, { ...DEFAULT_STUDY_OPTIONS, model: 'market-adjusted' })
 */
export const DEFAULT_STUDY_OPTIONS: StudyOptions = Object.freeze({
  model: 'market',
  estimationWindow: Object.freeze({ from: -250, to: -11 }),
  gap: null,
  eventWindow: Object.freeze({ from: -5, to: 10 }),
  carWindows: Object.freeze([
    Object.freeze({ from: 0, to: 0 }),
    Object.freeze({ from: 0, to: 1 }),
    Object.freeze({ from: -1, to: 1 }),
    Object.freeze({ from: -5, to: 10 }),
  ]) as StudyOptions['carWindows'],
  minimumEstimationDays: 30,
  strictEstimation: false,
});
