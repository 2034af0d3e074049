/**
 * The deck of a study, built once from the study's analysis and its answer (study-summary.ts, the
 * object the page's answer panel shows): the answer as the title slide; one slide per event (or
 * event cluster) with prices, ARs and CARs and its key numbers; its group result under the test the
 * rules pick, with the tests that do not fit and why; what the article says beside what the market
 * did; methods and sources; the glossary. Every number comes from the analysis' own groups, so the
 * slides and the page cannot disagree, and overlapping events are never pooled on a slide unless
 * the user merged them into a cluster. The page's presentation and the PowerPoint file
 * (deck-pptx.ts) both draw this model; the server builds it from the same inputs as the page.
 *
 * A slide is a list of blocks; a new kind of slide is one more function in SLIDES.
 */
import type { ResolvedStudyOptions } from '../core/types.ts';
import { CLAIM_RULE } from '../domain/claim-check.ts';
import { listInWords } from '../domain/english.ts';
import { GLOSSARY, type GlossaryTermId } from '../domain/glossary.ts';
import { modelName } from '../domain/models.ts';
import { portfolioTest } from '../domain/portfolio-tests.ts';
import type { PricesResponse } from '../domain/price-api.ts';
import { dataSourceLine } from '../domain/source-line.ts';
import { shortEventTitle, type StudyEvent } from '../domain/study-event.ts';
import { AUTOMATIC_PREFERENCE, CROSS_CHECK, SMALL_SAMPLE_N, type TestSelection } from '../domain/test-choice.ts';
import { checkClaims, type CheckedClaim } from './claim-findings.ts';
import type { ComposedStudy } from './compose-study.ts';
import { abnormalReturnChart, chartDays, groupChart, priceChart, securityColour } from './deck-charts.ts';
import { factPages, slideFits, STACKED_BODY_HEIGHT } from './deck-layout.ts';
import { answerTable, claimsTable, groupResultTable, groupShortTitle, groupWhen, unfitTestLines } from './deck-tables.ts';
import type { DeckBlock, DeckChart, DeckModel, DeckSlide } from './deck-types.ts';
import { formatDate, formatDateWithWeekday, formatDayRange } from './display-format.ts';
import type { StudyAnalysis, StudyGroupResult } from './study-analysis.ts';
import { studyFileNames } from './study-export.ts';
import { serializeStudyQuery, type StudyQuery } from './study-query.ts';
import type { StudySummary, SummaryGroup } from './study-summary.ts';

export interface DeckModelInput {
  appVersion: string;
  query: StudyQuery;
  /** The test the user picked, or the rules' choice ('auto'): what the deck's link reproduces. */
  selection: TestSelection;
  /** Every known event (catalogue and custom). */
  events: readonly StudyEvent[];
  prices: PricesResponse;
  composed: ComposedStudy;
  /** The engine's run under the study's guardrails: each event or event cluster on its own. */
  analysis: StudyAnalysis;
  /** The answer of `analysis` read with `selection`: the page passes its answer panel's own. */
  summary: StudySummary;
  /** The article's market claims and any the user put on their own excerpts. */
  claims: readonly CheckedClaim[];
}

/** The normal-return model as README "Conventions in the maths" states it. */
const MODEL_METHODS: Record<ResolvedStudyOptions['model'], string> = {
  market: 'R_it = α_i + β_i·R_mt + ε_it fitted by OLS over the estimation window; s² = SSE/(M − 2) (MacKinlay 1997)',
  'market-adjusted': 'AR_it = R_it − R_mt; s² over the estimation window with M − 1 degrees of freedom (MacKinlay 1997)',
  'mean-adjusted': 'AR_it = R_it − the mean of R_i over the estimation window; s² with M − 1 degrees of freedom (MacKinlay 1997)',
};

/** Groups on one answer slide: more continue on the next. */
const GROUPS_PER_ANSWER_SLIDE = 2;

/** Glossary terms the slides never use (no BHAR, no stars on a slide). */
const TERMS_NOT_ON_SLIDES: readonly GlossaryTermId[] = ['bhar', 'stars'];

/** What every slide function reads: the input, and how a slide names its groups and sources. */
interface DeckContext {
  input: DeckModelInput;
  options: ResolvedStudyOptions;
  /** A slide with its footer, source line and notes, for the groups it speaks of. */
  slide: (groups: readonly SummaryGroup[], hasData: boolean, content: Omit<DeckSlide, 'footer' | 'source' | 'notes'>) => DeckSlide;
  /** The summary's groups with their analysis, in order. */
  groups: { summary: SummaryGroup; analysis: StudyGroupResult }[];
  names: ReadonlyMap<string, string>;
  source: string;
}

/**
 * The slides in their order, each function giving the slides of its part (none when it has nothing
 * to say). A new part of the deck (another group of securities, volume) is one more entry.
 */
