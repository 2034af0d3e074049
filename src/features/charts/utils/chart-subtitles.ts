/**
 * The lines under the chart titles: which event and day 0, which model and windows, and what the
 * portfolio pools. The slides and the saved images repeat them, so a chart is never shown without them.
 */
import type { StudyOptions, StudyResult } from '../../../core/types.ts';
import { modelName } from '../../../domain/models.ts';
import type { StudyEvent } from '../../../domain/study-event.ts';
import { formatDate, formatDayRange } from '../../../lib/format.ts';

/**
 * The event and its day 0 on the focused calendar.
 * @throws never
 * @example eventLine({ title: 'US presidential election' }, '2024-11-06') // 'US presidential election, day 0 6 Nov 2024.'
 */
export function eventLine(event: Pick<StudyEvent, 'title'>, dayZero: string | null): string {
  return `${event.title}${dayZero ? `, day 0 ${formatDate(dayZero)}` : ''}.`;
}

/**
 * The model and windows.
 * @throws never
 * @example methodLine(DEFAULT_STUDY_OPTIONS) // 'Market model, estimation [-250, -11], event window [-5, +10].'
 */
export function methodLine(options: Pick<StudyOptions, 'model' | 'estimationWindow' | 'eventWindow' | 'factors'>): string {
  return `${modelName(options.model, options.factors)}, estimation ${formatDayRange(options.estimationWindow)}, event window ${formatDayRange(options.eventWindow)}.`;
}

/**
 * What the portfolio chart averages over.
 * @throws never
 * @example portfolioLine(result, 1) // 'Equally weighted over 2 security–event pairs (2 securities, 1 event).'
 */
export function portfolioLine(result: StudyResult, eventCount: number): string {
  const securities = new Set(result.securities.map((security) => security.symbol)).size;
  return `Equally weighted over ${result.securities.length} security–event pair${result.securities.length === 1 ? '' : 's'} (${securities} securit${securities === 1 ? 'y' : 'ies'}, ${eventCount} event${eventCount === 1 ? '' : 's'}).`;
}
