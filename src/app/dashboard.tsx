import { useCallback, useMemo, useState } from 'react';
import { version as APP_VERSION } from '../../package.json';
import { ARTICLE_CATALOG } from '../features/articles/api/article-catalog.ts';
import { userClaims } from '../features/articles/api/user-excerpts.ts';
import { useUserExcerpts } from '../features/articles/hooks/use-user-excerpts.ts';
import { DataSourceBadge } from '../features/data-source/components/data-source-badge.tsx';
import { EVENT_CATALOG } from '../features/events/api/event-catalog.ts';
import { StudyDownloads } from '../features/export/components/study-downloads.tsx';
import { useHealth } from '../features/health/api/get-health.ts';
import { usePrices } from '../features/prices/api/get-prices.ts';
import { useStudy } from '../features/study/hooks/use-study.ts';
import { factorFileByHash } from '../features/factors/api/factor-storage.ts';
import { useFactorFiles } from '../features/factors/hooks/use-factor-files.ts';
import { factorGaps, factorGapsInWords, factorUse, missingFactorFileMessage } from '../application/study-factors.ts';
import type { Spotlight } from '../features/charts/utils/focus-charts.ts';
import { StatisticsPanel } from '../features/statistics-table/components/statistics-panel.tsx';
import { methodNote, securityRows } from '../features/statistics-table/utils/security-rows.ts';
import { checkWindows } from '../features/study-controls/utils/window-texts.ts';
import { PRESET_CATALOG } from '../features/symbols/api/preset-catalog.ts';
import { useSymbols } from '../features/symbols/api/get-symbols.ts';
import { checkClaims } from '../application/claim-findings.ts';
import type { DeckModelInput } from '../application/deck-model.ts';
import { groupResults } from '../application/group-results.ts';
import { studyGroups } from '../domain/peer-groups.ts';
import { buildStudyExport } from '../application/study-export.ts';
import { priceRange } from '../application/price-range.ts';
import { eventsInStudy, pricedSymbols, securityChoices } from '../application/study-plan.ts';
import { DEFAULT_STUDY_QUERY } from '../application/study-query.ts';
import { buildStudySummary } from '../application/study-summary.ts';
import { AnswerPanel } from '../features/answer/components/answer-panel.tsx';
import { GlossarySection } from '../features/answer/components/glossary-section.tsx';
import { ContaminationChoiceControl, OverlapChoiceControl } from '../features/study-controls/components/guardrail-choices.tsx';
import { TestPicker } from '../features/study-controls/components/test-picker.tsx';
import { ChartsColumn } from './charts-column.tsx';
import { ControlsSidebar } from './controls-sidebar.tsx';
import { createHoverStore } from './hover-store.ts';
import { LinkedExcerptPanel } from './linked-excerpt-panel.tsx';
import { PeerGroupsPanel } from './peer-groups-panel.tsx';
import { DAY_ZERO_MARKER } from '../features/charts/utils/focus-charts.ts';
import type { SummaryGroup } from '../application/study-summary.ts';
import { useFocusedResults } from './use-focused-results.ts';
import { pageQueryOf } from './url-state.ts';
import { UrlStateNotice } from './url-state-notice.tsx';
import { useUrlViewState } from './url-state-sync.ts';
import { focusedEventId, optionsBase } from './view-state.ts';
import type { PortfolioTestKey } from '../domain/portfolio-tests.ts';
import { chooseTest } from '../domain/test-choice.ts';
import type { StudyResult } from '../core/types.ts';
import './dashboard.css';

const CATALOG_EVENT_IDS = EVENT_CATALOG.events.map((event) => event.id);
const STATISTICS_ID = 'statistics';
const NO_EVENT_IDS: readonly string[] = [];

// The page's one clock: it dates the manifest of a download, and nothing else reads the time.
const readClock = () => new Date();

/**
 * The dashboard: the view state kept in the URL, the server data (symbols, health, one prices
 * query), the study computed in the browser from them with the same shared code as the server's
 * /api/study.csv, the panels that show it and the downloads of its files.
 */
