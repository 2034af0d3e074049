/**
 * Whether `text` is a URL the Redis client accepts: redis:// (plain) or rediss:// (TLS), with a host.
 * @example isRedisUrl('redis://127.0.0.1:6379/0') // true
 */
export function isRedisUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The URL with its password replaced, for log lines and messages.
 * @example redactedUrl('redis://:secret@cache:6379/2') // 'redis://:***@cache:6379/2'
 */
export function redactedUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.password) url.password = '***';
    return url.href.replace(/\/$/, '');
  } catch {
    return '(not a URL)';
  }
}
