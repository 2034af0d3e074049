/**
 * The deck model built from real studies of the offline snapshot: the slides in the order issue 14
 * asks, the answer slide read from the same summary as the page's answer panel (with its
 * guardrail notices), each event's (or event cluster's) numbers from its own group of the
 * analysis, the group under the test the rules pick, the glossary from GLOSSARY, a footer naming
 * event(s), model and windows on every slide, and source lines for investors.
 */
import { describe, expect, it } from 'vitest';
import { buildDeckModel } from '../../../src/application/deck-model.ts';
import { slideFits } from '../../../src/application/deck-layout.ts';
import { numberCell, volumeCell } from '../../../src/application/deck-tables.ts';
import type { DeckBlock, DeckCell, DeckSlide, DeckTable } from '../../../src/application/deck-types.ts';
import { studyHash } from '../../../src/application/study-export.ts';
import { DEFAULT_STUDY_QUERY, studyQueryString } from '../../../src/application/study-query.ts';
import { GLOSSARY } from '../../../src/domain/glossary.ts';
import { deckInputOf } from './helpers/deck-input.ts';

const tables = (slide: DeckSlide | undefined): DeckTable[] => (slide?.blocks ?? []).flatMap((block: DeckBlock) => (block.kind === 'table' ? [block.table] : []));
const charts = (slide: DeckSlide | undefined) => (slide?.blocks ?? []).flatMap((block: DeckBlock) => (block.kind === 'chart' ? [block.chart] : []));
const notices = (slide: DeckSlide | undefined) => (slide?.blocks ?? []).flatMap((block: DeckBlock) => (block.kind === 'text' && block.tone === 'notice' ? block.paragraphs : []));
const row = (table: DeckTable | undefined, first: string): DeckCell[] | undefined => table?.rows.find((item) => item.cells[0]?.text.startsWith(first))?.cells;
const slideOf = (slides: readonly DeckSlide[], id: string) => slides.find((slide) => slide.id === id);