export function Dashboard() {
  const [hoverStore] = useState(createHoverStore);
  const symbols = useSymbols();
  const health = useHealth();
  const userExcerpts = useUserExcerpts();
  const excerpts = useMemo(() => [...ARTICLE_CATALOG.articles.flatMap((article) => article.excerpts), ...userExcerpts.excerpts], [userExcerpts.excerpts]);
  const excerptIds = useMemo(() => excerpts.map((excerpt) => excerpt.id), [excerpts]);
  const { state, dispatch, problems, dismissProblems } = useUrlViewState({ catalogEventIds: CATALOG_EVENT_IDS, excerptIds });
  const factorFiles = useFactorFiles();
  // The factors the results use, with their file; a link naming a file this browser lacks computes
  // nothing rather than something else.
  const appliedFactorNames = state.appliedOptions.factors;
  const factorFile = state.factors ? factorFileByHash(factorFiles.files, state.factors.file.hash) : null;
  const missingFactorFile = state.factors && !factorFile ? missingFactorFileMessage(state.factors) : null;
  const studyFactors = useMemo(() => (factorFile && appliedFactorNames && appliedFactorNames.length > 0 ? { file: factorFile, names: appliedFactorNames } : null), [factorFile, appliedFactorNames]);
  const factorsBlocked = appliedFactorNames !== undefined && appliedFactorNames.length > 0 && studyFactors === null;

  const allEvents = useMemo(() => [...EVENT_CATALOG.events, ...state.customEvents], [state.customEvents]);
  const studyEvents = useMemo(() => eventsInStudy(allEvents, state.eventIds), [allEvents, state.eventIds]);
  const choices = useMemo(() => securityChoices(state.securities, { ...DEFAULT_STUDY_QUERY.benchmarks, ...state.benchmarks }), [state.securities, state.benchmarks]);
  const range = useMemo(() => priceRange(allEvents), [allEvents]);
  const wanted = studyEvents.length > 0 && range !== null;
  const prices = usePrices({
    symbols: wanted ? pricedSymbols(choices) : [],
    from: range?.from ?? '',
    to: range?.to ?? '',
  });
  const composeInput = useMemo(
    () =>
      prices.data && wanted && choices.length > 0 && !factorsBlocked
        ? { series: prices.data.series, priceFailures: prices.data.failures, events: studyEvents, allEvents, securities: choices, returnKind: state.returnKind }
        : null,
    [prices.data, wanted, studyEvents, allEvents, choices, state.returnKind, factorsBlocked],
  );
  const guards = useMemo(() => ({ overlap: state.overlap, contamination: state.contamination }), [state.overlap, state.contamination]);
  const study = useStudy(composeInput, state.appliedOptions, guards, studyFactors);
  const coverage = useMemo(() => ({ events: studyEvents, options: state.appliedOptions, loaded: prices.data?.series ?? [] }), [studyEvents, state.appliedOptions, prices.data]);
  // Only what the windows' check reads, so typing elsewhere does not re-check them.
  const { windowTexts, appliedOptions, model, factors, minimumEstimationText } = state;
  const windowCheck = useMemo(
    () => checkWindows(windowTexts, optionsBase({ appliedOptions, model, factors, minimumEstimationText })),
    [windowTexts, appliedOptions, model, factors, minimumEstimationText],
  );
  const usedFactors = useMemo(() => {
    if (!studyFactors || !study) return null;
    const gaps = factorGaps(study.composed, studyFactors.file, studyFactors.names, state.appliedOptions);
    return factorUse(studyFactors.file, studyFactors.names, gaps);
  }, [studyFactors, study, state.appliedOptions]);

  const selectedExcerpt = excerpts.find((excerpt) => excerpt.id === state.selectedExcerptId);
  // Memoised so the charts, which depend on it, do not redraw while the pointer moves.
  const spotlight: Spotlight | null = useMemo(() => (selectedExcerpt ? { eventIds: selectedExcerpt.events, securities: selectedExcerpt.securities } : null), [selectedExcerpt]);
  const securityNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const info of symbols.data?.symbols ?? []) names.set(info.symbol, info.name);
    for (const series of prices.data?.series ?? []) names.set(series.symbol, series.name);
    return names;
  }, [symbols.data, prices.data]);
  // The files of exactly the study on screen: the same render's state, prices and result.
  const buildExport = useMemo(() => {
    const analysis = study?.outcome.analysis;
    if (!prices.data || !study || !analysis || analysis.result.securities.length === 0) return null;
    const input = { appVersion: APP_VERSION, query: pageQueryOf(state).study, events: allEvents, prices: prices.data, composed: study.composed, analysis, factors: usedFactors };
    return () => buildStudyExport({ ...input, generatedAt: readClock() });
  }, [state, allEvents, prices.data, study, usedFactors]);

  const result = study?.outcome.result ?? null;
  const analysis = study?.outcome.analysis ?? null;
  const dataNotes = useMemo(() => new Map((prices.data?.series ?? []).map((series) => [series.symbol, series.provenance.defects])), [prices.data]);
  const summary = useMemo(
    () => (analysis && analysis.result.securities.length > 0 ? buildStudySummary({ analysis, events: allEvents, names: securityNames, selection: state.significanceTest, dataNotes, factors: usedFactors }) : null),
    [analysis, allEvents, securityNames, state.significanceTest, dataNotes, usedFactors],
  );
  const focusId = focusedEventId(state);
  const focusGroupIndex = analysis?.groups.findIndex((group) => focusId !== null && group.eventIds.includes(focusId)) ?? -1;
  const focusGroup = analysis?.groups[focusGroupIndex] ?? null;
  const focusSummary = summary?.groups[focusGroupIndex] ?? null;
  // The test that stars the chart: the focused group's, chosen by the rules unless the user picked one.
  const significanceTest: PortfolioTestKey = focusSummary?.choice.test ?? chooseTest({ securities: 0, clustered: 0 }, state.significanceTest).test;
  const results = useFocusedResults({
    state,
    prices: prices.data,
    composed: study?.composed ?? null,
    result,
    group: focusGroup,
    significanceTest,
    studyEvents,
    allEvents,
    focusEventId: focusId,
    spotlight,
    version: health.data?.version ?? null,
  });
  const claims = useMemo(() => [...ARTICLE_CATALOG.claims, ...userClaims(userExcerpts.excerpts)], [userExcerpts.excerpts]);
  const claimFindings = useMemo(() => (analysis ? checkClaims(claims, analysis.result, state.eventIds) : []), [claims, analysis, state.eventIds]);
  // What the deck of the whole study is built from, as /api/study.pptx builds it for the same query
  // and prices: the same analysis, and the answer panel's own summary for slide 1. The presentation
  // builds the slides only when it is opened.
  const deck: DeckModelInput | null = useMemo(
    () =>
      prices.data && study && analysis && summary
        ? { appVersion: APP_VERSION, query: pageQueryOf(state).study, selection: state.significanceTest, events: allEvents, prices: prices.data, composed: study.composed, analysis, summary, claims }
        : null,
    [prices.data, study, analysis, summary, state, allEvents, claims],
  );
  // The peer groups of each event, when the study spans two or more groups (data/presets.json).
  const groups = useMemo(() => studyGroups(state.securities, PRESET_CATALOG.groups), [state.securities]);
  const peerGroups = useMemo(
    () => (study?.outcome.result && groups.length > 1 ? groupResults(study.composed, { options: state.appliedOptions, guards, selection: state.significanceTest }, groups, studyEvents) : []),
    [study, groups, state.appliedOptions, guards, state.significanceTest, studyEvents],
  );
  const selectedDay = state.selectedDay;
  const onSelectDay = useCallback((day: number) => dispatch({ type: 'select-day', day: day === selectedDay ? null : day }), [dispatch, selectedDay]);
  const chartHandlers = useMemo(
    () => ({
      onSignificanceTest: (test: PortfolioTestKey) => dispatch({ type: 'set-significance-test', test }),
      onFocusEvent: (eventId: string) => dispatch({ type: 'focus-event', eventId }),
      onHoverDay: hoverStore.set,
      onSelectDay,
      onRemoveSecurity: (symbol: string) => dispatch({ type: 'toggle-security', symbol }),
    }),
    [dispatch, hoverStore, onSelectDay],
  );

  const peerGroupsData = prices.data;
  const peerGroupsImage = results.images;
  const portfolioMarkers = results.portfolioMarkers;
  // Under each event's answer, its peer groups compared (each event of a cluster on its own).
  const renderPeerGroups = useCallback(
    (group: SummaryGroup) =>
      peerGroupsData && peerGroupsImage
        ? group.eventIds.map((eventId) => (
            <PeerGroupsPanel
              key={eventId}
              results={peerGroups.filter((item) => item.event.id === eventId)}
              eventWindow={state.appliedOptions.eventWindow}
              carWindows={state.appliedOptions.carWindows}
              prices={peerGroupsData}
              markers={eventId === focusId ? portfolioMarkers : [DAY_ZERO_MARKER]}
              image={peerGroupsImage}
              handlers={chartHandlers}
            />
          ))
        : null,
    [peerGroupsData, peerGroupsImage, peerGroups, state.appliedOptions, focusId, portfolioMarkers, chartHandlers],
  );

  return (
    <div className="app">
      <a className="skip-link" href="#results">
        Skip to the results
      </a>
      <header className="app-header">
        <div>
          <h1>Kabuto</h1>
          <p className="tagline">Event study of Japanese defence stocks around political events</p>
        </div>
        <div className="header-status">
          <StudyDownloads build={buildExport} />
          {prices.data ? <DataSourceBadge prices={prices.data} /> : null}
        </div>
      </header>
      <UrlStateNotice problems={problems} onDismiss={dismissProblems} />
      <AnswerPanel
        summary={summary}
        unavailable={missingFactorFile ?? answerUnavailable({ events: studyEvents.length, securities: state.securities.length, pricesError: prices.error?.message ?? null, studyError: study?.outcome.error?.message ?? null, result })}
        testPicker={
          focusSummary ? (
            <TestPicker
              selection={state.significanceTest}
              automaticTest={focusSummary.choice.rulesTest}
              fits={focusSummary.tests.map((test) => ({ key: test.key, fits: test.fits, reasons: test.reasons }))}
              onSelect={(test) => dispatch({ type: 'set-significance-test', test })}
            />
          ) : null
        }
        renderGroupExtras={renderPeerGroups}
        noticeActions={{
          overlap: <OverlapChoiceControl value={state.overlap} onChange={(overlap) => dispatch({ type: 'set-overlap', overlap })} />,
          contamination: <ContaminationChoiceControl value={state.contamination} onChange={(contamination) => dispatch({ type: 'set-contamination', contamination })} />,
        }}
      />
      <div className="layout">
        <ControlsSidebar
          state={state}
          dispatch={dispatch}
          events={allEvents}
          eventsProblem={EVENT_CATALOG.problem}
          symbols={symbols}
          canAddSymbols={health.data?.mode === 'live' || health.data?.mode === 'auto'}
          coverage={coverage}
          windowCheck={windowCheck}
          highlightedEventIds={spotlight?.eventIds ?? NO_EVENT_IDS}
          factorFiles={factorFiles}
          missingFactorFile={missingFactorFile}
          factorGaps={usedFactors ? factorGapsInWords(usedFactors.gaps, usedFactors.file.name, usedFactors.names) : null}
        />
        <main className="results" id="results" tabIndex={-1}>
          <div className="charts-and-article">
            <ChartsColumn
              studyEvents={studyEvents}
              securities={state.securities}
              prices={prices}
              study={study}
              results={results}
              deck={deck}
              significanceTest={significanceTest}
              handlers={chartHandlers}
              describedBy={STATISTICS_ID}
              blocked={missingFactorFile}
            />
            <LinkedExcerptPanel
              hoverStore={hoverStore}
              calendar={results.charts?.calendar ?? null}
              composed={study?.composed ?? null}
              selectedDay={state.selectedDay}
              articles={ARTICLE_CATALOG.articles}
              articleProblems={ARTICLE_CATALOG.problems}
              userExcerpts={userExcerpts.excerpts}
              storageProblem={userExcerpts.problem}
              events={allEvents}
              studyEventIds={state.eventIds}
              securityNames={securityNames}
              studySecurities={state.securities}
              selectedExcerptId={state.selectedExcerptId}
              onSelectExcerpt={(excerptId, eventIds) => dispatch({ type: 'select-excerpt', excerptId, eventIds })}
              onAddExcerpt={userExcerpts.add}
              onRemoveExcerpt={userExcerpts.remove}
              claimFindings={claimFindings}
            />
          </div>
          {result && result.securities.length + result.failures.length > 0 ? (
            <StatisticsPanel
              id={STATISTICS_ID}
              rows={securityRows({ result, composed: study?.composed ?? null, events: studyEvents, securities: state.securities, securityNames })}
              portfolioWindows={focusGroup && focusGroup.result.securities.length > 0 ? focusGroup.result.aggregate.windows : []}
              portfolioTitle={focusSummary ? `Portfolio tests by CAR window (statistic, p-value): ${focusSummary.title}` : undefined}
              testFits={focusSummary?.tests ?? []}
              showEvent={studyEvents.length > 1}
              methodNote={methodNote(state.appliedOptions, state.returnKind, prices.data?.mode ?? null)}
            />
          ) : null}
          <GlossarySection />
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

/** Why the answer panel has no answer, in the words of the charts' own empty states; null while computing. */
function answerUnavailable(state: { events: number; securities: number; pricesError: string | null; studyError: string | null; result: StudyResult | null }): string | null {
  if (state.events === 0) return 'No event is selected: tick one under Events, or add your own.';
  if (state.securities === 0) return 'No security is selected: pick at least one under Securities and benchmarks.';
  if (state.pricesError !== null) return `The prices could not be loaded: ${state.pricesError}`;
  if (state.studyError !== null) return `The study could not be computed: ${state.studyError}`;
  if (state.result && state.result.securities.length === 0) return 'No security of the study could be computed; the statistics below say why for each.';
  return null;
}
