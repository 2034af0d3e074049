/**
 * What each column of the two study CSV files means, with its unit, in the column order of
 * src/application/study-csv.ts; the test columns' meanings come from the test registry. The
 * manifest carries these definitions next to the files, so a reader of a CSV alone on a disk can
 * still tell what every number is.
 */
import { PORTFOLIO_TESTS } from '../domain/portfolio-tests.ts';
import { AGGREGATE_COLUMNS, SECURITY_COLUMNS } from './study-csv.ts';

export interface ColumnDefinition {
  name: string;
  meaning: string;
  /** "text", "date YYYY-MM-DD", "trading days", "fraction (0.01 = 1%)", … */
  unit: string;
}

const FRACTION = 'fraction (0.01 = 1%)';
const SQUARED_FRACTION = 'squared fraction';
const STANDARD_UNITS = 'standard deviations (unitless)';

const SECURITY_MEANINGS: Record<(typeof SECURITY_COLUMNS)[number], [string, string]> = {
  event_id: ['Id of the event: a data/events.json id, custom-N for an event added in the page, or an event cluster\'s ids joined by "+".', 'text'],
  security: ['Yahoo symbol of the security.', 'text'],
  benchmark: ['Yahoo symbol of the market index the security is measured against.', 'text'],
  day_zero: ["Day 0: the first session of the security's exchange that closes after the event.", 'date YYYY-MM-DD'],
  date: ["Trading date of the row, in the exchange's own time zone.", 'date YYYY-MM-DD'],
  relative_day: ['Trading days from day 0 on the benchmark calendar (negative before the event).', 'trading days'],
  return: ['Return of the security from the previous trading day (simple or log, see the manifest); empty when a price is missing.', FRACTION],
  market_return: ['Return of the benchmark from the previous trading day.', FRACTION],
  expected_return: ['Normal (expected) return of the model: α̂ + β̂·market return, the market return, or the estimation-window mean.', FRACTION],
  ar: ['Abnormal return: return − expected_return.', FRACTION],
  ar_variance: ['Variance of the AR with the forecast-error correction, σ̂²(1 + 1/M + (Rm − R̄m)²/Σ(Rm − R̄m)²) for the market model.', SQUARED_FRACTION],
  sar: ['Standardised abnormal return: ar / √ar_variance.', STANDARD_UNITS],
  car: ['Cumulative abnormal return: sum of the ARs from the first day of the event window to this day.', FRACTION],
  car_variance: ["Exact variance of the CAR, γ'Vγ (MacKinlay 1997, eq. 10–12).", SQUARED_FRACTION],
  scar: ['Standardised CAR: car / √car_variance.', STANDARD_UNITS],
  price_source: [
    "Where the security's prices came from: live (Yahoo Finance, fetched for this request), cache (an earlier live fetch) or snapshot (the committed offline snapshot); with -stale when served because a live fetch failed. Empty when the prices were the user's own file (the command-line tool).",
    'text',
  ],
  benchmark_price_source: ["Where the benchmark's prices came from, as price_source.", 'text'],
};

const AGGREGATE_MEANINGS: Record<string, [string, string]> = {
  event_id: [
    'Id of the event the rows test (an event cluster: its events\' ids joined by "+"); each event or cluster is tested on its own. Empty on rows that pool several events, written only when their windows do not overlap.',
    'text',
  ],
  row_type: ['"daily": one event day; "window": one CAR window.', 'text'],
  relative_day: ['Daily rows: trading days from day 0.', 'trading days'],
  date: ['Daily rows: the date of that relative day when every security shares it, else empty.', 'date YYYY-MM-DD'],
  from: ['Window rows: first day of the CAR window.', 'trading days'],
  to: ['Window rows: last day of the CAR window.', 'trading days'],
  n: ['Securities with an AR on that day (daily) or a CAR over that window (window).', 'count'],
  aar: ['Daily rows: average abnormal return across securities.', FRACTION],
  caar: ['Daily rows: sum of the AARs from the start of the event window; window rows: the mean CAR over the window.', FRACTION],
  ...Object.fromEntries(
    PORTFOLIO_TESTS.flatMap(({ csvPrefix, description }) => [
      [csvPrefix, [`${description}: the statistic.`, 'statistic']],
      [`${csvPrefix}_p_value`, [`${description}: two-sided p-value.`, 'probability']],
      [`${csvPrefix}_reason`, [`${description}: why it could not be computed (statistic and p-value then empty).`, 'text']],
    ]),
  ),
};

/**
 * The columns of the per-security CSV (studySecuritiesCsv), in file order.
 * @throws never
 * @example securityColumnDefinitions()[9] // { name: 'ar', meaning: 'Abnormal return: …', unit: 'fraction (0.01 = 1%)' }
 */
export function securityColumnDefinitions(): ColumnDefinition[] {
  return SECURITY_COLUMNS.map((name) => definition(name, SECURITY_MEANINGS[name]));
}

/**
 * The columns of the portfolio CSV (studyAggregateCsv), in file order.
 * @throws never
 * @example portfolioColumnDefinitions()[1].name // 'row_type'
 */
export function portfolioColumnDefinitions(): ColumnDefinition[] {
  return AGGREGATE_COLUMNS.map((name) => definition(name, AGGREGATE_MEANINGS[name]));
}

function definition(name: string, entry: [string, string] | undefined): ColumnDefinition {
  const [meaning, unit] = entry ?? ['(undocumented column)', 'text'];
  return { name, meaning, unit };
}
