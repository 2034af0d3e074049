/**
 * Where each part of a slide goes, in inches of PowerPoint's widescreen page (13.333 × 7.5), and at
 * which point size: computed once here, and used by the PowerPoint builder (deck-pptx.ts) and the
 * page's presentation alike, so the two lay a slide out the same way. Text is measured with Arial's
 * average advances (Liberation Sans, which LibreOffice draws Arial with, has the same metrics), word
 * by word as a line breaks, so a box is sized before anything is drawn: blocks fill the slide at
 * the largest size at which all of them fit, numbers never wrap, and nothing runs off the page.
 */
import type { DeckBlock, DeckCell, DeckFact, DeckLayout, DeckSlide, DeckTable } from './deck-types.ts';

export const DECK_GEOMETRY = {
  width: 13.333,
  height: 7.5,
  margin: 0.45,
  /** Bottom of the body: the source line sits under it. */
  bodyBottom: 6.5,
  sourceTop: 6.55,
  ruleY: 6.95,
  footerTop: 7.0,
  /** Space between blocks, and between the heading and the body. */
  gap: 0.18,
  /** Space between charts side by side. */
  chartGap: 0.3,
} as const;

/** Arial, the deck's one font: every PowerPoint has it, and LibreOffice draws it as Liberation Sans. */
export const DECK_FONT = 'Arial';
/** Inches of padding on each side of a table cell (PowerPoint's "narrow" margin). */
export const TABLE_CELL_MARGIN = 0.05;
/** Point size of the source line, the footer and table notes. */
export const SMALL_TEXT_SIZE = 9;
/**
 * Line height as a multiple of the point size: Arial's single line spacing (ascent and descent,
 * 0.905 + 0.212 em, rounded up), which PowerPoint and LibreOffice use unless told otherwise and the
 * page's presentation sets as its line-height.
 */
export const LINE_SPACING = 1.17;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A block of a slide with its box and the point size of its text. */
export interface PlacedBlock {
  block: DeckBlock;
  box: Box;
  fontSize: number;
}

export interface SlideLayout {
  kicker: (Box & { fontSize: number }) | null;
  heading: Box & { fontSize: number };
  blocks: PlacedBlock[];
  source: Box;
  footer: Box;
  pageNumber: Box;
}

const BODY_WIDTH = DECK_GEOMETRY.width - 2 * DECK_GEOMETRY.margin;
// Arial's advance, in ems: digits are 0.556; lower-case text about 0.5 on average, capitals and bold more.
const TEXT_EM = 0.5;
const DIGIT_EM = 0.56;
const BOLD_FACTOR = 1.07;

/**
 * About how wide a text is, in inches, in Arial at `fontSize` points.
 * @example textWidth('+16.25 %', 12) // ≈ 0.7
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const character of text) ems += /[0-9+\-−%.,]/.test(character) ? DIGIT_EM : /[A-Z—–]/.test(character) ? 0.68 : /[il.,:;'’|! ]/.test(character) ? 0.28 : TEXT_EM;
  return ((bold ? BOLD_FACTOR : 1) * ems * fontSize) / 72;
}

/**
 * How many lines a paragraph takes in a box `width` inches wide, breaking between words as a text
 * box does (a word longer than the line takes a line of its own).
 * @example lineCount('a b', 100, 12) // 1
 */
export function lineCount(text: string, width: number, fontSize: number, bold = false): number {
  const space = textWidth(' ', fontSize, bold);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/[ \n]+/).filter(Boolean)) {
    const wide = textWidth(word, fontSize, bold);
    if (used > 0 && used + space + wide > width) {
      lines += 1;
      used = wide;
    } else used += (used > 0 ? space : 0) + wide;
  }
  return lines;
}

const lineHeight = (fontSize: number) => (LINE_SPACING * fontSize) / 72;

/** The point size of a cell's second line (a p-value in words under its number). */
export function detailSize(fontSize: number): number {
  return Math.max(7, Math.round(fontSize * 0.8));
}

/** The point size of a table's notes under it. */
export function notesSize(fontSize: number): number {
  return Math.min(11, Math.max(8, Math.round(fontSize * 0.72)));
}

