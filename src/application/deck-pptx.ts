/**
 * The deck model as a PowerPoint file, built with pptxgenjs: 16:9 slides (13.33 × 7.5 in, PowerPoint's
 * own widescreen), native charts that carry their data (editable in PowerPoint), tables as tables,
 * and each slide's source line and parameters in its notes. The page loads this module only when
 * the user asks for the file; the server builds the same file for /api/study.pptx.
 */
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { DECK_FONT, DECK_GEOMETRY, detailSize, factTermWidth, layoutSlide, placedCells, NOTICE_PADDING, notesSize, SMALL_TEXT_SIZE, TABLE_CELL_MARGIN, tableColumnWidths, captionHeight, notesHeight as notesHeightOf, type Box, type PlacedBlock } from './deck-layout.ts';
import type { DeckChart, DeckFact, DeckModel, DeckSlide, DeckTable } from './deck-types.ts';
import { formatRelativeDay } from './display-format.ts';

type Slide = PptxGenJS.Slide;

const FONT = DECK_FONT;
const INK = '1A1A1A';
const SOFT_INK = '4A4A4A';
const MUTED_INK = '6B6B6B';
const LINE = 'C8CDD2';
const ACCENT = '0B5394';
const NOTICE_FILL = 'FFF4E0';
const NOTICE_EDGE = 'B45F06';
const NO_BREAK = '\u00a0';

/**
 * The PowerPoint file of a deck.
 * @throws only for a fault of pptxgenjs or JSZip.
 * @example const bytes = await buildDeckPptx(buildDeckModel(input)); // a .pptx as bytes
 */
export async function buildDeckPptx(model: DeckModel): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = model.title;
  pptx.author = 'Kabuto';
  pptx.company = 'Kabuto';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  model.slides.forEach((deckSlide, index) => drawSlide(pptx, deckSlide, index + 1, model.slides.length));
  const written = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return withoutOrphanAxisIds(written);
}

// Text boxes carry no inset of their own, so a text sits where the layout measured it.
const PLAIN = { fontFace: FONT, margin: 0 } as const;

function drawSlide(pptx: PptxGenJS, deckSlide: DeckSlide, number: number, count: number): void {
  const slide = pptx.addSlide();
  slide.addNotes(deckSlide.notes);
  const layout = layoutSlide(deckSlide);
  if (layout.kicker && deckSlide.kicker) slide.addText(deckSlide.kicker.toUpperCase(), { ...PLAIN, ...layout.kicker, fontSize: layout.kicker.fontSize, bold: true, color: ACCENT, charSpacing: 2, valign: 'top' });
  slide.addText(deckSlide.heading, { ...PLAIN, ...layout.heading, fontSize: layout.heading.fontSize, bold: true, color: INK, valign: 'top' });
  for (const placed of layout.blocks) drawBlock(pptx, slide, placed);
  if (deckSlide.source) slide.addText(deckSlide.source, { ...PLAIN, ...layout.source, fontSize: SMALL_TEXT_SIZE, color: SOFT_INK, valign: 'top' });
  slide.addShape(pptx.ShapeType.line, { x: DECK_GEOMETRY.margin, y: DECK_GEOMETRY.ruleY, w: DECK_GEOMETRY.width - 2 * DECK_GEOMETRY.margin, h: 0, line: { color: LINE, width: 0.75 } });
  slide.addText(deckSlide.footer, { ...PLAIN, ...layout.footer, fontSize: SMALL_TEXT_SIZE, color: SOFT_INK, valign: 'top' });
  slide.addText(`${number} / ${count}`, { ...PLAIN, ...layout.pageNumber, fontSize: SMALL_TEXT_SIZE, color: SOFT_INK, align: 'right', valign: 'top' });
}

function drawBlock(pptx: PptxGenJS, slide: Slide, { block, box, fontSize }: PlacedBlock): void {
  switch (block.kind) {
    case 'chart':
      return drawChart(pptx, slide, block.chart, box);
    case 'table':
      return drawTable(slide, block.table, box, fontSize);
    case 'facts':
      return drawFacts(slide, block.facts, box, fontSize);
    case 'text': {
      const tone = block.tone ?? 'plain';
      const paragraphs = block.paragraphs.map((text, index) => ({ text, options: { breakLine: index < block.paragraphs.length - 1, paraSpaceAfter: Math.round(fontSize * 0.45) } }));
      if (tone === 'notice') {
        slide.addShape(pptx.ShapeType.rect, { ...box, fill: { color: NOTICE_FILL }, line: { color: NOTICE_FILL, width: 0 } });
        slide.addShape(pptx.ShapeType.line, { x: box.x, y: box.y, w: 0, h: box.h, line: { color: NOTICE_EDGE, width: 3 } });
      }
      const inset = tone === 'notice' ? NOTICE_PADDING : 0;
      slide.addText(paragraphs, { ...PLAIN, x: box.x + inset, y: box.y + inset, w: box.w - 2 * inset, h: box.h - 2 * inset, fontSize, color: tone === 'muted' ? MUTED_INK : INK, valign: 'top' });
      return;
    }
  }
}

