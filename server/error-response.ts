import type { ApiErrorBody } from '../src/domain/price-api.ts';
import {
  AppNotBuiltError,
  ClientGoneError,
  ExpectationFailedError,
  InvalidRequestError,
  MalformedRequestError,
  MethodNotAllowedError,
  ProxyError,
  RequestHeadersTooLargeError,
  RequestTimeoutError,
  RouteNotFoundError,
  ServerBusyError,
  StaticFileNotFoundError,
  UnknownSymbolError,
  UpstreamBackedOffError,
  UpstreamInvalidResponseError,
  UpstreamRateLimitedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from './errors.ts';
import { StudyNotComputableError } from './study-errors.ts';

export interface ErrorResponse {
  status: 400 | 404 | 405 | 408 | 417 | 422 | 431 | 500 | 502 | 503;
  body: ApiErrorBody;
  headers: Record<string, string>;
}

/**
 * The ONE place where errors become HTTP statuses: 400 bad input or a malformed request, 404
 * unknown symbol or route, 408 a request not received in time, 417 an Expect header other than
 * 100-continue, 422 a well-formed study query
 * from which no study comes out, 431 oversized request headers,
 * 503 when Yahoo rate-limits, fails or times out, or every study worker is busy and the queue is
 * full (try again later; with Retry-After where known), 502 when Yahoo's answer is
 * unusable, 500 for a broken snapshot or anything unforeseen (whose details stay in the log).
 * @example toErrorResponse(new UnknownSymbolError('XYZ', 'No such symbol')).status // 404
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (!(error instanceof ProxyError)) {
    return build(500, 'INTERNAL_ERROR', 'Something went wrong inside the price server; its log has the details.');
  }
  const status = statusOf(error);
  const response = build(status, error.code, error.message);
  if (error instanceof UpstreamRateLimitedError && error.retryAfterSeconds !== null) {
    response.headers['Retry-After'] = String(error.retryAfterSeconds);
  }
  if (error instanceof ServerBusyError) response.headers['Retry-After'] = String(error.retryAfterSeconds);
  if (error instanceof UpstreamBackedOffError && status === 503) response.headers['Retry-After'] = String(error.retryAfterSeconds);
  if (error instanceof MethodNotAllowedError) response.headers.Allow = 'GET, HEAD';
  return response;
}

function statusOf(error: ProxyError): ErrorResponse['status'] {
  if (error instanceof InvalidRequestError || error instanceof MalformedRequestError) return 400;
  if (error instanceof RequestTimeoutError) return 408;
  if (error instanceof ExpectationFailedError) return 417;
  if (error instanceof RequestHeadersTooLargeError) return 431;
  if (error instanceof UnknownSymbolError || error instanceof RouteNotFoundError) return 404;
  if (error instanceof AppNotBuiltError || error instanceof StaticFileNotFoundError) return 404;
  if (error instanceof MethodNotAllowedError) return 405;
  if (error instanceof StudyNotComputableError) return 422;
  if (error instanceof UpstreamBackedOffError) return backedOffStatus(error.code);
  if (error instanceof UpstreamRateLimitedError || error instanceof UpstreamUnavailableError) return 503;
  if (error instanceof UpstreamTimeoutError) return 503;
  // No one reads the answer to a closed request; 503 keeps it out of the log of internal faults.
  if (error instanceof ServerBusyError || error instanceof ClientGoneError) return 503;
  if (error instanceof UpstreamInvalidResponseError) return 502;
  // SnapshotUnavailableError, EventsUnavailableError, ConfigurationError: the server's own fault.
  return 500;
}

/** A remembered failure answers as the failure itself did. */
function backedOffStatus(code: string): ErrorResponse['status'] {
  if (code === 'UNKNOWN_SYMBOL') return 404;
  if (code === 'UPSTREAM_INVALID_RESPONSE' || code === 'UPSTREAM_NO_DATA') return 502;
  return 503;
}

function build(status: ErrorResponse['status'], code: string, message: string): ErrorResponse {
  return { status, body: { error: { code, message } }, headers: {} };
}
