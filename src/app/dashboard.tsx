import { useMemo, useReducer, useState } from 'react';
import { exchangeForSymbol } from '../core/index.ts';
import { ARTICLE_CATALOG } from '../features/articles/api/article-catalog.ts';
import { useUserExcerpts } from '../features/articles/hooks/use-user-excerpts.ts';
import { DataSourceBadge } from '../features/data-source/components/data-source-badge.tsx';
import { EVENT_CATALOG } from '../features/events/api/event-catalog.ts';
import { useHealth } from '../features/health/api/get-health.ts';
import { usePrices } from '../features/prices/api/get-prices.ts';
import { useStudy } from '../features/study/hooks/use-study.ts';
import { checkWindows } from '../features/study-controls/utils/window-texts.ts';
import { useSymbols } from '../features/symbols/api/get-symbols.ts';
import { ControlsSidebar } from './controls-sidebar.tsx';
import { priceRange } from './price-range.ts';
import { ResultsView } from './results-view.tsx';
import { createHoverStore } from './hover-store.ts';
import { focusedEventId, INITIAL_VIEW_STATE, viewReducer } from './view-state.ts';
import type { Spotlight } from './chart-inputs.ts';

/** Default benchmark of a market when the user has not chosen one. */
const FALLBACK_BENCHMARKS: Record<string, string> = { XTKS: 'TOPIX', XNYS: '^GSPC' };

/**
 * The dashboard: one view-state reducer, the server data (symbols, health, one prices query), the
 * study computed in the browser from them, and the panels that show it.
 */
export function Dashboard() {
  const [state, dispatch] = useReducer(viewReducer, INITIAL_VIEW_STATE);
  const [hoverStore] = useState(createHoverStore);
  const symbols = useSymbols();
  const health = useHealth();
  const userExcerpts = useUserExcerpts();

  const allEvents = useMemo(() => [...EVENT_CATALOG.events, ...state.customEvents], [state.customEvents]);
  const studyEvents = useMemo(() => allEvents.filter((event) => state.eventIds.includes(event.id)), [allEvents, state.eventIds]);
  const choices = useMemo(
    () =>
      state.securities.map((symbol) => {
        const code = exchangeForSymbol(symbol).code;
        return { symbol, benchmark: state.benchmarks[code] ?? FALLBACK_BENCHMARKS[code] ?? '^GSPC' };
      }),
    [state.securities, state.benchmarks],
  );
  const range = useMemo(() => priceRange(allEvents), [allEvents]);
  const wanted = studyEvents.length > 0 && range !== null;
  const prices = usePrices({
    symbols: wanted ? choices.flatMap((choice) => [choice.symbol, choice.benchmark]) : [],
    from: range?.from ?? '',
    to: range?.to ?? '',
  });
  const composeInput = useMemo(
    () =>
      prices.data && wanted && choices.length > 0
        ? { series: prices.data.series, events: studyEvents, allEvents, securities: choices, returnKind: state.returnKind }
        : null,
    [prices.data, wanted, studyEvents, allEvents, choices, state.returnKind],
  );
  const study = useStudy(composeInput, state.appliedOptions);
  const windowCheck = useMemo(() => checkWindows(state.windowTexts, { ...state.appliedOptions, model: state.model }), [state.windowTexts, state.appliedOptions, state.model]);

  const excerpts = useMemo(() => [...ARTICLE_CATALOG.articles.flatMap((article) => article.excerpts), ...userExcerpts.excerpts], [userExcerpts.excerpts]);
  const selectedExcerpt = excerpts.find((excerpt) => excerpt.id === state.selectedExcerptId);
  // Memoised so the charts, which depend on it, do not redraw while the pointer moves.
  const spotlight: Spotlight | null = useMemo(() => (selectedExcerpt ? { eventIds: selectedExcerpt.events, securities: selectedExcerpt.securities } : null), [selectedExcerpt]);
  const securityNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const info of symbols.data?.symbols ?? []) names.set(info.symbol, info.name);
    for (const series of prices.data?.series ?? []) names.set(series.symbol, series.name);
    return names;
  }, [symbols.data, prices.data]);

  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>Kabuto</h1>
          <p className="tagline">Event study of Japanese defence stocks around political events</p>
        </div>
        <div className="header-status">{prices.data ? <DataSourceBadge prices={prices.data} /> : null}</div>
      </header>
      <div className="layout">
        <ControlsSidebar
          state={state}
          dispatch={dispatch}
          events={allEvents}
          eventsProblem={EVENT_CATALOG.problem}
          symbols={symbols}
          canAddSymbols={health.data?.mode === 'live' || health.data?.mode === 'auto'}
          windowCheck={windowCheck}
          highlightedEventIds={spotlight?.eventIds ?? []}
        />
        <main className="results" id="results">
          <ResultsView
            state={state}
            dispatch={dispatch}
            prices={prices}
            study={study}
            studyEvents={studyEvents}
            allEvents={allEvents}
            focusEventId={focusedEventId(state)}
            spotlight={spotlight}
            hoverStore={hoverStore}
            securityNames={securityNames}
            userExcerpts={userExcerpts}
            articles={ARTICLE_CATALOG}
          />
        </main>
      </div>
      <footer className="app-footer">
        <p>
          Prices: adjusted daily closes through the Kabuto proxy; every series' source, commit and known defects are behind the data-source badge. Methods: MacKinlay (1997), Patell (1976), Boehmer, Musumeci &amp; Poulsen (1991), Kolari &amp; Pynnönen (2010), Cowan (1992), Corrado (1989).
        </p>
      </footer>
    </div>
  );
}