function cellWidth(cell: DeckCell | undefined, fontSize: number, numeric: boolean, bold: boolean): number {
  if (!cell) return 0;
  const text = textWidth(cell.text, fontSize, bold || numeric);
  return Math.max(text, cell.detail ? textWidth(cell.detail, detailSize(fontSize)) : 0);
}

/**
 * Column widths in inches for a table `width` inches wide at `fontSize` points: every column that
 * does not wrap gets the width of its longest text (label, value, or p-value line), so numbers,
 * names and titles stay on one line; the wrapping columns (quotes) share the rest in proportion to
 * their longest text. Without a wrapping column the spare width is shared out in proportion.
 * @example tableColumnWidths(table, 12.4, 12).reduce((sum, width) => sum + width, 0) // 12.4
 */
export function tableColumnWidths(table: DeckTable, width: number, fontSize: number): number[] {
  const needed = naturalWidths(table, fontSize);
  const fixedWidth = needed.reduce((sum, value, index) => sum + (table.columns[index]?.wraps ? 0 : value), 0);
  const flexible = needed.reduce((sum, value, index) => sum + (table.columns[index]?.wraps ? Math.min(value, WRAPPING_SHARE) : 0), 0);
  if (flexible === 0) return needed.map((value) => (value * width) / Math.max(fixedWidth, 0.01));
  const spare = Math.max(0, width - fixedWidth);
  return needed.map((value, index) => (table.columns[index]?.wraps ? (spare * Math.min(value, WRAPPING_SHARE)) / flexible : value));
}

// A long quote should not starve a name beside it: shares count at most this many inches.
const WRAPPING_SHARE = 4;
// A column is drawn a little wider than its text, so a renderer's own metrics never wrap a number.
const COLUMN_SLACK = 1.06;

/**
 * Each cell of a row with the columns it covers, in order: a spanning cell covers several.
 * @example placedCells({ cells: [{ text: 'quote', span: 2 }, { text: 'x' }] }) // [{ cell, first: 0, last: 1 }, { cell, first: 2, last: 2 }]
 */
export function placedCells(row: DeckTable['rows'][number]): { cell: DeckCell; first: number; last: number }[] {
  let column = 0;
  return row.cells.map((cell) => {
    const first = column;
    column += Math.max(1, cell.span ?? 1);
    return { cell, first, last: column - 1 };
  });
}

function naturalWidths(table: DeckTable, fontSize: number): number[] {
  const widths = table.columns.map((column) => textWidth(column.label, fontSize, true));
  for (const row of table.rows) {
    for (const { cell, first, last } of placedCells(row)) {
      // A spanning cell wraps across its columns: it does not widen any of them.
      if (first !== last) continue;
      const column = table.columns[first];
      widths[first] = Math.max(widths[first] ?? 0, cellWidth(cell, fontSize, column?.numeric ?? false, row.style === 'strong'));
    }
  }
  return widths.map((width) => COLUMN_SLACK * width + 2 * TABLE_CELL_MARGIN + 0.04);
}

/**
 * How tall a table is, in inches, at `fontSize` in a box `width` inches wide: its caption, header
 * and rows (a cell's p-value line under its number) with cell padding, and its notes.
 * @example tableHeight(table, 12.4, 12) // ≈ 1.6 for a caption, a header and two two-line rows
 */
export function tableHeight(table: DeckTable, width: number, fontSize: number): number {
  const widths = tableColumnWidths(table, width, fontSize);
  const inner = (first: number, last: number) => Math.max(0.1, widths.slice(first, last + 1).reduce((sum, value) => sum + value, 0) - 2 * TABLE_CELL_MARGIN);
  const cellHeight = (cell: DeckCell, first: number, last: number, bold: boolean) =>
    lineCount(cell.text, inner(first, last), fontSize, bold) * lineHeight(fontSize) + (cell.detail ? lineCount(cell.detail, inner(first, last), detailSize(fontSize)) * lineHeight(detailSize(fontSize)) : 0);
  const header = Math.max(...table.columns.map((column, index) => cellHeight({ text: column.label }, index, index, true)));
  const rows = table.rows.reduce((sum, row) => sum + Math.max(...placedCells(row).map(({ cell, first, last }) => cellHeight(cell, first, last, row.style === 'strong'))), 0);
  const padding = (table.rows.length + 1) * 2 * TABLE_CELL_MARGIN;
  return captionHeight(table, width, fontSize) + header + rows + padding + notesHeight(table.notes, width, fontSize);
}

