// @vitest-environment jsdom
/**
 * Presentation mode: the slides built from a study (the engine run on the real snapshot bars of
 * the default case), the keys that move between them, and the dialog driven from the keyboard.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deckExcerpts } from '../../../src/features/presentation/utils/deck-input.ts';
import { DEFAULT_STUDY_OPTIONS } from '../../../src/core/index.ts';
import type { StudyResult } from '../../../src/core/types.ts';
import { ARTICLE_CATALOG } from '../../../src/features/articles/api/article-catalog.ts';
import { EVENT_CATALOG } from '../../../src/features/events/api/event-catalog.ts';
import { PresentationMode } from '../../../src/features/presentation/components/presentation-mode.tsx';
import { buildDeck, type DeckInput, type Slide } from '../../../src/features/presentation/utils/deck.ts';
import { relevantExcerpts, type DeckExcerpt } from '../../../src/features/presentation/utils/relevant-excerpts.ts';
import { moveTo, slideCommand } from '../../../src/features/presentation/utils/slide-keys.ts';
import { referenceStudy } from './helpers/reference-study.ts';

afterEach(cleanup);

const RANGE = { from: '2023-06-01', to: '2025-03-31' };
const ELECTION = EVENT_CATALOG.events.find((event) => event.id === 'us-election-2024');
const HEADINGS = [
  'US presidential election: Donald Trump wins',
  'Prices rebased to 100 at day −1',
  'Daily abnormal returns and CAR',
  'Portfolio: average abnormal return and CAAR',
  'Key numbers',
  'What the article says',
  'Methods',
];

function deckInput(result: StudyResult, overrides: Partial<DeckInput> = {}): DeckInput {
  if (!ELECTION) throw new Error('data/events.json has no us-election-2024');
  return {
    event: ELECTION,
    securities: [
      { id: 'us-election-2024:7011.T', symbol: '7011.T', name: 'Mitsubishi Heavy Industries', benchmarkName: 'TOPIX', failure: null },
      { id: 'us-election-2024:7013.T', symbol: '7013.T', name: 'IHI Corporation', benchmarkName: 'TOPIX', failure: null },
    ],
    result,
    eventCount: 1,
    modelName: 'Market model',
    returnKind: 'simple',
    significanceTest: 'bmpT',
    excerpts: deckExcerpts(ARTICLE_CATALOG.articles, []),
    prices: { label: 'Offline snapshot', groups: [{ symbols: ['7011.T', '7013.T', 'TOPIX'], origin: 'J-Quants (JPX) daily bars', repository: null, commit: null }] },
    version: '0.1.0',
    chartSubtitles: { prices: 'prices subtitle', 'abnormal-returns': 'AR subtitle', portfolio: 'portfolio subtitle' },
    ...overrides,
  };
}

function slideOf<K extends Slide['kind']>(slides: Slide[], kind: K): Extract<Slide, { kind: K }> {
  const slide = slides.find((item) => item.kind === kind);
  if (!slide) throw new Error(`no ${kind} slide`);
  return slide as Extract<Slide, { kind: K }>;
}

describe('the slides built from a study', () => {
  const result = referenceStudy(['7011.T', '7013.T'], 'TOPIX', RANGE);
  const slides = buildDeck(deckInput(result));

  it('runs title, one slide per chart, key numbers, excerpts, methods', () => {
    expect(slides.map((slide) => slide.heading)).toEqual(HEADINGS);
    expect(slides.filter((slide) => slide.kind === 'chart').map((slide) => (slide.kind === 'chart' ? slide.chart : ''))).toEqual(['prices', 'abnormal-returns', 'portfolio']);
    expect(new Set(slides.map((slide) => slide.id)).size).toBe(slides.length);
  });

  it('leaves out a chart the study has none of (no portfolio without a result)', () => {
    const withoutPortfolio = buildDeck(deckInput(result, { chartSubtitles: { prices: 'p', 'abnormal-returns': 'a' } }));
    expect(withoutPortfolio.map((slide) => slide.heading)).toEqual(HEADINGS.filter((heading) => !heading.startsWith('Portfolio')));
  });

  it('states the event, day 0 and the securities on the title slide', () => {
    const title = slideOf(slides, 'title');
    expect(title.facts).toEqual([
      { term: 'Event', detail: 'Tue 5 Nov 2024, 19:00 (America/New_York)' },
      { term: 'Day 0', detail: 'Wed 6 Nov 2024: the first session that closed after the event' },
      { term: 'Securities', detail: 'Mitsubishi Heavy Industries (7011.T), IHI Corporation (7013.T)' },
      { term: 'Benchmark', detail: 'TOPIX' },
    ]);
  });

  it("takes each security's day-0 AR and event-window CAR with their t-test p-values from the engine, bit for bit", () => {
    const keyNumbers = slideOf(slides, 'key-numbers');
    const ihi = result.securities.find((security) => security.symbol === '7013.T');
    const window = (from: number, to: number) => ihi?.windows.find((item) => item.from === from && item.to === to);
    const row = keyNumbers.rows.find((item) => item.symbol === '7013.T')?.numbers;
    expect(row?.dayZeroAr).toEqual({ value: ihi?.days.find((day) => day.relativeDay === 0)?.ar, pValue: window(0, 0)?.t.pValue, untested: null });
    expect(row?.eventCar).toEqual({ value: window(-5, 10)?.car, pValue: window(-5, 10)?.t.pValue, untested: null });
    expect(row?.dayZeroAr.pValue).toBeLessThan(0.01);
    expect(keyNumbers.carHeading).toBe('CAR [-5, +10]');
  });

  it('gives the portfolio its AAR and CAAR under the chosen test, BMP t by default', () => {
    const portfolio = slideOf(slides, 'key-numbers').portfolio;
    const dayZero = result.aggregate.days.find((day) => day.relativeDay === 0);
    const eventWindow = result.aggregate.windows.find((window) => window.from === -5 && window.to === 10);
    expect(portfolio?.n).toBe(2);
    expect(portfolio?.label).toBe('Portfolio, equally weighted (2 securities), BMP t');
    expect(portfolio?.dayZeroAar).toEqual({ value: dayZero?.aar, pValue: dayZero?.tests.bmpT.pValue, untested: null });
    expect(portfolio?.eventCaar).toEqual({ value: eventWindow?.caar, pValue: eventWindow?.tests.bmpT.pValue, untested: null });
    const patell = slideOf(buildDeck(deckInput(result, { significanceTest: 'patellZ' })), 'key-numbers').portfolio;
    expect(patell?.dayZeroAar.pValue).toBe(dayZero?.tests.patellZ.pValue);
  });

  it('shows a CAR whose window was not asked for untested, with how to test it, never a p-value made up here', () => {
    const options = { ...DEFAULT_STUDY_OPTIONS, carWindows: [{ from: 0, to: 1 }] };
    const narrow = referenceStudy(['7011.T', '7013.T'], 'TOPIX', RANGE, options);
    const keyNumbers = slideOf(buildDeck(deckInput(narrow)), 'key-numbers');
    const ihi = narrow.securities.find((security) => security.symbol === '7013.T');
    const row = keyNumbers.rows.find((item) => item.symbol === '7013.T')?.numbers;
    expect(row?.eventCar).toEqual({ value: ihi?.days.find((day) => day.relativeDay === 10)?.car, pValue: null, untested: 'not tested: add the CAR window -5:10 to test it' });
    expect(row?.dayZeroAr.untested).toBe('not tested: add the CAR window 0:0 to test it');
  });

  it('quotes, verbatim, the excerpts tagged with the event and a security of the study', () => {
    const excerpts = slideOf(slides, 'excerpts');
    expect(excerpts.excerpts.map((excerpt) => excerpt.id)).toEqual(['intro-call', 'markets-ihi-mhi-gains', 'markets-kim-budget']);
    const original = ARTICLE_CATALOG.articles.flatMap((article) => article.excerpts).find((excerpt) => excerpt.id === 'markets-ihi-mhi-gains');
    expect(excerpts.excerpts[1]?.text).toBe(original?.text);
    expect(excerpts.excerpts[1]?.source).toBe('Japan-US alliance and defence stocks (outlet: not stated; date: not stated)');
    expect(excerpts.more).toBe(0);
  });

  it('lists the model, windows, tests with their papers, the data source and the version on the methods slide', () => {
    const methods = Object.fromEntries(slideOf(slides, 'methods').facts.map((fact) => [fact.term, fact.detail]));
    expect(methods.Model).toBe('Market model: R_it = α_i + β_i·R_mt + ε_it fitted by OLS over the estimation window; s² = SSE/(M − 2) (MacKinlay 1997)');
    expect(methods.Windows).toBe('estimation [-250, -11]; no gap; event window [-5, +10]; CAR windows [0, 0], [0, +1], [-1, +1], [-5, +10]; at least 30 estimation days (trading days relative to day 0)');
    expect(methods.Tests).toContain('BMP t (Boehmer, Musumeci & Poulsen 1991)');
    expect(methods.Tests).toContain('Kolari–Pynnönen t (Kolari & Pynnönen 2010)');
    expect(methods.Prices).toBe('Offline snapshot; 7011.T, 7013.T, TOPIX: J-Quants (JPX) daily bars');
    expect(methods['Made with']).toBe('Kabuto 0.1.0');
  });
});

describe('relevantExcerpts', () => {
  // Made-up excerpts: only their tags matter here.
  const made = (id: string, events: string[], securities: string[]): DeckExcerpt => ({ id, text: id, events, securities, source: 'made up' });
  const excerpts = [made('one-security', ['e'], ['A']), made('other-event', ['f'], ['A', 'B']), made('untagged', ['e'], []), made('both', ['e', 'f'], ['B', 'A']), made('outsider', ['e'], ['C'])];

  it('keeps excerpts of the event naming a study security, those naming more of them first', () => {
    expect(relevantExcerpts(excerpts, 'e', ['A', 'B']).map((excerpt) => excerpt.id)).toEqual(['both', 'one-security']);
    expect(relevantExcerpts(excerpts, 'g', ['A', 'B'])).toEqual([]);
  });
});

describe('slide keys', () => {
  it('maps the keys of presentation software and clickers to commands', () => {
    expect(['ArrowRight', 'ArrowDown', ' ', 'PageDown'].map(slideCommand)).toEqual(['next', 'next', 'next', 'next']);
    expect(['ArrowLeft', 'ArrowUp', 'PageUp'].map(slideCommand)).toEqual(['previous', 'previous', 'previous']);
    expect(['Home', 'End', 'Escape', 'Enter', 'a'].map(slideCommand)).toEqual(['first', 'last', 'close', null, null]);
  });

  it('stays within the deck', () => {
    expect(moveTo('next', 6, 7)).toBe(6);
    expect(moveTo('previous', 0, 7)).toBe(0);
    expect(moveTo('next', 2, 7)).toBe(3);
    expect(moveTo('last', 0, 7)).toBe(6);
    expect(moveTo('first', 5, 7)).toBe(0);
  });
});

describe('presentation mode from the keyboard', () => {
  const result = referenceStudy(['7011.T', '7013.T'], 'TOPIX', RANGE);
  const visibleHeading = () => screen.getByRole('heading', { level: 2 }).textContent;
  const counter = () => document.querySelector('.slide-counter')?.textContent;

  function open() {
    const onClose = vi.fn();
    const renderChart = (chart: string) => <p data-testid={`chart-${chart}`}>a {chart} chart</p>;
    const view = render(
      <>
        <button type="button">Present</button>
      </>,
    );
    screen.getByRole('button', { name: 'Present' }).focus();
    view.rerender(
      <>
        <button type="button">Present</button>
        <PresentationMode deck={deckInput(result)} renderChart={renderChart} onClose={onClose} />
      </>,
    );
    return { onClose, view };
  }

  it('opens as a modal dialog with focus inside, on the title slide', () => {
    open();
    const dialog = screen.getByRole('dialog', { name: 'Presentation: US presidential election: Donald Trump wins' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveFocus();
    expect(visibleHeading()).toBe(HEADINGS[0]);
    expect(counter()).toBe('1 / 7');
  });

  it('moves with arrows, Space, Page keys, Home and End, showing one slide at a time', async () => {
    const user = userEvent.setup();
    open();
    const steps: [string, number][] = [
      ['{ArrowRight}', 2],
      [' ', 3],
      ['{PageDown}', 4],
      ['{ArrowDown}', 5],
      ['{ArrowLeft}', 4],
      ['{PageUp}', 3],
      ['{ArrowUp}', 2],
      ['{End}', 7],
      ['{ArrowRight}', 7],
      ['{Home}', 1],
    ];
    for (const [key, slide] of steps) {
      await user.keyboard(key);
      expect(counter()).toBe(`${slide} / 7`);
      expect(visibleHeading()).toBe(HEADINGS[slide - 1]);
      expect(document.querySelectorAll('.slide:not([hidden])')).toHaveLength(1);
    }
    await user.keyboard('{ArrowRight}');
    expect(screen.getByTestId('chart-prices')).toBeVisible();
  });

  it('keeps Tab inside the dialog, and Space moves one slide even on a focused button', async () => {
    const user = userEvent.setup();
    open();
    const dialog = screen.getByRole('dialog');
    for (let press = 0; press < 8; press += 1) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    screen.getByRole('button', { name: 'Next slide' }).focus();
    await user.keyboard(' ');
    expect(counter()).toBe('2 / 7');
  });

  it('leaves on Escape and gives focus back to the button that opened it', async () => {
    const user = userEvent.setup();
    const { onClose, view } = open();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    view.rerender(
      <>
        <button type="button">Present</button>
      </>,
    );
    expect(screen.getByRole('button', { name: 'Present' })).toHaveFocus();
  });
});
