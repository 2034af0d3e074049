import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { ByteLru } from '../byte-lru.ts';
import { Coalescer } from '../coalescer.ts';

export type ContentCoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Bodies smaller than this go out as they are: compression would save less than it costs. */
export const MIN_COMPRESSIBLE_BYTES = 1_024;
/**
 * Brotli quality: 9 for bodies up to 1 MiB that are compressed once and kept (the app's scripts:
 * 560 kB in about 50 ms, 8% larger than quality 11 at a tenth of its time); 4 for the rest (the
 * heaviest study's 7 MB CSV to 2 MB in about 150 ms, smaller and faster than quality 5 on it).
 */
const KEPT_QUALITY = 9;
const KEPT_QUALITY_MAX_BYTES = 1024 * 1024;
const QUALITY = 4;
const GZIP_LEVEL = 6;
/** Compressed bodies kept, by their identity's ETag. */
const KEPT_BYTES = 64 * 1024 * 1024;

const COMPRESSIBLE_TYPE = /^(?:text\/|application\/(?:json|javascript|manifest\+json)|image\/svg\+xml)/;

/**
 * True for media types worth compressing (text, JSON, JavaScript, SVG); images and fonts are
 * compressed already.
 * @example isCompressible('text/csv; charset=utf-8') // true
 */
export function isCompressible(contentType: string): boolean {
  return COMPRESSIBLE_TYPE.test(contentType);
}

/**
 * The coding to answer with under RFC 9110 §12.5.3: br or gzip, whichever the client accepts with
 * the higher weight (br on a tie), or undefined for the body as it is. `*` stands for any coding
 * not named; q=0 refuses one.
 * @example chooseCoding('gzip, deflate, br') // 'br'
 */
export function chooseCoding(acceptEncoding: string | undefined): ContentCoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((parameter) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    if (name) weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weightOf = (coding: ContentCoding) => weights.get(coding) ?? weights.get('*') ?? 0;
  const [best] = (['br', 'gzip'] as const).filter((coding) => weightOf(coding) > 0).sort((a, b) => weightOf(b) - weightOf(a));
  return best;
}

/**
 * Compression with Node's zlib, run on libuv's thread pool so the event loop stays free. Bodies
 * with an ETag never change, so each is compressed once per coding and kept (64 MiB in all, least
 * recently used first); concurrent requests for the same one share the work.
 * @example await compressor.compress(body, 'br', etag)
 */
export class Compressor {
  private readonly kept = new ByteLru<Buffer>(KEPT_BYTES, (body) => body.byteLength);
  private readonly running = new Coalescer<Buffer>();

  /** `key` (the body's strong ETag) marks a body that never changes, so its compressed form is kept. */
  async compress(body: Uint8Array, coding: ContentCoding, key?: string): Promise<Buffer> {
    if (!key) return encode(body, coding, QUALITY);
    const quality = body.byteLength <= KEPT_QUALITY_MAX_BYTES ? KEPT_QUALITY : QUALITY;
    const keptKey = `${key}|${coding}`;
    const kept = this.kept.get(keptKey);
    if (kept) return kept;
    return this.running.run(keptKey, async () => {
      const encoded = await encode(body, coding, quality);
      this.kept.set(keptKey, encoded);
      return encoded;
    });
  }
}

function encode(body: Uint8Array, coding: ContentCoding, quality: number): Promise<Buffer> {
  if (coding === 'gzip') return gzipAsync(body, { level: GZIP_LEVEL });
  return brotli(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}
