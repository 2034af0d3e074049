/**
 * The proxy's own errors. Every failure the server foresees is one of these, with a `code` for
 * programs and a `message` a person can act on. HTTP statuses are assigned in ONE place:
 * `server/error-response.ts`.
 */
export abstract class ProxyError extends Error {
  abstract readonly code: string;
}

export type InvalidRequestCode =
  | 'INVALID_QUERY'
  | 'INVALID_SYMBOL'
  | 'TOO_MANY_SYMBOLS'
  | 'INVALID_DATE'
  | 'INVALID_RANGE'
  | 'INVALID_PATH';

/** Bad input from the client: malformed symbol, date, range or query shape. */
export class InvalidRequestError extends ProxyError {
  readonly code: InvalidRequestCode;

  constructor(code: InvalidRequestCode, message: string) {
    super(message);
    this.name = 'InvalidRequestError';
    this.code = code;
  }
}

/** The symbol is well formed but neither the snapshot nor Yahoo knows it. */
export class UnknownSymbolError extends ProxyError {
  readonly code = 'UNKNOWN_SYMBOL';

  constructor(
    readonly symbol: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnknownSymbolError';
  }
}

/** No route under /api matches the path. */
export class RouteNotFoundError extends ProxyError {
  readonly code = 'NOT_FOUND';

  constructor(path: string) {
    super(`There is no API endpoint ${quoteForMessage(path)}. Try /api/health, /api/symbols or /api/prices.`);
    this.name = 'RouteNotFoundError';
  }
}

/** A static file path that does not exist in the built app (assets are not answered with index.html). */
export class StaticFileNotFoundError extends ProxyError {
  readonly code = 'NOT_FOUND';

  constructor(path: string) {
    super(`The file ${quoteForMessage(path)} is not part of the built dashboard.`);
    this.name = 'StaticFileNotFoundError';
  }
}

/**
 * The HTTP request itself is malformed: a request line, header or Host that Node's parser or the
 * Hono adapter refused before any route saw it (CR/LF or raw non-ASCII bytes, a bad Host header).
 */
export class MalformedRequestError extends ProxyError {
  readonly code = 'MALFORMED_REQUEST';

  constructor(detail: string) {
    super(`The HTTP request is malformed (${detail}); send a plain GET with a percent-encoded URL.`);
    this.name = 'MalformedRequestError';
  }
}

/** The request has an Expect header the server cannot meet (anything but 100-continue). */
export class ExpectationFailedError extends ProxyError {
  readonly code = 'EXPECTATION_FAILED';

  constructor(expectation: string) {
    super(`The server cannot meet the expectation ${quoteForMessage(expectation)}; send the request without an Expect header.`);
    this.name = 'ExpectationFailedError';
  }
}

/** The request's header section is larger than Node accepts (16 KiB by default). */
export class RequestHeadersTooLargeError extends ProxyError {
  readonly code = 'HEADERS_TOO_LARGE';

  constructor() {
    super('The request headers are too large; send fewer or shorter headers.');
    this.name = 'RequestHeadersTooLargeError';
  }
}

/** The client did not finish sending its request in the time Node allows. */
export class RequestTimeoutError extends ProxyError {
  readonly code = 'REQUEST_TIMEOUT';

  constructor() {
    super('The request was not received completely in time; send it again.');
    this.name = 'RequestTimeoutError';
  }
}

/** The route exists but not for this HTTP method. */
export class MethodNotAllowedError extends ProxyError {
  readonly code = 'METHOD_NOT_ALLOWED';

  constructor(method: string) {
    super(`${quoteForMessage(method)} is not supported here; the API only answers GET requests.`);
    this.name = 'MethodNotAllowedError';
  }
}

/** The built single-page app (dist/) is missing. */
export class AppNotBuiltError extends ProxyError {
  readonly code = 'APP_NOT_BUILT';

  constructor() {
    super('The dashboard has not been built yet: run `npm run build` (or `npm start`, which builds first).');
    this.name = 'AppNotBuiltError';
  }
}

/** The offline snapshot (data/snapshot) is missing or does not follow its documented format. */
export class SnapshotUnavailableError extends ProxyError {
  readonly code = 'SNAPSHOT_UNAVAILABLE';

  constructor(detail: string) {
    super(`The offline price snapshot cannot be read: ${detail}. Rebuild it with \`npm run data:snapshot\`.`);
    this.name = 'SnapshotUnavailableError';
  }
}

