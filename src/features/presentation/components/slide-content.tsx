import type { ReactNode } from 'react';
import { dataValue, formatPercent, formatPValue } from '../../../lib/format.ts';
import { significanceStars } from '../../../lib/significance.ts';
import type { Fact, Slide, SlideChartKind } from '../utils/deck.ts';
import type { TestedValue } from '../utils/key-numbers.ts';

/** One slide and how to draw a chart on it. */
export interface SlideContentProps {
  slide: Slide;
  /** Draws a chart of the study at slide size (the app owns the charts). */
  renderChart: (chart: SlideChartKind) => ReactNode;
}

/**
 * The inside of one slide: its heading and what the slide shows.
 * @example <SlideContent slide={slides[0]} renderChart={renderChart} />
 */
export function SlideContent({ slide, renderChart }: SlideContentProps) {
  switch (slide.kind) {
    case 'title':
      return (
        <div className="slide-title-page">
          <p className="slide-kicker">Event study</p>
          <h2 className="slide-heading">{slide.heading}</h2>
          <FactList facts={slide.facts} />
        </div>
      );
    case 'chart':
      return (
        <>
          <h2 className="slide-heading">{slide.heading}</h2>
          <p className="slide-subtitle">{slide.subtitle}</p>
          <div className="slide-body">{renderChart(slide.chart)}</div>
        </>
      );
    case 'key-numbers':
      return <KeyNumbers slide={slide} />;
    case 'excerpts':
      return (
        <>
          <h2 className="slide-heading">{slide.heading}</h2>
          {slide.excerpts.length === 0 ? (
            <p className="slide-subtitle">No excerpt is tagged with this event and the securities of the study.</p>
          ) : (
            <div className="slide-excerpts">
              {slide.excerpts.map((excerpt) => (
                <figure key={excerpt.id} className="slide-excerpt" data-excerpt-id={excerpt.id}>
                  <blockquote>{excerpt.text}</blockquote>
                  <figcaption>{excerpt.source}</figcaption>
                </figure>
              ))}
              {slide.more > 0 ? <p className="slide-note">{slide.more} more in the dashboard's article panel.</p> : null}
            </div>
          )}
        </>
      );
    case 'methods':
      return (
        <>
          <h2 className="slide-heading">{slide.heading}</h2>
          <FactList facts={slide.facts} />
        </>
      );
  }
}

function FactList({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="slide-facts">
      {facts.map((fact) => (
        <div key={fact.term}>
          <dt>{fact.term}</dt>
          <dd>{fact.detail}</dd>
        </div>
      ))}
    </dl>
  );
}

function KeyNumbers({ slide }: { slide: Extract<Slide, { kind: 'key-numbers' }> }) {
  return (
    <>
      <h2 className="slide-heading">{slide.heading}</h2>
      <table className="slide-table">
        <thead>
          <tr>
            <th scope="col">Security</th>
            <th scope="col" className="number">
              AR day 0
            </th>
            <th scope="col" className="number">
              p
            </th>
            <th scope="col" className="number">
              {slide.carHeading}
            </th>
            <th scope="col" className="number">
              p
            </th>
          </tr>
        </thead>
        <tbody>
          {slide.rows.map((row) => (
            <tr key={row.id} data-unit={row.id}>
              <th scope="row">
                {row.name} <span className="symbol">{row.symbol}</span>
              </th>
              {row.numbers ? (
                <>
                  <TestedCells value={row.numbers.dayZeroAr} testId={`slide-ar0-${row.id}`} />
                  <TestedCells value={row.numbers.eventCar} testId={`slide-car-${row.id}`} />
                </>
              ) : (
                <td colSpan={4} className="failure-cell">
                  {row.failure ?? 'No result.'}
                </td>
              )}
            </tr>
          ))}
          {slide.portfolio ? (
            <tr className="group-start">
              <th scope="row">{slide.portfolio.label}</th>
              <TestedCells value={slide.portfolio.dayZeroAar} testId="slide-aar0" />
              <TestedCells value={slide.portfolio.eventCaar} testId="slide-caar" />
            </tr>
          ) : null}
        </tbody>
      </table>
      {slide.notes.map((note) => (
        <p key={note} className="slide-note">
          {note}
        </p>
      ))}
    </>
  );
}

/** A value with its stars, then its p-value or why it has none; full doubles in data-value. */
function TestedCells({ value, testId }: { value: TestedValue; testId: string }) {
  return (
    <>
      <td className="number" data-value={dataValue(value.value)} data-testid={testId}>
        {formatPercent(value.value)}
        <span className="stars">{significanceStars(value.pValue)}</span>
      </td>
      <td className="number" data-value={dataValue(value.pValue)}>
        {value.untested === null ? formatPValue(value.pValue) : <span className="untested">{value.untested}</span>}
      </td>
    </>
  );
}
