import { expect } from 'vitest';
import { EventStudyError, type EngineErrorCode } from '../../../../src/core/errors';

/** Asserts that `run` throws an EventStudyError with `code` and a message matching `message`. */
export function expectEngineError(run: () => unknown, code: EngineErrorCode, message: RegExp): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(EventStudyError);
  expect((thrown as EventStudyError).code).toBe(code);
  expect((thrown as EventStudyError).message).toMatch(message);
}
