import { useId } from 'react';
import { DECK_GEOMETRY, LINE_SPACING } from '../../../application/deck-layout.ts';
import type { DeckChart } from '../../../application/deck-types.ts';
import { formatRelativeDay } from '../../../lib/format.ts';

/** The chart's own coordinates; the SVG scales to its box, so text keeps its size relative to the slide. */
const WIDTH = 640;
const DEFAULT_HEIGHT = 300;
/**
 * Inches of the box that the title (1.1cqw, presentation.css) and a legend of up to two lines
 * (0.95cqw) take on the slide, at the deck's line spacing: the drawing gets the rest.
 */
const TITLE_AND_LEGEND_INCHES = (DECK_GEOMETRY.width / 100) * LINE_SPACING * (1.1 + 2 * 0.95);
const PLOT = { left: 52, right: 12, top: 34, bottom: 30 };
const FONT = 12;
const MARKER_LANES = 2;

/**
 * A deck chart drawn as SVG from the deck model's numbers: bars, lines (dashed for benchmarks), the
 * band, a tick for every day (days −1, 0 and +1 always labelled) and a labelled line at each event
 * in the window; the legend is HTML under it. The same numbers make the PowerPoint's native chart.
 * @example <DeckChartView chart={slide.blocks[0].chart} />
 */
export function DeckChartView({ chart, box }: { chart: DeckChart; box?: { w: number; h: number } }) {
  const id = useId();
  const height = drawingHeight(box);
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = height - PLOT.top - PLOT.bottom;
  const slot = plotWidth / Math.max(1, chart.days.length);
  const x = (index: number) => PLOT.left + slot * (index + 0.5);
  const y = (value: number) => PLOT.top + ((chart.range.max - value) / (chart.range.max - chart.range.min || 1)) * plotHeight;
  const ticks = Array.from({ length: Math.round((chart.range.max - chart.range.min) / chart.range.step) + 1 }, (_, index) => Number((chart.range.min + index * chart.range.step).toPrecision(12)));
  const bars = chart.series.filter((series) => series.kind === 'bar');
  const lines = chart.series.filter((series) => series.kind === 'line');
  const barWidth = (slot * 0.7) / Math.max(1, bars.length);
  const labelEvery = chart.days.length > 21 ? 2 : 1;
  const zero = chart.range.min <= 0 && chart.range.max >= 0 ? y(0) : null;

  return (
    <figure className="deck-chart" data-chart={chart.id}>
      <figcaption className="deck-chart-title">{chart.title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-desc`} preserveAspectRatio="xMidYMid meet">
        <desc id={`${id}-desc`}>{chart.altText}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(tick)} y2={y(tick)} stroke="#e3e6e9" />
            <text x={PLOT.left - 6} y={y(tick) + FONT / 3} fontSize={FONT} textAnchor="end" fill="#4a4a4a">
              {chart.unit === 'percent' ? `${Math.round(tick * 1000) / 10}%` : String(tick)}
            </text>
          </g>
        ))}
        {chart.band ? <BandPath chart={chart} x={x} y={y} /> : null}
        {zero !== null && chart.unit === 'percent' ? <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={zero} y2={zero} stroke="#6b6b6b" /> : null}
        {bars.map((series, seriesIndex) =>
          series.values.map((value, index) =>
            value === null || zero === null ? null : (
              <rect key={`${series.name}-${index}`} x={x(index) - (barWidth * bars.length) / 2 + seriesIndex * barWidth} y={Math.min(y(value), zero)} width={barWidth} height={Math.abs(y(value) - zero)} fill={`#${series.colour}`} />
            ),
          ),
        )}
        {lines.map((series) => (
          <path key={series.name} d={linePath(series.values, x, y)} fill="none" stroke={`#${series.colour}`} strokeWidth={2.2} strokeDasharray={series.dashed ? '6 4' : undefined} />
        ))}
        {chart.markers.map((marker, index) => {
          const at = chart.days.indexOf(marker.day);
          const lane = index % MARKER_LANES;
          return (
            <g key={`${marker.day}-${marker.label}`} className="deck-chart-marker">
              <line x1={x(at)} x2={x(at)} y1={PLOT.top - 4} y2={PLOT.top + plotHeight} stroke="#1a1a1a" strokeDasharray="3 3" />
              <text x={x(at) + 3} y={PLOT.top - 8 - lane * (FONT + 2)} fontSize={FONT} fill="#1a1a1a" textAnchor={at > chart.days.length / 2 ? 'end' : 'start'}>
                {marker.label}
              </text>
            </g>
          );
        })}
        {chart.days.map((day, index) =>
          index % labelEvery === 0 || Math.abs(day) <= 1 ? (
            <text key={day} x={x(index)} y={height - PLOT.bottom + FONT + 6} fontSize={FONT} textAnchor="middle" fill="#4a4a4a" fontWeight={day === 0 ? 700 : 400}>
              {formatRelativeDay(day)}
            </text>
          ) : null,
        )}
      </svg>
      <ul className="deck-chart-legend">
        {chart.series.map((series) => (
          <li key={series.name}>
            <span className={`swatch swatch-${series.kind}${series.dashed ? ' swatch-dashed' : ''}`} style={{ color: `#${series.colour}` }} aria-hidden="true" />
            {series.name}
          </li>
        ))}
        {chart.band ? (
          <li>
            <span className="swatch swatch-band" style={{ color: `#${chart.band.colour}` }} aria-hidden="true" />
            {chart.band.name}
          </li>
        ) : null}
      </ul>
    </figure>
  );
}

function drawingHeight(box: { w: number; h: number } | undefined): number {
  if (box === undefined || box.w <= 0) return DEFAULT_HEIGHT;
  const height = (WIDTH * (box.h - TITLE_AND_LEGEND_INCHES)) / box.w;
  return Math.round(Math.min(560, Math.max(220, height)));
}

function linePath(values: readonly (number | null)[], x: (index: number) => number, y: (value: number) => number): string {
  let path = '';
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${x(index).toFixed(1)},${y(value).toFixed(1)}`;
    drawing = true;
  });
  return path;
}

/** The band as one polygon per run of days that have both edges. */
function BandPath({ chart, x, y }: { chart: DeckChart; x: (index: number) => number; y: (value: number) => number }) {
  const band = chart.band;
  if (!band) return null;
  const runs: number[][] = [];
  band.low.forEach((low, index) => {
    const high = band.high[index] ?? null;
    if (low === null || high === null) return;
    const run = runs.at(-1);
    if (run && run.at(-1) === index - 1) run.push(index);
    else runs.push([index]);
  });
  return (
    <>
      {runs.map((run) => {
        const upper = run.map((index) => `${x(index).toFixed(1)},${y(band.high[index] ?? 0).toFixed(1)}`);
        const lower = [...run].reverse().map((index) => `${x(index).toFixed(1)},${y(band.low[index] ?? 0).toFixed(1)}`);
        return <polygon key={run[0]} points={[...upper, ...lower].join(' ')} fill={`#${band.colour}`} fillOpacity={0.45} />;
      })}
    </>
  );
}
