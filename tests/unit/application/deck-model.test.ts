/**
 * The deck model built from real studies of the offline snapshot: the slides in the order issue 14
 * asks, every number taken from the engine's result as the statistics table reads it, a footer
 * naming event(s), model and windows on every slide, source lines for investors, and each event
 * of a two-event study on its own slide and in its own group test.
 */
import { describe, expect, it } from 'vitest';
import { buildDeckModel } from '../../../src/application/deck-model.ts';
import { moveCells, movePair } from '../../../src/application/deck-tables.ts';
import type { DeckBlock, DeckSlide, DeckTable } from '../../../src/application/deck-types.ts';
import { formatPercent, formatPValue } from '../../../src/application/display-format.ts';
import { studyHash } from '../../../src/application/study-export.ts';
import { DEFAULT_STUDY_QUERY, studyQueryString } from '../../../src/application/study-query.ts';
import { deckInputOf } from './helpers/deck-input.ts';
import { queryStudy } from './helpers/query-study.ts';

const tables = (slide: DeckSlide | undefined): DeckTable[] => (slide?.blocks ?? []).flatMap((block: DeckBlock) => (block.kind === 'table' ? [block.table] : []));
const charts = (slide: DeckSlide | undefined) => (slide?.blocks ?? []).flatMap((block: DeckBlock) => (block.kind === 'chart' ? [block.chart] : []));
const row = (table: DeckTable | undefined, first: string) => table?.rows.find((item) => item.cells[0]?.startsWith(first))?.cells;

describe('the deck of the default study', () => {
  const deck = buildDeckModel(deckInputOf(''));
  const { result } = queryStudy('');
  const ihi = result.securities.find((security) => security.symbol === '7013.T');
  const window = (from: number, to: number) => ihi?.windows.find((item) => item.from === from && item.to === to);

  it('runs answer, one slide per event, group result, claim check, methods and sources, glossary', () => {
    expect(deck.slides.map((slide) => slide.id)).toEqual(['answer', 'event-us-election-2024', 'group', 'claims', 'methods', 'glossary']);
    expect(deck.slides.map((slide) => slide.heading).slice(1)).toEqual([
      'US presidential election: Donald Trump wins · day 0 Wed 6 Nov 2024',
      'Group result: BMP t',
      'What the article says, what the market did',
      'Methods and sources',
      'Glossary',
    ]);
    expect(deck.fileBase).toBe(`kabuto-us-election-2024-${studyHash(studyQueryString(DEFAULT_STUDY_QUERY))}-deck`);
  });

  it("gives the event slide its price and AR charts and each security's key numbers, bit for bit from the engine", () => {
    const slide = deck.slides[1];
    expect(charts(slide).map((chart) => [chart.title, chart.series.map((series) => series.name)])).toEqual([
      ['Prices rebased to 100 at day −1', ['Mitsubishi Heavy Industries', 'IHI Corporation', 'TOPIX']],
      ['Abnormal returns (bars) and CAR (lines)', ['AR Mitsubishi Heavy Industries', 'AR IHI Corporation', 'CAR Mitsubishi Heavy Industries', 'CAR IHI Corporation']],
    ]);
    const ar = charts(slide)[1]?.series.find((series) => series.name === 'AR IHI Corporation');
    expect(ar?.values[charts(slide)[1]?.days.indexOf(0) ?? -1]).toBe(ihi?.days.find((day) => day.relativeDay === 0)?.ar);
    // Rebased to exactly 100 on day −1.
    expect(charts(slide)[0]?.series.map((series) => series.values[charts(slide)[0]?.days.indexOf(-1) ?? -1])).toEqual([100, 100, 100]);
    const table = tables(slide)[0];
    expect(table?.columns.map((column) => column.label)).toEqual(['Security', 'AR day 0', 'p', 'CAR [0, +1]', 'p', 'CAR [-5, +10]', 'p']);
    expect(row(table, 'IHI')).toEqual([
      'IHI Corporation (7013.T)',
      `${formatPercent(window(0, 0)?.car ?? null)}\u00a0***`,
      formatPValue(window(0, 0)?.t.pValue ?? null),
      `${formatPercent(window(0, 1)?.car ?? null)}\u00a0***`,
      formatPValue(window(0, 1)?.t.pValue ?? null),
      formatPercent(window(-5, 10)?.car ?? null),
      formatPValue(window(-5, 10)?.t.pValue ?? null),
    ]);
    expect(row(table, 'IHI')?.[1]).toBe('+16.25%\u00a0***');
    expect(row(table, 'Mitsubishi')?.[1]).toBe('+6.39%\u00a0***');
  });

  it('names the test of the group result, with its N, and reads its p-values from the engine', () => {
    const table = tables(deck.slides[2])[0];
    expect(table?.caption).toBe('Equally weighted group of the securities, per event, tested with the BMP t');
    const dayZero = result.aggregate.days.find((day) => day.relativeDay === 0);
    expect(row(table, 'US presidential election')?.slice(0, 4)).toEqual(['US presidential election', '2', formatPercent(dayZero?.aar ?? null), formatPValue(dayZero?.tests.bmpT.pValue ?? null)]);
    expect(charts(deck.slides[2])[0]?.band?.low.every((value) => value !== null && Number.isFinite(value))).toBe(true);
    const patell = buildDeckModel({ ...deckInputOf(''), significanceTest: 'patellZ' });
    expect(patell.slides[2]?.heading).toBe('Group result: Patell Z');
    expect(row(tables(patell.slides[2])[0], 'US')?.[3]).toBe(formatPValue(dayZero?.tests.patellZ.pValue ?? null));
  });

  it("puts the article's claims beside the measured moves, with verdicts, and says when an event of a claim is not in the study", () => {
    const table = tables(deck.slides[3])[0];
    const gains = table?.rows.find((item) => item.cells[0]?.includes('witnessed significant gains'))?.cells;
    expect(gains?.slice(1)).toEqual(['US presidential election', 'IHI Corporation', '+16.25%\u00a0***', '<0.001', '+14.57%\u00a0***', '<0.001', 'supported']);
    expect(table?.rows.some((item) => item.cells[1] === 'Ishiba–Trump telephone call' && item.cells[7] === 'not in this study')).toBe(true);
    expect(table?.notes[0]).toMatch(/^Verdict rule: A security bears a claim out/);
  });

  it('names the event, model and windows in every footer, and cites the data like a research note on every data slide and in every note', () => {
    for (const slide of deck.slides) {
      expect(slide.footer).toBe('US presidential election (day 0 2024-11-06) · Market model · estimation [-250, -11] · event window [-5, +10]');
      expect(slide.notes).toContain('Parameters: Market model; simple returns; estimation [-250, -11]; no gap; event window [-5, +10]; CAR windows [0, 0], [0, +1], [-1, +1], [-5, +10]');
      expect(slide.notes).toContain('Reproduce: /?events=us-election-2024&securities=7011.T,7013.T');
      expect(`${slide.notes} ${slide.source}`).not.toMatch(/keroppa88|commit|github/);
    }
    const source = 'Source: Prices: JPX via J-Quants, split-adjusted; TOPIX: JPX; abnormal returns: Kabuto calculations.';
    expect(deck.slides.filter((slide) => slide.id !== 'glossary').map((slide) => slide.source)).toEqual(Array(5).fill(source));
  });

  it('never lets a number wrap: the figures of a sentence are joined by no-break spaces and a minus sign', () => {
    expect(movePair({ value: -0.0227, pValue: 0.2994, untested: null })).toBe('\u22122.27%\u00a0(p\u00a0=\u00a00.299)');
    expect(moveCells({ value: 0.1625, pValue: 0.00001, untested: null })).toEqual(['+16.25%\u00a0***', '<0.001']);
    for (const slide of deck.slides) for (const table of tables(slide)) for (const column of table.columns.filter((item) => item.numeric)) expect(column.wraps).toBe(false);
  });
});