describe('the deck of the default study', () => {
  const input = deckInputOf('');
  const deck = buildDeckModel(input);
  const group = input.summary.groups[0];
  const ihi = group?.securities.find((security) => security.symbol === '7013.T');

  it('runs answer, one slide per event, group result, claim check, methods and sources, glossary', () => {
    expect(deck.slides.map((slide) => slide.id)).toEqual(['answer', 'event-us-election-2024', 'group-us-election-2024', 'claims', 'methods', 'glossary', 'glossary-2']);
    expect(deck.slides.map((slide) => slide.heading)).toEqual([
      'IHI Corporation +16.25\u00a0% and Mitsubishi Heavy Industries +6.39\u00a0% on day 0 of the US presidential election',
      'US presidential election · day 0 Wed 6 Nov 2024',
      'Group result: Portfolio time-series t',
      'What the article says, what the market did',
      'Methods and sources',
      'Glossary',
      'Glossary, continued',
    ]);
    expect(deck.fileBase).toBe(`kabuto-us-election-2024-${studyHash(studyQueryString(DEFAULT_STUDY_QUERY))}-deck`);
  });

  it("states the answer as the answer panel's summary does, with the group under the rules' test and the summary's notices beside the numbers", () => {
    const answer = slideOf(deck.slides, 'answer');
    const table = tables(answer)[0];
    expect(row(table, 'IHI')).toEqual([{ text: 'IHI Corporation', detail: '7013.T' }, numberCell(ihi!.dayZeroAr), numberCell(ihi!.earlyCar), numberCell(ihi!.windowCar), volumeCell(ihi!)]);
    // Issue 16: IHI's abnormal volume on 6 Nov 2024, as the answer panel states it.
    expect(row(table, 'IHI')?.[4]).toEqual({ text: '9.0× usual', detail: 'AV t = 3.37, p < 0.001 — significant at 1 %' });
    expect(row(table, 'IHI')?.[1]).toEqual({ text: '+16.25 %', detail: 'p < 0.001 — significant at 1 %' });
    expect(row(table, 'Mitsubishi')?.[1]).toEqual({ text: '+6.39 %', detail: 'p = 0.004 — significant at 1 %' });
    expect(row(table, 'All 2')?.[0]).toEqual({ text: 'All 2, equally weighted', detail: 'by the Portfolio time-series t' });
    expect(row(table, 'All 2')?.[1]).toEqual(numberCell(group!.result!.dayZeroAar));
    // The LDP leadership election lies inside the estimation window: the summary's notice, on the slide.
    expect(input.summary.notices.map((notice) => notice.text)).toEqual(notices(answer));
    expect(notices(answer)[0]).toMatch(/^Shigeru Ishiba wins the LDP leadership election .* lies inside the estimation window/);
  });

  it("gives the event slide its price and AR charts and each security's key numbers, bit for bit from the event's own group", () => {
    const slide = slideOf(deck.slides, 'event-us-election-2024');
    const analysis = input.analysis.groups[0]?.result.securities.find((security) => security.symbol === '7013.T');
    expect(charts(slide).map((chart) => [chart.title, chart.series.map((series) => series.name)])).toEqual([
      ['Prices rebased to 100 at day −1', ['Mitsubishi Heavy Industries', 'IHI Corporation', 'TOPIX']],
      ['Abnormal returns (bars) and CAR (lines)', ['AR Mitsubishi Heavy Industries', 'AR IHI Corporation', 'CAR Mitsubishi Heavy Industries', 'CAR IHI Corporation']],
    ]);
    const ar = charts(slide)[1]?.series.find((series) => series.name === 'AR IHI Corporation');
    expect(ar?.values[charts(slide)[1]?.days.indexOf(0) ?? -1]).toBe(analysis?.days.find((day) => day.relativeDay === 0)?.ar);
    expect(charts(slide)[0]?.series.map((series) => series.values[charts(slide)[0]?.days.indexOf(-1) ?? -1])).toEqual([100, 100, 100]);
    const table = tables(slide)[0];
    expect(table?.columns.map((column) => column.label)).toEqual(['Security', 'Day-0 AR', 'CAR [0, +1]', 'CAR [-5, +10]', 'Day-0 volume']);
    expect(row(table, 'IHI')?.slice(1)).toEqual([numberCell(ihi!.dayZeroAr), numberCell(ihi!.earlyCar), numberCell(ihi!.windowCar), volumeCell(ihi!)]);
    expect(ihi?.volume.kind === 'abnormal-volume' && ihi.volume.words).toBe('traded 9.0× its usual volume on day 0; abnormal log volume t = 3.37, p < 0.001 — significant at 1 %');
    expect(row(table, 'Mitsubishi')?.[4]).toEqual({ text: '2.8× usual', detail: 'AV t = 2.00, p = 0.046 — significant at 5 %' });
    // Key numbers per security: the group row belongs to the group's slide.
    expect(row(table, 'All 2')).toBeUndefined();
    expect(notices(slide)).toHaveLength(1);
  });

  it('names the test of the group result, reads its p-values from the summary, and greys the tests that do not fit', () => {
    const slide = slideOf(deck.slides, 'group-us-election-2024');
    const table = tables(slide)[0];
    expect(table?.caption).toBe('All 2, equally weighted, by the Portfolio time-series t, with the Brown–Warner 1985 t as cross-check');
    expect(row(table, 'AAR day 0')?.[1]).toEqual(numberCell(group!.result!.dayZeroAar));
    // The cross-check's p-value sits where the chosen test's does, in the same small type.
    expect(row(table, 'AAR day 0')?.[2]).toEqual({ text: '', detail: 'p < 0.001 — significant at 1 %' });
    expect(row(table, 'CAAR [-5, +10]')?.[2]?.detail).toMatch(/^p = 0\.\d{3} — not significant$/);
    expect(charts(slide)[0]?.band?.low.every((value) => value !== null && Number.isFinite(value))).toBe(true);
    const muted = slide?.blocks.find((block) => block.kind === 'text' && block.tone === 'muted');
    expect(muted?.kind === 'text' && muted.paragraphs.join(' ')).toMatch(/BMP t.*2 securities: a cross-sectional test cannot tell much/);
    // The user's pick of test is what the deck reads, named as such.
    const patell = buildDeckModel(deckInputOf('test=patellZ'));
    expect(slideOf(patell.slides, 'group-us-election-2024')?.heading).toBe('Group result: Patell Z');
  });

  it('draws the glossary from GLOSSARY, without the terms the slides never use', () => {
    const terms = deck.slides.filter((slide) => slide.id.startsWith('glossary')).flatMap((slide) => slide.blocks.flatMap((block) => (block.kind === 'facts' ? block.facts : [])));
    const expected = GLOSSARY.filter((entry) => !['bhar', 'stars', 'event-cluster', 'factor-model'].includes(entry.id));
    expect(expected.some((entry) => entry.id === 'abnormal-volume')).toBe(true);
    expect(terms.map((fact) => fact.detail)).toEqual(expected.map((entry) => entry.definition));
  });

  it("puts the article's claims beside the measured moves, with verdicts, and says when an event of a claim is not in the study", () => {
    const table = tables(slideOf(deck.slides, 'claims'))[0];
    const index = table?.rows.findIndex((item) => item.cells[0]?.text.includes('witnessed significant gains')) ?? -1;
    expect(table?.rows[index + 1]?.cells.map((cell) => cell.text)).toEqual(['US presidential election', 'IHI Corporation', '+16.25 %', '+14.57 %', 'supported']);
    expect(table?.rows.some((item) => item.cells[0]?.text === 'Ishiba–Trump telephone call' && item.cells[4]?.text === 'not in this study')).toBe(true);
    expect(table?.notes.some((note) => note.startsWith('Verdict rule: A security bears a claim out'))).toBe(true);
  });

  it('names the event, model and windows in every footer, and cites the data like a research note on every data slide and in every note', () => {
    for (const slide of deck.slides) {
      expect(slide.footer).toBe('US presidential election (day 0 6 Nov 2024) · Market model · estimation [-250, -11] · event window [-5, +10]');
      expect(slide.notes).toContain('Parameters: Market model; simple returns; estimation [-250, -11]; no gap; event window [-5, +10]; CAR windows [0, 0], [0, +1], [-1, +1], [-5, +10]');
      expect(slide.notes).toContain('overlap=separate; contamination=keep');
      expect(slide.notes).toContain('Reproduce: /?events=us-election-2024&securities=7011.T,7013.T');
      expect(`${slide.notes} ${slide.source}`).not.toMatch(/keroppa88|commit|github/);
    }
    const source = 'Source: Prices: JPX via J-Quants, split-adjusted; TOPIX: JPX; abnormal returns: Kabuto calculations.';
    expect(deck.slides.filter((slide) => !slide.id.startsWith('glossary')).map((slide) => slide.source)).toEqual(Array(5).fill(source));
  });

  it('never lets a number wrap, and fits every slide above its source line', () => {
    for (const slide of deck.slides) for (const table of tables(slide)) for (const column of table.columns.filter((item) => item.numeric)) expect(column.wraps).toBe(false);
    for (const slide of deck.slides) expect(slideFits(slide), slide.id).toBe(true);
  });
});

