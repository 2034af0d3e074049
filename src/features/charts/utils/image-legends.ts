import type { LegendItem } from '../../../lib/chart-image.ts';
import type { LineSpec } from '../components/chart-interaction.ts';
import { AAR_FILL, BAND_FILL, CAAR_COLOUR } from './palette.ts';

/**
 * The legend of an exported price chart: one line per security and benchmark, drawn as on screen.
 * @example priceLegend([{ key: 'a', name: 'IHI (7013.T)', colour: '#0072B2', dash: undefined, emphasis: 'normal' }])[0].kind // 'line'
 */
export function priceLegend(lines: readonly LineSpec[]): LegendItem[] {
  return lines.map((line) => ({ label: line.name, colour: line.colour, kind: 'line', dash: line.dash }));
}

/**
 * The legend of an exported abnormal-return chart: the security's AR bars, its CAR line and band.
 * @example abnormalReturnLegend(spec).map((item) => item.label) // ['AR', 'CAR', 'CAR 95% band']
 */
export function abnormalReturnLegend(series: LineSpec): LegendItem[] {
  return [
    { label: 'AR', colour: series.colour, kind: 'bar' },
    { label: 'CAR', colour: '#000000', kind: 'line', dash: series.dash },
    { label: 'CAR 95% band', colour: BAND_FILL, kind: 'band' },
  ];
}

/** The legend of the exported portfolio chart. */
export const PORTFOLIO_LEGEND: readonly LegendItem[] = [
  { label: 'AAR', colour: AAR_FILL, kind: 'bar' },
  { label: 'CAAR', colour: CAAR_COLOUR, kind: 'line' },
  { label: 'CAAR 95% band', colour: BAND_FILL, kind: 'band' },
];
