/**
 * The companion JSON manifest of the study CSV files: everything needed to reproduce and explain
 * them (parameters, events and day 0 per security, where every price series came from, the app
 * version, when it was generated, what each column means and the conventions of the maths) and the
 * query that rebuilds them. Built by the same code in the page and on the server.
 */
import type { ResolvedStudyOptions, SecurityResult } from '../core/types.ts';
import type { FactorUse } from './study-factors.ts';
import type { ComposedStudy } from './compose-study.ts';
import type { StudyAnalysis } from './study-analysis.ts';
import { buildStudySummary, summaryInputOf } from './study-summary.ts';
import type { PriceSeries, PricesResponse, SeriesProvenance } from '../domain/price-api.ts';
import { seriesProvenanceSchema } from '../domain/provenance.ts';
import { portfolioColumnDefinitions, securityColumnDefinitions } from './study-csv-columns.ts';
import type { StudyEvent } from '../domain/study-event.ts';
import { studyQueryString, type StudyQuery } from './study-query.ts';

export const MANIFEST_FORMAT = 'kabuto-study-manifest';
export const MANIFEST_FORMAT_VERSION = 1;

/**
 * The conventions behind the numbers, in the words of src/core's JSDoc: the one source of this
 * text, which every manifest lists and README.md's "Conventions in the maths" repeats word for word
 * (tests/unit/application/study-conventions.test.ts holds the two equal).
 */
export const STUDY_CONVENTIONS: readonly string[] = [
  'Returns from adjusted closes: simple P_t/P_{t-1} − 1 (default) or log ln(P_t/P_{t-1}); a missing price leaves that day and the next without a return (never filled).',
  "Security and benchmark are aligned on the benchmark's trading days; relative days count those days.",
  "Day 0: the first session of the security's exchange that closes strictly after the event; an event without a time counts as during that day's session.",
  'Market model by OLS over the estimation window with s² = SSE/(M − 2); mean-adjusted and market-adjusted models with s² over M − 1 (MacKinlay 1997). M counts estimation days with both returns.',
  'var(AR) includes the estimation error (forecast-error correction); var(CAR) is the exact γ\'Vγ (MacKinlay 1997, eq. 10–12).',
  'CAR cumulates from the first day of the event window; daily CAAR = Σ AAR from the start of the event window; a window CAAR is the mean CAR over that window.',
  'Patell Z and J2 give a standardised AR the variance d/(d − 2) of a Student t with the d degrees of freedom of s²: (M − 2)/(M − 4) for the market model, (M − 1)/(M − 3) for the mean-adjusted and market-adjusted models.',
  'Kolari–Pynnönen adjusts BMP by the mean estimation-residual correlation; Wilcoxon p-values are exact below 50 non-zero values.',
  "Brown–Warner 1985 t: the AAR (a window: the sum of its days' AARs over √L) divided by the standard deviation (M − 1 divisor) of the estimation window's AARs, each day averaging the securities with a residual that day, units aligned in event time; t with M − 1 degrees of freedom.",
  "Portfolio time-series t: the study's model fitted to the equally weighted portfolio (each relative day averages the securities with a return, each with its own benchmark), its AR or CAR over the forecast-error-corrected standard deviation (exact γ'Vγ); t with the degrees of freedom of its s² (M − 2 for the market model, M − 1 for the others).",
  'A security whose abnormal returns do not vary in the estimation window (e.g. the benchmark itself) has no SARs: its ARs and CARs are reported, it counts in the tests on ARs and is left out of Patell, BMP, Kolari–Pynnönen and J2.',
  "Test choice (the answer and the chart's stars, src/domain/test-choice.ts): a test fits unless two or more securities share a calendar day 0 and it assumes independent securities, or the study has fewer securities than it needs (6 for the cross-sectional tests: the exact sign and Wilcoxon tests' smallest two-sided p-value with N securities is 2·0.5^N, above 0.05 for N ≤ 5); automatically the BMP t when it fits, else the portfolio time-series t, with the Brown–Warner 1985 t as cross-check. Every test is computed and exported.",
  "Overlapping events (event windows sharing trading days for a security) are each tested on their own unless merged into an event cluster: per security one unit on the earlier event's day 0 and calendar, its event window stretched to the later event's last day, estimated before the earlier event.",
  "Another event's day 0 inside a unit's estimation window is reported; with contamination=exclude that event's own window (the study's event window around its day 0) is left out of the estimation sample like a missing day, and counted in excludedDays, not lostDays.",
  'Market model + factors (a file of the user\'s): OLS on k = 1 + q regressors over the estimation window with s² = SSE/(M − k − 1), var(AR) = s²(1 + x_t\'(X\'X)⁻¹x_t), the exact γ\'Vγ for CARs, t with M − k − 1 degrees of freedom; a day the file lacks is a lost day (never filled).',
  'A security with fewer usable estimation days than the minimum (30 unless set; never below what the model\'s s² needs: k + 2 days for k regressors, 2 for the adjusted models) fails alone, with the reason.',
  'Abnormal volume (Campbell & Wasley 1996, mean-adjusted log volume): v = ln(1 + volume), AV = v − the mean of v over the estimation days with a volume (Mv), t = AV / s with s its standard deviation (divisor Mv − 1) and Mv − 1 degrees of freedom; a window sums AV over its days with a volume, t = CAV / (s·√L); day 0\'s volume is also given as a multiple of the estimation window\'s median volume. A series without volume says so; it is never zero.',
  'p-values are two-sided. Numbers are written at full double precision (shortest text that reads back to the same double); an empty cell is a value that does not exist.',
];

