/** KABUTO_REDIS_URL as the server reads it, and the URL as its log lines show it. */
import { describe, expect, it } from 'vitest';
import { redactedUrl } from '../../../server/cache/redis-url.ts';
import { readServerConfig } from '../../../server/config.ts';
import { ConfigurationError } from '../../../server/errors.ts';

describe('KABUTO_REDIS_URL', () => {
  it('is optional: without it each instance keeps its own cache', () => {
    expect(readServerConfig({}).redisUrl).toBeUndefined();
    expect(readServerConfig({ KABUTO_REDIS_URL: '  ' }).redisUrl).toBeUndefined();
  });

  it.each(['redis://127.0.0.1:6379', 'redis://:secret@cache.internal:6380/2', 'rediss://user:secret@cache.example.com', 'redis://[::1]:6379'])('accepts %s', (url) => {
    expect(readServerConfig({ PRICE_SOURCE: 'live', KABUTO_REDIS_URL: ` ${url} ` }).redisUrl).toBe(url);
  });

  it.each([
    ['http://:secret@127.0.0.1:6379', 'KABUTO_REDIS_URL="http://:***@127.0.0.1:6379" must be a redis:// or rediss:// URL with a host, e.g. redis://127.0.0.1:6379.'],
    ['redis:///0', 'KABUTO_REDIS_URL="redis:///0" must be a redis:// or rediss:// URL with a host, e.g. redis://127.0.0.1:6379.'],
    ['127.0.0.1:6379:secret', 'KABUTO_REDIS_URL (not a URL) must be a redis:// or rediss:// URL with a host, e.g. redis://127.0.0.1:6379.'],
  ])('refuses %s without showing a password', (url, message) => {
    expect(() => readServerConfig({ KABUTO_REDIS_URL: url })).toThrow(ConfigurationError);
    expect(() => readServerConfig({ KABUTO_REDIS_URL: url })).toThrow(message);
  });
});

describe('redactedUrl', () => {
  it('hides the password and nothing else', () => {
    expect(redactedUrl('redis://:secret@cache:6379/2')).toBe('redis://:***@cache:6379/2');
    expect(redactedUrl('rediss://admin:secret@cache.example.com:6380')).toBe('rediss://admin:***@cache.example.com:6380');
    expect(redactedUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
