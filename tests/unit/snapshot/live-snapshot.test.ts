/**
 * The live refresh (npm run data:refresh) with its price source replaced: the bars served by the
 * fake source below are MADE UP for the test, not market data. No network is used.
 */
import { describe, expect, it } from 'vitest';
import type { PriceBar } from '../../../src/domain/price-api.ts';
import { UnknownSymbolError } from '../../../server/errors.ts';
import type { PriceSource, SeriesRequest, SourceSeries } from '../../../server/sources/price-source.ts';
import { YahooPriceSource } from '../../../server/sources/yahoo-source.ts';
import { fetchLiveSnapshot, YahooUnreachableError } from '../../../server/scripts/live-snapshot.ts';
import { SNAPSHOT_SERIES } from '../../../server/scripts/snapshot-inputs.ts';
import { snapshotManifestSchema } from '../../../server/sources/snapshot-manifest.ts';
import { parseSnapshotCsv } from '../../../server/sources/snapshot-csv.ts';

const FETCHED_AT = '2026-11-28T09:00:00.000Z';
const now = () => new Date(FETCHED_AT);
const specs = (...symbols: string[]) => SNAPSHOT_SERIES.filter((spec) => symbols.includes(spec.symbol));

const madeUpBars: PriceBar[] = [
  { date: '2024-11-05', open: 100, high: 101, low: 99, close: 100.5, adjClose: 99.75, volume: 1000 },
  { date: '2024-11-06', open: 101, high: 120, low: 100, close: null, adjClose: null, volume: null },
];

class FakeSource implements PriceSource {
  readonly requests: SeriesRequest[] = [];
  constructor(private readonly unknown: readonly string[] = []) {}

  async fetchSeries(request: SeriesRequest): Promise<SourceSeries> {
    this.requests.push(request);
    if (this.unknown.includes(request.symbol)) throw new UnknownSymbolError(request.symbol, `Yahoo Finance does not know the symbol ${request.symbol} (HTTP 404).`);
    return {
      symbol: request.symbol,
      name: request.symbol,
      exchange: 'Tokyo',
      currency: 'JPY',
      exchangeTimezoneName: 'Asia/Tokyo',
      fetchedAt: FETCHED_AT,
      provenance: { source: `yahoo-finance2 chart(), fetched ${FETCHED_AT}`, adjustment: 'split and dividend', defects: [] },
      bars: madeUpBars,
      warnings: ['a warning from the source'],
    };
  }
}

describe('fetchLiveSnapshot', () => {
  it('writes bars in the snapshot format with yahoo-finance2 provenance, readable by the server', async () => {
    const source = new FakeSource();
    const live = await fetchLiveSnapshot({ source, from: '2024-11-01', to: '2024-11-08', now, series: specs('7011.T', 'TOPIX') });
    expect(source.requests).toEqual([
      { symbol: '7011.T', from: '2024-11-01', to: '2024-11-08' },
      { symbol: '^TOPX', from: '2024-11-01', to: '2024-11-08' },
    ]);
    expect(live.files.get('7011.T.csv')).toBe('Date,Open,High,Low,Close,AdjClose,Volume\n2024-11-05,100,101,99,100.5,99.75,1000\n2024-11-06,101,120,100,,,\n');
    expect(parseSnapshotCsv(live.files.get('TOPIX.csv') ?? '', 'TOPIX.csv')).toEqual(madeUpBars);
    const manifest = JSON.parse(live.files.get('manifest.json') ?? '{}');
    expect(snapshotManifestSchema.safeParse(manifest).success).toBe(true);
    expect(manifest.builtAt).toBe(FETCHED_AT);
    expect(manifest.builtBy).toBe('npm run data:refresh');
    const [mhi] = manifest.series;
    expect(mhi).toMatchObject({ symbol: '7011.T', yahooSymbol: '7011.T', file: '7011.T.csv', firstDate: '2024-11-05', lastDate: '2024-11-06', rows: 2 });
    expect(mhi.provenance.source).toBe(`yahoo-finance2 chart(), fetched ${FETCHED_AT}`);
    expect(mhi.provenance.defects).toContain('a warning from the source');
    expect(live.failures).toEqual([]);
  });

  it('skips a symbol Yahoo does not know and keeps the others', async () => {
    const live = await fetchLiveSnapshot({ source: new FakeSource(['^TOPX']), from: '2024-11-01', to: '2024-11-08', now, series: specs('7011.T', 'TOPIX') });
    expect([...live.files.keys()]).toEqual(['7011.T.csv', 'manifest.json']);
    expect(live.failures).toEqual([{ symbol: 'TOPIX', message: 'Yahoo Finance does not know the symbol ^TOPX (HTTP 404).' }]);
  });

  it('stops at once with one clear line when Yahoo cannot be reached', async () => {
    let calls = 0;
    const offline = new YahooPriceSource({
      now,
      fetch: async () => {
        calls += 1;
        throw new TypeError('fetch failed');
      },
    });
    const attempt = fetchLiveSnapshot({ source: offline, from: '2024-11-01', to: '2024-11-08', now, series: specs('7011.T', '7013.T') });
    await expect(attempt).rejects.toBeInstanceOf(YahooUnreachableError);
    await expect(attempt).rejects.toThrow(/^Yahoo Finance is unavailable .*Nothing was written; the offline snapshot in data\/snapshot is unchanged\.$/);
    expect(calls).toBeGreaterThan(0);
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).not.toContain('\n');
    expect(message).toContain('7011.T');
    expect(message).not.toContain('7013.T');
  });
});
