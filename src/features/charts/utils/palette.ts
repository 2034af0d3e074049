/**
 * Okabe & Ito (2008) colour-blind-safe palette, in the order series take it. Yellow (#F0E442) is
 * left out: it vanishes on white paper. Each colour comes with its own dash pattern so lines stay
 * apart when printed in greyscale.
 */
const SERIES_STYLES = [
  { colour: '#0072B2', dash: undefined },
  { colour: '#D55E00', dash: '7 3' },
  { colour: '#009E73', dash: '2 2' },
  { colour: '#CC79A7', dash: '9 3 2 3' },
  { colour: '#E69F00', dash: '4 4' },
  { colour: '#56B4E9', dash: '12 4' },
] as const;

export interface SeriesStyle {
  colour: string;
  /** SVG stroke-dasharray, undefined for a solid line. */
  dash: string | undefined;
}

/**
 * Benchmarks are drawn in greys so they never compete with a security's colour, each with its own
 * pattern of dots and dashes (none used by a security), so TOPIX and the S&P 500 on one chart stay
 * apart on screen, in print and in the legend.
 */
const BENCHMARK_STYLES = [
  { colour: '#333333', dash: '1 3' },
  { colour: '#555555', dash: '8 3 1 3' },
  { colour: '#333333', dash: '3 2 1 2 1 2' },
  { colour: '#707070', dash: '14 3' },
] as const;

/**
 * The style of the benchmark at `index` (in the order the chart meets them), cycling past the last.
 * @example benchmarkStyle(1).dash // '8 3 1 3'
 */
export function benchmarkStyle(index: number): SeriesStyle {
  const style = BENCHMARK_STYLES[index % BENCHMARK_STYLES.length] ?? BENCHMARK_STYLES[0];
  return { colour: style.colour, dash: style.dash };
}

/** Neutral fills: the confidence band and the portfolio's daily AAR bars. */
export const BAND_FILL = '#9aa5b1';
export const AAR_FILL = '#b8c0c8';
export const CAAR_COLOUR = '#000000';

/**
 * A selected event is marked like a highlighter pen: a wide band of Okabe–Ito yellow (kept out
 * of the series palette for that reason) under a solid black line, so it never looks like a
 * security's colour and still shows in greyscale.
 */
export const HIGHLIGHT_BAND = '#F0E442';
export const HIGHLIGHT_INK = '#000000';

/**
 * The style of the series at `index`, cycling when there are more series than styles.
 * @example seriesStyle(0).colour // '#0072B2'
 */
export function seriesStyle(index: number): SeriesStyle {
  const style = SERIES_STYLES[index % SERIES_STYLES.length] ?? SERIES_STYLES[0];
  return { colour: style.colour, dash: style.dash };
}
