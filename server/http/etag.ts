import { createHash } from 'node:crypto';

/**
 * A strong entity tag (RFC 9110 §8.8.3) for exactly these bytes: a quoted SHA-256 prefix (128 bits,
 * base64url), so equal bodies get equal tags on every server and a changed byte a different one.
 * @example strongEtag(Buffer.from('hello')) // '"LPJNul-wow4m6DsqxbninhsW"'
 */
export function strongEtag(body: Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

const known = new WeakMap<Uint8Array, string>();

/**
 * strongEtag of a body that is handed out again and again (the same bytes object), hashed once.
 * @example keptEtag(pricesBody) === keptEtag(pricesBody) // true, one hash
 */
export function keptEtag(body: Uint8Array): string {
  let etag = known.get(body);
  if (etag === undefined) {
    etag = strongEtag(body);
    known.set(body, etag);
  }
  return etag;
}
