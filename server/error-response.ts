import type { ApiErrorBody } from '../src/domain/price-api.ts';
import {
  AppNotBuiltError,
  InvalidRequestError,
  MalformedRequestError,
  MethodNotAllowedError,
  ProxyError,
  RequestHeadersTooLargeError,
  RequestTimeoutError,
  RouteNotFoundError,
  StaticFileNotFoundError,
  UnknownSymbolError,
  UpstreamInvalidResponseError,
  UpstreamRateLimitedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from './errors.ts';
import { StudyNotComputableError } from './study-errors.ts';

export interface ErrorResponse {
  status: 400 | 404 | 405 | 408 | 422 | 431 | 500 | 502 | 503;
  body: ApiErrorBody;
  headers: Record<string, string>;
}

/**
 * The ONE place where errors become HTTP statuses: 400 bad input or a malformed request, 404
 * unknown symbol or route, 408 a request not received in time, 422 a well-formed study query
 * from which no study comes out, 431 oversized request headers,
 * 503 when Yahoo rate-limits, fails or times out (try again later), 502 when Yahoo's answer is
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
  if (error instanceof MethodNotAllowedError) response.headers.Allow = 'GET, HEAD';
  return response;
}

function statusOf(error: ProxyError): ErrorResponse['status'] {
  if (error instanceof InvalidRequestError || error instanceof MalformedRequestError) return 400;
  if (error instanceof RequestTimeoutError) return 408;
  if (error instanceof RequestHeadersTooLargeError) return 431;
  if (error instanceof UnknownSymbolError || error instanceof RouteNotFoundError) return 404;
  if (error instanceof AppNotBuiltError || error instanceof StaticFileNotFoundError) return 404;
  if (error instanceof MethodNotAllowedError) return 405;
  if (error instanceof StudyNotComputableError) return 422;
  if (error instanceof UpstreamRateLimitedError || error instanceof UpstreamUnavailableError) return 503;
  if (error instanceof UpstreamTimeoutError) return 503;
  if (error instanceof UpstreamInvalidResponseError) return 502;
  // SnapshotUnavailableError, EventsUnavailableError, ConfigurationError: the server's own fault.
  return 500;
}

function build(status: ErrorResponse['status'], code: string, message: string): ErrorResponse {
  return { status, body: { error: { code, message } }, headers: {} };
}
