import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { DeckModelInput } from '../application/deck-model.ts';
import type { PricesResponse } from '../domain/price-api.ts';
import type { PortfolioTestKey } from '../domain/portfolio-tests.ts';
import type { StudyEvent } from '../domain/study-event.ts';
import { EventTabs } from '../features/charts/components/event-tabs.tsx';
import { LazyChartsPanel } from '../features/charts/components/lazy-charts.tsx';
import { DownloadDeckButton } from '../features/presentation/components/download-deck-button.tsx';
import { PresentButton } from '../features/presentation/components/present-button.tsx';
import { PriceFailuresNotice } from '../features/prices/components/price-failures-notice.tsx';
import type { StudyState } from '../features/study/hooks/use-study.ts';
import { EmptyState } from './components/empty-state.tsx';
import { ErrorPanel } from './components/error-panel.tsx';
import { ChartsSkeleton } from './components/skeleton.tsx';
import type { FocusedResults } from './use-focused-results.ts';
import { GlossaryTerm } from '../lib/glossary-term.tsx';

interface ChartsColumnProps {
  studyEvents: readonly StudyEvent[];
  securities: readonly string[];
  prices: UseQueryResult<PricesResponse>;
  study: StudyState | null;
  results: FocusedResults;
  /** What the deck of the whole study is built from; null until the study is computed. */
  deck: DeckModelInput | null;
  significanceTest: PortfolioTestKey;
  handlers: {
    onSignificanceTest: (test: PortfolioTestKey) => void;
    onFocusEvent: (eventId: string) => void;
    onHoverDay: (day: number | null) => void;
    onSelectDay: (day: number) => void;
    onRemoveSecurity: (symbol: string) => void;
  };
  /** The id of the statistics section, the charts' text alternative. */
  describedBy: string;
  /** Why the study is not computed although its prices are there (a factor file this browser lacks), or null. */
  blocked?: string | null;
}

/** The charts of the study with the Present button, or the state that stands in their place. */
export function ChartsColumn({ studyEvents, securities, prices, study, results, deck, significanceTest, handlers, describedBy, blocked = null }: ChartsColumnProps) {
  const { charts, portfolio, portfolioMarkers, images, subtitle } = results;

  const content = (): ReactNode => {
    if (studyEvents.length === 0) return <EmptyState title="No event selected">Tick at least one event on the left, or add your own, to see how the securities moved around it.</EmptyState>;
    if (securities.length === 0) return <EmptyState title="No securities selected">Pick at least one security on the left; its benchmark is chosen per market.</EmptyState>;
    if (prices.error) {
      return (
        <ErrorPanel
          title="The prices could not be loaded"
          message={prices.error.message}
          code={'code' in prices.error ? String(prices.error.code) : undefined}
          onRetry={() => void prices.refetch()}
          retrying={prices.isFetching}
        />
      );
    }
    if (blocked !== null) return <EmptyState title="The factor file is missing">{blocked}</EmptyState>;
    if (!prices.data || !study) return <ChartsSkeleton label="Loading prices and computing the study…" />;
    if (study.outcome.error) return <ErrorPanel title="The study could not be computed" message={study.outcome.error.message} code={study.outcome.error.code} />;
    if (!charts || !study.outcome.result || !images) return null;
    return (
      <>
        {deck ? (
          <div className="results-toolbar">
            <PresentButton deck={deck} />
            <DownloadDeckButton deck={deck} />
          </div>
        ) : null}
        <PriceFailuresNotice failures={prices.data.failures} securities={securities} onRemove={handlers.onRemoveSecurity} />
        {prices.data.warnings.length > 0 ? (
          <ul className="notice" aria-label="Notes from the price server">
            {prices.data.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        ) : null}
        <p className="chart-terms">
          Reading the charts: <GlossaryTerm id="ar" /> · <GlossaryTerm id="car" /> · <GlossaryTerm id="aar" /> · <GlossaryTerm id="caar" /> ·{' '}
          <GlossaryTerm id="band">shaded band</GlossaryTerm> · <GlossaryTerm id="stars">stars</GlossaryTerm> · <GlossaryTerm id="day-zero">day 0</GlossaryTerm>
        </p>
        {studyEvents.length > 1 ? <EventTabs events={studyEvents} focusEventId={charts.event.id} onFocus={handlers.onFocusEvent} /> : null}
        <LazyChartsPanel
          fallback={<ChartsSkeleton label="Loading the charts…" />}
          image={images}
          priceRows={charts.priceRows}
          priceLines={charts.priceLines}
          volume={charts.volume}
          markers={charts.markers}
          portfolioMarkers={portfolioMarkers}
          securities={charts.securities}
          subtitle={subtitle}
          portfolio={portfolio}
          significanceTest={significanceTest}
          onSignificanceTest={handlers.onSignificanceTest}
          onHoverDay={handlers.onHoverDay}
          onSelectDay={handlers.onSelectDay}
          describedBy={describedBy}
        />
      </>
    );
  };
  return <div className="charts-column">{content()}</div>;
}
