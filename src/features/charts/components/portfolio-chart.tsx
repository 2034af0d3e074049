import { memo, useMemo } from 'react';
import type { AggregateTests } from '../../../core/types.ts';
import { PORTFOLIO_TESTS } from '../../../lib/test-names.ts';
import { Area, Bar, CartesianGrid, ComposedChart, LabelList, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent, formatRelativeDay } from '../../../lib/format.ts';
import { significanceStars } from '../../../lib/significance.ts';
import type { ChartRow } from '../utils/chart-data.ts';
import { extentOf, niceAxis } from '../utils/nice-ticks.ts';
import { AAR_FILL, BAND_FILL, CAAR_COLOUR } from '../utils/palette.ts';
import { ChartFrame } from './chart-frame.tsx';
import { CHART_SYNC_ID, useChartMouseHandlers, type DayHandlers } from './chart-interaction.ts';
import { ChartTooltip } from './chart-tooltip.tsx';
import { markerLines, type EventMarker } from './event-marker.tsx';

export interface PortfolioChartProps extends DayHandlers {
  significanceTest: keyof AggregateTests;
  onSignificanceTest: (test: keyof AggregateTests) => void;
  rows: ChartRow[];
  markers: EventMarker[];
  subtitle: string;
  describedBy: string;
}

const HEIGHT = 280;

/**
 * Chart 3: the portfolio's daily AAR as bars with the significance stars of the chosen test above
 * them, the CAAR as a line and its 95% band.
 */
export const PortfolioChart = memo(function PortfolioChart({ rows, markers, subtitle, describedBy, significanceTest, onSignificanceTest, ...handlers }: PortfolioChartProps) {
  const mouseHandlers = useChartMouseHandlers(handlers);
  const testName = PORTFOLIO_TESTS.find((test) => test.key === significanceTest)?.name ?? significanceTest;
  const data = useMemo(() => rows.map((row) => ({ ...row, stars: significanceStars((row.pValue as number | null) ?? null) })), [rows]);
  const extent = extentOf(rows, ['aar', 'caar', 'band']) ?? [0, 0];
  const axis = niceAxis(Math.min(extent[0], 0), Math.max(extent[1], 0), 5, 100);
  return (
    <ChartFrame
      id="portfolio-chart"
      title="Portfolio: average abnormal return and CAAR"
      subtitle={subtitle}
      describedBy={describedBy}
      actions={
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
      }
      legend={
        <p className="chart-note">
          Bars: AAR of each day, starred when significant under the {testName} (* p &lt; 0.10, ** p &lt; 0.05, *** p &lt; 0.01). Line: CAAR. Shaded: CAAR ± 1.96·sqrt(var CAAR), var CAAR = Σ var(CAR<sub>i</sub>)/N² (MacKinlay 1997), which assumes independent securities.
        </p>
      }
    >
      <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 640, height: HEIGHT }}>
        <ComposedChart data={data} syncId={CHART_SYNC_ID} margin={{ top: 24, right: 16, bottom: 4, left: 4 }} {...mouseHandlers}>
          <CartesianGrid stroke="#e3e6ea" vertical={false} />
          <XAxis dataKey="day" tickFormatter={formatRelativeDay} tick={{ fontSize: 12 }} />
          <YAxis domain={axis.domain} ticks={axis.ticks} tickFormatter={(value: number) => formatPercent(value, axis.decimals)} tick={{ fontSize: 12 }} width={48} />
          <ReferenceLine y={0} stroke="#5f6b7a" />
          {markerLines(markers, false)}
          <Tooltip content={<ChartTooltip format={(value) => formatPercent(value)} />} />
          <Area dataKey="band" name="CAAR 95% band" fill={BAND_FILL} fillOpacity={0.3} stroke="none" isAnimationActive={false} connectNulls={false} />
          <Bar dataKey="aar" name="AAR" fill={AAR_FILL} isAnimationActive={false}>
            <LabelList dataKey="stars" position="top" fontSize={13} fill="#000000" />
          </Bar>
          <Line dataKey="caar" name="CAAR" stroke={CAAR_COLOUR} strokeWidth={2.5} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});
