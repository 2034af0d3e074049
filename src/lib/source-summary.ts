import type { PriceSeries, PriceSourceKind } from '../domain/price-api.ts';

export interface SourceSummary {
  /** "Offline snapshot", "Live", "Cached", or a mix such as "Live + Cached". */
  label: string;
  /** True when any series is a fallback served because a live fetch failed. */
  stale: boolean;
  kinds: PriceSourceKind[];
}

const LABELS: Record<PriceSourceKind, string> = { snapshot: 'Offline snapshot', live: 'Live', cache: 'Cached' };
const ORDER: readonly PriceSourceKind[] = ['live', 'cache', 'snapshot'];

/**
 * Where the prices on screen come from, in one label for the badge.
 * @example summariseSources([{ source: 'snapshot', stale: false, … }]).label // 'Offline snapshot'
 */
export function summariseSources(series: readonly Pick<PriceSeries, 'source' | 'stale'>[]): SourceSummary {
  const kinds = ORDER.filter((kind) => series.some((item) => item.source === kind));
  return {
    label: kinds.length === 0 ? 'No prices' : kinds.map((kind) => LABELS[kind]).join(' + '),
    stale: series.some((item) => item.stale),
    kinds,
  };
}
