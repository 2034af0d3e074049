import { memo, useMemo, useRef } from 'react';
import { Area, Bar, ComposedChart, Line, ResponsiveContainer, usePlotArea, useXAxisScale } from 'recharts';
import type { AggregateTests } from '../../../core/types.ts';
import { significanceStars } from '../../../lib/significance.ts';
import { PORTFOLIO_TESTS } from '../../../domain/portfolio-tests.ts';
import type { ChartRow } from '../utils/chart-data.ts';
import { portfolioNote } from '../utils/chart-notes.ts';
import { AAR_FILL, BAND_FILL, CAAR_COLOUR } from '../utils/palette.ts';
import { ChartExportButtons, type ChartImageSpec } from './chart-export-buttons.tsx';
import { ChartFrame } from './chart-frame.tsx';
import { useChartMouseHandlers, type DayHandlers } from './chart-interaction.ts';
import { useEventMarkers, type EventMarker } from './event-marker.tsx';
import { plainBar } from './plain-bar.tsx';
import { plotProps, type PlotLayout } from './plot-layout.ts';
import { dayAxis, GRID, PERCENT_TOOLTIP, useValueAxis, ZERO_LINE } from './plot-parts.tsx';

export interface PortfolioChartProps extends DayHandlers {
  significanceTest: keyof AggregateTests;
  onSignificanceTest: (test: keyof AggregateTests) => void;
  rows: ChartRow[];
  markers: EventMarker[];
  subtitle: string;
  describedBy: string;
  image: ChartImageSpec;
}

const HEIGHT = 280;

/**
 * Chart 3: the portfolio's daily AAR as bars with the significance stars of the chosen test above
 * them, the CAAR as a line and its 95% band.
 */
export const PortfolioChart = memo(function PortfolioChart({ rows, markers, subtitle, describedBy, significanceTest, onSignificanceTest, image, ...handlers }: PortfolioChartProps) {
  const mouseHandlers = useChartMouseHandlers(handlers);
  const body = useRef<HTMLDivElement>(null);
  return (
    <ChartFrame
      id="portfolio-chart"
      title="Portfolio: average abnormal return and CAAR"
      subtitle={subtitle}
      describedBy={describedBy}
      actions={
        <>
          <label className="field inline significance-select">
            <span>Stars from</span>
            <select value={significanceTest} onChange={(event) => onSignificanceTest(event.target.value as keyof AggregateTests)}>
              {PORTFOLIO_TESTS.map((test) => (
                <option key={test.key} value={test.key}>
                  {test.name}
                </option>
              ))}
            </select>
          </label>
          <ChartExportButtons chart={body} image={image} />
        </>
      }
      legend={<p className="chart-note">{portfolioNote(significanceTest)}</p>}
    >
      <div ref={body}>
        <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 640, height: HEIGHT }}>
          <PortfolioPlot rows={rows} markers={markers} layout={{ kind: 'page', handlers: mouseHandlers }} />
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
});

/** The portfolio's rows and where to draw them (see PlotLayout). */
export interface PortfolioPlotProps {
  rows: ChartRow[];
  markers: EventMarker[];
  layout: PlotLayout;
}

/**
 * The AAR bars with their stars, the CAAR line and its band, on the page or on a slide.
 * @example <PortfolioPlot rows={rows} markers={markers} layout={{ kind: 'slide', width: 1200, height: 600 }} />
 */
export function PortfolioPlot({ rows, markers, layout }: PortfolioPlotProps) {
  const onPage = layout.kind === 'page';
  const fontSize = onPage ? 12 : 15;
  const valueAxis = useValueAxis({ rows, keys: VALUE_KEYS, anchor: 0, unit: 'percent', fontSize, width: fontSize * 4 });
  const { lines: eventLines, lanes } = useEventMarkers(markers, fontSize, starRowHeight(fontSize));
  // The stars' row sits right above the plot area, the marker labels' lanes above it: neither
  // is ever drawn over a bar, the CAAR line or its band.
  const top = starRowHeight(fontSize) + lanes + 4;
  const margin = useMemo(() => ({ ...MARGIN, top }), [top]);
  return (
    <ComposedChart
      data={rows}
      {...plotProps(layout, margin)}
    >
      {GRID}
      {dayAxis(fontSize)}
      {valueAxis}
      {ZERO_LINE}
      {eventLines}
      {onPage ? PERCENT_TOOLTIP : null}
      {SERIES}
      <SignificanceStars rows={rows} fontSize={fontSize} />
    </ComposedChart>
  );
}

const VALUE_KEYS = ['aar', 'caar', 'band'];
const MARGIN = { top: 24, right: 16, bottom: 4, left: 4 };

function starRowHeight(fontSize: number): number {
  return fontSize + 6;
}

/**
 * Each day's stars centred over its AAR bar (the only bar of its day, so in the middle of the
 * day's band), in the row above the plot area (see PortfolioPlot). One component for the row
 * rather than a LabelList on the bars: recharts' labels are a few components per bar, each
 * subscribed to the chart's store, and each window change redrew them all.
 */
function SignificanceStars({ rows, fontSize }: { rows: readonly ChartRow[]; fontSize: number }) {
  const scale = useXAxisScale();
  const plot = usePlotArea();
  if (!scale || !plot) return null;
  return (
    <g className="significance-star-row">
      {rows.map((row) => {
        const stars = typeof row.aar === 'number' ? significanceStars((row.pValue as number | null) ?? null) : '';
        const x = stars === '' ? undefined : scale(row.day, { position: 'middle' });
        return x === undefined ? null : (
          <text key={row.day} x={x} y={plot.y - 5} textAnchor="middle" fontSize={fontSize + 1} fontWeight={700} fill="#000000" className="significance-stars">
            {stars}
          </text>
        );
      })}
    </g>
  );
}

const SERIES = [
  <Area key="band" dataKey="band" name="CAAR 95% band" fill={BAND_FILL} fillOpacity={0.3} stroke="none" isAnimationActive={false} connectNulls={false} />,
  <Bar key="aar" dataKey="aar" shape={plainBar} name="AAR" fill={AAR_FILL} isAnimationActive={false} />,
  <Line key="caar" dataKey="caar" name="CAAR" stroke={CAAR_COLOUR} strokeWidth={2.5} dot={false} isAnimationActive={false} />,
];
