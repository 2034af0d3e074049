import { expect } from 'vitest';
import { isEventStudyError } from '../../../../src/core/errors';

/** The numbers anywhere inside a value (objects, arrays, typed arrays), with their paths. */
export function numbersIn(value: unknown, path = 'result'): { path: string; value: number }[] {
  if (typeof value === 'number') return [{ path, value }];
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, (item, index) => ({ path: `${path}[${index}]`, value: item }));
  if (Array.isArray(value)) return value.flatMap((item, index) => numbersIn(item, `${path}[${index}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`));
  return [];
}

/**
 * The engine's promise for any input: `run` either returns a value in which every number is finite,
 * or throws an EventStudyError with a code and a message. Anything else fails the property.
 */
export function expectFiniteOrEngineError(run: () => unknown): void {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (!isEventStudyError(error)) throw new Error(`untyped error: ${String(error)}`, { cause: error });
    expect(error.code).toMatch(/^[A-Z_]+$/);
    expect(error.message.length).toBeGreaterThan(10);
    return;
  }
  const notFinite = numbersIn(result).filter(({ value }) => !Number.isFinite(value));
  expect(notFinite).toEqual([]);
}