describe('the deck of the election and the call together', () => {
  const input = deckInputOf('events=us-election-2024,ishiba-trump-call-2024');
  const deck = buildDeckModel(input);

  it('gives each event its own slides, with lines at both events, the overlap notice, and tests each event on its own', () => {
    // Two answers with their notices do not fit one slide: the second continues on the next.
    expect(deck.slides.map((slide) => slide.id)).toEqual([
      'answer',
      'answer-2',
      'event-us-election-2024',
      'event-ishiba-trump-call-2024',
      'group-us-election-2024',
      'group-ishiba-trump-call-2024',
      'claims',
      'methods',
      'glossary',
      'glossary-2',
    ]);
    for (const slide of deck.slides) expect(slideFits(slide), slide.id).toBe(true);
    expect(charts(slideOf(deck.slides, 'event-us-election-2024'))[0]?.markers).toEqual([
      { day: 0, label: 'US presidential election' },
      { day: 1, label: 'Ishiba–Trump telephone call' },
    ]);
    expect(slideOf(deck.slides, 'event-ishiba-trump-call-2024')?.footer.startsWith('Ishiba–Trump telephone call (day 0 7 Nov 2024) · ')).toBe(true);
    for (const index of [0, 1]) expect(notices(deck.slides[index]).join(' ')).toMatch(/overlap: their event windows share 15 of 16 trading days .* not pooled into one test/);
    expect(deck.slides.slice(0, 2).flatMap((slide) => tables(slide).map((table) => table.caption.split(' · ')[0]))).toEqual(['US presidential election: Donald Trump wins', 'Ishiba–Trump telephone call']);
    // The election's group result is the one-event study's: never pooled with the call.
    const alone = tables(slideOf(buildDeckModel(deckInputOf('')).slides, 'group-us-election-2024'))[0];
    expect(tables(slideOf(deck.slides, 'group-us-election-2024'))[0]?.rows).toEqual(alone?.rows);
    expect(row(tables(deck.slides[1])[0], 'Mitsubishi')?.[1]).toEqual({ text: '-2.27 %', detail: 'p = 0.299 — not significant' });
  });

  it('merges the two into one event cluster when the user asks, with its stretched window', () => {
    const cluster = buildDeckModel(deckInputOf('events=us-election-2024,ishiba-trump-call-2024&overlap=cluster'));
    const ids = cluster.slides.map((slide) => slide.id);
    expect(ids.filter((id) => id.startsWith('event-') || id.startsWith('group-'))).toEqual(['event-us-election-2024+ishiba-trump-call-2024', 'group-us-election-2024+ishiba-trump-call-2024']);
    expect(slideOf(cluster.slides, 'event-us-election-2024+ishiba-trump-call-2024')?.heading).toBe('Event cluster: US presidential election + Ishiba–Trump telephone call · day 0 Wed 6 Nov 2024');
    expect(tables(slideOf(cluster.slides, 'event-us-election-2024+ishiba-trump-call-2024'))[0]?.columns.at(-2)?.label).toBe('CAR [-5, +11]');
    for (const slide of cluster.slides) expect(slideFits(slide), slide.id).toBe(true);
    expect(cluster.slides[0]?.notes).toContain('overlap=cluster');
  });

  it('judges the opening paragraph per event: supported on the election day, not supported on the call day', () => {
    const table = tables(slideOf(deck.slides, 'claims'))[0];
    expect(table?.rows.filter((item) => (item.cells[4]?.text ?? '') !== '').map((item) => [item.cells[0]?.text, item.cells[4]?.text])).toEqual([
      ['US presidential election', 'supported'],
      ['Ishiba–Trump telephone call', 'not supported'],
      ['US presidential election', 'supported'],
    ]);
    const call = table?.rows.find((item) => item.cells[0]?.text === 'Ishiba–Trump telephone call')?.cells;
    expect(call?.slice(1, 3)).toEqual([{ text: 'Mitsubishi Heavy Industries' }, { text: '-2.27 %', detail: 'p = 0.299 — not significant' }]);
  });

  it('follows the study: the mean-adjusted model estimated over days −75..−45 makes the election claim mixed on the slide', () => {
    const changed = buildDeckModel(deckInputOf('model=mean-adjusted&estimation=-75:-45'));
    const table = tables(slideOf(changed.slides, 'claims'))[0];
    const index = table?.rows.findIndex((item) => item.cells[0]?.text.includes('witnessed significant gains')) ?? -1;
    expect(table?.rows[index + 1]?.cells[4]?.text).toBe('mixed');
  });
});
