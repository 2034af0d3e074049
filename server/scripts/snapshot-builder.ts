import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeriesProvenance } from '../../src/domain/price-api.ts';
import { SNAPSHOT_CSV_HEADER } from '../sources/snapshot-csv.ts';
import { exDividendDays } from './ex-dividend-days.ts';
import { exchangeGaps, type SeriesGap } from './exchange-gaps.ts';
import { dropPlaceholderRows } from './placeholder-rows.ts';
import { priceLimitDays } from './price-limit-days.ts';
import { readRawBars, SnapshotBuildError, type RawBar, type RawLayout } from './raw-price-file.ts';
import { compareDailyReturns, RETURN_TOLERANCE } from './return-crosscheck.ts';
import { SNAPSHOT_FROM, SNAPSHOT_SERIES, SNAPSHOT_TO } from './snapshot-inputs.ts';
import { EXCHANGE_NAMES, type CrossCheckSpec, type RawInput, type SeriesSpec } from './snapshot-spec.ts';
import { VerifiedInputs } from './verified-input.ts';

/** The command that writes data/snapshot, recorded in its manifest. */
export const BUILT_BY = 'npm run data:snapshot';

/** Up to this many zero-volume days are named one by one; more are summarised in one defect. */
const ZERO_VOLUME_DAYS_LISTED = 20;

/** What a cross-check against another copy of a series found, as the manifest records it. */
export interface CrossCheckRecord {
  repository: string;
  commit: string;
  path: string;
  blob: string;
  /** The other copy's column compared with this series' AdjClose. */
  column: string;
  holds: string;
  commonDays: number;
  firstDate: string;
  lastDate: string;
  largestDifferencePercentagePoints: number;
  result: string;
  /** Days on which the returns differ, each with its difference and why. */
  exceptions: string[];
}

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
  crossChecks?: CrossCheckRecord[];
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
  /** Trading days of the exchange inside firstDate..lastDate without a bar, in runs. */
  gaps: SeriesGap[];
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

