import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PricesResponse } from '../../../src/shared/price-api.ts';
import { DiskCache } from '../../../server/cache/disk-cache.ts';
import { PriceService } from '../../../server/price-service.ts';
import { pricesResponseJson } from '../../../server/prices-json.ts';
import { SnapshotSource } from '../../../server/sources/snapshot-source.ts';
import { PROJECT_ROOT } from '../../../server/versions.ts';
import { tempDir } from './helpers/temp-snapshot.ts';

async function snapshotService(): Promise<PriceService> {
  return new PriceService({
    mode: 'snapshot',
    snapshot: new SnapshotSource(path.join(PROJECT_ROOT, 'data/snapshot')),
    live: undefined,
    cache: new DiskCache(await tempDir('cache')),
    now: () => new Date('2026-11-28T07:00:00.000Z'),
    cacheTtlMs: 1_000,
    log: () => undefined,
  });
}

describe('pricesResponseJson', () => {
  it('is byte-identical to JSON.stringify on a real snapshot answer, first and repeated', async () => {
    const service = await snapshotService();
    const query = { symbols: ['7011.T', '^N225'], from: '2019-01-01', to: '2024-11-08' };
    const first = await service.prices(query);
    expect(first.warnings.length).toBeGreaterThan(0);
    expect(pricesResponseJson(first)).toBe(JSON.stringify(first));
    const again = await service.prices(query);
    expect(pricesResponseJson(again)).toBe(JSON.stringify(first));
  });

  it('escapes what JSON needs escaped in every field', () => {
    // MADE-UP TEST DATA: one bar with odd text around it, only to exercise the serialiser.
    const response: PricesResponse = {
      mode: 'auto',
      from: '2024-11-06',
      to: '2024-11-06',
      series: [{
        symbol: '^N225', name: 'Nikkei "225"', exchange: 'XTKS', currency: 'JPY', exchangeTimezoneName: 'Asia/Tokyo',
        source: 'snapshot', stale: true, fetchedAt: '2026-01-01T00:00:00Z',
        provenance: { source: 'made-up </script>', adjustment: 'none', defects: [] },
        bars: [{ date: '2024-11-06', open: 1.5, high: null, low: 0, close: -0.25, adjClose: 1e-7, volume: null }],
      }],
      warnings: ['quote " backslash \\ newline \n unicode テ'],
    };
    expect(pricesResponseJson(response)).toBe(JSON.stringify(response));
    expect(JSON.parse(pricesResponseJson(response))).toEqual(response);
  });

  it('hands out the same series objects for a repeated snapshot request (so their text is reused)', async () => {
    const service = await snapshotService();
    const query = { symbols: ['7011.T'], from: '2024-11-01', to: '2024-11-08' };
    const [first, second] = [await service.prices(query), await service.prices(query)];
    expect(second.series[0]).toBe(first.series[0]);
  });
});
