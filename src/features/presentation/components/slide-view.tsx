import { tableColumnWidths, tableFontSize } from '../../../application/deck-tables.ts';
import { DECK_GEOMETRY, tableBox, type DeckBlock, type DeckLayout, type DeckSlide, type DeckTable } from '../../../application/deck-types.ts';
import { DeckChartView } from './deck-chart-view.tsx';

/**
 * One slide of the deck model, as the PowerPoint file lays it out: heading, the blocks of its
 * layout, the source line and a footer naming the event(s), model and windows.
 * @example <SlideView slide={deck.slides[0]} number={1} count={deck.slides.length} />
 */
export function SlideView({ slide, number, count }: { slide: DeckSlide; number: number; count: number }) {
  const charts = slide.blocks.filter((block) => block.kind === 'chart');
  const rest = slide.blocks.filter((block) => block.kind !== 'chart');
  return (
    <div className={`deck-slide deck-layout-${slide.layout}`}>
      <div className="deck-slide-body">
        {slide.kicker ? <p className="deck-kicker">{slide.kicker}</p> : null}
        <h2 className="deck-heading">{slide.heading}</h2>
        {charts.length > 0 ? (
          <div className="deck-charts" data-count={charts.length}>
            {charts.map((block) => (block.kind === 'chart' ? <DeckChartView key={block.chart.id} chart={block.chart} /> : null))}
          </div>
        ) : null}
        {rest.map((block, index) => (
          <Block key={index} block={block} layout={slide.layout} />
        ))}
      </div>
      {slide.source ? <p className="deck-source">{slide.source}</p> : null}
      <footer className="deck-footer">
        <span>{slide.footer}</span>
        <span>
          {number} / {count}
        </span>
      </footer>
    </div>
  );
}

function Block({ block, layout }: { block: DeckBlock; layout: DeckLayout }) {
  switch (block.kind) {
    case 'chart':
      return <DeckChartView chart={block.chart} />;
    case 'table':
      return <TableView table={block.table} layout={layout} />;
    case 'facts':
      return (
        <dl className="deck-facts">
          {block.facts.map((fact) => (
            <div key={fact.term}>
              <dt>{fact.term}</dt>
              <dd>{fact.detail}</dd>
            </div>
          ))}
        </dl>
      );
    case 'text':
      return (
        <div className="deck-text">
          {block.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
      );
  }
}

/** A table at the size and column widths the PowerPoint file gives it: points become cqw of the 13.333 in slide. */
function TableView({ table, layout }: { table: DeckTable; layout: DeckLayout }) {
  const box = tableBox(layout);
  const fontSize = tableFontSize(table, box);
  const widths = tableColumnWidths(table, box.width, fontSize);
  const total = widths.reduce((sum, width) => sum + width, 0);
  return (
    <div className="deck-table-block">
      <table className="deck-table" style={{ fontSize: `${((100 * fontSize) / (DECK_GEOMETRY.width * 72)).toFixed(3)}cqw` }}>
        <caption>{table.caption}</caption>
        <colgroup>
          {widths.map((width, index) => (
            <col key={index} style={{ width: `${((100 * width) / total).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {table.columns.map((column, index) => (
              <th key={index} scope="col" className={cellClass(column)}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.cells.map((cell, index) => (
                <td key={index} className={cellClass(table.columns[index])}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.notes.map((note) => (
        <p key={note} className="deck-note">
          {note}
        </p>
      ))}
    </div>
  );
}

function cellClass(column: DeckTable['columns'][number] | undefined): string | undefined {
  if (column?.numeric) return 'number';
  return column?.wraps ? 'wraps' : 'one-line';
}
