/**
 * Child process for the crash test: rewrites one large cache entry forever, until killed.
 * MADE-UP TEST DATA: 20,000 bars whose prices are their index, only to make each write slow.
 * Usage: node --import tsx tests/unit/server/helpers/cache-writer.ts <cache folder>
 */
import { DiskPriceCache } from '../../../../server/cache/disk-cache.ts';

const directory = process.argv[2] ?? '';
const cache = new DiskPriceCache({ directory });
const bars = Array.from({ length: 20_000 }, (_, index) => ({ date: '2024-11-06', open: index, high: index, low: index, close: index, adjClose: index, volume: index }));
for (let round = 0; ; round += 1) {
  const fetchedAt = new Date(Date.UTC(2026, 0, 1, 0, 0, round % 60)).toISOString();
  await cache.put({
    symbol: '7011.T',
    from: '2024-11-05',
    to: '2024-11-06',
    fetchedAt,
    series: {
      symbol: '7011.T', name: 'Made-up', exchange: 'XTKS', currency: 'JPY', exchangeTimezoneName: 'Asia/Tokyo', fetchedAt,
      provenance: { source: 'made-up', adjustment: 'none', defects: [] }, bars, warnings: [],
    },
  });
  if (round === 0) console.log('first write done');
}
