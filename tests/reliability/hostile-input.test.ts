/**
 * Hostile input against the REAL server process in auto mode (so a request that slipped through
 * validation would reach the upstream): raw HTTP over TCP, since fetch() would normalise or refuse
 * most of these. Each gets a 4xx JSON error carrying the security headers; the fake Yahoo receives
 * nothing; nothing new appears in the temporary root holding the cache folder.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SYMBOLS } from '../../server/request-validation.ts';
import { CONTENT_SECURITY_POLICY } from '../../server/security-headers.ts';
import { startFakeYahoo, type FakeYahoo } from './helpers/fake-yahoo.ts';
import { getRequest, rawRequest, type RawResponse } from './helpers/raw-http.ts';
import { FAKE_YAHOO_ENTRY, startServerProcess, type ServerProcess } from './helpers/server-process.ts';
import { listTree, madeUpStaticApp, tempRoot } from './helpers/temp-folders.ts';

const RANGE = 'from=2024-10-28&to=2024-11-08';
const prices = (query: string) => getRequest(`/api/prices?${query}`);
const withSymbols = (symbols: string) => prices(`symbols=${symbols}&${RANGE}`);
const thousandSymbols = Array.from({ length: 1_000 }, (_, index) => `S${index}.T`).join(',');
const tooManySymbols = Array.from({ length: MAX_SYMBOLS + 1 }, (_, index) => `${1000 + index}.T`).join(',');

interface HostileCase {
  name: string;
  request: string | Buffer;
  status: number;
  code: string;
}

const CASES: HostileCase[] = [
  // Path traversal in symbols.
  { name: 'symbols=../../etc/passwd', request: withSymbols('../../etc/passwd'), status: 400, code: 'INVALID_SYMBOL' },
  { name: 'symbols=..%2F..%2Fetc%2Fpasswd', request: withSymbols('..%2F..%2Fetc%2Fpasswd'), status: 400, code: 'INVALID_SYMBOL' },
  { name: 'symbols=%2e%2e%2f%2e%2e%2fetc%2fpasswd', request: withSymbols('%2e%2e%2f%2e%2e%2fetc%2fpasswd'), status: 400, code: 'INVALID_SYMBOL' },
  { name: 'symbols=%2e%2e', request: withSymbols('%2e%2e'), status: 400, code: 'INVALID_SYMBOL' },
  { name: 'symbols=7011.T/../../x', request: withSymbols('7011.T/../../x'), status: 400, code: 'INVALID_SYMBOL' },
  { name: 'symbols=..%5C..%5Cwindows (backslashes)', request: withSymbols('..%5C..%5Cwindows'), status: 400, code: 'INVALID_SYMBOL' },
  { name: 'symbols=7011.T%00 (NUL)', request: withSymbols('7011.T%00'), status: 400, code: 'INVALID_SYMBOL' },
  // Path traversal in the path itself.
  { name: 'raw /../../etc/passwd', request: getRequest('/../../etc/passwd'), status: 400, code: 'INVALID_PATH' },
  { name: '/%2e%2e/%2e%2e/etc/passwd', request: getRequest('/%2e%2e/%2e%2e/etc/passwd'), status: 400, code: 'INVALID_PATH' },
  { name: '/api/%2E%2e/api/prices (would resolve to a valid API call)', request: getRequest(`/api/%2E%2e/api/prices?symbols=7011.T&${RANGE}`), status: 400, code: 'INVALID_PATH' },
  { name: '/assets/..%2f..%2fpackage.json', request: getRequest('/assets/..%2f..%2fpackage.json'), status: 400, code: 'INVALID_PATH' },
  { name: '/api/prices/..%2f..%2fpackage.json', request: getRequest('/api/prices/..%2f..%2fpackage.json'), status: 404, code: 'NOT_FOUND' },
  { name: 'backslashes in the path', request: getRequest('/assets\\..\\..\\package.json'), status: 400, code: 'MALFORMED_REQUEST' },
  // Overlong parameters and headers.
  { name: 'a query string of 2,000 characters', request: prices(`symbols=7011.T&${RANGE}&pad=${'a'.repeat(2_000)}`), status: 400, code: 'INVALID_QUERY' },
  { name: 'a 21-character symbol', request: withSymbols('ABCDEFGHIJKLMNOPQRSTU'), status: 400, code: 'INVALID_SYMBOL' },
  { name: 'a 10,000-character API path', request: getRequest(`/api/${'a'.repeat(10_000)}`), status: 404, code: 'NOT_FOUND' },
  { name: 'a 20 KB header', request: getRequest('/api/health', { 'X-Padding': 'a'.repeat(20_000) }), status: 431, code: 'HEADERS_TOO_LARGE' },
  // Header injection.
  { name: 'symbols=...%0D%0ASet-Cookie (encoded CR/LF)', request: withSymbols('7011.T%0D%0ASet-Cookie:%20a=b'), status: 400, code: 'INVALID_SYMBOL' },
  // Node ends the request target at the CR/LF; the rest is a request header, never echoed back.
  { name: 'raw CR/LF inside the request target', request: `GET /api/prices?symbols=7011.T\r\nSet-Cookie: a=b&${RANGE} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, status: 400, code: 'INVALID_QUERY' },
  { name: 'a bare CR inside a header value', request: `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Test: a\rSet-Cookie: b\r\nConnection: close\r\n\r\n`, status: 400, code: 'MALFORMED_REQUEST' },
  { name: 'a Host header with a space and a path', request: `GET /api/health HTTP/1.1\r\nHost: evil.example /x\r\nConnection: close\r\n\r\n`, status: 400, code: 'MALFORMED_REQUEST' },
  // Unicode.
  { name: 'symbols=7011.%C3%9F (ß upper-cases to SS)', request: withSymbols('7011.%C3%9F'), status: 400, code: 'INVALID_SYMBOL' },
  { name: 'symbols=%C5%BFONY (long s upper-cases to S)', request: withSymbols('%C5%BFONY'), status: 400, code: 'INVALID_SYMBOL' },
  { name: 'full-width digits ７０１１.T', request: withSymbols('%EF%BC%97%EF%BC%90%EF%BC%91%EF%BC%91.T'), status: 400, code: 'INVALID_SYMBOL' },
  { name: 'Cyrillic Т homoglyph in 7011.Т', request: withSymbols('7011.%D0%A2'), status: 400, code: 'INVALID_SYMBOL' },
  { name: 'an ideographic space after the symbol', request: withSymbols('7011.T%E3%80%80'), status: 400, code: 'INVALID_SYMBOL' },
  { name: 'a zero-width space inside the symbol', request: withSymbols('70%E2%80%8B11.T'), status: 400, code: 'INVALID_SYMBOL' },
  { name: 'invalid UTF-8 percent-encoding', request: withSymbols('7011.T%FF%FE'), status: 400, code: 'INVALID_SYMBOL' },
  { name: 'raw non-ASCII bytes in the request line', request: Buffer.concat([Buffer.from('GET /api/prices?symbols=7011.'), Buffer.from('ß', 'utf8'), Buffer.from(`&${RANGE} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)]), status: 400, code: 'MALFORMED_REQUEST' },
  // Query arrays.
  { name: 'symbols[]=7011.T', request: prices(`symbols[]=7011.T&${RANGE}`), status: 400, code: 'INVALID_QUERY' },
  { name: 'symbols[0]=…&symbols[1]=…', request: prices(`symbols[0]=7011.T&symbols[1]=7013.T&${RANGE}`), status: 400, code: 'INVALID_QUERY' },
  { name: 'symbols given twice', request: prices(`symbols=7011.T&symbols=7013.T&${RANGE}`), status: 400, code: 'INVALID_QUERY' },
  { name: 'from given twice', request: prices(`symbols=7011.T&${RANGE}&from=2024-01-01`), status: 400, code: 'INVALID_QUERY' },
  // Huge and reversed ranges, impossible dates.
  { name: 'a 100-year range', request: prices('symbols=7011.T&from=1925-01-01&to=2025-01-01'), status: 400, code: 'INVALID_RANGE' },
  { name: 'from after to', request: prices('symbols=7011.T&from=2024-11-08&to=2024-10-28'), status: 400, code: 'INVALID_RANGE' },
  { name: 'year 0000', request: prices('symbols=7011.T&from=0000-01-01&to=0001-01-01'), status: 400, code: 'INVALID_DATE' },
  { name: 'a five-digit year', request: prices('symbols=7011.T&from=2024-01-01&to=99999-01-01'), status: 400, code: 'INVALID_DATE' },
  // Too many symbols.
  { name: 'symbols= with 1,000 entries', request: withSymbols(thousandSymbols), status: 400, code: 'INVALID_QUERY' },
  { name: `${MAX_SYMBOLS + 1} symbols`, request: withSymbols(tooManySymbols), status: 400, code: 'TOO_MANY_SYMBOLS' },
  // Protocol edges (issue 11, finding 6): Node alone answers these with a bare status line or a closed socket.
  { name: 'an HTTP/1.1 request without Host', request: 'GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n', status: 400, code: 'MALFORMED_REQUEST' },
  { name: 'two Host headers', request: 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n', status: 400, code: 'MALFORMED_REQUEST' },
  { name: 'CONNECT', request: 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'an Expect other than 100-continue', request: 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: teapot\r\nConnection: close\r\n\r\n', status: 417, code: 'EXPECTATION_FAILED' },
  { name: 'the HTTP/2 connection preface', request: 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', status: 400, code: 'MALFORMED_REQUEST' },
  { name: 'OPTIONS *', request: 'OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', status: 400, code: 'MALFORMED_REQUEST' },
  { name: 'Transfer-Encoding and Content-Length together', request: 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\nConnection: close\r\n\r\n0\r\n\r\n', status: 400, code: 'MALFORMED_REQUEST' },
  { name: 'HTTP/3.1', request: 'GET /api/health HTTP/3.1\r\nHost: 127.0.0.1\r\n\r\n', status: 400, code: 'MALFORMED_REQUEST' },
  { name: 'TRACE', request: 'TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', status: 405, code: 'METHOD_NOT_ALLOWED' },
  // Proxy-style and other methods.
  { name: 'an absolute-form target naming another host', request: `GET http://169.254.169.254/api/prices?symbols=../meta-data&${RANGE} HTTP/1.1\r\nHost: 169.254.169.254\r\nConnection: close\r\n\r\n`, status: 400, code: 'INVALID_SYMBOL' },
  { name: 'POST /api/prices', request: `POST /api/prices?symbols=7011.T&${RANGE} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, status: 405, code: 'METHOD_NOT_ALLOWED' },
];

let yahoo: FakeYahoo;
let server: ServerProcess;
let port: number;
let root: string;
let treeBefore: string[];

beforeAll(async () => {
  yahoo = await startFakeYahoo();
  root = await tempRoot('hostile');
  const staticDir = await madeUpStaticApp(path.join(root, 'static'));
  server = await startServerProcess(FAKE_YAHOO_ENTRY, {
    FAKE_YAHOO_ORIGIN: yahoo.origin,
    PRICE_SOURCE: 'auto',
    KABUTO_CACHE_DIR: path.join(root, 'cache'),
    KABUTO_STATIC_DIR: staticDir,
  });
  port = Number(new URL(server.url).port);
  treeBefore = await listTree(root);
});

afterAll(async () => {
  await server?.stop();
  await yahoo?.close();
});

/** The script-src directive, falling back to default-src as browsers do. */
function scriptSources(policy: string): string {
  const directives = policy.split(';').map((directive) => directive.trim());
  return directives.find((directive) => directive.startsWith('script-src ')) ?? directives.find((directive) => directive.startsWith('default-src ')) ?? '';
}