const SLIDES: readonly ((context: DeckContext) => DeckSlide[])[] = [answerSlides, eventSlides, groupSlides, claimsSlides, methodsSlides, glossarySlides];

/**
 * The deck of a computed study.
 * @throws never
 * @example buildDeckModel(input).slides.map((slide) => slide.id) // ['answer', 'event-us-election-2024', 'group-us-election-2024', 'claims', 'methods', 'glossary']
 */
export function buildDeckModel(input: DeckModelInput): DeckModel {
  const options = input.analysis.result.options;
  const symbols = new Set(input.composed.units.flatMap((unit) => [unit.symbol, unit.benchmark]));
  const source = `${dataSourceLine(input.prices.series.filter((series) => symbols.has(series.symbol)))}; abnormal returns: Kabuto calculations`;
  const method = `${modelName(options.model, options.factors)} · estimation ${formatDayRange(options.estimationWindow)} · event window ${formatDayRange(options.eventWindow)}`;
  const groupLabel = (group: SummaryGroup) => `${groupShortTitle(group, input.events)} (${group.dayZero === null ? 'day 0 differs by security' : `day 0 ${formatDate(group.dayZero)}`}${group.kind === 'cluster' ? `, window ${formatDayRange(group.eventWindow)}` : ''})`;
  const notesOf = (groups: readonly SummaryGroup[], hasData: boolean) =>
    [
      ...(hasData ? [`Source: ${source}.`] : []),
      `Events: ${groups.map(groupLabel).join('; ')}.`,
      `Parameters: ${parameterText(options, input.query)}.`,
      ...groups.map((group) => `Group test, ${groupShortTitle(group, input.events)}: ${group.choice.name} (${portfolioTest(group.choice.test).source}). ${group.choice.why}`),
      `Reproduce: /?${serializeStudyQuery({ study: input.query, view: { focusEventId: null, excerptId: null, significanceTest: input.selection } })} (Kabuto ${input.appVersion}).`,
    ].join('\n');
  const context: DeckContext = {
    input,
    options,
    source,
    names: new Map(input.composed.units.map((unit) => [unit.symbol, unit.name])),
    groups: input.summary.groups.flatMap((summary) => {
      const analysis = input.analysis.groups.find((group) => group.id === summary.id);
      return analysis ? [{ summary, analysis }] : [];
    }),
    slide: (groups, hasData, content) => ({
      ...content,
      footer: `${groups.map(groupLabel).join('; ')} · ${method}`,
      source: hasData ? `Source: ${source}.` : null,
      notes: notesOf(groups, hasData),
    }),
  };
  const title = input.summary.groups.map((group) => groupShortTitle(group, input.events)).join(' and ');
  return { title, fileBase: studyFileNames(input.query).deck.replace(/\.pptx$/, ''), slides: SLIDES.flatMap((part) => part(context)) };
}

/** The headline: each group's day-0 abnormal returns, largest move first, as the answer words them. */
function headline(context: DeckContext): string {
  const parts = context.groups.flatMap(({ summary: group }) => {
    const moves = [...group.securities].filter((security) => security.dayZeroAr.value !== null).sort((a, b) => Math.abs(b.dayZeroAr.value ?? 0) - Math.abs(a.dayZeroAr.value ?? 0));
    if (moves.length === 0) return [];
    const where = group.kind === 'cluster' ? `the event cluster ${groupShortTitle(group, context.input.events).replace(/^Event cluster: /, '')}` : `the ${groupShortTitle(group, context.input.events)}`;
    // A figure never breaks from its sign or its percent sign.
    return [`${listInWords(moves.map((security) => `${security.name} ${security.dayZeroAr.valueWords.replace(/ /g, '\u00a0')}`))} on day 0 of ${where}`];
  });
  return parts.length > 0 ? parts.join('; ') : 'No security of the study could be computed';
}

/** The notices (overlap, contamination) that concern these groups, as one notice block. */
function noticeBlocks(context: DeckContext, groupIds: readonly string[]): DeckBlock[] {
  const notices = context.input.summary.notices.filter((notice) => notice.groupIds.some((id) => groupIds.includes(id)));
  return notices.length === 0 ? [] : [{ kind: 'text', tone: 'notice', paragraphs: notices.map((notice) => notice.text) }];
}

