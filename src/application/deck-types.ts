/**
 * The shape of a deck: what every slide says (headings, numbers as text, tables, chart series,
 * footers, notes, source lines), built once from a study by deck-model.ts and drawn by the page's
 * presentation and by the PowerPoint builder alike, so both say the same thing. A slide is a
 * heading over a list of blocks in one of a few layouts; a new slide is a new list of blocks.
 */
import type { StudyResult } from '../core/types.ts';
import type { StudyEvent } from '../domain/study-event.ts';

/** One event of the study with its own result: never pooled with another event. */
export interface EventStudy {
  event: StudyEvent;
  result: StudyResult;
  /** Day 0 of the event's first security, or null when none has one. */
  dayZero: string | null;
}

/** A chart's series. Colours are hex without '#', as both the page and PowerPoint take them. */
export interface DeckSeries {
  name: string;
  kind: 'line' | 'bar';
  /** One value per category; null where there is none (a gap, never a zero). */
  values: (number | null)[];
  colour: string;
  dashed: boolean;
}

/** A shaded band between two curves (the 95% band of a CAR or CAAR). */
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

export interface DeckTable {
  caption: string;
  /** `wraps`: the column holds long text (a quote) that may wrap; every other column stays on one line. */
  columns: { label: string; numeric: boolean; wraps: boolean }[];
  /** Cells as text; numbers never wrap. */
  rows: { cells: string[] }[];
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
  | { kind: 'text'; paragraphs: string[] };

/**
 * How a slide places its blocks: 'title' (kicker, heading, text), 'charts-over-table' (up to two
 * charts side by side above a table), 'single' (one block filling the body).
 */
export type DeckLayout = 'title' | 'charts-over-table' | 'single';

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

/**
 * Where a slide's parts go, in inches of PowerPoint's widescreen page (13.333 × 7.5): the PowerPoint
 * builder places them so, and the page sizes its tables' text from the same boxes.
 */
export const DECK_GEOMETRY = {
  width: 13.333,
  height: 7.5,
  margin: 0.45,
  bodyTop: 1.05,
  bodyBottom: 6.55,
  chartHeight: 3.15,
  gapUnderCharts: 0.15,
} as const;

/**
 * The box a table gets on a slide of `layout` (alone on its slide, or under the charts).
 * @example tableBox('single').height // 5.5
 */
export function tableBox(layout: DeckLayout): { width: number; height: number } {
  const width = DECK_GEOMETRY.width - 2 * DECK_GEOMETRY.margin;
  const top = layout === 'charts-over-table' ? DECK_GEOMETRY.bodyTop + DECK_GEOMETRY.chartHeight + DECK_GEOMETRY.gapUnderCharts : DECK_GEOMETRY.bodyTop;
  return { width, height: DECK_GEOMETRY.bodyBottom - top };
}
