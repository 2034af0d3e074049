import { EventStudyError } from './errors';

/**
 * Checks that every number a statistic reads is finite, so that a NaN or an infinity in the input
 * becomes a message rather than a NaN result or a misleading reason.
 * @param label names the statistic and what the values are, e.g. "BMP t: standardized abnormal return".
 * @throws EventStudyError INVALID_INPUT naming the first value that is not finite and its position.
 * @example requireFiniteValues([0.01, NaN], 'Cross-sectional t: abnormal return') // throws: … #2 is NaN …
 */
export function requireFiniteValues(values: ArrayLike<number>, label: string): void {
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index]!;
    if (!Number.isFinite(value)) {
      throw new EventStudyError('INVALID_INPUT', `${label} #${index + 1} is ${value}; every value must be a finite number.`);
    }
  }
}

/**
 * {@link requireFiniteValues} for one number.
 * @throws EventStudyError INVALID_INPUT when `value` is NaN or infinite.
 * @example requireFiniteValue(Infinity, 'J1: CAAR') // throws: J1: CAAR is Infinity; …
 */
export function requireFiniteValue(value: number, label: string): void {
  if (!Number.isFinite(value)) {
    throw new EventStudyError('INVALID_INPUT', `${label} is ${value}; it must be a finite number.`);
  }
}
