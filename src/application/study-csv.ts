/**
 * The one CSV formatter for study results, used byte-for-byte the same by the command-line tool,
 * the server and the browser (pure TypeScript; papaparse does the RFC 4180 quoting).
 *
 * Conventions: a header row; "\r\n" after every row, the last one included (RFC 4180 line breaks);
 * numbers at full precision (String(number), which round-trips every double); an empty cell for a
 * missing value; ISO YYYY-MM-DD dates; UTF-8 without a byte-order mark when written to a file.
 * Text cells starting with =, +, -, @, tab or carriage return get a leading single quote so that
 * spreadsheets do not run them as formulas (OWASP "CSV injection"); numbers are never altered.
 */
import Papa from 'papaparse';
import { EventStudyError } from '../core/errors.ts';
import type { AbnormalVolume, AggregateTests, SecurityResult, StudyResult, TestResult, VolumeDay } from '../core/types.ts';
import { PORTFOLIO_TESTS } from '../domain/portfolio-tests.ts';
import type { PriceSeries } from '../domain/price-api.ts';

/** What the result itself does not carry. */
export interface CsvContext {
  /**
   * Event id written for securities whose result has no `eventId` of its own, and on every
   * aggregate row (where, without it, the securities' common event id is used, if they share one).
   */
  eventId?: string;
  /**
   * Where each symbol's prices came from, by symbol (see priceSourceLabel, or `file` for the
   * command-line tool's input file); a symbol without one gets empty price-source cells.
   */
  priceSources?: Readonly<Record<string, string>>;
}

type Cell = string | number | null;

const LINE_END = '\r\n';
// papaparse's own default pattern ends in `.*$`, which misses a payload followed by a line break.
const FORMULA_START = /^[=+\-@\t\r]/;

export const SECURITY_COLUMNS = [
  'event_id',
  'security',
  'benchmark',
  'day_zero',
  'date',
  'relative_day',
  'return',
  'market_return',
  'expected_return',
  'ar',
  'ar_variance',
  'sar',
  'car',
  'car_variance',
  'scar',
  'days_in_window',
  'window_length',
  'lost_days',
  'price_source',
  'benchmark_price_source',
  // Trading volume (Campbell & Wasley 1996), after the original columns so their positions stay.
  'volume',
  'log_volume',
  'abnormal_log_volume',
  'abnormal_log_volume_t',
  'abnormal_log_volume_p_value',
  'cumulative_abnormal_log_volume',
  'cumulative_abnormal_log_volume_t',
  'median_volume',
  'day_zero_volume_multiple',
  'abnormal_log_volume_reason',
] as const;

/**
 * The price-source cell of a series: `live`, `cache` or `snapshot`, with `-stale` when it was served
 * because a live fetch failed, so a CSV read without its manifest cannot pass stale prices off as fresh.
 * @throws never
 * @example priceSourceLabel({ source: 'cache', stale: true }) // 'cache-stale'
 */
export function priceSourceLabel(series: Pick<PriceSeries, 'source' | 'stale'>): string {
  return series.stale ? `${series.source}-stale` : series.source;
}

export const AGGREGATE_COLUMNS: readonly string[] = [
  'event_id',
  'row_type',
  'relative_day',
  'date',
  'from',
  'to',
  'n',
  'aar',
  'caar',
  ...PORTFOLIO_TESTS.flatMap(({ csvPrefix }) => [csvPrefix, `${csvPrefix}_p_value`, `${csvPrefix}_reason`]),
];

/**
 * Per-security event-window CSV: one row per security, event and event day, columns
 * {@link SECURITY_COLUMNS}; `car`, `car_variance` and `scar` cumulate from the start of the event
 * window, over `days_in_window` days with an AR of the `window_length` days since that start (fewer
 * when a return is missing: the CAR is then over fewer days than its window, and the row says so);
 * `lost_days` is the security's count of missing days in its estimation and event windows.
 * @throws {EventStudyError} INVALID_INPUT if a number in the result is NaN or infinite (the engine
 *   never produces one; writing it would put a value no spreadsheet reads back into the file).
 * @example studySecuritiesCsv(result, { eventId: 'us-election-2024' })
 *   // 'event_id,security,…,scar\r\nus-election-2024,7011.T,^N225,2024-11-06,2024-10-30,-5,…\r\n'
 */
