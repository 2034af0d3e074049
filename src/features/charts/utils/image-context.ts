/**
 * What every chart image saved from the page states besides its title: the app, the method and
 * where each price series comes from.
 */
import type { ModelKind } from '../../../core/types.ts';
import type { PricesResponse } from '../../../domain/price-api.ts';
import { MODEL_CITATIONS } from '../../../domain/models.ts';
import { imageSourceLine } from '../../../lib/chart-image-source.ts';
import type { ChartImageContext } from '../components/charts-panel.tsx';

interface ImageContextInput {
  prices: PricesResponse;
  model: ModelKind;
  /** Model and windows, as the chart subtitles state them. */
  method: string;
  focusEventId: string;
  studyEventIds: readonly string[];
  /** The app's version from /api/health, or null before it answers. */
  version: string | null;
}

/**
 * What every saved chart image states besides its title: the source line (app, method, where each
 * series comes from) and the events that name the files.
 * @example imageContext({ prices, model: 'market', method: 'Market model, …', focusEventId: 'us-election-2024', studyEventIds: ['us-election-2024'], version: '0.1.0' }).source // 'Source: Prices: JPX via J-Quants, split-adjusted; TOPIX: JPX; Kabuto 0.1.0 calculations, MacKinlay (1997) market model.'
 */
export function imageContext(input: ImageContextInput): ChartImageContext {
  return {
    source: imageSourceLine({
      app: input.version ? `Kabuto ${input.version}` : 'Kabuto',
      method: MODEL_CITATIONS[input.model],
      series: input.prices.series,
    }),
    method: input.method,
    eventId: input.focusEventId,
    portfolioEventIds: input.studyEventIds,
  };
}
