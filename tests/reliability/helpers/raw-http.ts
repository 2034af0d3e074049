/**
 * HTTP/1.1 over a plain TCP socket, for requests that fetch() would refuse or normalise:
 * CR/LF in the request line, raw non-ASCII bytes, `..` segments, oversized headers.
 */
import net from 'node:net';

/** A response as read off the socket. */
export interface RawResponse {
  status: number;
  /** Header names lower-cased; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends `request` exactly as given (a string is sent as UTF-8) and reads until the server closes
 * the connection, so the request should say `Connection: close`.
 * @throws Error when nothing parseable comes back within `timeoutMs`.
 * @example await rawRequest(port, 'GET /../x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n')
 */
export function rawRequest(port: number, request: string | Buffer, timeoutMs = 5_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no complete answer within ${timeoutMs} ms`)));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      try {
        resolve(parseResponse(Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/**
 * A GET request line and headers for `target`, with `Connection: close`.
 * @example getRequest('/api/health', { 'X-Test': '1' })
 */
export function getRequest(target: string, headers: Record<string, string> = {}): string {
  const lines = [`GET ${target} HTTP/1.1`, 'Host: 127.0.0.1', ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), 'Connection: close'];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function parseResponse(bytes: Buffer): RawResponse {
  const split = bytes.indexOf('\r\n\r\n');
  if (split === -1) throw new Error(`not an HTTP response: ${JSON.stringify(bytes.toString('latin1', 0, 200))}`);
  const [statusLine = '', ...headerLines] = bytes.toString('latin1', 0, split).split('\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1]);
  if (!Number.isInteger(status)) throw new Error(`bad status line ${JSON.stringify(statusLine)}`);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rawBody = bytes.subarray(split + 4);
  const body = headers['transfer-encoding'] === 'chunked' ? dechunk(rawBody) : rawBody;
  return { status, headers, body: body.toString('utf8') };
}

/** Joins the chunks of a chunked body (sizes count bytes, so this works on bytes). */
function dechunk(body: Buffer): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset);
    const size = parseInt(body.toString('latin1', offset, lineEnd), 16);
    if (lineEnd === -1 || !Number.isFinite(size) || size === 0) return Buffer.concat(chunks);
    chunks.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}