function answerSlides(context: DeckContext): DeckSlide[] {
  const slideOf = (groups: readonly SummaryGroup[], index: number): DeckSlide =>
    context.slide(groups, true, {
      id: index === 0 ? 'answer' : `answer-${index + 1}`,
      layout: index === 0 ? 'title' : 'stacked',
      ...(index === 0 ? { kicker: 'Event study · the answer' } : {}),
      heading: index === 0 ? headline(context) : 'The answer, continued',
      blocks: [
        ...noticeBlocks(
          context,
          groups.map((group) => group.id),
        ),
        ...groups.map((group): DeckBlock =>
          group.securities.length === 0
            ? { kind: 'text', paragraphs: [`${group.title}: no security could be computed.`, ...group.failures.map((failure) => `${failure.name}: ${failure.message}`)] }
            : { kind: 'table', table: answerTable(group, { caption: `${group.title} · ${groupWhen(group)}`, withGroup: true }) },
        ),
      ],
    });
  // As many groups on a slide as fit it (at most GROUPS_PER_ANSWER_SLIDE); the others continue on the next.
  const chunks: SummaryGroup[][] = [];
  for (const { summary } of context.groups) {
    const current = chunks.at(-1);
    const fits = current !== undefined && current.length < GROUPS_PER_ANSWER_SLIDE && slideFits(slideOf([...current, summary], chunks.length - 1));
    if (fits) current.push(summary);
    else chunks.push([summary]);
  }
  return chunks.map((groups, index) => slideOf(groups, index));
}

function eventSlides(context: DeckContext): DeckSlide[] {
  return context.groups.map(({ summary: group, analysis }) => {
    const heading = `${groupShortTitle(group, context.input.events)} · ${group.dayZero === null ? 'day 0 differs by security' : `day 0 ${formatDateWithWeekday(group.dayZero)}`}`;
    if (analysis.result.securities.length === 0) {
      return context.slide([group], true, { id: `event-${group.id}`, layout: 'stacked', heading, blocks: [{ kind: 'text', paragraphs: ['No security of this event could be computed.', ...group.failures.map((failure) => `${failure.name}: ${failure.message}`)] }] });
    }
    // The group's own window: an event cluster's runs from the earlier event's first day to the later's last.
    const days = chartDays(analysis.result.options.eventWindow);
    const units = context.input.composed.units.filter((unit) => unit.event.id === group.eventIds[0]);
    const colourOf = (symbol: string) => securityColour(Math.max(0, context.input.query.securities.indexOf(symbol)));
    return context.slide([group], true, {
      id: `event-${group.id}`,
      layout: 'charts-over-blocks',
      heading,
      // Charts in this list are drawn side by side above the other blocks.
      blocks: [
        { kind: 'chart', chart: withMarkers(priceChart({ id: `prices-${group.id}`, title: 'Prices rebased to 100 at day −1', units, series: context.input.prices.series, days, colourOf }), context, group) },
        { kind: 'chart', chart: withMarkers(abnormalReturnChart({ id: `ar-${group.id}`, title: 'Abnormal returns (bars) and CAR (lines)', securities: analysis.result.securities, names: context.names, days, colourOf }), context, group) },
        ...noticeBlocks(context, [group.id]),
        { kind: 'table', table: answerTable(group, { caption: 'Key numbers per security', withGroup: false }) },
      ],
    });
  });
}

function groupSlides(context: DeckContext): DeckSlide[] {
  const several = context.groups.length > 1;
  return context.groups.flatMap(({ summary: group, analysis }) => {
    if (!group.result) return [];
    const unfit = unfitTestLines(group);
    return [
      context.slide([group], true, {
        id: `group-${group.id}`,
        layout: 'chart-beside-blocks',
        heading: `Group result: ${group.choice.name}${several ? ` · ${groupShortTitle(group, context.input.events)}` : ''}`,
        blocks: [
          { kind: 'chart', chart: withMarkers(groupChart({ id: `group-${group.id}`, title: 'Average abnormal return (bars) and CAAR (line), 95 % band', result: analysis.result, days: chartDays(analysis.result.options.eventWindow) }), context, group) },
          ...noticeBlocks(context, [group.id]),
          { kind: 'table', table: groupResultTable(group) },
          { kind: 'text', paragraphs: [group.choice.why, `The band assumes the securities move independently; the ${group.choice.name}'s p-values do not.`] },
          ...(unfit.length > 0 ? [{ kind: 'text' as const, tone: 'muted' as const, paragraphs: ['Tests that do not fit this study (computed and exported, not used):', ...unfit] }] : []),
        ],
      }),
    ];
  });
}

function claimsSlides(context: DeckContext): DeckSlide[] {
  const { input } = context;
  // Claims about at least one security and one event of the study.
  const relevant = input.claims.filter((claim) => claim.securities.some((symbol) => input.query.securities.includes(symbol)) && claim.events.some((id) => input.query.eventIds.includes(id)));
  const findings = checkClaims(relevant, input.analysis.result, input.query.eventIds);
  return [
    context.slide(
      context.groups.map((group) => group.summary),
      true,
      { id: 'claims', layout: 'stacked', heading: 'What the article says, what the market did', blocks: [{ kind: 'table', table: claimsTable(findings, input.events, context.names) }] },
    ),
  ];
}

