/**
 * The source line of a chart or slide, cited the way a research note cites data: who publishes the
 * prices, through which vendor, with which adjustment, and who owns each index ("Prices: JPX via
 * J-Quants, split-adjusted; TOPIX: JPX; S&P 500: S&P Dow Jones Indices via Yahoo Finance").
 * Derived from each series' provenance (src/domain/provenance.ts); repositories, commits and blob
 * ids stay in the snapshot manifest, the study manifest and the provenance dialog.
 */
import type { SeriesProvenance } from './provenance.ts';

/**
 * Who calculates and owns each index a study may use as a benchmark (each index's owner names
 * itself so on its licence or methodology pages; see README "Source lines").
 */
export const INDEX_ADMINISTRATORS: Readonly<Record<string, string>> = {
  TOPIX: 'JPX',
  '^TOPX': 'JPX',
  '^N225': 'Nikkei Inc.',
  '^GSPC': 'S&P Dow Jones Indices',
  '^IXIC': 'Nasdaq',
  '^FTSE': 'FTSE Russell',
  'FTSEMIB.MI': 'FTSE Russell',
  '^GDAXI': 'STOXX',
  '^STOXX': 'STOXX',
  '^STOXX50E': 'STOXX',
  '^FCHI': 'Euronext',
  '^OMX': 'Nasdaq',
  '^KS11': 'Korea Exchange',
};

/** What a source line needs of a series. */
export interface CitedSeries {
  symbol: string;
  name: string;
  provenance: Pick<SeriesProvenance, 'source' | 'adjustment'>;
}

/** Vendors recognised in a provenance's source text: the publisher of the data and the channel it came through. */
const VENDORS: readonly { pattern: RegExp; publisher: string | null; channel: string }[] = [
  { pattern: /J-Quants \(JPX\)/, publisher: 'JPX', channel: 'J-Quants' },
  { pattern: /^KRX\b.*FinanceDataReader/, publisher: 'KRX', channel: 'FinanceDataReader' },
  { pattern: /^(Yahoo Finance|yahoo-finance2)\b/, publisher: null, channel: 'Yahoo Finance' },
];

/**
 * The adjustment of a series' adjusted close in a few words, read from its provenance.
 * @example adjustmentWords('Split-adjusted, not dividend-adjusted (J-Quants AdjC): AdjClose = Close.') // 'split-adjusted'
 */
export function adjustmentWords(adjustment: string): string | null {
  if (/^Performance index/i.test(adjustment)) return 'total return';
  if (/^Price index/i.test(adjustment)) return null;
  if (/not dividend-adjusted/i.test(adjustment)) return 'split-adjusted';
  if (/split- and dividend-adjusted/i.test(adjustment)) return 'split- and dividend-adjusted';
  if (/adjusted for capital changes/i.test(adjustment)) return 'adjusted for capital changes';
  return null;
}

/**
 * One series' citation without its label: "JPX via J-Quants, split-adjusted", "S&P Dow Jones
 * Indices via Yahoo Finance", or "source not stated" when the provenance names no known vendor.
 * @example citeSeries({ symbol: 'TOPIX', name: 'TOPIX', provenance: { source: 'TOPIX index values recorded by someone.', adjustment: 'Price index (no dividends).' } }) // 'JPX'
 */
export function citeSeries(series: CitedSeries): string {
  const vendor = VENDORS.find((candidate) => candidate.pattern.test(series.provenance.source));
  const publisher = INDEX_ADMINISTRATORS[series.symbol] ?? vendor?.publisher ?? null;
  const origin = publisher && vendor ? `${publisher} via ${vendor.channel}` : (publisher ?? vendor?.channel ?? 'source not stated');
  const adjustment = adjustmentWords(series.provenance.adjustment);
  return adjustment ? `${origin}, ${adjustment}` : origin;
}

/**
 * The source line of a set of series: the securities' prices first (one citation, or one per
 * vendor naming its symbols), then each index by name with its owner.
 * @throws never
 * @example dataSourceLine([ihi, mhi, topix, sp500]) // 'Prices: JPX via J-Quants, split-adjusted; TOPIX: JPX; S&P 500: S&P Dow Jones Indices via Yahoo Finance'
 */
export function dataSourceLine(series: readonly CitedSeries[]): string {
  const prices = new Map<string, string[]>();
  const indices = new Map<string, string>();
  for (const item of series) {
    const citation = citeSeries(item);
    if (item.symbol in INDEX_ADMINISTRATORS) indices.set(`${item.name}: ${citation}`, item.symbol);
    else prices.set(citation, [...(prices.get(citation) ?? []), item.symbol]);
  }
  const priceParts = [...prices].map(([citation, symbols]) => (prices.size > 1 ? `${citation} (${symbols.join(', ')})` : citation));
  const parts = [...(priceParts.length > 0 ? [`Prices: ${priceParts.join('; ')}`] : []), ...indices.keys()];
  return parts.join('; ');
}