export function studySecuritiesCsv(result: StudyResult, context: CsvContext = {}): string {
  const rows: Cell[][] = [];
  for (const security of result.securities) {
    const eventId = security.eventId ?? context.eventId ?? null;
    const volumes = volumeCells(security);
    const start = security.days[0]?.relativeDay ?? 0;
    let daysWithAr = 0;
    for (const [index, day] of security.days.entries()) {
      if (day.ar !== null) daysWithAr += 1;
      rows.push([
        eventId,
        security.symbol,
        security.benchmark,
        security.dayZero,
        day.date,
        day.relativeDay,
        day.return,
        day.marketReturn,
        day.expected,
        day.ar,
        day.arVariance,
        day.sar,
        day.car,
        day.carVariance,
        day.scar,
        daysWithAr,
        day.relativeDay - start + 1,
        security.lostDays,
        context.priceSources?.[security.symbol] ?? null,
        context.priceSources?.[security.benchmark] ?? null,
        ...(volumes[index] ?? NO_VOLUME_CELLS),
      ]);
    }
  }
  return toCsv(SECURITY_COLUMNS, rows);
}

/**
 * Portfolio CSV: AAR and CAAR with every test of the test registry (src/domain/portfolio-tests.ts), its statistic, its two-sided p-value and, when it cannot
 * be computed, the reason, columns {@link AGGREGATE_COLUMNS}. `row_type` "daily" rows hold one event
 * day (`relative_day`, `date`, `aar`; `caar` cumulates from the start of the event window; tests on
 * that day's abnormal returns); "window" rows hold one CAR window (`from`, `to`, `caar`; tests on
 * the cumulative abnormal returns over it).
 * @throws {EventStudyError} INVALID_INPUT if a number in the result is NaN or infinite.
 * @example studyAggregateCsv(result, { eventId: 'us-election-2024' })
 *   // 'event_id,row_type,relative_day,date,from,to,n,aar,caar,…\r\nus-election-2024,daily,-5,…'
 */
export function studyAggregateCsv(result: StudyResult, context: CsvContext = {}): string {
  return toCsv(AGGREGATE_COLUMNS, aggregateRows(result, context.eventId ?? commonEventId(result)));
}

/** A result whose aggregate is written under one event id (null: pooled across events). */
export interface AggregateSection {
  eventId: string | null;
  result: StudyResult;
}

/**
 * Portfolio CSV of several sections one after the other, columns {@link AGGREGATE_COLUMNS}: each
 * event or event cluster under its own id, and a pooled section (empty event id) only when pooling
 * is a valid test (study-analysis.ts).
 * @throws {EventStudyError} INVALID_INPUT if a number in a result is NaN or infinite.
 * @example studyAggregateSectionsCsv([{ eventId: 'us-election-2024', result }]) === studyAggregateCsv(result, { eventId: 'us-election-2024' }) // true
 */
export function studyAggregateSectionsCsv(sections: readonly AggregateSection[]): string {
  return toCsv(
    AGGREGATE_COLUMNS,
    sections.flatMap((section) => aggregateRows(section.result, section.eventId)),
  );
}

/**
 * Per-security CSV of several results one after the other (the per-event units, then an event
 * cluster's units under the cluster's id), columns {@link SECURITY_COLUMNS}.
 * @throws {EventStudyError} INVALID_INPUT if a number in a result is NaN or infinite.
 */
export function studySecuritySectionsCsv(results: readonly StudyResult[], context: CsvContext = {}): string {
  return studySecuritiesCsv({ ...(results[0] as StudyResult), securities: results.flatMap((result) => result.securities) }, context);
}

