import { useId, useMemo, useState } from 'react';
import type { ChartImageSpec } from './chart-export-buttons.tsx';
import type { AggregateTests } from '../../../core/types.ts';
import type { ChartRow } from '../utils/chart-data.ts';
import { AR_NOTE, portfolioNote } from '../utils/chart-notes.ts';
import { abnormalReturnLegend, PORTFOLIO_LEGEND, priceLegend } from '../utils/image-legends.ts';
import { abnormalReturnExtent, AbnormalReturnChart } from './abnormal-return-chart.tsx';
import type { DayHandlers, LineSpec } from './chart-interaction.ts';
import type { EventMarker } from './event-marker.tsx';
import { PortfolioChart } from './portfolio-chart.tsx';
import { PriceChart } from './price-chart.tsx';
import type { VolumePanelData } from '../utils/volume-rows.ts';
import { VOLUME_NOTE, VOLUME_TITLE, VolumeChart } from './volume-chart.tsx';
import './charts.css';

/** One security's abnormal-return panel: its rows, or why it has none. */
export interface SecurityPanel {
  key: string;
  symbol: string;
  /** The benchmark's name, e.g. "TOPIX", for the image's subtitle. */
  benchmarkName: string;
  spec: LineSpec;
  rows: ChartRow[] | null;
  failure: string | null;
}

/** What every image saved from the panel states beside its own title. */
export interface ChartImageContext {
  /** The line under each image: app, method and where the prices come from. */
  source: string;
  /** Model and windows, e.g. "Market model, estimation [-250, -11], event window [-5, +10]." */
  method: string;
  /** The focused event: names the price and abnormal-return files. */
  eventId: string;
  /** Every event of the study: names the portfolio file. */
  portfolioEventIds: readonly string[];
}

export interface ChartsPanelProps extends DayHandlers {
  priceRows: ChartRow[];
  priceLines: LineSpec[];
  markers: EventMarker[];
  /** Markers of the portfolio chart, which may span several events. */
  portfolioMarkers: EventMarker[];
  securities: SecurityPanel[];
  /** Model, windows and day 0, printed under each chart title. */
  subtitle: string;
  portfolio: { rows: ChartRow[]; subtitle: string } | null;
  /** Each security's daily volume against its usual volume, under the price chart. */
  volume: VolumePanelData;
  significanceTest: keyof AggregateTests;
  onSignificanceTest: (test: keyof AggregateTests) => void;
  /** The statistics section: the charts' text alternative. */
  describedBy: string;
  image: ChartImageContext;
}

const PRICE_TITLE = 'Prices rebased to 100 at day −1';
const PORTFOLIO_TITLE = 'Portfolio: average abnormal return and CAAR';

/**
 * The three charts of the study: prices rebased at day −1, one abnormal-return panel per
 * security (or a plain message where a security has no result), and the portfolio CAAR.
 * Tooltips and the brush are synchronised through one syncId. Each chart saves as PNG or SVG.
 * @example <ChartsPanel {...panelProps} image={{ source, method, eventId: 'us-election-2024', portfolioEventIds: ['us-election-2024'] }} />
 */
