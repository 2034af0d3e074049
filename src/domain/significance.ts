/**
 * Significance as the project states it, once: the stars of most economics tables (* p < 0.10,
 * ** p < 0.05, *** p < 0.01, two-sided p-values; estudy2 marks the same levels) and the same levels
 * in words for the answer panel and the slides ("p < 0.001 — significant at 1 %").
 */
export const SIGNIFICANCE_LEVELS = [
  { stars: '***', below: 0.01, label: '1%' },
  { stars: '**', below: 0.05, label: '5%' },
  { stars: '*', below: 0.1, label: '10%' },
] as const;

/** The legend printed under every table that carries stars. */
export const SIGNIFICANCE_LEGEND = '* p < 0.10, ** p < 0.05, *** p < 0.01 (two-sided)';

/**
 * Stars for a two-sided p-value; '' when not significant at 10% or when there is no p-value.
 * @example significanceStars(0.004) // "***"
 */
export function significanceStars(pValue: number | null): string {
  if (pValue === null) return '';
  return SIGNIFICANCE_LEVELS.find((level) => pValue < level.below)?.stars ?? '';
}

/**
 * The smallest conventional level at which a p-value is significant, e.g. "1%", or null.
 * @example significanceLevel(0.03) // "5%"
 */
export function significanceLevel(pValue: number | null): string | null {
  if (pValue === null) return null;
  return SIGNIFICANCE_LEVELS.find((level) => pValue < level.below)?.label ?? null;
}

/**
 * A two-sided p-value and its verdict in words an investor reads, the p-value with three decimals
 * (below 0.001 as "p < 0.001", since more digits of a tail probability mean nothing to a reader).
 * @example pValueInWords(0.0004) // 'p < 0.001 — significant at 1 %'
 * @example pValueInWords(0.41) // 'p = 0.410 — not significant'
 */
export function pValueInWords(pValue: number): string {
  const p = pValue < 0.001 ? 'p < 0.001' : `p = ${pValue.toFixed(3)}`;
  const level = significanceLevel(pValue);
  return `${p} — ${level === null ? 'not significant' : `significant at ${level.replace('%', ' %')}`}`;
}
