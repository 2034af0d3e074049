import type { z } from 'zod';
import { apiErrorBodySchema } from '../domain/price-api.ts';

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
 * GET a JSON resource of the Kabuto proxy and check it against its wire schema
 * (src/domain/price-api.ts), so a malformed answer becomes a message instead of a crash deep in a
 * chart.
 * @throws ApiError with the server's code and message for an error answer, NETWORK_ERROR when the
 *   server cannot be reached, BAD_RESPONSE when the answer is not the JSON the schema describes.
 * @example await getJson('/api/symbols', symbolsResponseSchema)
 */
export async function getJson<T>(path: string, schema: z.ZodType<T>, params: Record<string, string> = {}, signal?: AbortSignal): Promise<T> {
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
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError('BAD_RESPONSE', `The server answered ${path} in a shape this page does not understand; reload the page, and if it persists the server and page versions differ.`, response.status);
  }
  return parsed.data;
}

async function readBody(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return undefined;
  }
}

function errorFrom(body: unknown, status: number): ApiError {
  const parsed = apiErrorBodySchema.safeParse(body);
  if (parsed.success) return new ApiError(parsed.data.error.code, parsed.data.error.message, status);
  return new ApiError('HTTP_ERROR', `The server answered with HTTP status ${status} and no explanation.`, status);
}
