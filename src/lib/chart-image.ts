/**
 * A chart as a stand-alone image for a slide deck: the chart's own SVG under its title and a
 * subtitle with the study's parameters, a legend drawn in SVG, and a source line, all on white.
 * Pure string work (no DOM), so it is the same in the browser and in the tests.
 */

/** PNG pixels per CSS pixel, whatever the screen's devicePixelRatio: crisp on a projector. */
export const EXPORT_SCALE = 2;

/** The dashboard's font stack (src/styles/global.css), written into the file: an SVG file sees no stylesheet. */
const IMAGE_FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const PADDING = 16;
const INK = '#1b2430';
const INK_SOFT = '#4a5665';
const INK_FAINT = '#6b7685';
const TITLE = { size: 16, lineHeight: 21 };
const SUBTITLE = { size: 12, lineHeight: 16 };
const LEGEND = { size: 12, lineHeight: 18, swatch: 24, gap: 16 };
const SOURCE = { size: 10.5, lineHeight: 14 };
/**
 * Average advance of a character as a share of the font size. System sans-serif fonts average
 * about 0.5em; 0.58 errs wide so a wrapped line never runs past the image's edge.
 */
const CHARACTER_WIDTH = 0.58;

/**
 * Why a chart could not be turned into an image, in words a user can act on.
 * @example throw new ChartImageError('The chart is not drawn yet.')
 */
export class ChartImageError extends Error {
  override readonly name = 'ChartImageError';
}

/** One entry of an image's legend: how the series is drawn and what it is. */
export interface LegendItem {
  label: string;
  colour: string;
  kind: 'line' | 'bar' | 'band';
  /** SVG stroke-dasharray of a line, undefined for a solid line. */
  dash?: string;
}

export interface ChartImageInput {
  /** The chart's serialised `<svg>` element and its size in CSS pixels. */
  chart: { markup: string; width: number; height: number };
  title: string;
  subtitle: string;
  source: string;
  legend: readonly LegendItem[];
}

export interface ChartImage {
  /** A complete UTF-8 SVG document. */
  markup: string;
  width: number;
  height: number;
}

/**
 * Text made safe inside XML: the five special characters escaped and the characters XML 1.0
 * forbids (control characters, lone surrogates) dropped, so a title typed by a user can neither
 * inject markup nor make the file unreadable.
 * @example escapeXml('<script>"x" & y</script>') // '&lt;script&gt;&quot;x&quot; &amp; y&lt;/script&gt;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Splits text into lines that fit `maxWidth` pixels at `fontSize`, breaking at spaces (a word
 * longer than a line is cut). SVG text does not wrap by itself.
 * @example wrapText('Prices rebased to 100 at day -1', 120, 12) // ['Prices rebased to', '100 at day -1']
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const perLine = Math.max(1, Math.floor(maxWidth / (fontSize * CHARACTER_WIDTH)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = word.match(new RegExp(`.{1,${perLine}}`, 'gu')) ?? [];
    for (const piece of pieces) {
      if (line === '') line = piece;
      else if (line.length + 1 + piece.length <= perLine) line = `${line} ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * A file name for an exported chart: "kabuto-" and the parts, each reduced to letters, digits and
 * dashes so the name is safe on every file system.
 * @example imageFileName(['7013.T', 'abnormal-returns', 'us-election-2024'], 'png') // 'kabuto-7013-T-abnormal-returns-us-election-2024.png'
 */