/** One series read and checked, before the gaps of its exchange are known. */
interface ReadSeries {
  spec: SeriesSpec;
  bars: RawBar[];
  entry: Omit<SnapshotSeriesEntry, 'gaps'>;
  explained: Map<string, string>;
  /** Defects before the gap lines, and after them. */
  defectsBefore: string[];
  defectsAfter: string[];
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Builds data/snapshot from the shared data folder: verifies every raw input's git blob id
 * against its provenance document, copies the bars of SNAPSHOT_FROM..SNAPSHOT_TO cell for cell
 * (dropping declared placeholder rows), cross-checks each series' daily returns against the other
 * copies listed for it, finds the trading days each series lacks on its exchange, and writes each
 * series' provenance, gaps and defects into the manifest. Deterministic: `builtAt` is the given
 * timestamp or else the commit date of the newest upstream input, never the wall clock.
 * @throws SnapshotBuildError on a missing or altered input file, an input its documents do not
 *   list, a malformed row, a failed cross-check, an unexplained gap, or a malformed builtAt.
 * @example const { files } = await buildSnapshot({ sharedDataDir: '../shared/data' })
 */
export async function buildSnapshot(options: { sharedDataDir: string; builtAt?: string }): Promise<BuiltSnapshot> {
  const inputs = new VerifiedInputs(options.sharedDataDir);
  const builtAt = chooseBuiltAt(options.builtAt);
  const read: ReadSeries[] = [];
  for (const spec of SNAPSHOT_SERIES) read.push(await readSeries(spec, inputs));
  const gaps = exchangeGaps(read.map(({ spec, bars, explained }) => ({ symbol: spec.symbol, exchange: spec.exchange, dates: bars.map((bar) => bar.date), explained })));
  const files = new Map<string, string>();
  const series = read.map(({ spec, bars, entry, defectsBefore, defectsAfter }) => {
    const runs = gaps.get(spec.symbol) ?? [];
    files.set(spec.file, formatSnapshotCsv(bars));
    const { provenance, ...fields } = entry;
    const defects = [...defectsBefore, ...runs.map(gapDefect), ...defectsAfter];
    return { ...fields, gaps: runs, provenance: { ...provenance, defects } };
  });
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
  const newest = SNAPSHOT_SERIES.flatMap((spec) => inputsOf(spec))
    .map((input) => input.source)
    .reduce((a, b) => (b.commitDate > a.commitDate ? b : a));
  return {
    value: `${newest.commitDate}T00:00:00Z`,
    note: `Commit date of the newest input (${newest.repository} ${newest.commit.slice(0, 8)}), so a rebuild gives identical bytes; set SNAPSHOT_BUILT_AT to stamp another time.`,
  };
}

function inputsOf(spec: SeriesSpec): RawInput[] {
  return [spec.input, ...(spec.dividendReference ? [spec.dividendReference] : []), ...(spec.crossChecks ?? []).map((check) => check.input)];
}

async function readSeries(spec: SeriesSpec, inputs: VerifiedInputs): Promise<ReadSeries> {
  const { text, blob, rawFile } = await inputs.read(spec.input);
  const { kept: bars, dropped } = dropPlaceholderRows(readRawBars(text, rawFile, spec.input.layout, SNAPSHOT_FROM, SNAPSHOT_TO), spec.placeholderRows, rawFile);
  const first = bars[0];
  const last = bars.at(-1);
  if (!first || !last) throw new SnapshotBuildError(`${rawFile} has no rows between ${SNAPSHOT_FROM} and ${SNAPSHOT_TO}`);
  const exchange = EXCHANGE_NAMES[spec.exchange];
  const currency = spec.currency ?? exchange.currency;
  const explained = new Map<string, string>([
    ...dropped.map((date) => [date, spec.placeholderRows?.reason ?? ''] as const),
    ...(spec.missingDays?.dates ?? []).map((date) => [date, spec.missingDays?.reason ?? ''] as const),
  ]);
  const crossChecks: CrossCheckRecord[] = [];
  for (const check of spec.crossChecks ?? []) crossChecks.push(await crossCheck(spec, bars, check, inputs));
  return {
    spec,
    bars,
    explained,
    defectsBefore: [...spec.knownDefects, ...absentColumnDefects(spec.input.layout), ...rowDefects(bars, spec.input.layout)],
    defectsAfter: [
      ...(spec.priceLimitFlags ? limitDefects(text, rawFile) : []),
      ...(spec.dividendReference ? await dividendDefects(spec.dividendReference, inputs, last.date) : []),
    ],
    entry: {
      symbol: spec.symbol,
      name: spec.name,
      exchange: spec.exchange,
      exchangeName: exchange.name,
      currency,
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
        currency,
        exchangeTimezoneName: exchange.timeZone,
        defects: [],
        license: spec.input.source.dataSet.license,
        ...(crossChecks.length > 0 ? { crossChecks } : {}),
      },
    },
  };
}

/**
 * Compares the series' AdjClose returns with another copy's and refuses to build unless they
 * differ exactly on the days the spec lists as exceptions.
 */