export interface StudyFileNames {
  securities: string;
  portfolio: string;
  manifest: string;
  /** The PowerPoint deck of the study. */
  deck: string;
}

export interface ManifestInput {
  appVersion: string;
  /** When the files were made (the caller reads the clock). */
  generatedAt: Date;
  query: StudyQuery;
  /** Every event the query knows (catalogue and custom), for the titles and timing of those studied. */
  events: readonly StudyEvent[];
  prices: PricesResponse;
  composed: ComposedStudy;
  /** The engine's run: every unit, and each event or event cluster on its own. */
  analysis: StudyAnalysis;
  fileNames: StudyFileNames;
  /** The factors added to the market model from the user's file, with the days its windows lack; none by default. */
  factors?: FactorUse | null;
}

/**
 * The manifest of a computed study.
 * @throws never
 * @example buildStudyManifest({ appVersion: '0.1.0', generatedAt: new Date(0), … }).generatedAt // '1970-01-01T00:00:00.000Z'
 */
export function buildStudyManifest(input: ManifestInput) {
  const query = studyQueryString(input.query);
  const { analysis } = input;
  return {
    format: MANIFEST_FORMAT,
    formatVersion: MANIFEST_FORMAT_VERSION,
    appVersion: input.appVersion,
    generatedAt: input.generatedAt.toISOString(),
    reproduce: reproduceSection(query, input.query),
    study: studySection(analysis.result.options, input.query, input.factors ?? null),
    // The answer as the page's panel and slide 1 state it, with the test the rules pick.
    summary: buildStudySummary(summaryInputOf({ analysis, events: input.events, composed: input.composed, prices: input.prices, factors: input.factors ?? null })),
    groups: groupsSection(analysis),
    events: eventsSection(input),
    securities: securitiesSection(input),
    failures: analysis.result.failures.map((failure) => ({ eventId: failure.eventId ?? null, symbol: failure.symbol, code: failure.error.code, message: failure.error.message })),
    prices: pricesSection(input.prices),
    files: {
      securities: { name: input.fileNames.securities, columns: securityColumnDefinitions() },
      portfolio: { name: input.fileNames.portfolio, columns: portfolioColumnDefinitions() },
      manifest: { name: input.fileNames.manifest },
    },
    conventions: [...STUDY_CONVENTIONS],
  };
}

/** The manifest's shape, as README documents it. */
export type StudyManifest = ReturnType<typeof buildStudyManifest>;

/**
 * The manifest as the file holds it: two-space indented JSON ending in a line break.
 * @throws never
 * @example studyManifestJson(manifest).endsWith('}\n') // true
 */