/** The caption's height above a table, or 0 without one. */
export function captionHeight(table: DeckTable, width: number, fontSize: number): number {
  return table.caption ? lineCount(table.caption, width, fontSize, true) * lineHeight(fontSize) + 0.06 : 0;
}

/** The notes' height under a table, at notesSize. */
export function notesHeight(notes: readonly string[], width: number, fontSize: number): number {
  if (notes.length === 0) return 0;
  const size = notesSize(fontSize);
  return 0.08 + notes.reduce((sum, note) => sum + lineCount(note, width, size) * lineHeight(size), 0);
}

/** Whether every column that must stay on one line fits the width at this size. */
function tableFitsWidth(table: DeckTable, width: number, fontSize: number): boolean {
  const needed = naturalWidths(table, fontSize);
  const fixed = needed.reduce((sum, value, index) => sum + (table.columns[index]?.wraps ? 0 : value), 0);
  const wraps = table.columns.some((column) => column.wraps);
  return wraps ? fixed <= 0.75 * width : fixed <= width;
}

/** The width of a facts block's term column: its longest term, at most a fifth of the box (a longer term wraps). */
export function factTermWidth(facts: readonly DeckFact[], width: number, fontSize: number): number {
  return Math.min(width / 5, Math.max(...facts.map((fact) => textWidth(fact.term, fontSize, true))) + 0.2);
}

const FACT_GAP = 0.35;

function factsHeight(facts: readonly DeckFact[], width: number, fontSize: number): number {
  const term = factTermWidth(facts, width, fontSize);
  return facts.reduce((sum, fact) => sum + Math.max(lineCount(fact.term, term - 0.1, fontSize, true), lineCount(fact.detail, width - term - 0.1, fontSize)) * lineHeight(fontSize) + FACT_GAP * (fontSize / 72), 0);
}

const PARAGRAPH_GAP = 0.45;

function textHeight(paragraphs: readonly string[], width: number, fontSize: number, padded: boolean): number {
  const inner = padded ? width - 2 * NOTICE_PADDING : width;
  const lines = paragraphs.reduce((sum, paragraph) => sum + lineCount(paragraph, inner, fontSize) * lineHeight(fontSize), 0);
  return lines + Math.max(0, paragraphs.length - 1) * PARAGRAPH_GAP * (fontSize / 72) + (padded ? 2 * NOTICE_PADDING : 0) + 0.04;
}

/** Inches of padding inside a notice's tinted box. */
export const NOTICE_PADDING = 0.1;

/** A block's text size at scale 1; `scale` multiplies it (and its minimum keeps it readable). */
const BASE_SIZES: Record<Exclude<DeckBlock['kind'], 'chart'>, { base: number; min: number }> = {
  table: { base: 13, min: 8 },
  facts: { base: 14, min: 8 },
  text: { base: 14, min: 8 },
};
const TONE_SIZES = { plain: 1, notice: 0.86, muted: 0.8 } as const;
/** Scales tried, largest first: the slide's text grows to fill the body, at most to the first. */
const SCALES = [1.55, 1.45, 1.35, 1.25, 1.15, 1.08, 1, 0.93, 0.86, 0.8, 0.74, 0.68, 0.63, 0.58];
const LARGEST_SCALE: Record<DeckLayout, number> = { title: 1.55, 'charts-over-blocks': 1.08, 'chart-beside-blocks': 1.15, stacked: 1.35 };

type TextBlock = Exclude<DeckBlock, { kind: 'chart' }>;

function blockSize(block: TextBlock, scale: number): number {
  const { base, min } = BASE_SIZES[block.kind];
  const tone = block.kind === 'text' ? TONE_SIZES[block.tone ?? 'plain'] : 1;
  return Math.max(min, Math.round(base * tone * scale * 2) / 2);
}