/** Common parent of every failure of the live upstream (Yahoo), so fallbacks can catch them all. */
export abstract class UpstreamError extends ProxyError {
  constructor(
    readonly symbol: string,
    message: string,
  ) {
    super(message);
  }
}

/** Yahoo answered 429 Too Many Requests. */
export class UpstreamRateLimitedError extends UpstreamError {
  readonly code = 'UPSTREAM_RATE_LIMITED';

  constructor(
    symbol: string,
    /** Seconds Yahoo asked us to wait (its Retry-After header), when it said. */
    readonly retryAfterSeconds: number | null,
  ) {
    const wait = retryAfterSeconds === null ? '' : ` and asked to wait ${retryAfterSeconds} s`;
    super(symbol, `Yahoo Finance is rate-limiting requests (HTTP 429)${wait}; ${symbol} could not be fetched live. Try again later.`);
    this.name = 'UpstreamRateLimitedError';
  }
}

/** Yahoo could not be reached, dropped the connection or answered with a server error. */
export class UpstreamUnavailableError extends UpstreamError {
  readonly code = 'UPSTREAM_UNAVAILABLE';

  constructor(symbol: string, detail: string) {
    super(symbol, `Yahoo Finance is unavailable (${detail}); ${symbol} could not be fetched live. Try again later.`);
    this.name = 'UpstreamUnavailableError';
  }
}

/** Yahoo did not answer within the configured upstream timeout. */
export class UpstreamTimeoutError extends UpstreamError {
  readonly code = 'UPSTREAM_TIMEOUT';

  constructor(
    symbol: string,
    readonly timeoutMs: number,
  ) {
    super(symbol, `Yahoo Finance did not answer within ${timeoutMs} ms; ${symbol} could not be fetched live. Try again later.`);
    this.name = 'UpstreamTimeoutError';
  }
}

/** Yahoo answered, but with something that is not a usable daily chart (malformed, wrong shape, empty). */
export class UpstreamInvalidResponseError extends UpstreamError {
  readonly code: 'UPSTREAM_INVALID_RESPONSE' | 'UPSTREAM_NO_DATA';

  constructor(symbol: string, detail: string, code: 'UPSTREAM_INVALID_RESPONSE' | 'UPSTREAM_NO_DATA' = 'UPSTREAM_INVALID_RESPONSE') {
    super(symbol, `Yahoo Finance sent an unusable answer for ${symbol}: ${detail}.`);
    this.name = 'UpstreamInvalidResponseError';
    this.code = code;
  }
}

/**
 * A symbol whose last upstream call failed is not asked again until its back-off has passed
 * (server/upstream/circuit-breaker.ts): the remembered failure is given again, with its code, at once.
 */
export class UpstreamBackedOffError extends UpstreamError {
  readonly code: string;

  constructor(
    symbol: string,
    rememberedCode: string,
    rememberedMessage: string,
    /** Seconds until Yahoo is asked for this symbol again. */
    readonly retryAfterSeconds: number,
  ) {
    super(symbol, `${rememberedMessage} (Remembered: Yahoo is not asked for ${symbol} again for ${retryAfterSeconds} s.)`);
    this.name = 'UpstreamBackedOffError';
    this.code = rememberedCode;
  }
}

/** Every worker is busy and the queue is full: try again in `retryAfterSeconds`. */
export class ServerBusyError extends ProxyError {
  readonly code = 'SERVER_BUSY';

  constructor(
    what: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`The server is computing as many ${what} as it can and its queue is full; try again in ${retryAfterSeconds} s.`);
    this.name = 'ServerBusyError';
  }
}

/** The client closed its request before the answer was ready, so its work was dropped. */
export class ClientGoneError extends ProxyError {
  readonly code = 'CLIENT_GONE';

  constructor() {
    super('The request was closed before its answer was ready.');
    this.name = 'ClientGoneError';
  }
}

/** Wrong server configuration (environment variables); reported by main.ts before listening. */
export class ConfigurationError extends ProxyError {
  readonly code = 'INVALID_CONFIGURATION';

  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

const MESSAGE_ECHO_LIMIT = 40;

/**
 * Quotes client-supplied text for an error message: JSON-escaped (no control characters or
 * line breaks survive) and cut short, so a hostile value cannot flood or forge a log line.
 */
export function quoteForMessage(text: string): string {
  const shortened = text.length > MESSAGE_ECHO_LIMIT ? `${text.slice(0, MESSAGE_ECHO_LIMIT)}...` : text;
  return JSON.stringify(shortened).replace(/[^\x20-\x7e]/g, (character) =>
    `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
