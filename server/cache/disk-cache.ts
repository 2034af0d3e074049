import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ByteLru } from '../byte-lru.ts';
import { cacheFileName, cacheFileSymbol, isRangeLayoutName } from './cache-file-name.ts';
import type { CacheEntry, PriceCache } from './price-cache.ts';

const FORMAT = 'kabuto-price-cache/1';
const TEMPORARY_SUFFIX = '.tmp';
const TEMPORARY_NAME = /^(.+\.json)\.\d+\.[0-9a-f-]{36}\.tmp$/;
/** Files on disk, all symbols together; a 20-year daily series is about 0.5 MB. */
export const DEFAULT_CACHE_MAX_BYTES = 256 * 1024 * 1024;
/** Parsed entries kept in memory so a hot cached request does not touch the disk. */
const DEFAULT_MEMORY_BYTES = 32 * 1024 * 1024;
/**
 * Opening never blocks and never follows a link: a FIFO opens at once (and is then refused as not
 * a regular file) instead of holding a thread of libuv's small pool until a writer appears.
 */
const SAFE_READ_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

const number = z.number().finite().nullable();
const cacheFileSchema = z.object({
  format: z.literal(FORMAT),
  entry: z.object({
    symbol: z.string(),
    from: z.string(),
    to: z.string(),
    fetchedAt: z.string(),
    series: z.object({
      symbol: z.string(),
      name: z.string(),
      exchange: z.string(),
      currency: z.string(),
      exchangeTimezoneName: z.string(),
      fetchedAt: z.string(),
      provenance: z.looseObject({ source: z.string(), adjustment: z.string(), defects: z.array(z.string()) }),
      bars: z.array(z.object({ date: z.string(), open: number, high: number, low: number, close: number, adjClose: number, volume: number })),
      warnings: z.array(z.string()),
    }),
  }),
});

export interface DiskCacheOptions {
  directory: string;
  /** Bytes of entry files allowed on disk; least recently used entries go first beyond it. */
  maxBytes?: number;
  /** Bytes of parsed entries kept in memory. */
  memoryBytes?: number;
  log?: (line: string) => void;
}

interface IndexedFile {
  fileName: string;
  bytes: number;
}

/**
 * The price cache in a local folder: one JSON file per symbol (`7011_2eT.json`). The folder is
 * listed once, on first use; after that an in-memory index (in least-recently-used order) answers
 * whether a symbol has an entry, so a miss costs no disk access. Beyond `maxBytes` the least
 * recently used files are deleted. Only regular files are read: links are not followed and FIFOs,
 * devices or folders named like an entry are skipped. Writes go to a temporary file that is flushed
 * and then renamed over the target, so a crash leaves either the old file or the new one, never
 * half of one. A file that fails to parse is reported through `log` once, ignored, and replaced by
 * the next write.
 * @example const cache = new DiskPriceCache({ directory: 'data/cache', log: console.error })
 */
export class DiskPriceCache implements PriceCache {
  readonly directory: string;
  private readonly maxBytes: number;
  private readonly log: (line: string) => void;
  private indexLoad: Promise<Map<string, IndexedFile>> | undefined;
  /** The index once listed: symbol → file, least recently used first. */
  private loaded: Map<string, IndexedFile> | undefined;
  private indexedBytes = 0;
  private readonly parsed: ByteLru<{ entry: CacheEntry; bytes: number }>;
  /** Files found unusable, so each is reported once rather than on every request. */
  private readonly unusable = new Set<string>();

  constructor(options: DiskCacheOptions) {
    this.directory = path.resolve(options.directory);
    this.maxBytes = options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES;
    this.log = options.log ?? (() => undefined);
    this.parsed = new ByteLru(options.memoryBytes ?? DEFAULT_MEMORY_BYTES, (kept) => kept.bytes);
  }

  async get(symbol: string): Promise<CacheEntry | undefined> {
    const index = await this.index();
    const file = index.get(symbol);
    if (!file) return undefined;
    index.delete(symbol);
    index.set(symbol, file);
    const kept = this.parsed.get(symbol);
    if (kept) return kept.entry;
    if (this.unusable.has(file.fileName)) return undefined;
    const read = await readRegularFile(this.pathOf(file.fileName));
    if (read.kind === 'missing') {
      this.forget(symbol);
      return undefined;
    }
    const entry = read.kind === 'text' ? parseCacheFile(read.text) : undefined;
    if (!entry || entry.symbol !== symbol) {
      this.unusable.add(file.fileName);
      const why = read.kind === 'not-regular' ? 'is not a regular file' : 'does not parse';
      this.log(`cache: ignoring ${file.fileName}, which ${why}; the next live fetch replaces it`);
      return undefined;
    }
    this.parsed.set(symbol, { entry, bytes: file.bytes });
    return entry;
  }