function drawChart(pptx: PptxGenJS, slide: Slide, chart: DeckChart, box: Box): void {
  // pptxgenjs cannot write a chart without series; the deck model gives none, but a chart must never break the file.
  if (chart.series.length === 0) return;
  const labels = chart.days.map(formatRelativeDay);
  const data = (series: readonly { name: string; values: (number | null)[] }[]) => series.map((item) => ({ name: item.name, labels, values: item.values.map((value) => value ?? '') as number[] }));
  const bars = chart.series.filter((series) => series.kind === 'bar');
  const solid = chart.series.filter((series) => series.kind === 'line' && !series.dashed);
  const dashed = chart.series.filter((series) => series.kind === 'line' && series.dashed);
  const lineOptions = { lineDataSymbol: 'none' as const, lineSize: 2 };
  const total = chart.series.length + (chart.band ? 2 : 0);
  // pptxgenjs colours a line's (hidden) markers by the series' index in the whole combined chart and
  // falls back to Math.random() past the end of its part's colours; repeating the part's colours up to
  // the chart's series count keeps the file the same for the same study.
  const colours = (own: readonly string[]) => Array.from({ length: Math.max(total, own.length) }, (_, index) => own[index % own.length] ?? INK);
  const parts: PptxGenJS.IChartMulti[] = [];
  if (chart.band) {
    const width = chart.band.low.map((low, index) => {
      const high = chart.band?.high[index] ?? null;
      return low === null || high === null ? null : high - low;
    });
    // The band as a stacked area: an unfilled area up to the low edge, then a filled one as wide as the band.
    parts.push({ type: pptx.ChartType.area, data: data([{ name: ' ', values: chart.band.low }, { name: chart.band.name, values: width }]), options: { barGrouping: 'stacked', chartColors: colours(['transparent', chart.band.colour]), chartColorsOpacity: 45 } });
  }
  if (bars.length > 0) parts.push({ type: pptx.ChartType.bar, data: data(bars), options: { barDir: 'col', barGrouping: 'clustered', chartColors: colours(bars.map((series) => series.colour)), barGapWidthPct: 60 } });
  if (solid.length > 0) parts.push({ type: pptx.ChartType.line, data: data(solid), options: { ...lineOptions, chartColors: colours(solid.map((series) => series.colour)) } });
  if (dashed.length > 0) parts.push({ type: pptx.ChartType.line, data: data(dashed), options: { ...lineOptions, chartColors: colours(dashed.map((series) => series.colour)), lineDash: 'dash' } });
  const markerText = chart.markers.map((marker) => `day ${formatRelativeDay(marker.day)}: ${marker.label}`).join('; ');
  slide.addText(`${chart.title}${markerText ? ` (${markerText})` : ''}`, { x: box.x, y: box.y, w: box.w, h: 0.3, fontFace: FONT, fontSize: 11, bold: true, color: INK, fit: 'shrink' });
  addComboChart(slide, parts, {
    x: box.x,
    y: box.y + 0.3,
    w: box.w,
    h: box.h - 0.3,
    altText: chart.altText,
    showLegend: true,
    legendPos: 'b',
    legendFontSize: 9,
    legendFontFace: FONT,
    catAxisLabelFontSize: 9,
    catAxisLabelFontFace: FONT,
    catAxisLabelPos: 'low',
    catAxisLineColor: LINE,
    valAxisLabelFontSize: 9,
    valAxisLabelFontFace: FONT,
    valAxisLabelFormatCode: chart.unit === 'percent' ? '0%' : '0',
    valAxisMinVal: chart.range.min,
    valAxisMaxVal: chart.range.max,
    valAxisMajorUnit: chart.range.step,
    valAxisLineColor: LINE,
    valGridLine: { color: 'E3E6E9', size: 0.75, style: 'solid' },
    catGridLine: { style: 'none' },
  });
}

/** A multi-type chart: pptxgenjs reads its options from the second argument (its typings name a data array there). */
function addComboChart(slide: Slide, parts: PptxGenJS.IChartMulti[], options: PptxGenJS.IChartOpts): void {
  (slide.addChart as unknown as (types: PptxGenJS.IChartMulti[], chartOptions: PptxGenJS.IChartOpts) => Slide).call(slide, parts, options);
}

