/**
 * What presentation mode shows of the focused event, built only from what the page already holds:
 * its securities in the user's order, the result, the excerpts, the price sources and the chart
 * subtitles. The charts and the excerpts come in as plain data (the app passes what the charts and
 * articles features built), so this feature imports neither.
 */
import type { ReturnKind, StudyResult } from '../../../core/types.ts';
import type { Article } from '../../../domain/article-format.ts';
import type { PortfolioTestKey } from '../../../domain/portfolio-tests.ts';
import type { PricesResponse } from '../../../domain/price-api.ts';
import { provenanceGroups } from '../../../lib/chart-image-source.ts';
import { summariseSources } from '../../../lib/source-summary.ts';
import type { DeckInput, SlideChartKind } from './deck.ts';
import type { DeckExcerpt } from './relevant-excerpts.ts';

/** The focused event's charts as the deck needs them: the event and one entry per security panel. */
export interface DeckCharts {
  event: DeckInput['event'];
  securities: readonly { key: string; symbol: string; benchmarkName: string; failure: string | null }[];
}

/** An excerpt the user typed, with the source they gave. */
export interface DeckUserExcerpt {
  id: string;
  text: string;
  source: string;
  events: readonly string[];
  securities: readonly string[];
}

export interface DeckSource {
  charts: DeckCharts;
  result: StudyResult;
  prices: PricesResponse;
  securityNames: ReadonlyMap<string, string>;
  eventCount: number;
  modelName: string;
  returnKind: ReturnKind;
  significanceTest: PortfolioTestKey;
  articles: readonly Article[];
  userExcerpts: readonly DeckUserExcerpt[];
  version: string | null;
  /** The subtitle of each chart as the page shows it; a chart without one gets no slide. */
  chartSubtitles: Partial<Record<SlideChartKind, string>>;
}

/**
 * The input of buildDeck for the focused event.
 * @throws never
 * @example buildDeck(deckInput({ charts, result, prices, … })).map((slide) => slide.heading)
 */
export function deckInput(source: DeckSource): DeckInput {
  const { charts, prices } = source;
  return {
    event: charts.event,
    securities: charts.securities.map((panel) => ({
      id: panel.key,
      symbol: panel.symbol,
      name: source.securityNames.get(panel.symbol) ?? panel.symbol,
      benchmarkName: panel.benchmarkName,
      failure: panel.failure,
    })),
    result: source.result,
    eventCount: source.eventCount,
    modelName: source.modelName,
    returnKind: source.returnKind,
    significanceTest: source.significanceTest,
    excerpts: deckExcerpts(source.articles, source.userExcerpts),
    prices: { label: summariseSources(prices.series).label, groups: provenanceGroups(prices.series) },
    version: source.version,
    chartSubtitles: source.chartSubtitles,
  };
}

/**
 * The excerpts a presentation may quote: the articles' (with their title, outlet and date) and
 * the user's own (with the source they typed).
 * @throws never
 * @example deckExcerpts(articles, [])[0].source // 'Japan-US alliance and defence stocks (outlet: not stated; date: not stated)'
 */
export function deckExcerpts(articles: readonly Article[], userExcerpts: readonly DeckUserExcerpt[]): DeckExcerpt[] {
  const fromArticles = articles.flatMap((article) =>
    article.excerpts.map((excerpt) => ({ ...excerpt, source: `${article.title} (outlet: ${article.outlet}; date: ${article.date})` })),
  );
  const fromUser = userExcerpts.map((excerpt) => ({ ...excerpt, source: `Your excerpt${excerpt.source ? `; source: ${excerpt.source}` : ''}` }));
  return [...fromArticles, ...fromUser];
}
