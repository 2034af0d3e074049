// @vitest-environment jsdom
/**
 * The pure half of chart export: XML escaping, line wrapping, file names, the composed SVG
 * document and its source line. jsdom's DOMParser checks that every document is well-formed XML.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageContext } from '../../../src/features/charts/utils/image-context.ts';
import { imageSourceLine } from '../../../src/lib/chart-image-source.ts';
import { ChartImageError, composeChartSvg, escapeXml, EXPORT_SCALE, imageFileName, pngSize, wrapText, type ChartImageInput } from '../../../src/lib/chart-image.ts';
import { snapshotPrices } from './helpers/snapshot-api.ts';

/** A stand-in for a serialised recharts surface (made up: one bar), with its size. */
const CHART = { markup: '<svg xmlns="http://www.w3.org/2000/svg" width="402" height="210" viewBox="0 0 402 210"><rect class="bar" x="10" y="20" width="30" height="100" fill="#D55E00"/></svg>', width: 401.5, height: 210 };

function input(overrides: Partial<ChartImageInput> = {}): ChartImageInput {
  return {
    chart: CHART,
    title: 'IHI Corporation (7013.T): daily abnormal returns and CAR',
    subtitle: 'Benchmark TOPIX. US presidential election: Donald Trump wins, day 0 6 Nov 2024. Market model, estimation [-250, -11], event window [-5, +10].',
    source: 'Kabuto 0.1.0, MacKinlay (1997) market model. Prices: Offline snapshot.',
    legend: [
      { label: 'AR', colour: '#D55E00', kind: 'bar' },
      { label: 'CAR', colour: '#000000', kind: 'line', dash: '7 3' },
      { label: 'CAR 95% band', colour: '#9aa5b1', kind: 'band' },
    ],
    ...overrides,
  };
}

/** Everything outside the Char production of XML 1.0 (section 2.2), which no XML file may hold. */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Parses the document and returns its root, failing on any XML error. */
function parse(markup: string): Element {
  const document = new DOMParser().parseFromString(markup, 'image/svg+xml');
  expect(document.querySelector('parsererror')).toBeNull();
  return document.documentElement;
}

/** The text of the document's own lines set at `size` px, in order. */
function linesAt(root: Element, size: number): string[] {
  return [...root.children].filter((element) => element.tagName === 'text' && element.getAttribute('font-size') === String(size)).map((element) => element.textContent ?? '');
}

describe('escapeXml', () => {
  it('escapes the five XML characters so user text can never become markup', () => {
    expect(escapeXml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &apos;y&apos;)&lt;/script&gt;');
  });

  it('drops characters XML 1.0 forbids and keeps every other character, astral ones included', () => {
    expect(escapeXml('a\u0000b\u0008c\u001Fd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeXml('tab\tnew\nline 防衛 🚀 Pynnönen')).toBe('tab\tnew\nline 防衛 🚀 Pynnönen');
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the width and keeps every word in order', () => {
    const text = 'US presidential election: Donald Trump wins, day 0 6 Nov 2024. Market model, estimation [-250, -11].';
    const lines = wrapText(text, 200, 12);
    // 200 px at 12 px with 0.58 em per character holds 28 characters.
    expect(lines.every((line) => line.length <= 28)).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
  });

  it('cuts a word longer than a line rather than overflowing', () => {
    expect(wrapText('abcdefghij', 5 * 0.58 * 10, 10)).toEqual(['abcde', 'fghij']);
  });

  it('gives no line for empty or blank text', () => {
    expect(wrapText('  \n ', 300, 12)).toEqual([]);
  });
});

describe('imageFileName', () => {
  it('names a security chart as the issue asks', () => {
    expect(imageFileName(['7013.T', 'abnormal-returns', 'us-election-2024'], 'png')).toBe('kabuto-7013-T-abnormal-returns-us-election-2024.png');
    expect(imageFileName(['portfolio-caar', 'us-election-2024', 'ishiba-trump-call-2024'], 'svg')).toBe('kabuto-portfolio-caar-us-election-2024-ishiba-trump-call-2024.svg');
  });

  it('keeps only letters, digits and dashes whatever the parts contain', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 6 }), (parts) => {
        expect(imageFileName(parts, 'png')).toMatch(/^kabuto(-[A-Za-z0-9]+(-[A-Za-z0-9]+)*)?\.png$/);
      }),
    );
    expect(imageFileName(['../../etc/passwd', '<script>'], 'svg')).toBe('kabuto-etc-passwd-script.svg');
  });
});

