import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readServerConfig } from '../../../server/config.ts';
import {
  AppNotBuiltError,
  ConfigurationError,
  InvalidRequestError,
  MalformedRequestError,
  MethodNotAllowedError,
  quoteForMessage,
  RequestHeadersTooLargeError,
  RequestTimeoutError,
  RouteNotFoundError,
  SnapshotUnavailableError,
  StaticFileNotFoundError,
  UnknownSymbolError,
  UpstreamInvalidResponseError,
  UpstreamRateLimitedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from '../../../server/errors.ts';
import { toErrorResponse } from '../../../server/error-response.ts';
import { EventsUnavailableError, StudyNotComputableError } from '../../../server/study-errors.ts';
import { PROJECT_ROOT } from '../../../server/versions.ts';

describe('toErrorResponse maps every error to its status in one place', () => {
  it.each([
    [new InvalidRequestError('INVALID_DATE', 'bad date'), 400, 'INVALID_DATE'],
    [new UnknownSymbolError('XYZ', 'XYZ is unknown'), 404, 'UNKNOWN_SYMBOL'],
    [new RouteNotFoundError('/api/nope'), 404, 'NOT_FOUND'],
    [new StaticFileNotFoundError('/assets/x.js'), 404, 'NOT_FOUND'],
    [new AppNotBuiltError(), 404, 'APP_NOT_BUILT'],
    [new MethodNotAllowedError('POST'), 405, 'METHOD_NOT_ALLOWED'],
    [new MalformedRequestError('HPE_INVALID_HEADER_TOKEN: Invalid header value char'), 400, 'MALFORMED_REQUEST'],
    [new RequestTimeoutError(), 408, 'REQUEST_TIMEOUT'],
    [new StudyNotComputableError('No security in the study.'), 422, 'STUDY_NOT_COMPUTABLE'],
    [new RequestHeadersTooLargeError(), 431, 'HEADERS_TOO_LARGE'],
    [new UpstreamRateLimitedError('7011.T', null), 503, 'UPSTREAM_RATE_LIMITED'],
    [new UpstreamUnavailableError('7011.T', 'it answered HTTP 500'), 503, 'UPSTREAM_UNAVAILABLE'],
    [new UpstreamTimeoutError('7011.T', 8000), 503, 'UPSTREAM_TIMEOUT'],
    [new UpstreamInvalidResponseError('7011.T', 'the body is not valid JSON'), 502, 'UPSTREAM_INVALID_RESPONSE'],
    [new UpstreamInvalidResponseError('7011.T', 'no bars', 'UPSTREAM_NO_DATA'), 502, 'UPSTREAM_NO_DATA'],
    [new SnapshotUnavailableError('manifest.json is missing'), 500, 'SNAPSHOT_UNAVAILABLE'],
    [new ConfigurationError('PORT is wrong'), 500, 'INVALID_CONFIGURATION'],
    [new EventsUnavailableError('data/events.json is missing'), 500, 'EVENTS_UNAVAILABLE'],
  ])('%s → %i %s', (error, status, code) => {
    const response = toErrorResponse(error);
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error: { code, message: error.message } });
  });

  it('hides the details of an unforeseen error behind a generic 500', () => {
    const response = toErrorResponse(new TypeError('Cannot read properties of undefined (secret internals)'));
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe('INTERNAL_ERROR');
    expect(response.body.error.message).not.toContain('secret');
  });

  it('passes Retry-After on when Yahoo gave one, and Allow for 405', () => {
    expect(toErrorResponse(new UpstreamRateLimitedError('7011.T', 42)).headers).toEqual({ 'Retry-After': '42' });
    expect(toErrorResponse(new UpstreamRateLimitedError('7011.T', null)).headers).toEqual({});
    expect(toErrorResponse(new MethodNotAllowedError('PUT')).headers).toEqual({ Allow: 'GET, HEAD' });
  });

  it('messages say what happened and what to do', () => {
    expect(new UpstreamTimeoutError('7011.T', 8000).message).toBe('Yahoo Finance did not answer within 8000 ms; 7011.T could not be fetched live. Try again later.');
    expect(new UpstreamRateLimitedError('7011.T', 60).message).toContain('asked to wait 60 s');
  });
});

