/**
 * The deck model as a PowerPoint file, built with pptxgenjs: 16:9 slides (13.33 × 7.5 in, PowerPoint's
 * own widescreen), native charts that carry their data (editable in PowerPoint), tables as tables,
 * and each slide's source line and parameters in its notes. The page loads this module only when
 * the user asks for the file; the server builds the same file for /api/study.pptx.
 */
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { DECK_GEOMETRY, type DeckBlock, type DeckChart, type DeckFact, type DeckModel, type DeckSlide, type DeckTable } from './deck-types.ts';
import { TABLE_CELL_MARGIN, TABLE_NOTES_HEIGHT, tableColumnWidths, tableFontSize } from './deck-tables.ts';
import { formatRelativeDay } from './display-format.ts';

type Slide = PptxGenJS.Slide;

const WIDTH = DECK_GEOMETRY.width;
const MARGIN = DECK_GEOMETRY.margin;
const BODY_WIDTH = WIDTH - 2 * MARGIN;
const BODY_TOP = DECK_GEOMETRY.bodyTop;
const BODY_BOTTOM = DECK_GEOMETRY.bodyBottom;
// Arial is on every PowerPoint; LibreOffice draws it with the metric-compatible Liberation Sans.
const FONT = 'Arial';
const INK = '1A1A1A';
const SOFT_INK = '4A4A4A';
const LINE = 'C8CDD2';
const ACCENT = '0B5394';

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

function drawSlide(pptx: PptxGenJS, deckSlide: DeckSlide, number: number, count: number): void {
  const slide = pptx.addSlide();
  slide.addNotes(deckSlide.notes);
  if (deckSlide.layout === 'title') {
    if (deckSlide.kicker) slide.addText(deckSlide.kicker.toUpperCase(), { x: MARGIN, y: 1.3, w: BODY_WIDTH, h: 0.4, fontFace: FONT, fontSize: 14, bold: true, color: ACCENT, charSpacing: 2 });
    slide.addText(deckSlide.heading, { x: MARGIN, y: 1.75, w: BODY_WIDTH, h: 1.9, fontFace: FONT, fontSize: 30, bold: true, color: INK, valign: 'top', fit: 'shrink' });
    drawBlocks(slide, deckSlide.blocks, 3.8, BODY_BOTTOM);
  } else {
    slide.addText(deckSlide.heading, { x: MARGIN, y: 0.3, w: BODY_WIDTH, h: 0.65, fontFace: FONT, fontSize: 24, bold: true, color: INK, valign: 'middle', fit: 'shrink' });
    if (deckSlide.layout === 'charts-over-table') drawChartsOverTable(pptx, slide, deckSlide.blocks);
    else drawBlocks(slide, deckSlide.blocks, BODY_TOP, BODY_BOTTOM);
  }
  if (deckSlide.source) slide.addText(deckSlide.source, { x: MARGIN, y: 6.62, w: BODY_WIDTH, h: 0.3, fontFace: FONT, fontSize: 9, color: SOFT_INK, valign: 'top' });
  slide.addShape(pptx.ShapeType.line, { x: MARGIN, y: 6.95, w: BODY_WIDTH, h: 0, line: { color: LINE, width: 0.75 } });
  slide.addText(deckSlide.footer, { x: MARGIN, y: 7.0, w: BODY_WIDTH - 0.8, h: 0.3, fontFace: FONT, fontSize: 9, color: SOFT_INK, valign: 'top' });
  slide.addText(`${number} / ${count}`, { x: WIDTH - MARGIN - 0.8, y: 7.0, w: 0.8, h: 0.3, fontFace: FONT, fontSize: 9, color: SOFT_INK, align: 'right', valign: 'top' });
}

function drawChartsOverTable(pptx: PptxGenJS, slide: Slide, blocks: readonly DeckBlock[]): void {
  const charts = blocks.flatMap((block) => (block.kind === 'chart' ? [block.chart] : []));
  const rest = blocks.filter((block) => block.kind !== 'chart');
  const gap = 0.3;
  const chartHeight = DECK_GEOMETRY.chartHeight;
  const width = (BODY_WIDTH - gap * (charts.length - 1)) / Math.max(1, charts.length);
  charts.forEach((chart, index) => drawChart(pptx, slide, chart, { x: MARGIN + index * (width + gap), y: BODY_TOP, w: width, h: chartHeight }));
  drawBlocks(slide, rest, BODY_TOP + chartHeight + DECK_GEOMETRY.gapUnderCharts, BODY_BOTTOM);
}

function drawBlocks(slide: Slide, blocks: readonly DeckBlock[], top: number, bottom: number): void {
  const height = (bottom - top) / Math.max(1, blocks.length);
  blocks.forEach((block, index) => {
    const box = { x: MARGIN, y: top + index * height, w: BODY_WIDTH, h: height };
    if (block.kind === 'table') drawTable(slide, block.table, box);
    else if (block.kind === 'facts') drawFacts(slide, block.facts, box);
    else if (block.kind === 'text') slide.addText(block.paragraphs.map((text) => ({ text, options: { breakLine: true, paraSpaceAfter: 8 } })), { ...box, fontFace: FONT, fontSize: 16, color: INK, valign: 'top' });
  });
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
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

function drawTable(slide: Slide, table: DeckTable, box: Box): void {
  const notesHeight = table.notes.length > 0 ? TABLE_NOTES_HEIGHT : 0;
  const fontSize = tableFontSize(table, { width: box.w, height: box.h });
  const columnWidths = tableColumnWidths(table, box.w, fontSize);
  const underline = (pt: number): [PptxGenJS.BorderProps, PptxGenJS.BorderProps, PptxGenJS.BorderProps, PptxGenJS.BorderProps] => [{ type: 'none' }, { type: 'none' }, { pt, color: LINE }, { type: 'none' }];
  const align = (index: number) => (table.columns[index]?.numeric ? ('right' as const) : ('left' as const));
  const header = table.columns.map((column, index) => ({ text: column.label, options: { bold: true, color: SOFT_INK, align: align(index), border: underline(1.5) } }));
  const rows = table.rows.map((row) => row.cells.map((text, index) => ({ text, options: { align: align(index), border: underline(0.75) } })));
  slide.addTable([header, ...rows], { x: box.x, y: box.y, w: box.w, colW: columnWidths, fontFace: FONT, fontSize, color: INK, valign: 'middle', margin: TABLE_CELL_MARGIN });
  if (table.notes.length > 0) {
    slide.addText(table.notes.join(' '), { x: box.x, y: box.y + box.h - notesHeight, w: box.w, h: notesHeight, fontFace: FONT, fontSize: 9, color: SOFT_INK, valign: 'bottom', fit: 'shrink' });
  }
}

function drawFacts(slide: Slide, facts: readonly DeckFact[], box: Box): void {
  const rows = facts.map((fact) => [
    { text: fact.term, options: { bold: true, color: SOFT_INK } },
    { text: fact.detail, options: { color: INK } },
  ]);
  slide.addTable(rows, { x: box.x, y: box.y, w: box.w, colW: [2.2, box.w - 2.2], fontFace: FONT, fontSize: facts.length > 8 ? 12 : 14, valign: 'top', margin: 0.05, border: { type: 'none' } });
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
