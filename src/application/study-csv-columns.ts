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
  days_in_window: ['Days with an AR from the first day of the event window to this day: the days car sums. Fewer than window_length when a return is missing (the CAR is then over fewer days than its window).', 'trading days'],
  window_length: ['Trading days from the first day of the event window to this day: the days car would sum with no return missing.', 'trading days'],
  lost_days: ["The security's days without a return (its own, its benchmark's, or a factor's) in its estimation and event windows: left out, never filled.", 'trading days'],
  price_source: [
    "Where the security's prices came from: live (Yahoo Finance, fetched for this request), cache (an earlier live fetch) or snapshot (the committed offline snapshot); with -stale when served because a live fetch failed; file when they were the user's own file, read by the command-line tool.",
    'text',
  ],
  benchmark_price_source: ["Where the benchmark's prices came from, as price_source.", 'text'],
  volume: ["Shares of the security traded that day, as its price source gives them (split-adjusted); empty when the source has none (indices, some sources).", 'shares'],
  log_volume: ['Log volume v = ln(1 + volume) (Campbell & Wasley 1996; the 1 keeps a day without trades defined).', 'natural log of shares'],
  abnormal_log_volume: ["Abnormal log volume AV = v − the mean of v over the security's estimation days with a volume (mean-adjusted, Campbell & Wasley 1996).", 'difference of natural logs'],
  abnormal_log_volume_t: ["t = AV / s, s the standard deviation (divisor Mv − 1) of v over the estimation days with a volume; Student t with Mv − 1 degrees of freedom.", 'statistic'],
  abnormal_log_volume_p_value: ['Two-sided p-value of abnormal_log_volume_t.', 'probability'],
  cumulative_abnormal_log_volume: ['Sum of the AVs from the first day of the event window to this day, over the L days with a volume (as car cumulates ARs).', 'difference of natural logs'],
  cumulative_abnormal_log_volume_t: ['t = cumulative AV / (s·√L); it assumes no autocorrelation of AV across days (daily volume is positively autocorrelated, so read it as descriptive).', 'statistic'],
  median_volume: ["Median volume of the security's estimation days with a volume (the same on every row of the security): its usual volume.", 'shares'],
  day_zero_volume_multiple: ["Day 0's volume divided by median_volume (\"IHI traded 9.0× its usual volume\"); empty without a day-0 volume.", 'ratio'],
  abnormal_log_volume_reason: ['Why the volume cells of the row are empty: no volume in the source (indices, some sources), too few estimation days with a volume, or no volume on that day. Empty when they are filled.', 'text'],
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
