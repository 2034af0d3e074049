/**
 * The browser half of chart export: a drawn chart's `<svg>` serialised with the styles it needs,
 * and an SVG document rasterised to PNG (src/lib/download-blob.ts hands the file to the browser).
 */
import { ChartImageError, EXPORT_SCALE, pngSize, type ChartImage } from './chart-image.ts';

/**
 * Presentation properties a chart needs to look the same outside the page. Their computed values
 * are written into each element's style, which also resolves any CSS variable.
 */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'text-decoration',
  'visibility',
  'display',
] as const;

/** Parts of a drawn chart that only make sense on screen: the brush, the hover cursor and dots. */
const SCREEN_ONLY = '.recharts-brush, .recharts-tooltip-cursor, .recharts-active-dot';

/**
 * A drawn chart as stand-alone SVG markup with its size in CSS pixels (XMLSerializer writes the
 * SVG namespace). The brush under the price chart is cut off: a slide cannot be dragged.
 * @throws ChartImageError when the chart has no size.
 * @example serialiseChartSvg(document.querySelector('svg.recharts-surface')).width
 */
export function serialiseChartSvg(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  // recharts writes the drawn size into the width and height attributes, in CSS pixels.
  const width = Number(svg.getAttribute('width'));
  const fullHeight = Number(svg.getAttribute('height'));
  if (!(width > 0 && fullHeight > 0)) throw new ChartImageError('The chart has no size on the page yet (is it hidden or still loading?), so it cannot be saved as an image.');
  const height = heightAboveBrush(svg, fullHeight);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.querySelectorAll(SCREEN_ONLY).forEach((element) => element.remove());
  clone.removeAttribute('tabindex');
  clone.removeAttribute('class');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

/**
 * The SVG document drawn on a white canvas at EXPORT_SCALE times its CSS size, as a PNG.
 * @throws ChartImageError when the browser cannot decode the SVG or encode the PNG.
 * @example downloadBlob(await renderPng(composeChartSvg(input)), 'kabuto-prices-us-election-2024.png')
 */
export async function renderPng(image: ChartImage): Promise<Blob> {
  const picture = new Image();
  picture.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(image.markup)}`;
  try {
    await picture.decode();
  } catch {
    throw new ChartImageError('The browser could not draw the chart as an image; download the SVG instead.');
  }
  const size = pngSize(image);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new ChartImageError('This browser cannot draw on a canvas, so no PNG can be made; download the SVG instead.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size.width, size.height);
  // Drawn at the target size (not scaled afterwards), so the vector image is rasterised sharp.
  context.drawImage(picture, 0, 0, image.width * EXPORT_SCALE, image.height * EXPORT_SCALE);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new ChartImageError('The browser could not encode the PNG; download the SVG instead.'))), 'image/png');
  });
}

/**
 * The SVG document as a file body.
 * @example downloadBlob(svgBlob(image), 'kabuto-prices-us-election-2024.svg')
 */
export function svgBlob(image: ChartImage): Blob {
  return new Blob([image.markup], { type: 'image/svg+xml;charset=utf-8' });
}

/**
 * Writes into each cloned element the computed values that differ from its parent's, so the
 * file carries what the stylesheet gave the chart without repeating inherited values.
 */
function inlineStyles(original: Element, clone: Element, parentStyle: CSSStyleDeclaration | null = null): void {
  const style = getComputedStyle(original);
  const declarations = STYLE_PROPERTIES.flatMap((property) => {
    const value = style.getPropertyValue(property);
    return value && value !== parentStyle?.getPropertyValue(property) ? [`${property}:${value}`] : [];
  });
  if (declarations.length > 0) clone.setAttribute('style', declarations.join(';'));
  else clone.removeAttribute('style');
  const originals = original.children;
  const clones = clone.children;
  for (let index = 0; index < originals.length; index += 1) {
    const child = originals[index];
    const cloneChild = clones[index];
    if (child && cloneChild) inlineStyles(child, cloneChild, style);
  }
}

function heightAboveBrush(svg: SVGSVGElement, fullHeight: number): number {
  const brush = svg.querySelector<SVGGraphicsElement>('.recharts-brush');
  if (!brush) return fullHeight;
  const top = brush.getBBox().y;
  return top > 0 && top < fullHeight ? Math.floor(top - 2) : fullHeight;
}
