import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PricesResponse } from '../../../src/domain/price-api.ts';
import { PriceService } from '../../../server/price-service.ts';
import { pricesResponseBody } from '../../../server/prices-json.ts';
import { SnapshotSource } from '../../../server/sources/snapshot-source.ts';
import { PROJECT_ROOT } from '../../../server/versions.ts';

function snapshotService(): PriceService {
  return new PriceService({
    mode: 'snapshot',
    snapshot: new SnapshotSource(path.join(PROJECT_ROOT, 'data/snapshot')),
    live: undefined,
    cache: undefined,
    now: () => new Date('2026-11-28T07:00:00.000Z'),
    cacheTtlMs: 1_000,
    log: () => undefined,
  });
}

/** The body as text, decoded strictly (a malformed UTF-8 sequence would throw). */
function bodyText(response: PricesResponse): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(pricesResponseBody(response));
}

describe('pricesResponseBody', () => {
  it('is byte-identical to JSON.stringify on a real snapshot answer, first and repeated', async () => {
    const service = snapshotService();
    const query = { symbols: ['7011.T', '^N225'], from: '2019-01-01', to: '2024-11-08' };
    const first = await service.prices(query);
    expect(first.warnings.length).toBeGreaterThan(0);
    expect(bodyText(first)).toBe(JSON.stringify(first));
    const again = await service.prices(query);
    expect(bodyText(again)).toBe(JSON.stringify(first));
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
      failures: [{ symbol: 'FAKE.T', code: 'UNKNOWN_SYMBOL', message: 'FAKE.T is "unknown" \\ </script>' }],
    };
    expect(bodyText(response)).toBe(JSON.stringify(response));
    expect(JSON.parse(bodyText(response))).toEqual(response);
    expect(Buffer.from(pricesResponseBody(response)).equals(Buffer.from(JSON.stringify(response), 'utf8'))).toBe(true);
  });

  it('hands out the same series objects for a repeated snapshot request (so their bytes are reused)', async () => {
    const service = snapshotService();
    const query = { symbols: ['7011.T'], from: '2024-11-01', to: '2024-11-08' };
    const [first, second] = [await service.prices(query), await service.prices(query)];
    expect(second.series[0]).toBe(first.series[0]);
  });

  it('reuses the whole body for the same series objects, and never for other objects or other warnings', async () => {
    const service = snapshotService();
    const query = { symbols: ['7011.T', '7013.T'], from: '2024-11-01', to: '2024-11-08' };
    const first = await service.prices(query);
    const body = pricesResponseBody(first);
    expect(pricesResponseBody(await service.prices(query))).toBe(body);
    const warned = { ...first, warnings: ['7011.T: made-up warning for this test'] };
    expect(bodyText(warned)).toBe(JSON.stringify(warned));
    // Equal content in new objects (a stale fallback builds new ones each time) is serialised anew.
    const relabelled = { ...first, series: first.series.map((series) => ({ ...series, stale: true })) };
    expect(bodyText(relabelled)).toBe(JSON.stringify(relabelled));
    expect(bodyText(first)).toBe(JSON.stringify(first));
  });
});
