import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Vitest evaluates this module once per test file, so the hook below cleans up after each file.
const createdDirectories: string[] = [];
afterAll(async () => {
  await Promise.all(createdDirectories.map((directory) => rm(directory, { recursive: true, force: true })));
});

/** A fresh empty folder under the OS temp dir, removed after the test file finishes. */
export async function tempDir(prefix: string): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), `kabuto-${prefix}-`));
  createdDirectories.push(directory);
  return directory;
}

/**
 * MADE-UP TEST DATA, not market prices: a two-series snapshot in the data/snapshot format
 * (manifest.json + CSV) with round numbers (closes 100, 101, …) that no real source would give,
 * so a test can tell a snapshot answer from a live one at a glance.
 */
export const MADE_UP_CSV = [
  'Date,Open,High,Low,Close,AdjClose,Volume',
  '2024-10-28,100,101,99,100,100,1000',
  '2024-10-29,100,102,99,101,101,1000',
  '2024-10-30,101,103,100,102,102,',
  '2024-10-31,102,104,101,103,103,1000',
  '2024-11-01,103,105,102,104,104,1000',
  '2024-11-05,104,106,103,105,105,1000',
  '2024-11-06,105,120,104,115,115,3000',
  '2024-11-07,115,116,110,,,',
  '2024-11-08,112,118,111,116,116,2000',
  '',
].join('\n');

export const MADE_UP_BUILT_AT = '2026-01-01T00:00:00.000Z';

export function madeUpManifest(): unknown {
  const provenance = { source: 'made-up test data (tests/unit/server/helpers/temp-snapshot.ts)', adjustment: 'none', defects: [] };
  const series = (symbol: string, name: string, kind: string, benchmarks: string[]) => ({
    symbol,
    name,
    exchange: 'XTKS',
    exchangeName: 'Tokyo Stock Exchange',
    currency: 'JPY',
    exchangeTimezoneName: 'Asia/Tokyo',
    kind,
    benchmarks,
    file: `${symbol.replace('^', '')}.csv`,
    firstDate: '2024-10-28',
    lastDate: '2024-11-08',
    rows: 9,
    provenance,
  });
  return {
    builtAt: MADE_UP_BUILT_AT,
    builtBy: 'npm run data:snapshot',
    series: [series('7011.T', 'Made-up Heavy Industries', 'equity', ['^N225']), series('^N225', 'Made-up 225', 'index', [])],
  };
}

/** Writes the made-up snapshot into a new temp folder and returns the folder. */
export async function madeUpSnapshot(): Promise<string> {
  const directory = await tempDir('snapshot');
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, 'manifest.json'), JSON.stringify(madeUpManifest()));
  await writeFile(path.join(directory, '7011.T.csv'), MADE_UP_CSV);
  await writeFile(path.join(directory, 'N225.csv'), MADE_UP_CSV);
  return directory;
}
