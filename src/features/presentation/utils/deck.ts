import type { AggregateTests, ModelKind, ReturnKind, StudyResult } from '../../../core/types.ts';
import { describeProvenanceGroup, type ProvenanceGroup } from '../../../lib/chart-image-source.ts';
import { formatDateWithWeekday, formatDayRange } from '../../../lib/format.ts';
import { SIGNIFICANCE_LEGEND } from '../../../lib/significance.ts';
import { PORTFOLIO_TESTS, testName } from '../../../domain/portfolio-tests.ts';
import { carHeading, portfolioKeyNumbers, securityKeyNumbers, type PortfolioKeyNumbers, type SecurityKeyNumbers } from './key-numbers.ts';
import { MAX_SLIDE_EXCERPTS, relevantExcerpts, type DeckExcerpt } from './relevant-excerpts.ts';

/** The charts a slide can show; the app draws them. */
export type SlideChartKind = 'prices' | 'abnormal-returns' | 'portfolio';

/** A labelled line of a title or methods slide. */
export interface Fact {
  term: string;
  detail: string;
}

/** A security of the focused event, in the user's order. */
export interface DeckSecurity {
  /** The study unit id, "event:symbol". */
  id: string;
  symbol: string;
  name: string;
  benchmarkName: string;
  /** Why the security has no result, or null. */
  failure: string | null;
}

export type Slide =
  | { kind: 'title'; id: string; heading: string; facts: Fact[] }
  | { kind: 'chart'; id: string; heading: string; subtitle: string; chart: SlideChartKind }
  | {
      kind: 'key-numbers';
      id: string;
      heading: string;
      rows: (DeckSecurity & { numbers: SecurityKeyNumbers | null })[];
      portfolio: (PortfolioKeyNumbers & { label: string }) | null;
      carHeading: string;
      notes: string[];
    }
  | { kind: 'excerpts'; id: string; heading: string; excerpts: DeckExcerpt[]; more: number }
  | { kind: 'methods'; id: string; heading: string; facts: Fact[] };

export interface DeckInput {
  event: { id: string; title: string; date: string; time?: string; timeZone: string };
  securities: readonly DeckSecurity[];
  result: StudyResult;
  eventCount: number;
  modelName: string;
  returnKind: ReturnKind;
  significanceTest: keyof AggregateTests;
  excerpts: readonly DeckExcerpt[];
  prices: { label: string; groups: readonly ProvenanceGroup[] };
  /** The app's version as the server reports it, or null when unknown. */
  version: string | null;
  /** The subtitle of each chart on the page; a chart without a subtitle has no slide. */
  chartSubtitles: Partial<Record<SlideChartKind, string>>;
}

const CHART_HEADINGS: Record<SlideChartKind, string> = {
  prices: 'Prices rebased to 100 at day −1',
  'abnormal-returns': 'Daily abnormal returns and CAR',
  portfolio: 'Portfolio: average abnormal return and CAAR',
};

/**
 * The slides of a presentation of the current study: title, one slide per chart, key numbers,
 * the most relevant excerpts and methods.
 * @example buildDeck(input).map((slide) => slide.heading) // ['US presidential election: Donald Trump wins', 'Prices rebased…', …, 'Methods']
 */
export function buildDeck(input: DeckInput): Slide[] {
  const charts = (['prices', 'abnormal-returns', 'portfolio'] as const).flatMap((chart): Slide[] => {
    const subtitle = input.chartSubtitles[chart];
    return subtitle === undefined ? [] : [{ kind: 'chart', id: `chart-${chart}`, heading: CHART_HEADINGS[chart], subtitle, chart }];
  });
  return [titleSlide(input), ...charts, keyNumbersSlide(input), excerptsSlide(input), methodsSlide(input)];
}

function titleSlide(input: DeckInput): Slide {
  const { event } = input;
  const resultsById = new Map(input.result.securities.map((security) => [security.id, security]));
  const dayZeros = new Map<string, string[]>();
  for (const security of input.securities) {
    const date = resultsById.get(security.id)?.dayZero;
    if (date) dayZeros.set(date, [...(dayZeros.get(date) ?? []), security.symbol]);
  }
  const dayZeroText = [...dayZeros].map(([date, symbols]) => (dayZeros.size === 1 ? formatDateWithWeekday(date) : `${formatDateWithWeekday(date)} (${symbols.join(', ')})`)).join('; ');
  return {
    kind: 'title',
    id: 'title',
    heading: event.title,
    facts: [
      { term: 'Event', detail: `${formatDateWithWeekday(event.date)}${event.time ? `, ${event.time}` : ''} (${event.timeZone})` },
      { term: 'Day 0', detail: dayZeroText ? `${dayZeroText}: the first session that closed after the event` : 'no security has a result' },
      { term: 'Securities', detail: input.securities.map((security) => `${security.name} (${security.symbol})`).join(', ') },
      { term: 'Benchmark', detail: [...new Set(input.securities.map((security) => security.benchmarkName).filter(Boolean))].join(', ') },
    ],
  };
}