describe('quoteForMessage', () => {
  it('escapes control and non-ASCII characters and shortens long text', () => {
    expect(quoteForMessage('a\r\nb')).toBe('"a\\r\\nb"');
    expect(quoteForMessage('テ')).toBe('"\\u30c6"');
    expect(quoteForMessage('x'.repeat(100))).toBe(`"${'x'.repeat(40)}..."`);
  });
});

describe('readServerConfig', () => {
  it('defaults to 127.0.0.1:8787, the offline snapshot, and the project folders', () => {
    expect(readServerConfig({}, 6)).toEqual({
      host: '127.0.0.1',
      port: 8787,
      mode: 'snapshot',
      cacheDir: path.join(PROJECT_ROOT, 'data/cache'),
      snapshotDir: path.join(PROJECT_ROOT, 'data/snapshot'),
      staticDir: path.join(PROJECT_ROOT, 'dist/app'),
      upstreamTimeoutMs: 8000,
      upstreamBackoffMs: 30_000,
      cacheMaxBytes: 256 * 1024 * 1024,
      studyWorkers: 6,
      studyQueue: 24,
      studyCacheBytes: 128 * 1024 * 1024,
    });
  });

  it('reads the bounds of the cache, the upstream back-off and the study workers', () => {
    const config = readServerConfig({ KABUTO_CACHE_MAX_MB: '10', KABUTO_UPSTREAM_BACKOFF_MS: '0', KABUTO_STUDY_WORKERS: '3', KABUTO_STUDY_QUEUE: '0', KABUTO_STUDY_CACHE_MB: '1' }, 4);
    expect(config).toMatchObject({ cacheMaxBytes: 10 * 1024 * 1024, upstreamBackoffMs: 0, studyWorkers: 3, studyQueue: 0, studyCacheBytes: 1024 * 1024 });
  });

  it('reads HOST, PORT (0 allowed), PRICE_SOURCE, folders and the upstream timeout', () => {
    const config = readServerConfig({ HOST: '0.0.0.0', PORT: '0', PRICE_SOURCE: 'auto', KABUTO_CACHE_DIR: '/tmp/kabuto-cache', KABUTO_UPSTREAM_TIMEOUT_MS: '2500' });
    expect(config).toMatchObject({ host: '0.0.0.0', port: 0, mode: 'auto', cacheDir: '/tmp/kabuto-cache', upstreamTimeoutMs: 2500 });
  });

  it.each([
    [{ PRICE_SOURCE: 'yahoo' }, 'PRICE_SOURCE="yahoo" is not one of snapshot, live, auto.'],
    [{ PORT: '65536' }, 'PORT="65536" must be a whole number from 0 to 65535.'],
    [{ PORT: '-1' }, 'PORT="-1" must be a whole number from 0 to 65535.'],
    [{ KABUTO_UPSTREAM_TIMEOUT_MS: '0' }, 'KABUTO_UPSTREAM_TIMEOUT_MS="0" must be a whole number from 1 to 120000.'],
    [{ KABUTO_CACHE_MAX_MB: '0' }, 'KABUTO_CACHE_MAX_MB="0" must be a whole number from 1 to 1000000.'],
  ])('refuses %j', (environment, message) => {
    expect(() => readServerConfig(environment)).toThrow(ConfigurationError);
    expect(() => readServerConfig(environment)).toThrow(message);
  });

  it('runs at most one study worker per core', () => {
    expect(() => readServerConfig({ KABUTO_STUDY_WORKERS: '3' }, 2)).toThrow('KABUTO_STUDY_WORKERS="3" must be a whole number from 1 to 2.');
    expect(() => readServerConfig({ KABUTO_STUDY_WORKERS: '0' }, 2)).toThrow(ConfigurationError);
  });
});
