/**
 * Readers shared by the snapshot tests: the committed data/snapshot and the read-only shared
 * data it was built from (data/sources, the committed copy of what the builder reads from ../shared/data,
 * or SHARED_DATA_DIR to check against the original).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SnapshotManifest } from '../../../server/scripts/snapshot-builder.ts';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const snapshotDir = resolve(repoRoot, 'data/snapshot');
export const sharedDataDir = resolve(process.env.SHARED_DATA_DIR ?? resolve(repoRoot, 'data/sources'));

export const CSV_HEADER = 'Date,Open,High,Low,Close,AdjClose,Volume';

/** The cells of one CSV line, exactly as written. */
export type Row = string[];

export function readManifest(): SnapshotManifest {
  return JSON.parse(readFileSync(resolve(snapshotDir, 'manifest.json'), 'utf8')) as SnapshotManifest;
}

/** Header line and data rows of a CSV file in the project's layout (no quoting, '\n' or '\r\n'). */
export function readCsv(path: string): { header: string; rows: Row[] } {
  const [header = '', ...lines] = readFileSync(path, 'utf8').split(/\r?\n/);
  return { header, rows: lines.filter((line) => line !== '').map((line) => line.split(',')) };
}

export function readSnapshotCsv(file: string): { header: string; rows: Row[] } {
  return readCsv(resolve(snapshotDir, file));
}

export function readSharedConverted(file: string): { header: string; rows: Row[] } {
  return readCsv(resolve(sharedDataDir, file));
}

/**
 * The converted file in shared/data/{jp,us} holding the same source as each snapshot series
 * (chosen here independently of the build script, from PROVENANCE.md's file table).
 */
export const CONVERTED_SOURCE_FILE: Readonly<Record<string, string>> = {
  '7011.T': 'jp/7011.T__jquants_keroppa88.csv',
  '7013.T': 'jp/7013.T__jquants_keroppa88.csv',
  '7012.T': 'jp/7012.T__jquants_keroppa88.csv',
  '6503.T': 'jp/6503.T__jquants_keroppa88.csv',
  '6701.T': 'jp/6701.T__jquants_keroppa88.csv',
  '7721.T': 'jp/7721.T__yahoo_merida901.csv',
  '^N225': 'jp/N225__yahoo_yamaccu.csv',
  TOPIX: 'jp/TOPIX__keroppa88.csv',
  LMT: 'us/LMT__yahoo_guydekowski_adjusted.csv',
  RTX: 'us/RTX__yahoo_guydekowski_adjusted.csv',
  NOC: 'us/NOC__yahoo_negin228.csv',
  GD: 'us/GD__yahoo_negin228.csv',
  '^GSPC': 'us/GSPC__yahoo_guydekowski_adjusted.csv',
};

/**
 * The cells of the table under section `## {section}.` of shared/data/global/PROVENANCE.md, one
 * array per body row (header and rule lines left out), parsed rather than copied so the tests
 * follow the provenance document itself.
 */
export function globalProvenanceTable(section: number): string[][] {
  const text = readFileSync(resolve(sharedDataDir, 'global/PROVENANCE.md'), 'utf8');
  const start = text.indexOf(`\n## ${section}. `);
  if (start < 0) throw new Error(`global/PROVENANCE.md has no section ${section}`);
  const end = text.indexOf('\n## ', start + 1);
  const lines = text.slice(start, end < 0 ? undefined : end).split('\n').filter((line) => line.startsWith('|'));
  return lines.slice(2).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

/** The copy of `repository`'s `path` in shared/data/global/raw, relative to the shared data folder. */
export function globalRawFile(repository: string, path: string): string {
  return `global/raw/${repository.replace('/', '+')}/${path}`;
}