  /** Writes atomically (temporary file, flush, rename), then evicts beyond the size cap. Rejects when the disk refuses. */
  async put(entry: CacheEntry): Promise<void> {
    const fileName = cacheFileName(entry.symbol);
    const index = await this.index();
    await mkdir(this.directory, { recursive: true });
    const target = this.pathOf(fileName);
    const temporary = `${target}.${process.pid}.${randomUUID()}${TEMPORARY_SUFFIX}`;
    const text = cacheFileText(entry);
    try {
      const handle = await open(temporary, 'wx');
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await removeFile(temporary).catch(() => undefined);
      throw error;
    }
    const bytes = Buffer.byteLength(text);
    this.forget(entry.symbol);
    index.set(entry.symbol, { fileName, bytes });
    this.indexedBytes += bytes;
    this.unusable.delete(fileName);
    this.parsed.set(entry.symbol, { entry, bytes });
    await this.evictBeyondCap(entry.symbol);
  }

  /**
   * Deletes what an earlier run left: temporary files of interrupted writes and files of the first
   * layout (one per symbol and range). Only names this class creates are touched, so a cache folder
   * pointed at by mistake loses nothing else. A folder that cannot be read or written (read-only,
   * missing) is logged, never thrown: the server starts anyway.
   */
  async tidy(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') this.log(`cache: cannot list ${this.directory} to tidy it (${describe(error)})`);
      return;
    }
    const leftovers = names.filter((name) => {
      const target = TEMPORARY_NAME.exec(name)?.[1];
      return target !== undefined && (cacheFileSymbol(target) !== undefined || isRangeLayoutName(target));
    });
    const oldLayout = names.filter(isRangeLayoutName);
    const [removedLeftovers, removedOld] = await Promise.all([this.removeAll(leftovers), this.removeAll(oldLayout)]);
    if (removedLeftovers > 0) this.log(`cache: removed ${removedLeftovers} temporary file(s) left by an interrupted write`);
    if (removedOld > 0) this.log(`cache: removed ${removedOld} file(s) of the old one-file-per-range layout`);
  }

  private async removeAll(names: readonly string[]): Promise<number> {
    const results = await Promise.all(
      names.map((name) =>
        removeFile(this.pathOf(name)).then(
          () => true,
          (error: unknown) => {
            this.log(`cache: could not remove ${name} (${describe(error)}); it stays, and is never read`);
            return false;
          },
        ),
      ),
    );
    return results.filter(Boolean).length;
  }

  private index(): Promise<Map<string, IndexedFile>> {
    this.indexLoad ??= this.loadIndex().then((loaded) => (this.loaded = loaded));
    return this.indexLoad;
  }

  /** One listing of the folder: regular files named like an entry, least recently modified first. */
  private async loadIndex(): Promise<Map<string, IndexedFile>> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') this.log(`cache: cannot list ${this.directory} (${describe(error)}); starting with an empty cache`);
      return new Map();
    }
    const found: (IndexedFile & { symbol: string; mtimeMs: number })[] = [];
    for (const fileName of names) {
      const symbol = cacheFileSymbol(fileName);
      if (symbol === undefined) continue;
      const info = await lstat(this.pathOf(fileName)).catch(() => undefined);
      if (!info?.isFile()) {
        if (info) this.log(`cache: ignoring ${fileName}, which is not a regular file`);
        continue;
      }
      found.push({ symbol, fileName, bytes: info.size, mtimeMs: info.mtimeMs });
    }
    found.sort((a, b) => a.mtimeMs - b.mtimeMs);
    this.indexedBytes = found.reduce((sum, file) => sum + file.bytes, 0);
    return new Map(found.map(({ symbol, fileName, bytes }) => [symbol, { fileName, bytes }]));
  }

  private async evictBeyondCap(keep: string): Promise<void> {
    const index = await this.index();
    for (const [symbol, file] of index) {
      if (this.indexedBytes <= this.maxBytes) break;
      if (symbol === keep) continue;
      this.forget(symbol);
      await removeFile(this.pathOf(file.fileName)).catch((error: unknown) => {
        this.log(`cache: could not evict ${file.fileName} (${describe(error)})`);
      });
    }
  }

  private forget(symbol: string): void {
    const file = this.loaded?.get(symbol);
    if (file) {
      this.loaded?.delete(symbol);
      this.indexedBytes -= file.bytes;
    }
    this.parsed.delete(symbol);
  }

  private pathOf(fileName: string): string {
    // basename: whatever a future caller passes, the file stays directly inside the cache folder.
    return path.join(this.directory, path.basename(fileName));
  }
}

/** Deletes a file (never a folder); one that is already gone is no failure. */
async function removeFile(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

type ReadResult = { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'not-regular' };

async function readRegularFile(file: string): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(file, SAFE_READ_FLAGS);
  } catch (error) {
    // ELOOP: a symbolic link, which O_NOFOLLOW refuses.
    return errorCode(error) === 'ELOOP' ? { kind: 'not-regular' } : { kind: 'missing' };
  }
  try {
    if (!(await handle.stat()).isFile()) return { kind: 'not-regular' };
    return { kind: 'text', text: await handle.readFile('utf8') };
  } catch {
    return { kind: 'missing' };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The stored form of an entry: the disk cache's file, and the value the Redis cache keeps. */
export function cacheFileText(entry: CacheEntry): string {
  return JSON.stringify({ format: FORMAT, entry });
}

/** The entry in a stored text, or undefined when it is not one (wrong format, wrong shape, not JSON). */
export function parseCacheFile(text: string): CacheEntry | undefined {
  try {
    const result = cacheFileSchema.safeParse(JSON.parse(text));
    return result.success ? result.data.entry : undefined;
  } catch {
    return undefined;
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
