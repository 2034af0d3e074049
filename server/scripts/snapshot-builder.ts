import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeriesProvenance } from '../../src/domain/price-api.ts';
import { SNAPSHOT_CSV_HEADER } from '../sources/snapshot-csv.ts';
import { exDividendDays } from './ex-dividend-days.ts';
import { gitBlobId } from './git-blob.ts';
import { priceLimitDays } from './price-limit-days.ts';
import { readRawBars, SnapshotBuildError, type RawBar } from './raw-price-file.ts';
import {
  EXCHANGE_NAMES,
  LICENSE_NOTE,
  SNAPSHOT_FROM,
  SNAPSHOT_SERIES,
  SNAPSHOT_TO,
  type RawInput,
  type SeriesSpec,
} from './snapshot-inputs.ts';

/** The command that writes data/snapshot, recorded in its manifest. */
export const BUILT_BY = 'npm run data:snapshot';

export interface SnapshotProvenance extends SeriesProvenance {
  repository: string;
  commit: string;
  path: string;
  blob: string;
  /** The byte-for-byte copy read by the builder, relative to the shared data folder. */
  rawFile: string;
  currency: string;
  exchangeTimezoneName: string;
  license: string;
}

export interface SnapshotSeriesEntry {
  symbol: string;
  name: string;
  exchange: string;
  exchangeName: string;
  currency: string;
  exchangeTimezoneName: string;
  kind: 'equity' | 'index';
  benchmarks: string[];
  file: string;
  firstDate: string;
  lastDate: string;
  rows: number;
  provenance: SnapshotProvenance;
}

export interface SnapshotManifest {
  builtAt: string;
  builtAtNote: string;
  builtBy: string;
  series: SnapshotSeriesEntry[];
}

export interface BuiltSnapshot {
  manifest: SnapshotManifest;
  /** File name → exact file content, manifest.json included. */
  files: Map<string, string>;
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Builds data/snapshot from the shared data folder: verifies every raw input's git blob id
 * against PROVENANCE.md, copies the bars of SNAPSHOT_FROM..SNAPSHOT_TO cell for cell, and writes
 * each series' provenance and defects into the manifest. Deterministic: `builtAt` is the given
 * timestamp or else the commit date of the newest upstream input, never the wall clock.
 * @throws SnapshotBuildError on a missing or altered input file, an input PROVENANCE.md does not
 *   list, a malformed row, or a malformed builtAt.
 * @example const { files } = await buildSnapshot({ sharedDataDir: '../shared/data' })
 */
export async function buildSnapshot(options: { sharedDataDir: string; builtAt?: string }): Promise<BuiltSnapshot> {
  const provenanceText = await readInput(options.sharedDataDir, 'PROVENANCE.md');
  const builtAt = chooseBuiltAt(options.builtAt);
  const files = new Map<string, string>();
  const series: SnapshotSeriesEntry[] = [];
  for (const spec of SNAPSHOT_SERIES) {
    const { entry, csv } = await buildSeries(spec, options.sharedDataDir, provenanceText);
    files.set(spec.file, csv);
    series.push(entry);
  }
  const manifest: SnapshotManifest = {
    builtAt: builtAt.value,
    builtAtNote: builtAt.note,
    builtBy: BUILT_BY,
    series,
  };
  files.set('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, files };
}

function chooseBuiltAt(override: string | undefined): { value: string; note: string } {
  if (override !== undefined) {
    if (!ISO_TIMESTAMP.test(override) || Number.isNaN(Date.parse(override))) {
      throw new SnapshotBuildError(`builtAt "${override}" is not an ISO timestamp such as 2026-11-28T09:00:00Z`);
    }
    return { value: override, note: 'Given to the build (SNAPSHOT_BUILT_AT or --built-at).' };
  }
  const newest = SNAPSHOT_SERIES.flatMap((spec) => [spec.input, spec.dividendReference ?? spec.input])
    .map((input) => input.source)
    .reduce((a, b) => (b.commitDate > a.commitDate ? b : a));
  return {
    value: `${newest.commitDate}T00:00:00Z`,
    note: `Commit date of the newest input (${newest.repository} ${newest.commit.slice(0, 8)}), so a rebuild gives identical bytes; set SNAPSHOT_BUILT_AT to stamp another time.`,
  };
}

async function buildSeries(spec: SeriesSpec, sharedDataDir: string, provenanceText: string) {
  const { text, blob, rawFile } = await readVerified(spec.input, sharedDataDir, provenanceText);
  const bars = readRawBars(text, rawFile, spec.input.layout, SNAPSHOT_FROM, SNAPSHOT_TO);
  const first = bars[0];
  const last = bars.at(-1);
  if (!first || !last) throw new SnapshotBuildError(`${rawFile} has no rows between ${SNAPSHOT_FROM} and ${SNAPSHOT_TO}`);
  const exchange = EXCHANGE_NAMES[spec.exchange];
  const defects = [
    ...spec.knownDefects,
    ...rowDefects(bars),
    ...(spec.priceLimitFlags ? limitDefects(text, rawFile) : []),
    ...(spec.dividendReference ? await dividendDefects(spec.dividendReference, sharedDataDir, provenanceText, last.date) : []),
  ];
  const entry: SnapshotSeriesEntry = {
    symbol: spec.symbol,
    name: spec.name,
    exchange: spec.exchange,
    exchangeName: exchange.name,
    currency: exchange.currency,
    exchangeTimezoneName: exchange.timeZone,
    kind: spec.kind,
    benchmarks: spec.benchmarks,
    file: spec.file,
    firstDate: first.date,
    lastDate: last.date,
    rows: bars.length,
    provenance: {
      source: spec.source,
      repository: spec.input.source.repository,
      commit: spec.input.source.commit,
      path: spec.input.upstreamPath,
      blob,
      rawFile,
      adjustment: spec.adjustment,
      currency: exchange.currency,
      exchangeTimezoneName: exchange.timeZone,
      defects,
      license: LICENSE_NOTE,
    },
  };
  return { entry, csv: formatSnapshotCsv(bars) };
}

async function readVerified(input: RawInput, sharedDataDir: string, provenanceText: string) {
  const rawFile = `raw/${input.source.rawFolder}/${input.file}`;
  for (const [what, token] of [
    ['commit', input.source.commit],
    ['blob prefix', input.blobPrefix],
  ] as const) {
    if (!provenanceText.includes(token)) {
      throw new SnapshotBuildError(`PROVENANCE.md does not list the ${what} ${token} of ${rawFile}; the inputs and their documentation disagree`);
    }
  }
  const bytes = await readInputBytes(sharedDataDir, rawFile);
  const blob = gitBlobId(bytes);
  if (!blob.startsWith(input.blobPrefix)) {
    throw new SnapshotBuildError(
      `${rawFile} has git blob ${blob}, but PROVENANCE.md lists ${input.blobPrefix}…: the file is not the one copied from ${input.source.repository}@${input.source.commit.slice(0, 8)}; refusing to build`,
    );
  }
  return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), blob, rawFile };
}

