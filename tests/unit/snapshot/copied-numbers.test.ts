import { describe, expect, it } from 'vitest';
import { CONVERTED_SOURCE_FILE, readManifest, readSharedConverted, readSnapshotCsv } from './snapshot-files.ts';

const manifest = readManifest();
/** The series of shared/data/{jp,us}; the global series are compared with their raw files in global-inputs.test.ts. */
const converted = manifest.series.filter((series) => series.symbol in CONVERTED_SOURCE_FILE);

/**
 * shared/data/{jp,us} are the cleaned copies that tools/convert_and_check.py writes from raw/
 * (an independent conversion, in Python). Every snapshot row must be one of their rows, cell for
 * cell as text, and no row of theirs inside the snapshot's range may be missing: so nothing was
 * typed, rounded, interpolated, filled or dropped.
 */
describe('every snapshot number is copied from its source file', () => {
  it('compares every series that is not a global one', () => {
    const global = manifest.series.filter((series) => series.provenance.rawFile.startsWith('global/'));
    expect([...converted, ...global].map((series) => series.symbol).sort()).toEqual(manifest.series.map((series) => series.symbol).sort());
    expect(converted).toHaveLength(13);
  });

  for (const series of converted) {
    it(`${series.symbol} equals ${CONVERTED_SOURCE_FILE[series.symbol] ?? '?'} on every date`, () => {
      const sourceFile = CONVERTED_SOURCE_FILE[series.symbol];
      if (!sourceFile) throw new Error(`no source file known for ${series.symbol}`);
      const source = readSharedConverted(sourceFile);
      const snapshot = readSnapshotCsv(series.file);
      expect(snapshot.header).toBe(source.header);
      const sourceRows = source.rows.filter(([date = '']) => date >= series.firstDate && date <= series.lastDate);
      expect(snapshot.rows).toEqual(sourceRows);
      expect(snapshot.rows.length).toBeGreaterThan(300);
    });
  }

  it('starts every series at 2021-02-02 or at its source’s first row', () => {
    for (const series of converted) {
      const sourceFirst = readSharedConverted(CONVERTED_SOURCE_FILE[series.symbol] ?? '').rows.find(([date = '']) => date >= '2021-02-02');
      expect(series.firstDate).toBe(sourceFirst?.[0]);
    }
  });
});
