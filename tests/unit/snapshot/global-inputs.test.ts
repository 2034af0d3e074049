/**
 * The European, Korean and further US series against shared/data/global: the files and blob ids
 * its PROVENANCE.md lists, the cells of those files, and the cross-checks it reports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitBlobId } from '../../../server/scripts/git-blob.ts';
import { globalProvenanceTable, globalRawFile, readManifest, readSnapshotCsv, repoRoot, sharedDataDir } from './snapshot-files.ts';

const manifest = readManifest();
const globalSeries = manifest.series.filter((series) => series.provenance.rawFile.startsWith('global/'));
const FROM = '2021-02-02';
const TO = '2025-03-31';

/** Issue 12's list: the peers and their home indices that global/PROVENANCE.md documents. */
const GLOBAL_SYMBOLS = [
  'BA.L', 'RHM.DE', 'LDO.MI', 'HO.PA', 'SAAB-B.ST', '012450.KS', '047810.KS', '079550.KS', 'LHX', 'LDOS', 'BA',
  '^FTSE', '^GDAXI', 'FTSEMIB.MI', '^FCHI', '^OMX', '^KS11', '^STOXX', '^STOXX50E',
];

/** §1: one row per copied file. */
const copiedFiles = globalProvenanceTable(1).map(([series = '', repository = '', commit = '', path = '', blob = '']) => ({
  series,
  repository: repository.replaceAll('`', ''),
  commit: /`([0-9a-f]{12})`/.exec(commit)?.[1] ?? '',
  path: path.replaceAll('`', ''),
  blob: blob.replaceAll('`', ''),
}));

/** Every file the build read for a series: its own source and the copies it was cross-checked against. */
function inputsOf(series: (typeof globalSeries)[number]) {
  const { repository = '', commit = '', path = '', blob = '' } = series.provenance;
  return [{ repository, commit, path, blob }, ...(series.provenance.crossChecks ?? [])];
}

const squeeze = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

describe('global series: inputs', () => {
  it('holds the 19 series issue 12 names, all read from shared/data/global', () => {
    expect(globalSeries.map((series) => series.symbol).sort()).toEqual([...GLOBAL_SYMBOLS].sort());
  });

  it('reads each series and each cross-check copy from a file global/PROVENANCE.md lists, and that file has its blob id', () => {
    for (const series of globalSeries) {
      for (const input of inputsOf(series)) {
        const listed = copiedFiles.find((row) => row.repository === input.repository && row.path === input.path);
        expect([series.symbol, input.path, listed?.blob]).toEqual([series.symbol, input.path, input.blob]);
        expect(input.commit.startsWith(listed?.commit ?? '-')).toBe(true);
        expect(gitBlobId(readFileSync(resolve(sharedDataDir, globalRawFile(input.repository, input.path))))).toBe(input.blob);
      }
    }
  });

  it('finds every copy in global/manifest.tsv with its full commit', () => {
    const copyList = readFileSync(resolve(sharedDataDir, 'global/manifest.tsv'), 'utf8').split('\n');
    for (const series of globalSeries) {
      for (const input of inputsOf(series)) {
        const line = `${input.repository.replace('/', '+')}\t${input.commit}\t${input.path}\t`;
        expect([series.symbol, copyList.some((entry) => entry.startsWith(line))]).toEqual([series.symbol, true]);
      }
    }
  });

  it('commits to data/sources/global exactly the files the build reads', () => {
    const root = resolve(repoRoot, 'data/sources');
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [relative(root, join(dir, entry.name))]));
    const read = new Set(globalSeries.flatMap((series) => inputsOf(series).map((input) => globalRawFile(input.repository, input.path))));
    expect(walk(resolve(root, 'global/raw')).sort()).toEqual([...read].sort());
  });
});

/** Column names of the raw files the global series are read from; KOSPI's close is KOSPI_index and its Volume (unstated units) is not copied. */
const CLOSE_COLUMN: Readonly<Record<string, string>> = { '^KS11': 'KOSPI_index' };
const NOT_COPIED: Readonly<Record<string, readonly string[]>> = { '^KS11': ['Volume'] };

