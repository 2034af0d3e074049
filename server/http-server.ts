import { getRequestListener, RequestError } from '@hono/node-server';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { toErrorResponse, type ErrorResponse } from './error-response.ts';
import { ExpectationFailedError, InvalidRequestError, MalformedRequestError, MethodNotAllowedError, RequestHeadersTooLargeError, RequestTimeoutError } from './errors.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

type FetchHandler = Parameters<typeof getRequestListener>[0];

/** Settings of createHttpServer. */
export interface HttpServerOptions {
  log: (line: string) => void;
  /** Host name for requests that send no Host header (HTTP/1.0 clients). */
  hostname?: string;
  /** Passed to Node's createServer (its timeouts, e.g.). */
  node?: ServerOptions;
}

/**
 * A path segment that WHATWG URL parsing treats as "." or ".." (RFC 3986 §5.2.4; the URL standard
 * also counts %2e, in any case, as a dot), e.g. `/..`, `/%2e%2e`, `/.%2E`.
 */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;
/** How long a connection refused by Node's parser stays open for the client to read the error. */
const CLIENT_ERROR_CLOSE_MS = 2_000;

/**
 * The Node HTTP server around the Hono app. Everything refused before the app can route it still
 * gets the proxy's JSON error body and security headers: request targets with dot segments
 * (the URL parser would silently resolve `/%2e%2e/etc/passwd` to `/etc/passwd`), requests the
 * Hono adapter rejects (bad Host, backslash in the path), requests Node's parser rejects (CR/LF
 * or raw non-ASCII bytes in the request line or a header, oversized headers, requests not received
 * in time), and the requests Node would otherwise answer itself with a bare status line or a closed
 * socket: an HTTP/1.1 request without Host or with several (400), CONNECT (405), an Expect it
 * cannot meet (417).
 * @example createHttpServer(app.fetch, { log, hostname: '127.0.0.1' }).listen(8787, '127.0.0.1')
 */
export function createHttpServer(fetchHandler: FetchHandler, { log, hostname, node = {} }: HttpServerOptions): Server {
  const listener = getRequestListener(fetchHandler, {
    hostname,
    errorHandler: (error) => {
      if (error instanceof RequestError) return errorAsResponse(new MalformedRequestError(error.message));
      log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return errorAsResponse(error);
    },
  });
  // Node's own check of Host answers a bare 400; the same check is made below, with the JSON answer.
  const server = createServer({ ...node, requireHostHeader: false }, (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const hostProblem = hostHeaderProblem(incoming);
    if (hostProblem) {
      sendError(outgoing, new MalformedRequestError(hostProblem));
      return;
    }
    if (hasDotSegment(incoming.url ?? '')) {
      sendError(outgoing, new InvalidRequestError('INVALID_PATH', 'The request path may not contain "." or ".." segments, written plainly or as %2e.'));
      return;
    }
    void listener(incoming, outgoing);
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(error, socket));
  // Without these listeners Node closes a CONNECT's socket without a word and answers a bare 417.
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => answerOnSocket(socket, new MethodNotAllowedError('CONNECT')));
  server.on('checkExpectation', (incoming: IncomingMessage, outgoing: ServerResponse) => sendError(outgoing, new ExpectationFailedError(incoming.headers.expect ?? '')));
  return server;
}

/** RFC 9112 §3.2: an HTTP/1.1 request names exactly one Host (Node keeps the first of several silently). */
function hostHeaderProblem(incoming: IncomingMessage): string | undefined {
  let hosts = 0;
  for (let index = 0; index < incoming.rawHeaders.length; index += 2) if (incoming.rawHeaders[index]?.toLowerCase() === 'host') hosts += 1;
  if (hosts > 1) return 'a request must name one Host, not several';
  if (hosts === 0 && incoming.httpVersion === '1.1') return 'an HTTP/1.1 request must name its Host';
  return undefined;
}

function hasDotSegment(requestTarget: string): boolean {
  const pathPart = requestTarget.split(/[?#]/, 1)[0] ?? '';
  return pathPart.split('/').some((segment) => DOT_SEGMENT.test(segment));
}

function headersOf(response: ErrorResponse, bodyBytes: number): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    ...response.headers,
    'Cache-Control': 'no-store',
    'Content-Type': 'application/json',
    'Content-Length': String(bodyBytes),
  };
}

function errorAsResponse(error: unknown): Response {
  const response = toErrorResponse(error);
  const body = JSON.stringify(response.body);
  return new Response(body, { status: response.status, headers: headersOf(response, Buffer.byteLength(body)) });
}

function sendError(outgoing: ServerResponse, error: unknown): void {
  const response = toErrorResponse(error);
  const body = JSON.stringify(response.body);
  outgoing.writeHead(response.status, headersOf(response, Buffer.byteLength(body)));
  outgoing.end(body);
}

/**
 * Node's own answer to a request its parser refuses is a bare status line; this one carries the
 * JSON error and the security headers, then closes the connection (the stream cannot be trusted).
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  answerOnSocket(socket, clientErrorOf(error));
}

/** Writes the JSON error for `error` straight onto the socket and closes the connection. */
function answerOnSocket(socket: Duplex, error: unknown): void {
  const response = toErrorResponse(error);
  const body = JSON.stringify(response.body);
  const headers = { ...headersOf(response, Buffer.byteLength(body)), Connection: 'close' };
  const head = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  // Closing at once could reset the connection before the client reads the answer; a client that
  // never closes its side must not keep the socket either.
  setTimeout(() => socket.destroy(), CLIENT_ERROR_CLOSE_MS).unref();
}

function clientErrorOf(error: NodeJS.ErrnoException): Error {
  if (error.code === 'HPE_HEADER_OVERFLOW') return new RequestHeadersTooLargeError();
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return new RequestTimeoutError();
  return new MalformedRequestError(`${error.code ?? 'parse error'}: ${(error.message.split('\n')[0] ?? '').slice(0, 80)}`);
}
