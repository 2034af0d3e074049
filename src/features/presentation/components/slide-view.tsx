import type { CSSProperties } from 'react';
import { DECK_GEOMETRY, detailSize, factTermWidth, layoutSlide, notesSize, placedCells, SMALL_TEXT_SIZE, tableColumnWidths, type Box, type PlacedBlock } from '../../../application/deck-layout.ts';
import type { DeckCell, DeckFact, DeckSlide, DeckTable } from '../../../application/deck-types.ts';
import { DeckChartView } from './deck-chart-view.tsx';

/** Inches of the slide as a share of its width or height, and points as container-width units. */
const left = (inches: number) => `${((100 * inches) / DECK_GEOMETRY.width).toFixed(3)}%`;
const top = (inches: number) => `${((100 * inches) / DECK_GEOMETRY.height).toFixed(3)}%`;
const points = (size: number) => `${((100 * size) / (72 * DECK_GEOMETRY.width)).toFixed(3)}cqw`;

function placed(box: Box, fontSize?: number): CSSProperties {
  return { left: left(box.x), top: top(box.y), width: left(box.w), height: top(box.h), ...(fontSize === undefined ? {} : { fontSize: points(fontSize) }) };
}

/**
 * One slide of the deck model, laid out where the PowerPoint file puts each part (deck-layout.ts):
 * heading, the blocks of its layout at their point sizes, the source line and a footer naming the
 * event(s), model and windows.
 * @example <SlideView slide={deck.slides[0]} number={1} count={deck.slides.length} />
 */
export function SlideView({ slide, number, count }: { slide: DeckSlide; number: number; count: number }) {
  const layout = layoutSlide(slide);
  return (
    <div className={`deck-slide deck-layout-${slide.layout}`}>
      {layout.kicker && slide.kicker ? (
        <p className="deck-kicker deck-part" style={placed(layout.kicker, layout.kicker.fontSize)}>
          {slide.kicker}
        </p>
      ) : null}
      <h2 className="deck-heading deck-part" style={placed(layout.heading, layout.heading.fontSize)}>
        {slide.heading}
      </h2>
      {layout.blocks.map((item, index) => (
        <Block key={index} item={item} />
      ))}
      {slide.source ? (
        <p className="deck-source deck-part" style={placed(layout.source, SMALL_TEXT_SIZE)}>
          {slide.source}
        </p>
      ) : null}
      <footer className="deck-footer deck-part" style={{ ...placed({ ...layout.footer, w: DECK_GEOMETRY.width - 2 * DECK_GEOMETRY.margin }, SMALL_TEXT_SIZE), top: top(DECK_GEOMETRY.ruleY) }}>
        <span>{slide.footer}</span>
        <span>
          {number} / {count}
        </span>
      </footer>
    </div>
  );
}

function Block({ item }: { item: PlacedBlock }) {
  const { block, box, fontSize } = item;
  switch (block.kind) {
    case 'chart':
      return (
        <div className="deck-part" style={placed(box)}>
          <DeckChartView chart={block.chart} box={box} />
        </div>
      );
    case 'table':
      return <TableView table={block.table} box={box} fontSize={fontSize} />;
    case 'facts':
      return <FactsView facts={block.facts} box={box} fontSize={fontSize} />;
    case 'text':
      return (
        <div className={`deck-text deck-part deck-tone-${block.tone ?? 'plain'}`} style={placed(box, fontSize)} role={block.tone === 'notice' ? 'note' : undefined}>
          {block.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
      );
  }
}

function FactsView({ facts, box, fontSize }: { facts: readonly DeckFact[]; box: Box; fontSize: number }) {
  return (
    <dl className="deck-facts deck-part" style={{ ...placed(box, fontSize), gridTemplateColumns: `${left(factTermWidth(facts, box.w, fontSize) * (DECK_GEOMETRY.width / box.w))} minmax(0, 1fr)` }}>
      {facts.map((fact) => (
        <div key={fact.term}>
          <dt>{fact.term}</dt>
          <dd>{fact.detail}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A table at the size and column widths the PowerPoint file gives it. */
function TableView({ table, box, fontSize }: { table: DeckTable; box: Box; fontSize: number }) {
  const widths = tableColumnWidths(table, box.w, fontSize);
  const total = widths.reduce((sum, width) => sum + width, 0);
  return (
    <div className="deck-table-block deck-part" style={placed(box, fontSize)}>
      <table className="deck-table">
        {table.caption ? <caption>{table.caption}</caption> : null}
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
            <tr key={rowIndex} className={row.style ? `deck-row-${row.style}` : undefined}>
              {placedCells(row).map(({ cell, first, last }) =>
                first === 0 && !table.columns[0]?.numeric && last === first ? (
                  <th key={first} scope="row" className={cellClass(table.columns[first])}>
                    <CellText cell={cell} fontSize={fontSize} />
                  </th>
                ) : (
                  <td key={first} colSpan={last > first ? last - first + 1 : undefined} className={last > first ? 'wraps' : cellClass(table.columns[first])}>
                    <CellText cell={cell} fontSize={fontSize} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {table.notes.length > 0 ? (
        <div className="deck-notes" style={{ fontSize: points(notesSize(fontSize)) }}>
          {table.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function CellText({ cell, fontSize }: { cell: DeckCell; fontSize: number }) {
  if (!cell.detail) return <>{cell.text}</>;
  return (
    <>
      <span className="deck-value">{cell.text}</span>
      <span className="deck-detail" style={{ fontSize: points(detailSize(fontSize)) }}>
        {cell.detail}
      </span>
    </>
  );
}

function cellClass(column: DeckTable['columns'][number] | undefined): string | undefined {
  if (column?.numeric) return 'number';
  return column?.wraps ? 'wraps' : 'one-line';
}
