import type { ApiErrorBody } from '../shared/price-api.ts';

/**
 * A failed API call, carrying the server's own `code` and `message` (from `{ error: { code,
 * message } }`) so the page can show what the server said, not a generic "request failed".
 */
export class ApiError extends Error {
  readonly code: string;
  /** HTTP status, or null when no answer arrived at all. */
  readonly status: number | null;

  constructor(code: string, message: string, status: number | null) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

/**
 * GET a JSON resource of the Kabuto proxy.
 * @throws ApiError with the server's code and message for an error answer, NETWORK_ERROR when the
 *   server cannot be reached, BAD_RESPONSE when the answer is not the JSON expected.
 * @example await getJson<SymbolsResponse>('/api/symbols')
 */
export async function getJson<T>(path: string, params: Record<string, string> = {}, signal?: AbortSignal): Promise<T> {
  const query = new URLSearchParams(params).toString();
  const url = query === '' ? path : `${path}?${query}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  } catch (error) {
    // A cancelled query is not a failure to report; let react-query see the abort as such.
    if (signal?.aborted) throw error;
    throw new ApiError('NETWORK_ERROR', 'The Kabuto server did not answer. Check that it is running (npm start) and try again.', null);
  }
  const body = await readBody(response);
  if (!response.ok) throw errorFrom(body, response.status);
  if (body === undefined) {
    throw new ApiError('BAD_RESPONSE', `The server answered ${path} with something that is not JSON.`, response.status);
  }
  return body as T;
}

async function readBody(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return undefined;
  }
}

function errorFrom(body: unknown, status: number): ApiError {
  if (isErrorBody(body)) return new ApiError(body.error.code, body.error.message, status);
  return new ApiError('HTTP_ERROR', `The server answered with HTTP status ${status} and no explanation.`, status);
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
