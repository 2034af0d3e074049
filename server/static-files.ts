import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppNotBuiltError, InvalidRequestError, StaticFileNotFoundError } from './errors.ts';
import { REVALIDATE, type Entity } from './http/entity-response.ts';
import { strongEtag } from './http/etag.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Vite puts content-hashed bundles under assets/: a changed file gets a new name, so cache forever. */
const HASHED_PREFIX = 'assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface CachedFile {
  mtimeMs: number;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

/**
 * Serves the built single-page app from `directory` (dist/). A path that names no file and has no
 * extension is a client-side route and gets index.html; a missing file with an extension (a
 * stale asset URL) gets 404 rather than HTML the browser would try to run. Bodies are kept in
 * memory with their strong ETag, and re-read when the file's modification time changes.
 */
export class StaticFiles {
  private readonly root: string;
  private readonly files = new Map<string, CachedFile>();

  constructor(directory: string) {
    this.root = path.resolve(directory);
  }

  /**
   * @throws InvalidRequestError INVALID_PATH for undecodable or traversing paths,
   *   StaticFileNotFoundError for a missing asset, AppNotBuiltError when index.html is missing.
   */
  async serve(urlPath: string): Promise<Entity> {
    const relative = this.relativePath(urlPath);
    const found = relative === '' ? undefined : await this.load(relative);
    if (found) return respond(relative, found);
    if (path.extname(relative) !== '') throw new StaticFileNotFoundError(urlPath);
    const index = await this.load('index.html');
    if (!index) throw new AppNotBuiltError();
    return respond('index.html', index);
  }

  private relativePath(urlPath: string): string {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      throw new InvalidRequestError('INVALID_PATH', 'The request path is not valid percent-encoding.');
    }
    const segments = decoded.split('/').filter((segment) => segment !== '');
    if (decoded.includes('\0') || decoded.includes('\\') || segments.some((segment) => segment === '..' || segment === '.')) {
      throw new InvalidRequestError('INVALID_PATH', 'The request path may not contain "..", "." segments, backslashes or NUL.');
    }
    return segments.join('/');
  }

  private async load(relative: string): Promise<CachedFile | undefined> {
    const absolute = path.join(this.root, relative);
    if (!absolute.startsWith(this.root + path.sep)) return undefined;
    const info = await stat(absolute).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const cached = this.files.get(absolute);
    if (cached && cached.mtimeMs === info.mtimeMs) return cached;
    const body = await readFile(absolute).catch(() => undefined);
    if (!body) return undefined;
    const file = { mtimeMs: info.mtimeMs, body: new Uint8Array(body), etag: strongEtag(body) };
    this.files.set(absolute, file);
    return file;
  }
}

function respond(relative: string, file: CachedFile): Entity {
  return {
    body: file.body,
    contentType: CONTENT_TYPES[path.extname(relative).toLowerCase()] ?? 'application/octet-stream',
    cacheControl: relative.startsWith(HASHED_PREFIX) ? IMMUTABLE : REVALIDATE,
    etag: file.etag,
  };
}
