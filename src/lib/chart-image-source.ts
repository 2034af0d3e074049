import { dataSourceLine, type CitedSeries } from '../domain/source-line.ts';

/**
 * The line printed under an exported chart, as a research note cites its data: where the prices
 * come from (src/domain/source-line.ts), then whose calculations with which method. Repositories
 * and commits stay in the manifest and the provenance dialog.
 * @example imageSourceLine({ app: 'Kabuto 0.1.0', method: 'MacKinlay (1997) market model', series: [] }) // 'Source: Kabuto 0.1.0 calculations, MacKinlay (1997) market model.'
 */
export function imageSourceLine(input: { app: string; method: string; series: readonly CitedSeries[] }): string {
  const data = dataSourceLine(input.series);
  return `Source: ${data ? `${data}; ` : ''}${input.app} calculations, ${input.method}.`;
}