export function imageFileName(parts: readonly string[], extension: 'png' | 'svg'): string {
  const slug = parts
    .map((part) => part.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter((part) => part !== '')
    .join('-')
    .slice(0, 150)
    .replace(/-+$/, '');
  return `kabuto${slug ? `-${slug}` : ''}.${extension}`;
}

/**
 * The PNG's size in device pixels for an image of `width` × `height` CSS pixels.
 * @example pngSize({ width: 402, height: 330 }) // { width: 804, height: 660 }
 */
export function pngSize(image: { width: number; height: number }): { width: number; height: number } {
  return { width: Math.round(image.width * EXPORT_SCALE), height: Math.round(image.height * EXPORT_SCALE) };
}

/**
 * The chart framed for a slide: white background, title, subtitle, the chart, its legend and the
 * source line, with width, height and viewBox set.
 * @throws ChartImageError when the chart has no size (it is hidden or not drawn yet).
 * @example composeChartSvg({ chart: { markup: '<svg/>', width: 400, height: 200 }, title: 'AR', subtitle: 'IHI', source: 'Kabuto', legend: [] }).width // 400
 */
export function composeChartSvg(input: ChartImageInput): ChartImage {
  const { chart } = input;
  if (!(Number.isFinite(chart.width) && Number.isFinite(chart.height) && chart.width > 0 && chart.height > 0)) {
    throw new ChartImageError('The chart has no size on the page yet (is it hidden or still loading?), so it cannot be saved as an image.');
  }
  const width = Math.ceil(chart.width);
  const textWidth = width - 2 * PADDING;
  const parts: string[] = [];
  let y = PADDING;
  y = textBlock(parts, wrapText(input.title, textWidth, TITLE.size), y, TITLE, `font-weight="700" fill="${INK}"`);
  y = textBlock(parts, wrapText(input.subtitle, textWidth, SUBTITLE.size), y + 4, SUBTITLE, `fill="${INK_SOFT}"`);
  y += 8;
  parts.push(`<g transform="translate(0 ${y})">${chart.markup}</g>`);
  y += Math.ceil(chart.height);
  y = legendBlock(parts, input.legend, y + 6, textWidth);
  y = textBlock(parts, wrapText(input.source, textWidth, SOURCE.size), y + 6, SOURCE, `fill="${INK_FAINT}"`);
  const height = Math.ceil(y + PADDING - 4);
  const markup = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="${SVG_NAMESPACE}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(IMAGE_FONT_FAMILY)}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
  return { markup, width, height };
}

/** Appends one `<text>` per line below `top`; returns the y below the block. */
function textBlock(parts: string[], lines: readonly string[], top: number, font: { size: number; lineHeight: number }, attributes: string): number {
  lines.forEach((line, index) => {
    const baseline = top + index * font.lineHeight + font.size;
    parts.push(`<text x="${PADDING}" y="${round(baseline)}" font-size="${font.size}" ${attributes}>${escapeXml(line)}</text>`);
  });
  return top + lines.length * font.lineHeight;
}

/** Lays the legend entries out left to right, wrapping to a new row when one would overflow. */
function legendBlock(parts: string[], items: readonly LegendItem[], top: number, maxWidth: number): number {
  if (items.length === 0) return top;
  let x = 0;
  let row = 0;
  for (const item of items) {
    const itemWidth = LEGEND.swatch + 6 + item.label.length * LEGEND.size * CHARACTER_WIDTH;
    if (x > 0 && x + itemWidth > maxWidth) {
      x = 0;
      row += 1;
    }
    const middle = top + row * LEGEND.lineHeight + LEGEND.lineHeight / 2;
    parts.push(swatch(item, PADDING + x, middle));
    parts.push(`<text x="${round(PADDING + x + LEGEND.swatch + 6)}" y="${round(middle + LEGEND.size * 0.35)}" font-size="${LEGEND.size}" fill="${INK}">${escapeXml(item.label)}</text>`);
    x += itemWidth + LEGEND.gap;
  }
  return top + (row + 1) * LEGEND.lineHeight;
}

function swatch(item: LegendItem, left: number, middle: number): string {
  const colour = escapeXml(item.colour);
  if (item.kind === 'line') {
    const dash = item.dash ? ` stroke-dasharray="${escapeXml(item.dash)}"` : '';
    return `<line x1="${round(left)}" y1="${round(middle)}" x2="${round(left + LEGEND.swatch)}" y2="${round(middle)}" stroke="${colour}" stroke-width="2.5"${dash}/>`;
  }
  const opacity = item.kind === 'band' ? ' fill-opacity="0.3"' : '';
  return `<rect x="${round(left + 4)}" y="${round(middle - 5)}" width="${LEGEND.swatch - 8}" height="10" fill="${colour}"${opacity}/>`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