function keyNumbersSlide(input: DeckInput): Slide {
  const eventWindow = input.result.options.eventWindow;
  const resultsById = new Map(input.result.securities.map((security) => [security.id, security]));
  const portfolio = portfolioKeyNumbers(input.result, eventWindow, input.significanceTest);
  const pairs = input.eventCount > 1 ? `${portfolio?.n ?? 0} security–event pairs of ${input.eventCount} events` : `${portfolio?.n ?? 0} securities`;
  return {
    kind: 'key-numbers',
    id: 'key-numbers',
    heading: 'Key numbers',
    rows: input.securities.map((security) => {
      const result = resultsById.get(security.id);
      return { ...security, numbers: result ? securityKeyNumbers(result, eventWindow) : null };
    }),
    portfolio: portfolio ? { ...portfolio, label: `Portfolio, equally weighted (${pairs}), ${testName(input.significanceTest)}` } : null,
    carHeading: carHeading(eventWindow),
    notes: [
      `Securities: t = CAR / sqrt(var CAR), two-sided p from Student's t with the degrees of freedom of s² (MacKinlay 1997). Portfolio: ${testName(input.significanceTest)}.`,
      `${SIGNIFICANCE_LEGEND}.`,
    ],
  };
}

function excerptsSlide(input: DeckInput): Slide {
  const relevant = relevantExcerpts(
    input.excerpts,
    input.event.id,
    input.securities.map((security) => security.symbol),
  );
  return { kind: 'excerpts', id: 'excerpts', heading: 'What the article says', excerpts: relevant.slice(0, MAX_SLIDE_EXCERPTS), more: Math.max(0, relevant.length - MAX_SLIDE_EXCERPTS) };
}

/** The normal-return model as README "Conventions in the maths" states it. */
const MODEL_METHODS: Record<ModelKind, string> = {
  market: 'R_it = α_i + β_i·R_mt + ε_it fitted by OLS over the estimation window; s² = SSE/(M − 2) (MacKinlay 1997)',
  'market-adjusted': 'AR_it = R_it − R_mt; s² over the estimation window with M − 1 degrees of freedom (MacKinlay 1997)',
  'mean-adjusted': 'AR_it = R_it − the mean of R_i over the estimation window; s² with M − 1 degrees of freedom (MacKinlay 1997)',
};

function methodsSlide(input: DeckInput): Slide {
  const options = input.result.options;
  const windows = [
    `estimation ${formatDayRange(options.estimationWindow)}`,
    options.gap ? `gap ${formatDayRange(options.gap)}` : 'no gap',
    `event window ${formatDayRange(options.eventWindow)}`,
    `CAR windows ${options.carWindows.map(formatDayRange).join(', ')}`,
    `at least ${options.minimumEstimationDays} estimation days`,
  ];
  return {
    kind: 'methods',
    id: 'methods',
    heading: 'Methods',
    facts: [
      { term: 'Model', detail: `${input.modelName}: ${MODEL_METHODS[options.model]}` },
      { term: 'Returns', detail: `${input.returnKind} returns of adjusted daily closes; a missing day stays missing` },
      { term: 'Windows', detail: `${windows.join('; ')} (trading days relative to day 0)` },
      { term: 'Day 0', detail: "the first session of each security's own exchange that closes after the event" },
      {
        term: 'Tests',
        detail: `per security, t = CAR / sqrt(var CAR) (MacKinlay 1997); portfolio, ${PORTFOLIO_TESTS.map((test) => `${test.name} (${test.source})`).join(', ')}`,
      },
      { term: 'Prices', detail: [input.prices.label, ...input.prices.groups.map(describeProvenanceGroup)].join('; ') },
      { term: 'Made with', detail: input.version ? `Kabuto ${input.version}` : 'Kabuto (version not reported by the server)' },
    ],
  };
}