export function studyManifestJson(manifest: StudyManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

// The server cannot read a user's factor file, so a study with factors is reproduced in a browser
// that has the file (or by the command-line tool), not by the server's routes.
function reproduceSection(query: string, study: StudyQuery) {
  const page = `/?${query}`;
  if (study.factors !== null) {
    return { query, page, securitiesCsv: null, portfolioCsv: null, manifest: null, note: 'The server cannot compute a study with factors from a user\'s file: open the page link in a browser that holds the file, or use the command-line tool.' };
  }
  return { query, page, securitiesCsv: `/api/study.csv?${query}`, portfolioCsv: `/api/study-portfolio.csv?${query}`, manifest: `/api/study-manifest.json?${query}`, note: null };
}

function studySection(options: ResolvedStudyOptions, query: StudyQuery, factors: FactorUse | null) {
  return {
    model: options.model,
    // The factors added to the market model: their names, the file's name, SHA-256 and dates, and
    // the days of the study's windows the file lacks.
    factors,
    returnKind: query.returnKind,
    estimationWindow: options.estimationWindow,
    gap: options.gap,
    eventWindow: options.eventWindow,
    carWindows: options.carWindows,
    minimumEstimationDays: options.minimumEstimationDays,
    strictEstimation: options.strictEstimation,
    // The choices of the guardrails: overlapping events separate or merged into a cluster; other
    // events' windows kept in or left out of the estimation.
    overlap: query.overlap,
    contamination: query.contamination,
  };
}

// What the portfolio file's event ids are: each event or event cluster tested on its own, and
// whether its pooled rows (empty event id) are there.
function groupsSection(analysis: StudyAnalysis) {
  return {
    tested: analysis.groups.map((group) => ({
      id: group.id,
      kind: group.kind,
      eventIds: group.eventIds,
      eventWindow: group.result.options.eventWindow,
      carWindows: group.result.options.carWindows,
      securities: group.result.securities.length,
    })),
    pooled: analysis.pooled,
  };
}

function eventsSection(input: ManifestInput) {
  return input.events
    .filter((event) => input.query.eventIds.includes(event.id))
    .map((event) => ({
      id: event.id,
      title: event.title,
      date: event.date,
      // null: no time is known, so the event counts as during that day's session.
      time: event.time ?? null,
      timeZone: event.timeZone,
      custom: event.custom,
      dayZero: Object.fromEntries(input.composed.eventDays.filter((day) => day.eventId === event.id).map((day) => [day.exchange, day.date])),
    }));
}

function securitiesSection(input: ManifestInput) {
  const clustered = input.analysis.groups.filter((group) => group.kind === 'cluster').flatMap((group) => group.result.securities);
  return [...input.analysis.result.securities, ...clustered].map((security) => {
    // An event cluster's unit is its earliest event's unit under the cluster's id.
    const unit = input.composed.units.find((item) => item.unit.id === security.id) ?? input.composed.units.find((item) => item.symbol === security.symbol);
    return {
      eventId: security.eventId ?? null,
      symbol: security.symbol,
      name: unit?.name ?? null,
      exchange: unit?.exchange ?? null,
      benchmark: security.benchmark,
      benchmarkName: unit?.benchmarkName ?? null,
      dayZero: security.dayZero,
      estimationDays: security.fit.estimationDays,
      lostDays: security.lostDays,
      // Estimation days left out because another event's window covers them (contamination=exclude).
      excludedDays: security.excludedDays,
      volume: volumeSection(security),
    };
  });
}

// The security's abnormal volume in numbers (its days are in the per-security CSV): the estimation
// sample, the usual volume, day 0's multiple and each CAR window's CAV; or why there is none.
function volumeSection(security: SecurityResult) {
  const volume = security.volume;
  if (volume === undefined) return { status: 'no-volume' as const, reason: `${security.symbol}: its prices carry no volume.` };
  if (volume.kind !== 'abnormal-volume') return { status: volume.kind, reason: volume.reason };
  return {
    status: volume.kind,
    estimationDays: volume.estimationDays,
    degreesOfFreedom: volume.degreesOfFreedom,
    meanLogVolume: volume.meanLogVolume,
    standardDeviation: volume.standardDeviation,
    medianVolume: volume.medianVolume,
    dayZeroVolume: volume.days.find((day) => day.relativeDay === 0)?.volume ?? null,
    dayZeroMultiple: volume.dayZeroMultiple,
    lostDays: volume.lostDays,
    windows: volume.windows.map((window) => ({
      from: window.from,
      to: window.to,
      days: window.days,
      cumulative: window.cumulative,
      t: window.t.statistic,
      pValue: window.t.pValue,
      reason: window.t.reason ?? null,
    })),
  };
}

function pricesSection(prices: PricesResponse) {
  return {
    mode: prices.mode,
    from: prices.from,
    to: prices.to,
    warnings: [...prices.warnings],
    failures: prices.failures.map((failure) => ({ ...failure })),
    series: [...prices.series].sort((left, right) => compareText(left.symbol, right.symbol)).map(seriesSource),
  };
}

function seriesSource(series: PriceSeries): {
  symbol: string;
  name: string;
  exchange: string;
  currency: string;
  timeZone: string;
  source: PriceSeries['source'];
  stale: boolean;
  fetchedAt: string;
  firstDate: string | null;
  lastDate: string | null;
  rows: number;
  provenance: SeriesProvenance;
} {
  return {
    symbol: series.symbol,
    name: series.name,
    exchange: series.exchange,
    currency: series.currency,
    timeZone: series.exchangeTimezoneName,
    source: series.source,
    stale: series.stale,
    fetchedAt: series.fetchedAt,
    firstDate: series.bars[0]?.date ?? null,
    lastDate: series.bars.at(-1)?.date ?? null,
    rows: series.bars.length,
    provenance: provenanceOf(series.provenance),
  };
}

// The documented fields only, in the schema's order: the page reads prices through the same schema,
// which drops any other, and its manifest must read like the server's.
function provenanceOf(provenance: SeriesProvenance): SeriesProvenance {
  return seriesProvenanceSchema.parse(provenance);
}

// Code-point order, so the page and the server sort alike whatever their locale.
function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