describe('the deck of the election and the call together', () => {
  const deck = buildDeckModel(deckInputOf('events=us-election-2024,ishiba-trump-call-2024'));

  it('gives each event its own slide, with lines at both events, and tests each event on its own', () => {
    expect(deck.slides.map((slide) => slide.id)).toEqual(['answer', 'event-us-election-2024', 'event-ishiba-trump-call-2024', 'group', 'claims', 'methods', 'glossary']);
    expect(charts(deck.slides[1])[0]?.markers).toEqual([
      { day: 0, label: 'US presidential election' },
      { day: 1, label: 'Ishiba–Trump telephone call' },
    ]);
    expect(deck.slides[2]?.footer.startsWith('Ishiba–Trump telephone call (day 0 2024-11-07) · ')).toBe(true);
    const group = tables(deck.slides[3])[0];
    expect(group?.rows.map((item) => item.cells.slice(0, 2))).toEqual([
      ['US presidential election', '2'],
      ['Ishiba–Trump telephone call', '2'],
    ]);
    // The election's group result is the one-event study's: never pooled with the call.
    const alone = tables(buildDeckModel(deckInputOf('')).slides[2])[0];
    expect(group?.rows[0]?.cells).toEqual(alone?.rows[0]?.cells);
  });

  it('judges the opening paragraph per event: supported on the election day, not supported on the call day', () => {
    const table = tables(deck.slides[4])[0];
    expect(table?.rows.filter((item) => item.cells[7] !== '').map((item) => [item.cells[1], item.cells[7]])).toEqual([
      ['US presidential election', 'supported'],
      ['Ishiba–Trump telephone call', 'not supported'],
      ['US presidential election', 'supported'],
    ]);
    const call = table?.rows.find((item) => item.cells[1] === 'Ishiba–Trump telephone call')?.cells;
    expect(call?.slice(2, 5)).toEqual(['Mitsubishi Heavy Industries', '-2.27%', '0.299']);
  });
});
