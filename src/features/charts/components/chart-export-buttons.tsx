import { useState, type RefObject } from 'react';
import { ChartImageError, composeChartSvg, imageFileName, type LegendItem } from '../../../lib/chart-image.ts';
import { renderPng, serialiseChartSvg, svgBlob } from '../../../lib/chart-image-dom.ts';
import { downloadBlob } from '../../../lib/download-blob.ts';

/** What an exported image says around the chart, and the parts of its file name. */
export interface ChartImageSpec {
  title: string;
  subtitle: string;
  source: string;
  legend: readonly LegendItem[];
  /** e.g. ['7013.T', 'abnormal-returns', 'us-election-2024'] → kabuto-7013-T-abnormal-returns-us-election-2024.png */
  fileParts: readonly string[];
}

/** The chart to save and what its image says. */
export interface ChartExportButtonsProps {
  /** The element holding the drawn chart (its `svg.recharts-surface`). */
  chart: RefObject<HTMLElement | null>;
  image: ChartImageSpec;
}

type ImageFormat = 'png' | 'svg';

/**
 * "PNG" and "SVG" buttons that download the chart with its title, parameters and source, ready
 * for a slide; a failure is said under the buttons. While one image is being made the buttons
 * are marked busy rather than disabled, so keyboard focus stays on them.
 * @example <ChartExportButtons chart={bodyRef} image={{ title, subtitle, source, legend, fileParts: ['prices', 'us-election-2024'] }} />
 */
export function ChartExportButtons({ chart, image }: ChartExportButtonsProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async (format: ImageFormat) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await exportChart(chart.current, image, format);
    } catch (error) {
      setProblem(error instanceof ChartImageError ? error.message : `The image could not be made: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="chart-export">
      <div className="chart-export-buttons">
        <button type="button" className="small-button" aria-label={`PNG image of ${image.title}`} title="Download as PNG (2× resolution)" aria-disabled={busy} onClick={() => void download('png')}>
          PNG
        </button>
        <button type="button" className="small-button" aria-label={`SVG image of ${image.title}`} title="Download as SVG" aria-disabled={busy} onClick={() => void download('svg')}>
          SVG
        </button>
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

async function exportChart(container: HTMLElement | null, image: ChartImageSpec, format: ImageFormat): Promise<void> {
  const svg = container?.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!svg) throw new ChartImageError('The chart is not drawn yet, so there is nothing to save; wait for it to appear and try again.');
  const composed = composeChartSvg({ chart: serialiseChartSvg(svg), title: image.title, subtitle: image.subtitle, source: image.source, legend: image.legend });
  const blob = format === 'png' ? await renderPng(composed) : svgBlob(composed);
  downloadBlob(blob, imageFileName(image.fileParts, format));
}
