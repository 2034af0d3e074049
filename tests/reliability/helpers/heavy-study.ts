/**
 * The heaviest valid study of issue 11's finding 2, as a query string for the study endpoints:
 * the 13 snapshot series of the README, the 4 catalogue events and 10 custom events (made-up
 * dates and titles, only to make the study large), estimation [-800, -201], event window
 * [-200, 60] and 10 CAR windows. Each answer is a CSV of several megabytes that takes the engine
 * about a second.
 */
const SECURITIES = ['7011.T', '7012.T', '7013.T', '6503.T', '6701.T', '7721.T', '^N225', 'TOPIX', 'LMT', 'RTX', 'NOC', 'GD', '^GSPC'];
const CATALOGUE_EVENTS = ['ldp-leadership-2024', 'japan-general-election-2024', 'us-election-2024', 'ishiba-trump-call-2024'];
const CUSTOM_DATES = ['2024-01-15', '2024-02-13', '2024-03-11', '2024-04-15', '2024-05-13', '2024-06-10', '2024-07-08', '2024-08-05', '2024-09-09', '2024-10-07'];
const CAR_WINDOWS = ['0:0', '0:1', '-1:1', '-5:5', '-10:10', '0:20', '-20:20', '0:60', '-50:0', '-200:60'];

/**
 * The query string (without `?`). `variant` > 0 moves the last CAR window's start, so each variant
 * is a distinct study of the same weight (identical queries would share one computation).
 * @example `/api/study.csv?${heavyStudyQuery()}`
 */
export function heavyStudyQuery(variant = 0): string {
  const custom = CUSTOM_DATES.map((date, index) => `custom=custom-${index + 1}~${date}~~Asia%2FTokyo~E${index + 1}`);
  const eventIds = [...CATALOGUE_EVENTS, ...CUSTOM_DATES.map((_, index) => `custom-${index + 1}`)];
  const carWindows = [...CAR_WINDOWS.slice(0, -1), `${-200 + variant}:60`];
  return [
    `events=${eventIds.join(',')}`,
    ...custom,
    `securities=${SECURITIES.map(encodeURIComponent).join(',')}`,
    'estimation=-800:-201',
    'window=-200:60',
    `car-windows=${carWindows.join(',')}`,
  ].join('&');
}
