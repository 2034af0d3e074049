/**
 * Seeds a cache folder with an entry the server will find too old to serve fresh, so a failing
 * Yahoo makes it fall back to that copy, flagged stale.
 */
import { DiskPriceCache } from '../../../server/cache/disk-cache.ts';
import { YahooPriceSource } from '../../../server/sources/yahoo-source.ts';
import { chartBody, json, TOKYO_FIXTURES } from '../../unit/server/helpers/yahoo-fake.ts';

const DAY_MS = 86_400_000;

/**
 * Writes the constructed Tokyo fixture of `symbol` (tests/fixtures/yahoo) for [from, to] into
 * `cacheDir`, parsed by the real YahooPriceSource and stored by the real DiskPriceCache, as fetched
 * `ageDays` before `now`: older than the server's six-hour cache lifetime.
 * @returns the fetch time written, an ISO timestamp.
 * @example await seedStaleEntry(cacheDir, '7011.T', '2024-10-28', '2024-11-08', new Date(), 2)
 */
export async function seedStaleEntry(cacheDir: string, symbol: string, from: string, to: string, now: Date, ageDays: number): Promise<string> {
  const fixture = TOKYO_FIXTURES[symbol];
  if (!fixture) throw new Error(`no Tokyo fixture for ${symbol}`);
  const fetchedAt = new Date(now.getTime() - ageDays * DAY_MS);
  const source = new YahooPriceSource({ fetch: async () => json(chartBody(fixture)), now: () => fetchedAt });
  const series = await source.fetchSeries({ symbol, from, to });
  await new DiskPriceCache({ directory: cacheDir }).put({ symbol, from, to, fetchedAt: series.fetchedAt, series });
  return series.fetchedAt;
}
