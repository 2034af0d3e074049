import { EventStudyError } from './errors';
import type { StudyUnit } from './types';

/** A unit's factor series in the order of the study's `factors`, each aligned to the unit's dates. */
export type FactorColumns = readonly (readonly (number | null)[])[];

/** The columns of a study without factors (the market model and the others). */
export const NO_FACTOR_COLUMNS: FactorColumns = Object.freeze([]);

/**
 * The unit's factor series that the study's factor model uses, in the study's order: each must be
 * present and as long as the unit's dates (null marks a missing day; nothing is filled).
 * @throws EventStudyError INVALID_INPUT naming the security and the factor when a series is
 *   missing or not aligned to the dates.
 * @example factorColumnsOf(unit, ['SMB', 'HML'])[1][zeroIndex] // HML on day 0
 */
export function factorColumnsOf(unit: StudyUnit, names: readonly string[]): FactorColumns {
  if (names.length === 0) return NO_FACTOR_COLUMNS;
  return names.map((name) => {
    const column = unit.factors?.[name];
    if (!Array.isArray(column)) {
      throw new EventStudyError('INVALID_INPUT', `${unit.symbol}: the study's factor model uses the factor ${name}, but this security has no ${name} series.`);
    }
    if (column.length !== unit.dates.length) {
      throw new EventStudyError(
        'INVALID_INPUT',
        `${unit.symbol}: the factor ${name} has ${column.length} values for ${unit.dates.length} dates; align it to the dates, with null for a missing day.`,
      );
    }
    return column as readonly (number | null)[];
  });
}

/**
 * Checks the factor values the study reads, dates [start, end): each a finite number or null.
 * @throws EventStudyError INVALID_INPUT naming the factor and the date.
 * @example requireFiniteFactors(unit, columns, ['SMB'], 230, 496)
 */
export function requireFiniteFactors(unit: StudyUnit, columns: FactorColumns, names: readonly string[], start: number, end: number): void {
  columns.forEach((column, position) => {
    for (let index = start; index < end; index += 1) {
      const value = column[index];
      if (value === null || value === undefined || Number.isFinite(value)) continue;
      throw new EventStudyError('INVALID_INPUT', `The factor ${names[position]} on ${unit.dates[index]} is ${value}, not a finite number (use null for a missing day).`);
    }
  });
}

/**
 * Copies every factor's value at `index` into `into`; false when any factor has no value that day
 * (the day is then missing for the model, a lost day).
 * @throws never
 * @example readFactorRow(columns, zeroIndex, new Float64Array(columns.length))
 */
export function readFactorRow(columns: FactorColumns, index: number, into: Float64Array): boolean {
  for (let position = 0; position < columns.length; position += 1) {
    const value = columns[position]![index];
    if (value === null || value === undefined) return false;
    into[position] = value;
  }
  return true;
}