describe('global series: every number is copied from its raw file', () => {
  for (const series of globalSeries) {
    it(`${series.symbol}: every cell equals ${series.provenance.rawFile} on its date, and only placeholder rows are left out`, () => {
      const [headerLine = '', ...lines] = readFileSync(resolve(sharedDataDir, series.provenance.rawFile), 'utf8').split(/\r?\n/);
      const header = headerLine.split(',');
      const rawRows = new Map(lines.filter((line) => line !== '').map((line) => line.split(',')).map((cells) => [cells[header.indexOf('Date')] ?? '', cells]));
      const cellOf = (cells: string[], column: string) =>
        NOT_COPIED[series.symbol]?.includes(column) || !header.includes(column) ? '' : (cells[header.indexOf(column)] ?? '');
      const snapshotRows = readSnapshotCsv(series.file).rows;
      for (const [date = '', open, high, low, close, adjClose, volume] of snapshotRows) {
        const cells = rawRows.get(date);
        if (!cells) throw new Error(`${series.symbol}: ${date} is not in the raw file`);
        const rawClose = cellOf(cells, CLOSE_COLUMN[series.symbol] ?? 'Close');
        expect([date, open, high, low, close, adjClose, volume]).toEqual([
          date,
          cellOf(cells, 'Open'),
          cellOf(cells, 'High'),
          cellOf(cells, 'Low'),
          rawClose,
          rawClose,
          cellOf(cells, 'Volume'),
        ]);
      }
      const kept = new Set(snapshotRows.map(([date]) => date));
      const leftOut = [...rawRows].filter(([date]) => date >= FROM && date <= TO && !kept.has(date));
      const placeholders = leftOut.filter(([, cells]) => ['Open', 'High', 'Low'].every((column) => cellOf(cells, column) === '0'));
      expect(leftOut).toEqual(placeholders);
      expect(placeholders.length).toBe(series.symbol === '012450.KS' ? 18 : 0);
    });
  }
});

describe('global series: cross-checks', () => {
  it('cross-checks each series against the copies global/PROVENANCE.md compares it with (§2), except its synthetic stevenmichiels files', () => {
    const pairs = globalProvenanceTable(2).map(([series = '', a = '', b = '']) => ({ series, nicknames: [a, b].map((cell) => cell.split(' [')[0] ?? '') }));
    const checked = pairs.filter((pair) => !pair.nicknames.includes('stevenmichiels'));
    expect(checked.length).toBeGreaterThanOrEqual(17);
    for (const pair of checked) {
      const series = globalSeries.find((entry) => entry.symbol === pair.series);
      if (!series) throw new Error(`${pair.series} is not in the snapshot`);
      const repositories = inputsOf(series).map((input) => squeeze(input.repository));
      for (const nickname of pair.nicknames) expect([pair.series, nickname, repositories.some((repository) => repository.includes(nickname))]).toEqual([pair.series, nickname, true]);
    }
  });

  it('finds every cross-checked copy agreeing on hundreds of common days, with differences only where the document explains them', () => {
    for (const series of globalSeries) {
      for (const check of series.provenance.crossChecks ?? []) {
        expect([series.symbol, check.repository, check.commonDays > 250]).toEqual([series.symbol, check.repository, true]);
        expect(check.result).toMatch(/^Daily returns agree on /);
        if (series.symbol !== 'RHM.DE') expect([series.symbol, check.exceptions]).toEqual([series.symbol, []]);
      }
    }
  });

  it('finds the investing.com Rheinmetall prices (raw) differing from the adjusted closes only on the ex-dividend days, as global/PROVENANCE.md reports for 2023–2024', () => {
    const [check] = globalSeries.find((series) => series.symbol === 'RHM.DE')?.provenance.crossChecks ?? [];
    expect(check?.repository).toBe('kissm1985/Finance-automation');
    expect(check?.exceptions.map((exception) => exception.slice(0, 20))).toEqual([
      '2021-05-12: 2.35 pp,',
      '2022-05-11: 1.9 pp, ',
      '2023-05-10: 1.66 pp,', // PROVENANCE §2: 1.66 pp
      '2024-05-15: 1.09 pp,', // PROVENANCE §2: 1.09 pp
    ]);
    expect(check?.result).toContain('The other copy lacks 2022-09-21.');
  });
});
