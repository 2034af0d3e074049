/**
 * The rows of the per-security tables, and the note that lets the tables be read on their own:
 * one row per event and security in the user's order, with its result or the reason it has none.
 */
import { unitId, type ComposedStudy } from '../../../application/compose-study.ts';
import type { ReturnKind, StudyOptions, StudyResult } from '../../../core/types.ts';
import { DEFAULT_MINIMUM_ESTIMATION_DAYS } from '../../../domain/estimation-minimum.ts';
import { modelName } from '../../../domain/models.ts';
import type { PricesResponse } from '../../../domain/price-api.ts';
import type { StudyEvent } from '../../../domain/study-event.ts';
import { formatDayRange, shortTitle } from '../../../lib/format.ts';
import type { SecurityRow } from '../components/security-table.tsx';

interface RowsInput {
  result: StudyResult;
  composed: ComposedStudy | null;
  events: readonly StudyEvent[];
  /** The securities in the order the user picked them. */
  securities: readonly string[];
  securityNames: ReadonlyMap<string, string>;
}

/**
 * One row per event and security that has a result or a failure.
 * @throws never
 * @example securityRows({ result, composed, events, securities: ['7011.T'], securityNames }).map((row) => row.key) // ['us-election-2024:7011.T']
 */
export function securityRows(input: RowsInput): SecurityRow[] {
  const benchmarks = new Map(input.composed?.units.map((item) => [item.unit.id, item.benchmark]) ?? []);
  return input.events.flatMap((event) =>
    input.securities.flatMap((symbol): SecurityRow[] => {
      const id = unitId(event.id, symbol);
      const security = input.result.securities.find((item) => item.id === id) ?? null;
      const failure = input.result.failures.find((item) => item.id === id);
      if (!security && !failure) return [];
      return [
        {
          key: id,
          symbol,
          name: input.securityNames.get(symbol) ?? symbol,
          eventTitle: shortTitle(event.title),
          benchmark: security?.benchmark ?? benchmarks.get(id) ?? '',
          result: security,
          failure: failure?.error.message ?? null,
        },
      ];
    }),
  );
}

/**
 * The model, returns, windows and data source of the tables, in one sentence.
 * @throws never
 * @example methodNote(DEFAULT_STUDY_OPTIONS, 'simple', 'snapshot') // 'Market model, simple returns of adjusted closes; estimation [-250, -11], no gap, event window [-5, +10]; at least 30 estimation days; offline snapshot.'
 */
export function methodNote(options: StudyOptions, returnKind: ReturnKind, mode: PricesResponse['mode'] | null): string {
  const gap = options.gap ? `gap ${formatDayRange(options.gap)}` : 'no gap';
  const source = mode === 'snapshot' ? 'offline snapshot' : `${mode ?? ''} prices`;
  return `${modelName(options.model, options.factors)}, ${returnKind} returns of adjusted closes; estimation ${formatDayRange(options.estimationWindow)}, ${gap}, event window ${formatDayRange(options.eventWindow)}; at least ${options.minimumEstimationDays ?? DEFAULT_MINIMUM_ESTIMATION_DAYS} estimation days; ${source}.`;
}
