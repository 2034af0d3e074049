/**
 * The shape of a deck: what every slide says (headings, numbers as text, tables, chart series,
 * footers, notes, source lines), built once from a study by deck-model.ts and drawn by the page's
 * presentation and by the PowerPoint builder alike, at the places deck-layout.ts gives, so both
 * say and show the same thing. A slide is a heading over a list of blocks in one of a few layouts;
 * a new slide is a new list of blocks.
 */

/** A chart's series. Colours are hex without '#', as both the page and PowerPoint take them. */
export interface DeckSeries {
  name: string;
  kind: 'line' | 'bar';
  /** One value per category; null where there is none (a gap, never a zero). */
  values: (number | null)[];
  colour: string;
  dashed: boolean;
}

/** A shaded band between two curves (the 95 % band of a CAAR). */
export interface DeckBand {
  name: string;
  low: (number | null)[];
  high: (number | null)[];
  colour: string;
}

export interface DeckChart {
  id: string;
  title: string;
  /** What the chart shows in one or two sentences, for screen readers and PowerPoint's alt text. */
  altText: string;
  /** The relative trading days of the x axis, in order. */
  days: number[];
  /** 'index': rebased to 100; 'percent': fractions shown as percentages. */
  unit: 'index' | 'percent';
  series: DeckSeries[];
  band: DeckBand | null;
  /** Vertical lines at events inside the window, each with its label. */
  markers: { day: number; label: string }[];
  /** One y range for the chart, rounded out to whole ticks. */
  range: { min: number; max: number; step: number };
}

/**
 * A cell of a table: its text, and for a tested number its p-value in words as a second, smaller
 * line ("+16.25 %" over "p < 0.001 — significant at 1 %"), as the answer panel shows it.
 */
export interface DeckCell {
  text: string;
  detail?: string;
  /** Columns the cell spans (a quote over the rows that check it); 1 when absent. */
  span?: number;
}

export interface DeckTable {
  caption: string;
  /** `wraps`: the column holds long text (a quote) that may wrap; every other column stays on one line. */
  columns: { label: string; numeric: boolean; wraps: boolean }[];
  /** `strong`: a result row (the group's), drawn bold; `quote`: a quotation, drawn in italics. */
  rows: { cells: DeckCell[]; style?: 'strong' | 'quote' }[];
  notes: string[];
}

export interface DeckFact {
  term: string;
  detail: string;
}

export type DeckBlock =
  | { kind: 'chart'; chart: DeckChart }
  | { kind: 'table'; table: DeckTable }
  | { kind: 'facts'; facts: DeckFact[] }
  /** `notice`: what a reader must know before trusting the numbers (overlap, contamination); `muted`: greyed, as tests that do not fit. */
  | { kind: 'text'; paragraphs: string[]; tone?: 'plain' | 'notice' | 'muted' };

/**
 * How a slide places its blocks: 'title' (kicker and a large heading, then the blocks stacked),
 * 'charts-over-blocks' (every chart side by side in one row above the other blocks, stacked),
 * 'chart-beside-blocks' (the first chart on the left half, the other blocks stacked on the right),
 * 'stacked' (every block stacked under the heading).
 */
export type DeckLayout = 'title' | 'charts-over-blocks' | 'chart-beside-blocks' | 'stacked';

export interface DeckSlide {
  id: string;
  layout: DeckLayout;
  /** A small line above the title slide's heading, e.g. "Event study". */
  kicker?: string;
  heading: string;
  blocks: DeckBlock[];
  /** The event(s), model and windows the slide speaks of. */
  footer: string;
  /** The data's source line under the slide, or null for a slide without data. */
  source: string | null;
  /** Speaker notes: source line and parameters, in full. */
  notes: string;
}

export interface DeckModel {
  title: string;
  /** Base of the file name, without extension. */
  fileBase: string;
  slides: DeckSlide[];
}