/** The height of a block at a point size, in a box `width` inches wide. */
function blockHeight(block: TextBlock, width: number, fontSize: number): number {
  if (block.kind === 'table') return tableHeight(block.table, width, fontSize);
  if (block.kind === 'facts') return factsHeight(block.facts, width, fontSize);
  return textHeight(block.paragraphs, width, fontSize, block.tone === 'notice');
}

// The largest size at most `wanted` at which a table's one-line columns fit its width.
function sizeForWidth(block: TextBlock, width: number, wanted: number): number {
  if (block.kind !== 'table') return wanted;
  for (let size = wanted; size > BASE_SIZES.table.min; size -= 0.5) if (tableFitsWidth(block.table, width, size)) return size;
  return BASE_SIZES.table.min;
}

/**
 * Blocks stacked in a column from `top` to `bottom`: all at the largest common scale at which they
 * fit (no larger than `largest`), each as tall as it needs; the space left over goes between them,
 * so the column is filled from top to bottom rather than leaving its lower half empty.
 */
function stack(blocks: readonly TextBlock[], column: { x: number; w: number; top: number; bottom: number }, largest: number): PlacedBlock[] {
  if (blocks.length === 0) return [];
  const available = column.bottom - column.top;
  const gaps = (blocks.length - 1) * DECK_GEOMETRY.gap;
  const sized = (scale: number) => {
    const sizes = blocks.map((block) => sizeForWidth(block, column.w, blockSize(block, scale)));
    // A notice never outsizes the numbers it is about: a table the width made smaller caps it.
    const tableSizes = sizes.filter((_, index) => blocks[index]?.kind === 'table');
    const cap = tableSizes.length > 0 ? Math.max(...tableSizes) : Number.POSITIVE_INFINITY;
    return blocks.map((block, index) => {
      const wanted = sizes[index] ?? BASE_SIZES.text.min;
      const fontSize = block.kind === 'text' && block.tone === 'notice' ? Math.min(wanted, cap) : wanted;
      return { block, fontSize, height: blockHeight(block, column.w, fontSize) };
    });
  };
  const scales = SCALES.filter((scale) => scale <= largest);
  let chosen = sized(scales.at(-1) ?? 1);
  for (const scale of scales) {
    const candidate = sized(scale);
    if (candidate.reduce((sum, item) => sum + item.height, 0) + gaps <= available) {
      chosen = candidate;
      break;
    }
  }
  const used = chosen.reduce((sum, item) => sum + item.height, 0) + gaps;
  // Left over: shared between the blocks (a column of one block keeps it below).
  const extra = blocks.length > 1 ? Math.max(0, available - used) / (blocks.length - 1) : 0;
  let y = column.top;
  return chosen.map((item) => {
    const placed = { block: item.block, fontSize: item.fontSize, box: { x: column.x, y, w: column.w, h: item.height } };
    y += item.height + DECK_GEOMETRY.gap + extra;
    return placed;
  });
}

/** Heading sizes tried, largest first; the first at which the heading takes at most its lines. */
const HEADING_SIZES = { title: [30, 28, 26, 24, 22, 20, 18], normal: [24, 22, 20, 18, 16] } as const;

function headingBox(slide: DeckSlide): Box & { fontSize: number } {
  const title = slide.layout === 'title';
  const sizes = HEADING_SIZES[title ? 'title' : 'normal'];
  const maxLines = title ? 3 : 2;
  const fontSize = sizes.find((size) => lineCount(slide.heading, BODY_WIDTH - 0.1, size, true) <= (title ? 2 : 1)) ?? sizes.find((size) => lineCount(slide.heading, BODY_WIDTH - 0.1, size, true) <= maxLines) ?? sizes.at(-1) ?? 16;
  const lines = Math.min(maxLines, lineCount(slide.heading, BODY_WIDTH - 0.1, fontSize, true));
  const top = title ? 0.85 : 0.3;
  return { x: DECK_GEOMETRY.margin, y: top, w: BODY_WIDTH, h: Math.max(title ? 0.7 : 0.6, lines * lineHeight(fontSize) + 0.1), fontSize };
}

