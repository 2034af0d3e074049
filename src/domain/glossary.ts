/**
 * The glossary: every term the page and the slides use, in one or two plain sentences an investor
 * understands, once. The answer panel, the tables and the charts link each term here (a popover and
 * the glossary section); the presentation makes it a slide. The tests' entries come from the test
 * registry (portfolio-tests.ts, `plainWords`), so a new test brings its own definition.
 */
import { PORTFOLIO_TESTS, type PortfolioTestKey } from './portfolio-tests.ts';
import { SIGNIFICANCE_LEGEND } from './significance.ts';

export interface GlossaryEntry {
  /** Stable id: the anchor of the glossary section (`glossary-<id>`) and the key of a popover. */
  id: string;
  term: string;
  /** The abbreviation as the page shows it, when there is one ("AR"). */
  short?: string;
  definition: string;
}

const TERMS = [
  {
    id: 'ar',
    term: 'Abnormal return',
    short: 'AR',
    definition:
      "The stock's return on a day minus the return expected from the market's move that day, given how the stock usually moves with the market. It is the part of the move the market does not explain.",
  },
  {
    id: 'aar',
    term: 'Average abnormal return',
    short: 'AAR',
    definition: "The average of the stocks' abnormal returns on the same event day: the group's unexplained move that day, each stock weighted equally.",
  },
  {
    id: 'car',
    term: 'Cumulative abnormal return',
    short: 'CAR',
    definition: "One stock's abnormal returns added up over several days around the event, e.g. CAR [0, +1] for the event day and the next: the total unexplained move over that window.",
  },
  {
    id: 'caar',
    term: 'Cumulative average abnormal return',
    short: 'CAAR',
    definition: "The average of the stocks' CARs over the same window: the group's total unexplained move.",
  },
  {
    id: 'bhar',
    term: 'Buy-and-hold abnormal return',
    short: 'BHAR',
    definition:
      'What holding the stock over the whole event window earned, compounded, minus what holding its market index earned over the same days. Unlike the CAR it compounds; over a few days the two are close.',
  },
  {
    id: 'day-zero',
    term: 'Day 0',
    definition: "The first trading session of the stock's exchange that could react to the event: the session in progress when it happened, or the next one if it happened after the close.",
  },
  {
    id: 'event-window',
    term: 'Event window',
    definition: 'The trading days around the event that are examined, e.g. [-5, +10]: five days before day 0 to ten days after. The BHAR and the CAR over the event window span all of it.',
  },
  {
    id: 'estimation-window',
    term: 'Estimation window',
    definition:
      'The calm stretch before the event (by default trading days -250 to -11) used to learn how each stock normally moves with its market and how noisy it is. Another event inside it blurs that picture.',
  },
  {
    id: 'event-cluster',
    term: 'Event cluster',
    definition:
      'Two events so close that their event windows share trading days, studied as one: one window per stock from the first day of the earlier window to the last day of the later. Daily prices cannot tell their effects apart.',
  },
  {
    id: 'p-value',
    term: 'p-value',
    definition:
      'How likely a move at least this large would be if the event had no effect. The smaller it is, the harder the move is to put down to chance; "significant at 1 %" means p < 0.01.',
  },
  {
    id: 'stars',
    term: 'Significance stars',
    definition: `Marks on a number or a chart bar whose p-value is small: ${SIGNIFICANCE_LEGEND}. The stars of the portfolio chart come from the test named above it.`,
  },
  {
    id: 'band',
    term: 'Shaded band (95 %)',
    definition:
      "The range the CAR (or the group's CAAR) would stay within 95 times out of 100 if the event had no effect. A line outside the band is unusual for ordinary days; the group's band assumes the stocks move independently.",
  },
  {
    id: 'security-t',
    term: "A stock's own t-test",
    definition:
      "Tests one stock's abnormal return, or its CAR over a window, against that stock's own noise in the estimation window (MacKinlay 1997). It needs no other stock, so it holds for a single security.",
  },
  {
    id: 'abnormal-volume',
    term: 'Abnormal trading volume',
    short: 'AV',
    definition:
      "How much more than usual a stock traded: the log of the day's volume minus its average over the estimation window, with a t against the window's day-to-day spread (Campbell & Wasley 1996). \"9.0× its usual volume\" divides the day's shares by the window's median.",
  },
  {
    id: 'factor-model',
    term: 'Market model + factors',
    definition:
      "The market model with further series the stock's return is regressed on (size, value, momentum, a sector index: a file of the user's), so the expected return accounts for them too. Its variances have one degree of freedom less per factor.",
  },
] as const satisfies readonly GlossaryEntry[];

/** The id of a term of the glossary. */
export type GlossaryTermId = (typeof TERMS)[number]['id'] | `test-${PortfolioTestKey}`;

/**
 * The glossary's entries: the terms, then every portfolio test of the registry in its order.
 */
export const GLOSSARY: readonly (GlossaryEntry & { id: GlossaryTermId })[] = [
  ...TERMS,
  ...PORTFOLIO_TESTS.map((test) => ({ id: testTermId(test.key), term: test.name, definition: `${test.plainWords} (${test.source}.)` })),
];

/**
 * The glossary id of a portfolio test.
 * @throws never
 * @example testTermId('bmpT') // 'test-bmpT'
 */
export function testTermId(key: PortfolioTestKey): `test-${PortfolioTestKey}` {
  return `test-${key}`;
}

/**
 * One entry of the glossary.
 * @throws never
 * @example glossaryEntry('ar').short // 'AR'
 */
export function glossaryEntry(id: GlossaryTermId): GlossaryEntry {
  return GLOSSARY.find((entry) => entry.id === id) as GlossaryEntry;
}
