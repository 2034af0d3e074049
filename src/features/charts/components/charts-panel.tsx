import { useId } from 'react';
import type { AggregateTests } from '../../../core/types.ts';
import type { ChartRow } from '../utils/chart-data.ts';
import { AbnormalReturnChart } from './abnormal-return-chart.tsx';
import type { DayHandlers, LineSpec } from './chart-interaction.ts';
import type { EventMarker } from './event-marker.tsx';
import { PortfolioChart } from './portfolio-chart.tsx';
import { PriceChart } from './price-chart.tsx';

/** One security's abnormal-return panel: its rows, or why it has none. */
export interface SecurityPanel {
  key: string;
  spec: LineSpec;
  rows: ChartRow[] | null;
  failure: string | null;
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
  significanceTest: keyof AggregateTests;
  onSignificanceTest: (test: keyof AggregateTests) => void;
  /** The statistics section: the charts' text alternative. */
  describedBy: string;
}

/**
 * The three charts of the study: prices rebased at day −1, one abnormal-return panel per
 * security (or a plain message where a security has no result), and the portfolio CAAR.
 * Tooltips and the brush are synchronised through one syncId.
 */
export function ChartsPanel(props: ChartsPanelProps) {
  const id = useId();
  const handlers: DayHandlers = { onHoverDay: props.onHoverDay, onSelectDay: props.onSelectDay };
  return (
    <div className="charts">
      <PriceChart rows={props.priceRows} lines={props.priceLines} markers={props.markers} subtitle={props.subtitle} describedBy={props.describedBy} {...handlers} />
      <figure className="chart" aria-labelledby={`${id}-ar-title`} aria-describedby={props.describedBy}>
        <figcaption>
          <h3 id={`${id}-ar-title`} className="chart-title">
            Daily abnormal returns and CAR
          </h3>
          <p className="chart-subtitle">Bars: AR. Line: CAR from the start of the event window. Shaded: CAR ± 1.96·sqrt(var CAR), the 95% band.</p>
        </figcaption>
        <div className="small-multiples">
          {props.securities.map((panel) =>
            panel.rows ? (
              <AbnormalReturnChart key={panel.key} unitKey={panel.key} rows={panel.rows} series={panel.spec} markers={props.markers} {...handlers} />
            ) : (
              <div key={panel.key} className="small-multiple no-result" data-unit={panel.key}>
                <h4 className="small-multiple-title">{panel.spec.name}</h4>
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
          {...handlers}
        />
      ) : null}
    </div>
  );
}