/**
 * The volume cells of each event day of a security (in the order of its days), and the cells of a
 * day without them. A series without volume gets empty cells and the reason, never zeros. The
 * cumulative abnormal log volume runs from the first day of the event window, as the CAR does, over
 * the days with a volume (L of them); its t is CAV / (s·√L) with s the estimation window's standard
 * deviation of log volume, the engine's window t (src/core/abnormal-volume.ts) for the window
 * [first day, this day].
 */
function volumeCells(security: SecurityResult): Cell[][] {
  const volume: AbnormalVolume | undefined = security.volume;
  if (volume === undefined || volume.kind !== 'abnormal-volume') {
    const reason = volume?.reason ?? `${security.symbol}: its prices carry no volume.`;
    return security.days.map(() => [null, null, null, null, null, null, null, null, null, reason]);
  }
  const byDay = new Map(volume.days.map((day) => [day.relativeDay, day]));
  let cumulative = 0;
  let count = 0;
  const cells = security.days.map((day): Cell[] => {
    const entry: VolumeDay | undefined = byDay.get(day.relativeDay);
    if (entry?.abnormal !== null && entry?.abnormal !== undefined) {
      cumulative += entry.abnormal;
      count += 1;
    }
    const scale = volume.standardDeviation * Math.sqrt(count);
    const running = count > 0 ? cumulative : null;
    return [
      entry?.volume ?? null,
      entry?.volume === null || entry?.volume === undefined ? null : Math.log1p(entry.volume),
      entry?.abnormal ?? null,
      entry?.t.statistic ?? null,
      entry?.t.pValue ?? null,
      running,
      running !== null && scale > 0 ? running / scale : null,
      volume.medianVolume,
      volume.dayZeroMultiple,
      entry === undefined ? 'no volume on this day' : (entry.t.reason ?? null),
    ];
  });
  return cells;
}

const NO_VOLUME_CELLS: readonly Cell[] = [null, null, null, null, null, null, null, null, null, 'no volume on this day'];

function aggregateRows(result: StudyResult, eventId: string | null): Cell[][] {
  const daily = result.aggregate.days.map((day): Cell[] => [
    eventId,
    'daily',
    day.relativeDay,
    day.date,
    null,
    null,
    day.n,
    day.aar,
    day.caar,
    ...testCells(day.tests),
  ]);
  const windows = result.aggregate.windows.map((window): Cell[] => [
    eventId,
    'window',
    null,
    null,
    window.from,
    window.to,
    window.n,
    null,
    window.caar,
    ...testCells(window.tests),
  ]);
  return [...daily, ...windows];
}

function commonEventId(result: StudyResult): string | null {
  const ids = new Set(result.securities.map((security) => security.eventId));
  const [only] = ids;
  return ids.size === 1 && only !== undefined ? only : null;
}

function testCells(tests: AggregateTests): Cell[] {
  return PORTFOLIO_TESTS.flatMap(({ key }) => resultCells(tests[key]));
}

function resultCells(test: TestResult): Cell[] {
  return test.statistic === null ? [null, null, test.reason] : [test.statistic, test.pValue, null];
}

function toCsv(columns: readonly string[], rows: readonly Cell[][]): string {
  rows.forEach(checkFinite);
  // The header goes in as the first data row: papaparse ends a header-only table with a line break
  // but a table with rows without one, and the output must end the same way in both cases.
  const table: Cell[][] = [[...columns], ...rows.map((row) => [...row])];
  return Papa.unparse(table, { newline: LINE_END, escapeFormulae: FORMULA_START }) + LINE_END;
}

function checkFinite(row: readonly Cell[]): void {
  for (const cell of row) {
    if (typeof cell === 'number' && !Number.isFinite(cell)) {
      throw new EventStudyError('INVALID_INPUT', `The study result holds a non-finite number (${cell}); no CSV was written`);
    }
  }
}