function methodsSlides(context: DeckContext): DeckSlide[] {
  const { input, options } = context;
  const tests = [...new Set(context.groups.map((group) => group.summary.choice.test))].map(portfolioTest);
  const facts = [
    { term: 'Model', detail: `${modelName(options.model, options.factors)}: ${MODEL_METHODS[options.model]}${options.factors?.length ? ', with the factors as further regressors' : ''}` },
    { term: 'Windows', detail: `${parameterText(options, input.query)} (trading days relative to day 0)` },
    { term: 'Day 0', detail: "the first session of each security's own exchange that could react to the event" },
    { term: 'Per security', detail: "t = CAR / √var(CAR), two-sided, Student's t with the estimation's degrees of freedom (MacKinlay 1997)" },
    {
      term: 'The group',
      detail: `${tests.map((test) => `${test.name} (${test.source})`).join('; ')}. The rules pick the first that fits of ${AUTOMATIC_PREFERENCE.map((key) => portfolioTest(key).name).join(', then ')}; securities sharing day 0, or fewer than ${SMALL_SAMPLE_N}, rule out the tests that assume independent securities or need many. ${portfolioTest(CROSS_CHECK).name} is shown beside as a cross-check.`,
    },
    {
      term: 'Events',
      detail: `overlapping events are ${input.query.overlap === 'cluster' ? 'merged into one event cluster (one window per security from the earlier window\u2019s first day to the later\u2019s last)' : 'each reported on its own, never pooled into one test'}; other events inside an estimation window are ${input.query.contamination === 'exclude' ? 'left out of it (their own event windows)' : 'kept in it, and said so'}`,
    },
    { term: 'Claim check', detail: CLAIM_RULE },
    { term: 'Sources', detail: context.source },
    { term: 'Made with', detail: `Kabuto ${input.appVersion}` },
  ];
  return [context.slide(context.groups.map((group) => group.summary), true, { id: 'methods', layout: 'stacked', heading: 'Methods and sources', blocks: [{ kind: 'facts', facts }] })];
}

function glossarySlides(context: DeckContext): DeckSlide[] {
  // Terms of what this study has only: a cluster when events overlap, volume when a source has it, factors when the model uses some.
  const present: Partial<Record<GlossaryTermId, boolean>> = {
    'event-cluster': context.input.summary.overlap.overlaps.length > 0,
    'abnormal-volume': context.groups.some(({ summary }) => summary.securities.some((security) => security.volume.kind === 'abnormal-volume')),
    'factor-model': (context.options.factors?.length ?? 0) > 0,
  };
  const facts = GLOSSARY.filter((entry) => !TERMS_NOT_ON_SLIDES.includes(entry.id) && present[entry.id] !== false).map((entry) => ({
    term: entry.short ? `${entry.term} (${entry.short})` : entry.term,
    detail: entry.definition,
  }));
  const pages = factPages(facts, STACKED_BODY_HEIGHT, 12);
  return pages.map((page, index) =>
    context.slide(
      context.groups.map((group) => group.summary),
      false,
      { id: index === 0 ? 'glossary' : `glossary-${index + 1}`, layout: 'stacked', heading: index === 0 ? 'Glossary' : 'Glossary, continued', blocks: [{ kind: 'facts', facts: page }] },
    ),
  );
}

// Lines at the day 0 of every event of the study inside the chart's days, on the calendar of the group's (first) event.
function withMarkers(chart: DeckChart, context: DeckContext, group: SummaryGroup): DeckChart {
  const { input } = context;
  const unit = input.composed.units.find((item) => item.event.id === group.eventIds[0]);
  if (!unit) return chart;
  const zero = unit.unit.dates.indexOf(unit.unit.dayZero);
  const markers = input.query.eventIds.flatMap((eventId) => {
    const date = input.composed.eventDays.find((day) => day.eventId === eventId && day.exchange === unit.exchange)?.date;
    const day = date === undefined ? -1 : unit.unit.dates.indexOf(date) - zero;
    const event = input.events.find((item) => item.id === eventId);
    return date !== undefined && event && chart.days.includes(day) ? [{ day, label: shortEventTitle(event.title) }] : [];
  });
  return { ...chart, markers };
}

function parameterText(options: ResolvedStudyOptions, query: StudyQuery): string {
  return [
    modelName(options.model, options.factors),
    `${query.returnKind} returns`,
    `estimation ${formatDayRange(options.estimationWindow)}`,
    options.gap ? `gap ${formatDayRange(options.gap)}` : 'no gap',
    `event window ${formatDayRange(options.eventWindow)}`,
    `CAR windows ${options.carWindows.map(formatDayRange).join(', ')}`,
    `at least ${options.minimumEstimationDays} estimation days`,
    `overlap=${query.overlap}`,
    `contamination=${query.contamination}`,
  ].join('; ');
}
