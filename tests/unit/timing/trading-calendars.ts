/**
 * Real trading calendars for the timing tests: the dates of the offline snapshot's daily bars
 * (data/snapshot, built from J-Quants and Yahoo records; see data/snapshot/manifest.json for provenance).
 * A session is a row of the snapshot file, so holidays are whatever the exchange really skipped.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const snapshotDirectory = fileURLToPath(new URL('../../../data/snapshot/', import.meta.url));

interface ManifestSeries {
  symbol: string;
  file: string;
}

/** Trading dates (ascending YYYY-MM-DD) of a symbol in the snapshot, found through the manifest. */
export function tradingCalendar(symbol: string): string[] {
  const manifest = JSON.parse(readFileSync(`${snapshotDirectory}manifest.json`, 'utf8')) as {
    series: ManifestSeries[];
  };
  const series = manifest.series.find((entry) => entry.symbol === symbol);
  if (series === undefined) throw new Error(`${symbol} is not in data/snapshot/manifest.json`);
  const lines = readFileSync(`${snapshotDirectory}${series.file}`, 'utf8').trim().split(/\r?\n/);
  return lines.slice(1).map((line) => line.slice(0, 10));
}
