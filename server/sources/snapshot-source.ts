import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PriceBar, SymbolInfo } from '../../src/domain/price-api.ts';
import { addCalendarDays as addDays } from '../../src/domain/calendar.ts';
import { SnapshotUnavailableError, UnknownSymbolError } from '../errors.ts';
import type { PriceSource, SeriesRequest, SourceSeries } from './price-source.ts';
import { parseSnapshotCsv } from './snapshot-csv.ts';
import { snapshotManifestSchema, type SnapshotManifest, type SnapshotManifestSeries } from './snapshot-manifest.ts';

/**
 * Range ends this many calendar days beyond the data are not worth a warning: the longest run of
 * closed days on the exchanges served (Tokyo's New Year break plus a weekend) is shorter.
 */
const COVERAGE_TOLERANCE_DAYS = 7;

/**
 * The offline snapshot in data/snapshot (manifest.json plus one CSV per series), read lazily and
 * kept in memory: it is a few megabytes and never changes while the server runs. A failed read is
 * not remembered, so a snapshot written after start-up is picked up on the next request.
 */
export class SnapshotSource implements PriceSource {
  private manifestLoad: Promise<SnapshotManifest> | undefined;
  private readonly barLoads = new Map<string, Promise<PriceBar[]>>();

  constructor(readonly directory: string) {}

  /** @throws SnapshotUnavailableError when manifest.json is missing or malformed. */
  manifest(): Promise<SnapshotManifest> {
    this.manifestLoad ??= this.loadManifest().catch((error: unknown) => {
      this.manifestLoad = undefined;
      throw error;
    });
    return this.manifestLoad;
  }

  /** What the snapshot offers, for GET /api/symbols. */
  async symbols(): Promise<SymbolInfo[]> {
    const manifest = await this.manifest();
    return manifest.series.map((series) => ({
      symbol: series.symbol,
      name: series.name,
      exchange: series.exchange,
      exchangeTimezoneName: series.exchangeTimezoneName,
      currency: series.currency,
      kind: series.kind,
      benchmarks: series.benchmarks,
      firstDate: series.firstDate,
      lastDate: series.lastDate,
      rows: series.rows,
      gaps: series.gaps,
    }));
  }

  /** The manifest entry of `symbol`, or undefined when the snapshot does not hold it. */
  async describe(symbol: string): Promise<SnapshotManifestSeries | undefined> {
    const manifest = await this.manifest();
    return manifest.series.find((series) => series.symbol === symbol);
  }

  /**
   * Bars of `symbol` with from ≤ date ≤ to, exactly as stored.
   * @throws UnknownSymbolError when the snapshot does not hold the symbol.
   * @throws SnapshotUnavailableError when the snapshot files cannot be read.
   */
  async fetchSeries({ symbol, from, to }: SeriesRequest): Promise<SourceSeries> {
    const manifest = await this.manifest();
    const entry = manifest.series.find((series) => series.symbol === symbol);
    if (!entry) throw unknownSymbol(symbol, manifest);
    const bars = await this.bars(entry);
    return {
      symbol,
      name: entry.name,
      exchange: entry.exchange,
      currency: entry.currency,
      exchangeTimezoneName: entry.exchangeTimezoneName,
      fetchedAt: manifest.builtAt,
      provenance: entry.provenance,
      bars: bars.filter((bar) => bar.date >= from && bar.date <= to),
      warnings: [...coverageWarnings(entry, from, to), ...gapWarnings(entry, from, to)],
    };
  }

  private bars(entry: SnapshotManifestSeries): Promise<PriceBar[]> {
    let load = this.barLoads.get(entry.file);
    if (!load) {
      load = this.loadBars(entry.file).catch((error: unknown) => {
        this.barLoads.delete(entry.file);
        throw error;
      });
      this.barLoads.set(entry.file, load);
    }
    return load;
  }

  private async loadManifest(): Promise<SnapshotManifest> {
    const text = await this.read('manifest.json');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SnapshotUnavailableError('manifest.json is not valid JSON');
    }
    const result = snapshotManifestSchema.safeParse(json);
    if (!result.success) {
      const first = result.error.issues[0];
      throw new SnapshotUnavailableError(`manifest.json field ${first?.path.join('.') ?? '?'} ${first?.message ?? 'is invalid'}`);
    }
    return result.data;
  }

  private async loadBars(fileName: string): Promise<PriceBar[]> {
    return parseSnapshotCsv(await this.read(fileName), fileName);
  }

  private async read(fileName: string): Promise<string> {
    try {
      return await readFile(path.join(this.directory, fileName), 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : 'cannot be read';
      throw new SnapshotUnavailableError(`${path.join(this.directory, fileName)} ${reason}`);
    }
  }
}

function unknownSymbol(symbol: string, manifest: SnapshotManifest): UnknownSymbolError {
  const offered = manifest.series.map((series) => series.symbol).join(', ');
  return new UnknownSymbolError(
    symbol,
    `${symbol} is not in the offline snapshot, which holds ${offered}. Start the server with PRICE_SOURCE=live or auto to fetch other symbols from Yahoo Finance.`,
  );
}

function coverageWarnings(entry: SnapshotManifestSeries, from: string, to: string): string[] {
  const startsLate = addDays(from, COVERAGE_TOLERANCE_DAYS) < entry.firstDate;
  const endsEarly = addDays(entry.lastDate, COVERAGE_TOLERANCE_DAYS) < to;
  if (!startsLate && !endsEarly) return [];
  return [
    `${entry.symbol}: the offline snapshot covers ${entry.firstDate} to ${entry.lastDate} only; days of ${from} to ${to} outside that span have no bars.`,
  ];
}

/** The series' own gaps inside the range: days its exchange traded without a bar here, which the study will miss. */
function gapWarnings(entry: SnapshotManifestSeries, from: string, to: string): string[] {
  return entry.gaps
    .filter((gap) => gap.from <= to && gap.to >= from)
    .map((gap) => {
      const when = gap.days === 1 ? `no bar on ${gap.from}, a trading day` : `no bars from ${gap.from} to ${gap.to}, ${gap.days} trading days`;
      return `${entry.symbol}: the offline snapshot has ${when} of ${entry.exchangeName}: ${gap.reason}.`;
    });
}