function drawTable(slide: Slide, table: DeckTable, box: Box, fontSize: number): void {
  const caption = captionHeight(table, box.w, fontSize);
  if (table.caption) slide.addText(table.caption, { ...PLAIN, x: box.x, y: box.y, w: box.w, h: caption, fontSize, bold: true, color: INK, valign: 'top' });
  const columnWidths = tableColumnWidths(table, box.w, fontSize);
  const underline = (pt: number): [PptxGenJS.BorderProps, PptxGenJS.BorderProps, PptxGenJS.BorderProps, PptxGenJS.BorderProps] => [{ type: 'none' }, { type: 'none' }, { pt, color: LINE }, { type: 'none' }];
  const align = (index: number) => (table.columns[index]?.numeric ? ('right' as const) : ('left' as const));
  // A number and its p-value line never break: their spaces are no-break spaces (the column is as wide as they are).
  const oneLine = (text: string, index: number) => (table.columns[index]?.wraps ? text : text.replace(/ /g, NO_BREAK));
  const header = table.columns.map((column, index) => ({ text: oneLine(column.label, index), options: { bold: true, color: SOFT_INK, align: align(index), border: underline(1.5) } }));
  const rows = table.rows.map((row) =>
    placedCells(row).map(({ cell, first, last }) => {
      // Bold is set on the value's run alone: a cell's bold would also set its p-value line bold.
      const span = last > first ? { colspan: last - first + 1 } : {};
      const options = { ...span, align: align(first), border: underline(row.style === 'strong' ? 1.5 : 0.75), ...(row.style === 'quote' ? { italic: true } : {}) };
      const bold = row.style === 'strong' || (table.columns[first]?.numeric ?? false);
      const value = { text: last > first ? cell.text : oneLine(cell.text, first), options: { bold, ...(cell.detail ? { breakLine: true } : {}) } };
      const detail = cell.detail ? [{ text: oneLine(cell.detail, first), options: { fontSize: detailSize(fontSize), color: SOFT_INK } }] : [];
      return { text: [value, ...detail], options };
    }),
  );
  slide.addTable([header, ...rows], { x: box.x, y: box.y + caption, w: box.w, colW: columnWidths, fontFace: FONT, fontSize, color: INK, valign: 'middle', margin: TABLE_CELL_MARGIN });
  if (table.notes.length > 0) {
    const size = notesSize(fontSize);
    const height = notesHeightOf(table.notes, box.w, fontSize);
    slide.addText(
      table.notes.map((note, index) => ({ text: note, options: { breakLine: index < table.notes.length - 1 } })),
      { ...PLAIN, x: box.x, y: box.y + box.h - height, w: box.w, h: height, fontSize: size, color: SOFT_INK, valign: 'bottom' },
    );
  }
}

function drawFacts(slide: Slide, facts: readonly DeckFact[], box: Box, fontSize: number): void {
  const term = factTermWidth(facts, box.w, fontSize);
  const rows = facts.map((fact) => [
    { text: fact.term, options: { bold: true, color: SOFT_INK } },
    { text: fact.detail, options: { color: INK } },
  ]);
  slide.addTable(rows, { x: box.x, y: box.y, w: box.w, colW: [term, box.w - term], fontFace: FONT, fontSize, valign: 'top', margin: [0.02, 0.05, Math.round(fontSize * 0.35) / 72, 0.05], border: { type: 'none' } });
}

/**
 * pptxgenjs 4.0.1 writes a third <c:axId> into every bar and line chart, naming a series axis that
 * only 3-D charts have (PptxGenJS issue #1534): the schema allows two there, and PowerPoint asks to
 * repair the file. No option of the library avoids it, so the chart parts are corrected after it
 * writes them: an axis id that no axis of the chart defines is removed.
 */
async function withoutOrphanAxisIds(pptx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(pptx);
  const charts = Object.keys(zip.files).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name));
  for (const name of charts) {
    const xml = await zip.file(name)?.async('string');
    if (xml === undefined) continue;
    zip.file(name, removeOrphanAxisIds(xml));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * Removes from a chart part each <c:axId> whose id no axis (<c:catAx>, <c:valAx>, <c:dateAx>,
 * <c:serAx>) of the part defines.
 * @example removeOrphanAxisIds('<c:lineChart><c:axId val="1"/><c:axId val="3"/></c:lineChart><c:catAx><c:axId val="1"/></c:catAx>') // '<c:lineChart><c:axId val="1"/></c:lineChart><c:catAx><c:axId val="1"/></c:catAx>'
 */
export function removeOrphanAxisIds(xml: string): string {
  const defined = new Set([...xml.matchAll(/<c:(?:catAx|valAx|dateAx|serAx)>\s*<c:axId val="(\d+)"\/>/g)].map((match) => match[1]));
  return xml.replace(/<c:axId val="(\d+)"\/>/g, (element, id: string) => (defined.has(id) ? element : ''));
}