async function readInputBytes(sharedDataDir: string, relativePath: string): Promise<Uint8Array> {
  try {
    return await readFile(join(sharedDataDir, relativePath));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SnapshotBuildError(`cannot read ${relativePath} in the shared data folder ${sharedDataDir} (${reason})`);
  }
}

async function readInput(sharedDataDir: string, relativePath: string): Promise<string> {
  return new TextDecoder().decode(await readInputBytes(sharedDataDir, relativePath));
}

function rowDefects(bars: readonly RawBar[]): string[] {
  const defects: string[] = [];
  for (const bar of bars) {
    const prices = [bar.open, bar.high, bar.low, bar.close, bar.adjClose];
    if (prices.some((cell) => cell === '')) defects.push(`${bar.date}: a price is missing in the source; the cell is left empty.`);
    if (bar.volume !== '' && Number(bar.volume) === 0) defects.push(`${bar.date}: Volume is 0 in the source.`);
  }
  return defects;
}

async function dividendDefects(reference: RawInput, sharedDataDir: string, provenanceText: string, lastDate: string): Promise<string[]> {
  const { text, rawFile } = await readVerified(reference, sharedDataDir, provenanceText);
  const referenceBars = readRawBars(text, rawFile, reference.layout, SNAPSHOT_FROM, SNAPSHOT_TO);
  const named = exDividendDays(referenceBars, rawFile).map(
    ({ date, dividendShare }) =>
      `${date}: ex-dividend day; its return here omits a dividend of about ${(dividendShare * 100).toFixed(2)}% of the previous close (read from Yahoo's Adj Close in ${reference.source.repository}).`,
  );
  const coveredUntil = referenceBars.at(-1)?.date ?? SNAPSHOT_FROM;
  if (coveredUntil < lastDate) {
    named.push(`Ex-dividend days after ${coveredUntil} are not identified: no dividend-adjusted source in the shared data covers them.`);
  }
  return named;
}

function limitDefects(text: string, rawFile: string): string[] {
  return priceLimitDays(text, rawFile, SNAPSHOT_FROM, SNAPSHOT_TO).map(
    ({ date, limit }) => `${date}: hit the TSE daily ${limit} price limit (J-Quants ${limit === 'upper' ? 'UpLimit' : 'UnderLimit'} = 1), so the day's move may be capped.`,
  );
}

/**
 * The snapshot CSV text of some bars: header `Date,Open,High,Low,Close,AdjClose,Volume`, one line
 * per bar, '\n' line ends, an empty cell for a missing value.
 * @example formatSnapshotCsv([{ date: '2024-11-06', open: '1', high: '2', low: '1', close: '2', adjClose: '2', volume: '' }])
 */
export function formatSnapshotCsv(bars: readonly RawBar[]): string {
  const lines = bars.map((bar) => [bar.date, bar.open, bar.high, bar.low, bar.close, bar.adjClose, bar.volume].join(','));
  return `${[SNAPSHOT_CSV_HEADER, ...lines].join('\n')}\n`;
}

/**
 * Writes snapshot files (name → content) into `outDir`: each file through a temporary name and a rename so a
 * crash never leaves half a file, then removes CSV files of an earlier build that are no longer part
 * of it. Only `*.csv` and `manifest.json` in `outDir` are touched.
 * @example await writeSnapshot((await buildSnapshot({ sharedDataDir })).files, 'data/snapshot')
 */
export async function writeSnapshot(files: ReadonlyMap<string, string>, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const [name, content] of files) {
    const target = join(outDir, name);
    const temporary = `${target}.tmp-${process.pid}`;
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, target);
  }
  for (const name of await readdir(outDir)) {
    if (name.endsWith('.csv') && !files.has(name)) await rm(join(outDir, name));
  }
}
