import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { SourceSeries } from '../sources/price-source.ts';
import { cacheFileName, parseCacheFileName } from './cache-file-name.ts';

/** Live bars of one symbol and range as fetched, plus when. */
export interface CacheEntry {
  symbol: string;
  from: string;
  to: string;
  fetchedAt: string;
  series: SourceSeries;
}

const FORMAT = 'kabuto-price-cache/1';
const TEMPORARY_SUFFIX = '.tmp';
const TEMPORARY_NAME = /^(.+\.json)\.\d+\.[0-9a-f-]{36}\.tmp$/;
/** Parsed entries kept in memory so a hot cached request does not touch the disk. */
const MEMORY_ENTRIES = 500;

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

/**
 * The disk cache of live results: one JSON file per symbol and range under `directory`, named from
 * the validated symbol only. Writes go to a temporary file that is flushed and then renamed over
 * the target, so a crash leaves either the old file or the new one, never half of one. A file
 * that fails to parse is reported through `log`, ignored, and replaced by the next write.
 */
export class DiskCache {
  private readonly memory = new Map<string, CacheEntry>();
  /** Files found unparsable, so each is reported once rather than on every request. */
  private readonly unreadable = new Set<string>();

  constructor(
    readonly directory: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /**
   * The entry for exactly this range, else the most recently fetched one whose range covers it,
   * with its bars cut to [from, to]; undefined when there is none.
   */
  async find(symbol: string, from: string, to: string): Promise<CacheEntry | undefined> {
    const exactName = cacheFileName(symbol, from, to);
    const exact = await this.read(exactName);
    if (exact) return exact;
    const covering: CacheEntry[] = [];
    for (const fileName of await this.fileNames()) {
      const parts = parseCacheFileName(fileName);
      if (fileName === exactName || !parts || parts.symbol !== symbol || parts.from > from || parts.to < to) continue;
      const entry = await this.read(fileName);
      if (entry) covering.push(entry);
    }
    const newest = covering.sort((a, b) => b.fetchedAt.localeCompare(a.fetchedAt))[0];
    return newest && narrow(newest, from, to);
  }

  /** Writes atomically (temporary file, flush, rename). Rejects when the disk refuses. */
  async write(entry: CacheEntry): Promise<void> {
    const fileName = cacheFileName(entry.symbol, entry.from, entry.to);
    await mkdir(this.directory, { recursive: true });
    const target = this.pathOf(fileName);
    const temporary = `${target}.${process.pid}.${randomUUID()}${TEMPORARY_SUFFIX}`;
    try {
      const handle = await open(temporary, 'wx');
      try {
        await handle.writeFile(JSON.stringify({ format: FORMAT, entry }));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    this.remember(fileName, entry);
  }

  /**
   * Deletes temporary files that a killed process left behind. Only names this class creates are
   * touched, so a cache folder pointed at by mistake loses nothing else.
   */
  async removeLeftovers(): Promise<number> {
    const leftovers = (await this.allNames()).filter((name) => {
      const target = TEMPORARY_NAME.exec(name)?.[1];
      return target !== undefined && parseCacheFileName(target) !== undefined;
    });
    await Promise.all(leftovers.map((name) => rm(this.pathOf(name), { force: true })));
    return leftovers.length;
  }

  private async read(fileName: string): Promise<CacheEntry | undefined> {
    const remembered = this.memory.get(fileName);
    if (remembered) return remembered;
    if (this.unreadable.has(fileName)) return undefined;
    let text: string;
    try {
      text = await readFile(this.pathOf(fileName), 'utf8');
    } catch {
      return undefined;
    }
    const entry = parseCacheFile(text);
    if (!entry) {
      this.unreadable.add(fileName);
      this.log(`cache: ignoring ${fileName}, which does not parse; the next live fetch replaces it`);
      return undefined;
    }
    this.remember(fileName, entry);
    return entry;
  }

  private remember(fileName: string, entry: CacheEntry): void {
    this.unreadable.delete(fileName);
    this.memory.delete(fileName);
    this.memory.set(fileName, entry);
    if (this.memory.size > MEMORY_ENTRIES) {
      const oldest = this.memory.keys().next().value;
      if (oldest !== undefined) this.memory.delete(oldest);
    }
  }

  private async fileNames(): Promise<string[]> {
    return (await this.allNames()).filter((name) => name.endsWith('.json'));
  }

  private async allNames(): Promise<string[]> {
    try {
      return await readdir(this.directory);
    } catch {
      return [];
    }
  }

  private pathOf(fileName: string): string {
    // basename: whatever a future caller passes, the file stays directly inside the cache folder.
    return path.join(path.resolve(this.directory), path.basename(fileName));
  }
}

function parseCacheFile(text: string): CacheEntry | undefined {
  try {
    const result = cacheFileSchema.safeParse(JSON.parse(text));
    return result.success ? result.data.entry : undefined;
  } catch {
    return undefined;
  }
}

function narrow(entry: CacheEntry, from: string, to: string): CacheEntry {
  const bars = entry.series.bars.filter((bar) => bar.date >= from && bar.date <= to);
  return { ...entry, from, to, series: { ...entry.series, bars } };
}