async function crossCheck(spec: SeriesSpec, bars: readonly RawBar[], check: CrossCheckSpec, inputs: VerifiedInputs): Promise<CrossCheckRecord> {
  const { text, blob, rawFile } = await inputs.read(check.input);
  const { kept } = dropPlaceholderRows(readRawBars(text, rawFile, check.input.layout, SNAPSHOT_FROM, SNAPSHOT_TO), spec.placeholderRows, rawFile);
  const prices = (rows: readonly RawBar[], column: 'close' | 'adjClose') =>
    rows.filter((bar) => bar[column] !== '').map((bar) => ({ date: bar.date, price: Number(bar[column]) }));
  const comparison = compareDailyReturns(prices(bars, 'adjClose'), prices(kept, check.column), check.roundedTo);
  const listed = new Map((check.exceptions ?? []).map((exception) => [exception.date, exception.reason]));
  const found = comparison.beyondTolerance.map(({ date }) => date);
  const unexpected = found.filter((date) => !listed.has(date));
  const absent = [...listed.keys()].filter((date) => !found.includes(date));
  if (comparison.commonDays === 0 || unexpected.length > 0 || absent.length > 0) {
    throw new SnapshotBuildError(
      `${spec.symbol}: daily returns disagree with ${rawFile} ` +
        (comparison.commonDays === 0
          ? 'on every day: the two files share no days'
          : `${unexpected.length > 0 ? `on ${unexpected.join(', ')}` : ''}${unexpected.length > 0 && absent.length > 0 ? ', and ' : ''}${absent.length > 0 ? `not on the listed exception(s) ${absent.join(', ')}` : ''}`),
    );
  }
  const percent = (difference: number) => Number((difference * 100).toPrecision(3));
  const largest = percent(comparison.largest?.difference ?? 0);
  const tolerance = `${percent(RETURN_TOLERANCE)} pp${check.roundedTo ? ` plus the effect of its rounding to ${check.roundedTo}` : ''}`;
  const span = `${comparison.commonDays} daily returns of the common span ${comparison.firstDate}..${comparison.lastDate}`;
  const onlyHere = comparison.onlyHere.length > 0 ? ` The other copy lacks ${comparison.onlyHere.join(', ')}.` : '';
  const onlyThere = comparison.onlyThere.length > 0 ? ` Only the other copy has ${comparison.onlyThere.join(', ')}.` : '';
  return {
    repository: check.input.source.repository,
    commit: check.input.source.commit,
    path: check.input.upstreamPath,
    blob,
    column: check.input.layout[check.column] ?? check.input.layout.close,
    holds: check.holds,
    commonDays: comparison.commonDays,
    firstDate: comparison.firstDate,
    lastDate: comparison.lastDate,
    largestDifferencePercentagePoints: largest,
    result:
      (found.length === 0
        ? `Daily returns agree on all ${span} within ${tolerance} (largest difference ${largest} pp).`
        : `Daily returns agree on ${comparison.commonDays - found.length} of ${span} within ${tolerance}; they differ on the ${found.length} exception day(s) listed.`) +
      onlyHere +
      onlyThere,
    exceptions: comparison.beyondTolerance.map(({ date, difference }) => `${date}: ${percent(difference)} pp, ${listed.get(date) ?? ''}.`),
  };
}

const PRICE_COLUMNS = [
  ['Open', 'open'],
  ['High', 'high'],
  ['Low', 'low'],
  ['Volume', 'volume'],
] as const;

function absentColumnDefects(layout: RawLayout): string[] {
  const absent = PRICE_COLUMNS.filter(([, key]) => layout[key] === undefined).map(([name]) => name);
  if (absent.length === 0) return [];
  const list = absent.length === 1 ? absent[0] : `${absent.slice(0, -1).join(', ')} and ${absent.at(-1)}`;
  return [`${list} ${absent.length === 1 ? 'is' : 'are'} empty: not taken from this source (see the adjustment note).`];
}

function rowDefects(bars: readonly RawBar[], layout: RawLayout): string[] {
  const defects: string[] = [];
  const zeroVolume: string[] = [];
  const given = (['open', 'high', 'low', 'close'] as const).filter((key) => layout[key] !== undefined);
  for (const bar of bars) {
    if (given.some((key) => bar[key] === '') || bar.adjClose === '') defects.push(`${bar.date}: a price is missing in the source; the cell is left empty.`);
    if (bar.volume !== '' && Number(bar.volume) === 0) zeroVolume.push(bar.date);
  }
  if (zeroVolume.length <= ZERO_VOLUME_DAYS_LISTED) return [...defects, ...zeroVolume.map((date) => `${date}: Volume is 0 in the source.`)];
  return [...defects, `Volume is 0 in the source on ${zeroVolume.length} of ${bars.length} rows (${zeroVolume[0]} to ${zeroVolume.at(-1)}): read it as not recorded, not as no trading.`];
}

function gapDefect(gap: SeriesGap): string {
  const when = gap.days === 1 ? `${gap.from}: no bar` : `${gap.from} to ${gap.to} (${gap.days} trading days): no bars`;
  return `${when}; ${gap.reason}.`;
}

async function dividendDefects(reference: RawInput, inputs: VerifiedInputs, lastDate: string): Promise<string[]> {
  const { text, rawFile } = await inputs.read(reference);
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
