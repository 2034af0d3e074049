/**
 * Typed errors of the event-study engine. Every failure the engine can foresee is one of these,
 * with a message a user understands; callers map `code` to HTTP statuses or UI messages.
 */
export type EngineErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_WINDOW'
  | 'INSUFFICIENT_ESTIMATION_DATA'
  | 'CONSTANT_SERIES'
  | 'EVENT_OUTSIDE_DATA'
  | 'UNKNOWN_TIME_ZONE';

export class EventStudyError extends Error {
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EventStudyError';
    this.code = code;
  }
}

/**
 * Thrown when a security has fewer usable estimation days than required.
 * @example new InsufficientEstimationDataError('7013.T', 12, 30)
 */
export class InsufficientEstimationDataError extends EventStudyError {
  constructor(
    readonly symbol: string,
    readonly available: number,
    readonly required: number,
  ) {
    super(
      'INSUFFICIENT_ESTIMATION_DATA',
      `${symbol}: only ${available} usable estimation days, at least ${required} needed`,
    );
    this.name = 'InsufficientEstimationDataError';
  }
}

export function isEventStudyError(error: unknown): error is EventStudyError {
  return error instanceof EventStudyError;
}
