import { chooseCoding, isCompressible, MIN_COMPRESSIBLE_BYTES, type Compressor, type ContentCoding } from './compression.ts';

/** A body the server answers with, and how it may be cached. */
export interface Entity {
  body: Uint8Array;
  contentType: string;
  cacheControl: string;
  /** The body's strong ETag (etag.ts), when the answer may be revalidated with If-None-Match. */
  etag?: string;
  /** Further headers of a full answer (e.g. Content-Disposition). */
  headers?: Record<string, string>;
}

/** Revalidate before every use (with the ETag); for answers that rest on the snapshot or the built app. */
export const REVALIDATE = 'no-cache';
/** Never stored: live answers, errors, anything that can change without its ETag changing. */
export const NO_STORE = 'no-store';

const CODING_SUFFIX: Record<ContentCoding, string> = { br: '-br', gzip: '-gz' };

/**
 * The answer to `request` for `entity`: 304 when If-None-Match names its ETag (RFC 9110 §13.1.2,
 * weak comparison), else 200 with the body compressed as the client accepts (br, else gzip; text,
 * JSON, JavaScript and SVG of 1 kB or more). Each compressed form has its own strong ETag (the
 * identity's with -br or -gz), and any of the three revalidates, since they carry the same data.
 * @example return entityResponse(context.req.raw, { body, contentType: 'application/json', cacheControl: REVALIDATE, etag }, compressor)
 */
export async function entityResponse(request: Request, entity: Entity, compressor: Compressor): Promise<Response> {
  const compressible = isCompressible(entity.contentType);
  const coding = compressible && entity.body.byteLength >= MIN_COMPRESSIBLE_BYTES ? chooseCoding(request.headers.get('accept-encoding') ?? undefined) : undefined;
  const validators: Record<string, string> = { 'Cache-Control': entity.cacheControl };
  if (compressible) validators.Vary = 'Accept-Encoding';
  if (entity.etag) validators.ETag = coding ? withSuffix(entity.etag, CODING_SUFFIX[coding]) : entity.etag;
  if (entity.etag && matchesAny(request.headers.get('if-none-match'), entity.etag)) {
    return new Response(null, { status: 304, headers: validators });
  }
  const body = coding ? await compressor.compress(entity.body, coding, entity.etag) : entity.body;
  const headers: Record<string, string> = { ...entity.headers, ...validators, 'Content-Type': entity.contentType, 'Content-Length': String(body.byteLength) };
  if (coding) headers['Content-Encoding'] = coding;
  return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers });
}

function withSuffix(etag: string, suffix: string): string {
  return `${etag.slice(0, -1)}${suffix}"`;
}

/** If-None-Match: `*`, or a list of entity tags, each maybe weak (W/"…"). */
function matchesAny(header: string | null, etag: string): boolean {
  if (header === null) return false;
  if (header.trim() === '*') return true;
  const ours = [etag, ...Object.values(CODING_SUFFIX).map((suffix) => withSuffix(etag, suffix))];
  return header.split(',').some((tag) => ours.includes(tag.trim().replace(/^W\//, '')));
}