function expectStrictPolicy(response: RawResponse): void {
  const policy = response.headers['content-security-policy'] ?? '';
  expect(policy).toBe(CONTENT_SECURITY_POLICY);
  expect(scriptSources(policy)).toBe("script-src 'self'");
  expect(policy).not.toMatch(/'unsafe-inline'[^;]*;?\s*$|script-src[^;]*'unsafe-(inline|eval)'/);
}

describe('hostile requests', () => {
  it.each(CASES)('$name → $status $code', async ({ request, status, code }) => {
    const response = await rawRequest(port, request);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(response.body) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).not.toMatch(/[\r\n]/);
    expectStrictPolicy(response);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('reached no upstream and wrote nothing anywhere under the temporary root', async () => {
    expect(yahoo.requests).toEqual([]);
    expect(server.log()).not.toContain('the test fetch refuses');
    expect(await listTree(root)).toEqual(treeBefore);
  });

  it('still answers, and a valid request does reach the fake Yahoo (so the zero above means something)', async () => {
    const response = await fetch(`${server.url}/api/prices?symbols=7011.T&${RANGE}`);
    expect(response.status).toBe(200);
    await response.body?.cancel();
    expect(yahoo.requests.map((request) => request.symbol)).toEqual(['7011.T']);
    // The cache folder itself is created by this first write.
    expect(treeBefore).not.toContain('cache/');
    expect(await listTree(root)).toEqual([...treeBefore, 'cache/', 'cache/7011_2eT.json'].sort());
  });
});

describe('Content-Security-Policy', () => {
  it("is on the app page, with script-src 'self' and no 'unsafe-inline' for scripts", async () => {
    const response = await rawRequest(port, getRequest('/'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expectStrictPolicy(response);
  });

  it('is on API errors too', async () => {
    const response = await rawRequest(port, getRequest('/api/nothing-here'));
    expect(response.status).toBe(404);
    expectStrictPolicy(response);
  });
});