describe('composeChartSvg', () => {
  it('writes a standalone UTF-8 SVG with xmlns, white background, size and viewBox', () => {
    const image = composeChartSvg(input());
    expect(image.markup.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const root = parse(image.markup);
    // The chart's fractional CSS width is rounded up so no pixel of it is cut.
    expect(image.width).toBe(402);
    expect(root.getAttribute('width')).toBe('402');
    expect(root.getAttribute('height')).toBe(String(image.height));
    expect(root.getAttribute('viewBox')).toBe(`0 0 402 ${image.height}`);
    const background = root.firstElementChild;
    expect(background?.tagName).toBe('rect');
    expect(['x', 'y', 'width', 'height', 'fill'].map((name) => background?.getAttribute(name))).toEqual(['0', '0', '402', String(image.height), '#ffffff']);
    expect(root.getAttribute('font-family')).toContain('system-ui');
  });

  it('puts the title, the subtitle and the source line around the chart, each complete', () => {
    const image = composeChartSvg(input());
    const root = parse(image.markup);
    expect(linesAt(root, 16).join(' ')).toBe(input().title);
    expect(linesAt(root, 12).join(' ')).toBe(`${input().subtitle} AR CAR CAR 95% band`);
    expect(linesAt(root, 10.5).join(' ')).toBe(input().source);
    const chartGroup = root.querySelector('g[transform]');
    expect(chartGroup?.querySelector('rect.bar')?.getAttribute('fill')).toBe('#D55E00');
    // The chart sits below the last subtitle line and above the legend and the source.
    const chartTop = Number(/translate\(0 ([\d.]+)\)/.exec(chartGroup?.getAttribute('transform') ?? '')?.[1]);
    const baselines = (size: number) => [...root.children].filter((element) => element.getAttribute('font-size') === String(size)).map((element) => Number(element.getAttribute('y')));
    expect(Math.max(...baselines(16))).toBeLessThan(chartTop);
    expect(Math.min(...baselines(10.5))).toBeGreaterThan(chartTop + CHART.height);
    expect(image.height).toBeGreaterThan(Math.max(...baselines(10.5)));
  });

  it('escapes markup typed into a title: a <script> stays text and never becomes an element', () => {
    const image = composeChartSvg(input({ title: 'Budget <script>alert(1)</script> & "vote"' }));
    expect(image.markup).not.toContain('<script');
    expect(image.markup).toContain('Budget &lt;script&gt;alert(1)&lt;/script&gt; &amp;');
    const root = parse(image.markup);
    expect(root.querySelector('script')).toBeNull();
    expect(linesAt(root, 16).join(' ')).toBe('Budget <script>alert(1)</script> & "vote"');
  });

  it('stays well-formed XML and keeps every allowed character of any title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), (title, subtitle) => {
        const root = parse(composeChartSvg(input({ title, subtitle })).markup);
        const visible = (text: string) => text.replace(NOT_XML_CHARACTER, '').replace(/\s+/g, '');
        expect(visible(linesAt(root, 16).join(''))).toBe(visible(title));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a chart without a size with a message a user can act on', () => {
    expect(() => composeChartSvg(input({ chart: { ...CHART, width: 0 } }))).toThrow(ChartImageError);
    expect(() => composeChartSvg(input({ chart: { ...CHART, height: Number.NaN } }))).toThrow(/no size on the page yet/);
  });

  it('sizes the PNG at twice the image, whatever the screen', () => {
    const image = composeChartSvg(input());
    expect(EXPORT_SCALE).toBe(2);
    expect(pngSize(image)).toEqual({ width: 804, height: 2 * image.height });
  });
});

describe('the source line', () => {
  const prices = snapshotPrices(['7011.T', '7013.T', 'TOPIX'], '2023-10-01', '2024-12-31');

  it('cites the data like a research note, then the app, its version and the model; no repository or commit', () => {
    const context = imageContext({ prices, model: 'market', method: 'Market model.', focusEventId: 'us-election-2024', studyEventIds: ['us-election-2024'], version: '0.1.0' });
    expect(context.source).toBe('Source: Prices: JPX via J-Quants, split-adjusted; TOPIX: JPX; Kabuto 0.1.0 calculations, MacKinlay (1997) market model.');
    expect(imageSourceLine({ app: 'Kabuto', method: 'MacKinlay (1997) mean-adjusted model', series: [] })).toBe('Source: Kabuto calculations, MacKinlay (1997) mean-adjusted model.');
  });
});