export function ChartsPanel(props: ChartsPanelProps) {
  const id = useId();
  const handlers: DayHandlers = { onHoverDay: props.onHoverDay, onSelectDay: props.onSelectDay };
  const images = useChartImages(props);
  // Panels side by side read as a comparison only on one scale; the user may free it to see detail.
  const [sharedScale, setSharedScale] = useState(true);
  const extent = useMemo(() => abnormalReturnExtent(props.securities.flatMap((panel) => (panel.rows ? [panel.rows] : []))), [props.securities]);
  return (
    <div className="charts">
      <PriceChart
        rows={props.priceRows}
        lines={props.priceLines}
        markers={props.markers}
        subtitle={props.subtitle}
        describedBy={props.describedBy}
        image={images.prices}
        {...handlers}
      />
      <VolumeChart data={props.volume} markers={props.markers} subtitle={props.subtitle} describedBy={props.describedBy} image={images.volume} {...handlers} />
      <figure className="chart" aria-labelledby={`${id}-ar-title`} aria-describedby={props.describedBy}>
        <div className="chart-head">
          <figcaption>
            <h2 id={`${id}-ar-title`} className="chart-title">
              Daily abnormal returns and CAR
            </h2>
            <p className="chart-subtitle">
              {AR_NOTE} {sharedScale ? 'One scale for every security.' : 'Each security on its own scale.'}
            </p>
          </figcaption>
          {images.securities.length > 1 ? (
            <div className="chart-actions">
              <label className="checkbox scale-toggle">
                <input type="checkbox" checked={sharedScale} onChange={(event) => setSharedScale(event.target.checked)} />
                Same scale for all
              </label>
            </div>
          ) : null}
        </div>
        <div className="small-multiples">
          {images.securities.map(({ panel, image }) =>
            panel.rows ? (
              <AbnormalReturnChart
                key={panel.key}
                unitKey={panel.key}
                rows={panel.rows}
                series={panel.spec}
                markers={props.markers}
                extent={sharedScale ? extent : null}
                image={image}
                {...handlers}
              />
            ) : (
              <div key={panel.key} className="small-multiple no-result" data-unit={panel.key}>
                <h3 className="small-multiple-title">{panel.spec.name}</h3>
                <p className="inline-message" role="note">
                  {panel.failure}
                </p>
              </div>
            ),
          )}
        </div>
      </figure>
      {props.portfolio ? (
        <PortfolioChart
          rows={props.portfolio.rows}
          markers={props.portfolioMarkers}
          subtitle={props.portfolio.subtitle}
          describedBy={props.describedBy}
          significanceTest={props.significanceTest}
          onSignificanceTest={props.onSignificanceTest}
          image={images.portfolio}
          {...handlers}
        />
      ) : null}
    </div>
  );
}

/**
 * The title, subtitle, legend and file name of each chart's image, memoised so the charts (which
 * are memoised themselves) do not redraw when nothing they show has changed.
 */
function useChartImages({ image, subtitle, priceLines, securities, portfolio, significanceTest, volume }: ChartsPanelProps) {
  const prices = useMemo((): ChartImageSpec => {
    const benchmarks = [...new Set(securities.map((panel) => panel.benchmarkName).filter(Boolean))].join(', ');
    return { title: PRICE_TITLE, subtitle: `${subtitle}${benchmarks ? ` Benchmark ${benchmarks}.` : ''}`, source: image.source, legend: priceLegend(priceLines), fileParts: ['prices', image.eventId] };
  }, [image, subtitle, priceLines, securities]);
  const perSecurity = useMemo(
    () =>
      securities.map((panel) => ({
        panel,
        image: {
          title: `${panel.spec.name}: daily abnormal returns and CAR`,
          subtitle: `Benchmark ${panel.benchmarkName}. ${subtitle} ${AR_NOTE}`,
          source: image.source,
          legend: abnormalReturnLegend(panel.spec),
          fileParts: [panel.symbol, 'abnormal-returns', image.eventId],
        } satisfies ChartImageSpec,
      })),
    [image, subtitle, securities],
  );
  const portfolioImage = useMemo(
    (): ChartImageSpec => ({
      title: PORTFOLIO_TITLE,
      subtitle: `${portfolio?.subtitle ?? ''} ${image.method} ${portfolioNote(significanceTest)}`,
      source: image.source,
      legend: PORTFOLIO_LEGEND,
      fileParts: ['portfolio-caar', ...image.portfolioEventIds],
    }),
    [image, portfolio?.subtitle, significanceTest],
  );
  const volumeImage = useMemo(
    (): ChartImageSpec => ({
      title: VOLUME_TITLE,
      subtitle: `${subtitle} ${VOLUME_NOTE}`,
      source: image.source,
      legend: [...volume.series.map((item) => ({ label: item.name, colour: item.colour, kind: 'bar' as const })), { label: '1× = usual volume', colour: '#5f6b7a', kind: 'line' as const, dash: '4 3' }],
      fileParts: ['volume', image.eventId],
    }),
    [image, subtitle, volume.series],
  );
  return { prices, securities: perSecurity, portfolio: portfolioImage, volume: volumeImage };
}