/**
 * Every part of a slide placed: kicker (title slide), heading, blocks by the slide's layout, source
 * line, footer and page number.
 * @throws never
 * @example layoutSlide(deck.slides[0]).blocks[0]?.box // { x: 0.45, y: …, w: 12.433, h: … }
 */
export function layoutSlide(slide: DeckSlide): SlideLayout {
  const { margin, width, gap } = DECK_GEOMETRY;
  const heading = headingBox(slide);
  const top = heading.y + heading.h + gap;
  const bottom = DECK_GEOMETRY.bodyBottom;
  const charts = slide.blocks.filter((block) => block.kind === 'chart');
  const others = slide.blocks.filter((block): block is TextBlock => block.kind !== 'chart');
  const largest = LARGEST_SCALE[slide.layout];
  let blocks: PlacedBlock[];
  if (slide.layout === 'charts-over-blocks' && charts.length > 0) {
    // The charts take what the other blocks leave at their usual size, within a readable range.
    const needed = stack(others, { x: margin, w: BODY_WIDTH, top: 0, bottom: 100 }, 1).reduce((sum, item) => sum + item.box.h + gap, 0);
    const chartHeight = Math.min(3.8, Math.max(2.6, bottom - top - needed));
    const chartWidth = (BODY_WIDTH - DECK_GEOMETRY.chartGap * (charts.length - 1)) / charts.length;
    blocks = [
      ...charts.map((block, index) => ({ block, fontSize: 10, box: { x: margin + index * (chartWidth + DECK_GEOMETRY.chartGap), y: top, w: chartWidth, h: chartHeight } })),
      ...stack(others, { x: margin, w: BODY_WIDTH, top: top + chartHeight + gap, bottom }, largest),
    ];
  } else if (slide.layout === 'chart-beside-blocks' && charts.length > 0) {
    const half = (BODY_WIDTH - DECK_GEOMETRY.chartGap) / 2;
    blocks = [
      { block: charts[0] as DeckBlock, fontSize: 10, box: { x: margin, y: top, w: half, h: bottom - top } },
      ...stack(others, { x: margin + half + DECK_GEOMETRY.chartGap, w: half, top, bottom }, largest),
    ];
  } else {
    blocks = stack(others, { x: margin, w: BODY_WIDTH, top, bottom }, largest);
  }
  return {
    kicker: slide.kicker ? { x: margin, y: 0.4, w: BODY_WIDTH, h: 0.4, fontSize: 14 } : null,
    heading,
    blocks,
    source: { x: margin, y: DECK_GEOMETRY.sourceTop, w: BODY_WIDTH, h: 0.36 },
    footer: { x: margin, y: DECK_GEOMETRY.footerTop, w: BODY_WIDTH - 0.9, h: 0.36 },
    pageNumber: { x: width - margin - 0.8, y: DECK_GEOMETRY.footerTop, w: 0.8, h: 0.3 },
  };
}

/**
 * Whether every block of the slide ends above the source line: text at the smallest size that
 * still does not fit would run into the source and the footer.
 * @example slideFits(slide) // true
 */
export function slideFits(slide: DeckSlide): boolean {
  return layoutSlide(slide).blocks.every((placed) => placed.box.y + placed.box.h <= DECK_GEOMETRY.bodyBottom + 0.01);
}

/**
 * Splits facts into pages that each fit a body of `height` inches at `fontSize`, in order (a
 * glossary longer than one slide continues on the next).
 * @example factPages(GLOSSARY_FACTS, 5.2, 12).length // 2
 */
export function factPages(facts: readonly DeckFact[], height: number, fontSize: number): DeckFact[][] {
  const pages: DeckFact[][] = [[]];
  for (const fact of facts) {
    const page = pages.at(-1) as DeckFact[];
    if (page.length > 0 && factsHeight([...page, fact], BODY_WIDTH, fontSize) > height) pages.push([fact]);
    else page.push(fact);
  }
  return pages;
}

/** Height of the body under a one-line heading, in inches: what a stacked slide's blocks share. */
export const STACKED_BODY_HEIGHT = DECK_GEOMETRY.bodyBottom - (0.3 + 0.6 + DECK_GEOMETRY.gap);
