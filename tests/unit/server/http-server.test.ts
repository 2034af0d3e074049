import type { Server, ServerOptions } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../../server/http-server.ts';
import { CONTENT_SECURITY_POLICY } from '../../../server/security-headers.ts';
import { getRequest, rawRequest } from '../../reliability/helpers/raw-http.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A server whose app answers `app <path>` for every request, or whatever `handler` does. */
function openConnections(server: Server): Promise<number> {
  return new Promise((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
}

async function listening(node: ServerOptions = {}, handler?: (request: Request) => Response): Promise<{ port: number; log: string[]; server: Server }> {
  const log: string[] = [];
  const app = handler ?? ((request: Request) => new Response(`app ${new URL(request.url).pathname}`));
  const server = createHttpServer(app, { log: (line) => log.push(line), hostname: '127.0.0.1', node });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, log, server };
}

describe('createHttpServer', () => {
  it.each([['/..'], ['/a/../b'], ['/%2e%2e/x'], ['/%2E%2e/x'], ['/.%2e/x'], ['/%2e./x'], ['/./x'], ['/%2e/x'], ['/api/%2e%2e/api/prices?symbols=7011.T']])(
    'refuses the dot segment in %s with 400 INVALID_PATH, before the app sees it',
    async (target) => {
      const { port } = await listening();
      const response = await rawRequest(port, getRequest(target));
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toEqual({
        error: { code: 'INVALID_PATH', message: 'The request path may not contain "." or ".." segments, written plainly or as %2e.' },
      });
      expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers['cache-control']).toBe('no-store');
    },
  );

  it.each([['/a..b'], ['/..x/y'], ['/x/%2e%2ex'], ['/file.name.js'], ['/api/prices?from=..&to=%2e%2e']])('passes %s on to the app (dots inside a segment, or in the query)', async (target) => {
    const { port } = await listening();
    const response = await rawRequest(port, getRequest(target));
    expect(response.status).toBe(200);
    expect(response.body).toBe(`app ${target.split('?')[0]}`);
  });

  it('serves an HTTP/1.0 request that names no Host', async () => {
    const { port } = await listening();
    const response = await rawRequest(port, 'GET /api/health HTTP/1.0\r\n\r\n');
    expect(response.status).toBe(200);
    expect(response.body).toBe('app /api/health');
  });

  it.each([
    ['an HTTP/1.1 request without Host', 'GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n', 400, 'MALFORMED_REQUEST'],
    ['CONNECT', 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', 405, 'METHOD_NOT_ALLOWED'],
    ['an Expect other than 100-continue', 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: teapot\r\nConnection: close\r\n\r\n', 417, 'EXPECTATION_FAILED'],
  ])('answers %s with the JSON error and the security headers, never reaching the app (Node alone would send a bare status or close)', async (_label, request, status, code) => {
    let reached = false;
    const { port } = await listening({}, () => {
      reached = true;
      return new Response('app');
    });
    const response = await rawRequest(port, request);
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code } });
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(reached).toBe(false);
  });

  it('answers a client that does not finish its headers in time with 408 JSON, not a bare status line', async () => {
    const { port } = await listening({ headersTimeout: 200, requestTimeout: 300, connectionsCheckingInterval: 50 });
    const response = await rawRequest(port, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    expect(response.status).toBe(408);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'REQUEST_TIMEOUT' } });
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.connection).toBe('close');
  });

  it('answers a request Node cannot parse with 400 JSON, then closes the connection even if the client never does', async () => {
    const { port, server } = await listening();
    const serverSide = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
    // allowHalfOpen: this client does not close its side when the server closes its own.
    const socket = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Bad: a\rb\r\n\r\n');
    await new Promise((resolve) => socket.once('end', resolve));
    expect(received).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(received).toContain('"code":"MALFORMED_REQUEST"');
    expect(await openConnections(server)).toBe(1);
    // The server closes the socket by itself some time later (2 s); waiting for that close, not for
    // a fixed time, leaves no timer margin to miss. A server that never closed it fails on the test's timeout.
    const closed = await serverSide;
    if (!closed.destroyed) await new Promise((resolve) => closed.once('close', resolve));
    expect(await openConnections(server)).toBe(0);
    expect(socket.destroyed).toBe(false);
    socket.destroy();
  });

  it('turns an app that throws outside Hono into a logged 500 INTERNAL_ERROR without its details', async () => {
    const { port, log } = await listening({}, () => {
      throw new Error('secret detail');
    });
    const response = await rawRequest(port, getRequest('/api/health'));
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body)).toEqual({ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong inside the price server; its log has the details.' } });
    expect(response.body).not.toContain('secret');
    expect(log.some((line) => line.startsWith('error: Error: secret detail'))).toBe(true);
  });
});
