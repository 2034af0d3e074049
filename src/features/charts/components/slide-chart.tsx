import type { ChartRow } from '../utils/chart-data.ts';
import { abnormalReturnExtent, AbnormalReturnPlot } from './abnormal-return-chart.tsx';
import type { SecurityPanel } from './charts-panel.tsx';
import type { LineSpec } from './chart-interaction.ts';
import type { EventMarker } from './event-marker.tsx';
import { PortfolioPlot } from './portfolio-chart.tsx';
import { LineLegend, PricePlot } from './price-chart.tsx';
import './charts.css';

/** One chart of the study, as a slide shows it. */
export type SlideChartProps =
  | { kind: 'prices'; rows: ChartRow[]; lines: LineSpec[]; markers: EventMarker[] }
  | { kind: 'abnormal-returns'; panels: SecurityPanel[]; markers: EventMarker[] }
  | { kind: 'portfolio'; rows: ChartRow[]; markers: EventMarker[] };

/** A wide chart's drawing size; the slide's stylesheet scales it to fit, keeping its proportions. */
const WIDE = { kind: 'slide', width: 1200, height: 600 } as const;
/** Abnormal-return panels: tall while they fit on one row (three or fewer), flatter on two rows or more. */
const ONE_ROW = { kind: 'slide', width: 600, height: 520 } as const;
const ROWS = { kind: 'slide', width: 600, height: 330 } as const;
const PANELS_PER_ROW = 3;

/**
 * A chart of the study at slide size: the same plots as the page, drawn at a fixed size without
 * tooltip or brush, so they are complete while their slide is hidden and when they are printed.
 * @example <SlideChart kind="portfolio" rows={rows} markers={markers} />
 */
export function SlideChart(props: SlideChartProps) {
  if (props.kind === 'prices') {
    return (
      <div className="slide-chart">
        {/* Above the plot, which takes whatever height is left and leaves any spare room below. */}
        <LineLegend lines={props.lines} />
        <div className="slide-plot">
          <PricePlot rows={props.rows} lines={props.lines} markers={props.markers} layout={WIDE} />
        </div>
      </div>
    );
  }
  if (props.kind === 'portfolio') {
    return (
      <div className="slide-chart">
        <div className="slide-plot">
          <PortfolioPlot rows={props.rows} markers={props.markers} layout={WIDE} />
        </div>
      </div>
    );
  }
  const layout = props.panels.length <= PANELS_PER_ROW ? ONE_ROW : ROWS;
  // Side by side on a slide, the panels are compared: one scale for all.
  const extent = abnormalReturnExtent(props.panels.flatMap((panel) => (panel.rows ? [panel.rows] : [])));
  return (
    <div className="slide-chart slide-multiples" data-count={Math.min(props.panels.length, PANELS_PER_ROW)}>
      {props.panels.map((panel) => (
        <figure key={panel.key} className="slide-multiple" data-unit={panel.key}>
          <figcaption>{panel.spec.name}</figcaption>
          {panel.rows ? (
            <div className="slide-plot">
              <AbnormalReturnPlot rows={panel.rows} series={panel.spec} markers={props.markers} extent={extent} layout={layout} />
            </div>
          ) : (
            <p className="inline-message" role="note">
              {panel.failure}
            </p>
          )}
        </figure>
      ))}
    </div>
  );
}
