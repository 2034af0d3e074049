import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STUDY_LIMITS } from '../../../src/application/study-limits.ts';
import { exchangeForSymbol } from '../../../src/domain/exchanges.ts';
import { presetSecurities, readPresetCatalog, studyGroups } from '../../../src/domain/peer-groups.ts';

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const catalog = readPresetCatalog(readJson('../../../data/presets.json'));
const snapshot = readJson('../../../data/snapshot/manifest.json') as { series: { symbol: string; kind: string }[] };

describe('data/presets.json', () => {
  it('reads without a problem', () => {
    expect(catalog.problem).toBeNull();
    expect(catalog.groups.map((group) => group.id)).toEqual(['japan', 'us-primes', 'us-contractors', 'europe', 'korea']);
  });

  it('holds only equities of the offline snapshot, so every preset renders offline', () => {
    const equities = new Set(snapshot.series.filter((series) => series.kind === 'equity').map((series) => series.symbol));
    for (const group of catalog.groups) for (const symbol of group.members) expect(equities, `${group.id}: ${symbol}`).toContain(symbol);
  });

  it('puts Japan beside the US primes and every European and Korean peer of the snapshot, within the study limit', () => {
    const preset = catalog.presets.find((item) => item.id === 'global-defence-peers');
    if (!preset) throw new Error('no global peers preset');
    const securities = presetSecurities(preset, catalog.groups);
    expect(securities.length).toBeLessThanOrEqual(STUDY_LIMITS.securities);
    const peers = snapshot.series.filter((series) => series.kind === 'equity' && ['XLON', 'XETR', 'XPAR', 'XMIL', 'XSTO', 'XKRX'].includes(exchangeForSymbol(series.symbol).code));
    expect(securities).toEqual(expect.arrayContaining(peers.map((series) => series.symbol)));
    expect(securities).toEqual(expect.arrayContaining(['7011.T', '7013.T', 'LMT', 'RTX', 'NOC', 'GD']));
    expect(preset.groups).toEqual(['japan', 'us-primes', 'europe', 'korea']);
  });
});

describe('readPresetCatalog', () => {
  const group = (id: string, members: string[]) => ({ id, label: id, description: id, members });

  it.each([
    [{ note: '', groups: [group('a', ['7011.T']), group('a', ['LMT'])], presets: [] }, /groups: the group id "a" is used twice/],
    [{ note: '', groups: [group('a', ['7011.T']), group('b', ['7011.T'])], presets: [] }, /7011\.T is in two groups/],
    [{ note: '', groups: [group('a', ['0700.HK'])], presets: [] }, /groups\.0\.members: 0700\.HK: No registered exchange has the Yahoo suffix \.HK/],
    [{ note: '', groups: [group('a', ['7011.t'])], presets: [] }, /"7011\.t" is not an upper-case Yahoo symbol/],
    [{ note: '', groups: [group('a', ['7011.T'])], presets: [{ id: 'p', label: 'P', description: 'P', groups: ['b'] }] }, /presets\.0\.groups: no group has the id "b"/],
    [{ groups: [] }, /data\/presets\.json is malformed at note/],
  ])('refuses a malformed file with a problem naming the place (%#)', (json, message) => {
    const read = readPresetCatalog(json);
    expect(read.groups).toEqual([]);
    expect(read.problem).toMatch(message);
  });
});

describe('studyGroups', () => {
  it('groups a study by the catalogue, in catalogue order, and files other securities under their exchange', () => {
    const groups = studyGroups(['BA', 'RHM.DE', '7013.T', 'LMT', 'OCDO.L', 'AAPL', '7011.T', '0700.HK'], catalog.groups);
    expect(groups.map((item) => [item.id, item.label, item.members])).toEqual([
      ['japan', 'Japan', ['7013.T', '7011.T']],
      ['us-primes', 'US primes', ['LMT']],
      ['us-contractors', 'Other US defence', ['BA']],
      ['europe', 'European peers', ['RHM.DE']],
      ['exchange-xlon', 'Other London', ['OCDO.L']],
      // A bare ticker is New York's until a price source says otherwise; 0700.HK has no exchange here.
      ['exchange-xnys', 'Other New York', ['AAPL']],
    ]);
  });

  it('gives the default study one group', () => {
    expect(studyGroups(['7011.T', '7013.T'], catalog.groups).map((item) => item.id)).toEqual(['japan']);
  });
});
