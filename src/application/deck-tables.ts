/**
 * The tables of a deck, numbers as text: each event's key numbers per security, the group result
 * per event under the named test, and the article's claims beside the measured moves and verdicts.
 * A number and its stars are joined by a no-break space, so "+16.25% ***" never wraps.
 */
import type { DayRange, StudyResult } from '../core/types.ts';
import { CLAIM_RULE, type TestedMove } from '../domain/claim-check.ts';
import { portfolioTest, type PortfolioTestKey } from '../domain/portfolio-tests.ts';
import type { StudyEvent } from '../domain/study-event.ts';
import type { ClaimFinding } from './claim-findings.ts';
import type { DeckTable, EventStudy } from './deck-types.ts';
import { formatDayRange, formatPercent, formatPValue, MISSING, shortTitle } from './display-format.ts';
import { SIGNIFICANCE_LEGEND, significanceStars } from './significance.ts';
import { DAY_ZERO, DAYS_ZERO_TO_ONE, portfolioMove, securityMove } from './tested-moves.ts';

const NO_BREAK = '\u00a0';

/**
 * A tested move as two cells: the value with its stars, and its p-value (or a dash when untested).
 * @example moveCells({ value: 0.1625, pValue: 0.00001, untested: null }) // ['+16.25%\u00a0***', '<0.001']
 */
export function moveCells(move: TestedMove): [string, string] {
  const stars = significanceStars(move.pValue);
  return [`${formatPercent(move.value)}${stars ? `${NO_BREAK}${stars}` : ''}`, move.pValue === null ? MISSING : formatPValue(move.pValue)];
}

/**
 * A tested move in a sentence: "+16.25% (p < 0.001)", unbreakable: no-break spaces, and a minus
 * sign (U+2212), which a line never breaks after as it may after a hyphen.
 * @example movePair({ value: -0.0227, pValue: 0.2994, untested: null }) // '\u22122.27%\u00a0(p\u00a0=\u00a00.299)'
 */
export function movePair(move: TestedMove): string {
  const value = formatPercent(move.value).replace(/^-/, '\u2212');
  if (move.pValue === null) return value;
  const p = formatPValue(move.pValue);
  return [value, `(p${NO_BREAK}${p.startsWith('<') ? `<${NO_BREAK}${p.slice(1)}` : `=${NO_BREAK}${p}`})`].join(NO_BREAK);
}

/** Text columns whose longest cell is at most this many characters stay on one line. */
const SHORT_TEXT = 18;

/**
 * Marks the columns that may wrap: text columns with a cell longer than a short name or title.
 * @example withWrapping([{ label: 'Quote', numeric: false }], [['A long sentence of the article, quoted in full.']])[0].wraps // true
 */
export function withWrapping(columns: readonly { label: string; numeric: boolean }[], rows: readonly string[][]): DeckTable['columns'] {
  return columns.map((column, index) => ({ ...column, wraps: !column.numeric && rows.some((cells) => (cells[index]?.length ?? 0) > SHORT_TEXT) }));
}

const untestedNotes = (moves: readonly TestedMove[]) => [...new Set(moves.flatMap((move) => (move.untested ? [`${MISSING}: ${move.untested}.`] : [])))];

/**
 * One event's key numbers: each security's day-0 AR, CAR [0, +1] and CAR over the event window, each
 * with the p-value of its t-test (MacKinlay 1997), in the user's order; failures named in the notes.
 * @throws never
 */
export function eventTable(result: StudyResult, names: ReadonlyMap<string, string>, eventWindow: DayRange, order: readonly string[]): DeckTable {
  const securities = [...result.securities].sort((a, b) => order.indexOf(a.symbol) - order.indexOf(b.symbol));
  const windows = [DAY_ZERO, DAYS_ZERO_TO_ONE, eventWindow];
  const moves = securities.map((security) => windows.map((window) => securityMove(security, window)));
  const rows = securities.map((security, index) => [`${names.get(security.symbol) ?? security.symbol} (${security.symbol})`, ...(moves[index] ?? []).flatMap(moveCells)]);
  const columns = [
      { label: 'Security', numeric: false },
      ...windows.flatMap((window, index) => [
        { label: index === 0 ? 'AR day 0' : `CAR ${formatDayRange(window)}`, numeric: true },
        { label: 'p', numeric: true },
      ]),
    ];
  return {
    caption: 'Key numbers per security',
    columns: withWrapping(columns, rows),
    rows: rows.map((cells) => ({ cells })),
    notes: [
      `t = CAR / sqrt(var CAR), two-sided p from Student's t (MacKinlay 1997). ${SIGNIFICANCE_LEGEND}.`,
      ...untestedNotes(moves.flat()),
      ...result.failures.map((failure) => `Not computed: ${failure.error.message}`),
    ],
  };
}

/**
 * The group result of each event on its own: N, the day-0 AAR, CAAR [0, +1] and CAAR over the event
 * window with the p-values of the named test.
 * @throws never
 */
export function groupTable(events: readonly EventStudy[], test: PortfolioTestKey, eventWindow: DayRange): DeckTable {
  const named = portfolioTest(test);
  const windows = [DAY_ZERO, DAYS_ZERO_TO_ONE, eventWindow];
  const moves = events.map((study) => (study.result.securities.length === 0 ? [] : windows.map((window) => portfolioMove(study.result, window, test))));
  const rows = events.map((study, index) => [shortTitle(study.event.title), String(study.result.securities.length), ...(moves[index] ?? []).flatMap(moveCells)]);
  const columns = [
      { label: 'Event', numeric: false },
      { label: 'N', numeric: true },
      ...windows.flatMap((window, index) => [
        { label: index === 0 ? 'AAR day 0' : `CAAR ${formatDayRange(window)}`, numeric: true },
        { label: 'p', numeric: true },
      ]),
    ];
  return {
    caption: `Equally weighted group of the securities, per event, tested with the ${named.name}`,
    columns: withWrapping(columns, rows),
    rows: rows.map((cells) => ({ cells })),
    notes: [
      `${named.name} (${named.source}): ${named.description}. ${named.pValue} ${named.assumes.independence} ${named.assumes.clustering}`,
      `${SIGNIFICANCE_LEGEND}. Each event is tested on its own; events are never pooled.`,
      ...untestedNotes(moves.flat()),
    ],
  };
}

/**
 * The article's claims beside the market's moves: for each claim and event, each security's day-0
 * AR and CAR [0, +1] with p-values, and the verdict of the claim-check rule. The quote, event and
 * verdict stand on the first row of their group.
 * @throws never
 */
export function claimsTable(findings: readonly ClaimFinding[], events: readonly StudyEvent[], names: ReadonlyMap<string, string>): DeckTable {
  const title = (id: string) => shortTitle(events.find((event) => event.id === id)?.title ?? id);
  const rows: DeckTable['rows'] = [];
  for (const { claim, events: checked } of findings) {
    checked.forEach((finding, eventIndex) => {
      const quote = eventIndex === 0 ? `“${claim.quote}”` : '';
      if (!finding.inStudy) {
        rows.push({ cells: [quote, title(finding.eventId), '', '', '', '', '', 'not in this study'] });
        return;
      }
      const verdict = finding.outcome.verdict ?? `no verdict: ${finding.outcome.reason}`;
      finding.measurements.forEach((measurement, index) => {
        const first = index === 0;
        rows.push({
          cells: [first ? quote : '', first ? title(finding.eventId) : '', names.get(measurement.symbol) ?? measurement.symbol, ...moveCells(measurement.dayZeroAr), ...moveCells(measurement.carZeroToOne), first ? verdict : ''],
        });
      });
    });
  }
  const significant = findings.some((finding) => finding.claim.saysSignificant);
  return {
    caption: 'Each market claim of the article, checked against this study',
    columns: withWrapping(
      [
        { label: 'The article says', numeric: false },
        { label: 'Event', numeric: false },
        { label: 'Security', numeric: false },
        { label: 'AR day 0', numeric: true },
        { label: 'p', numeric: true },
        { label: 'CAR [0, +1]', numeric: true },
        { label: 'p', numeric: true },
        { label: 'Verdict', numeric: false },
      ],
      rows.map((row) => row.cells),
    ),
    rows,
    notes: [
      ...(findings.length > 0 ? [] : ['No claim of the article concerns the securities and events of this study.']),
      `Verdict rule: ${CLAIM_RULE}`,
      ...(significant ? ["The article's “significant” is an everyday word, not a test; here it is read at the same 5% level as every claim."] : []),
      SIGNIFICANCE_LEGEND,
    ],
  };
}


const WRAPPING_SHARE = 45;
/** Inches of padding on each side of a table cell. */
export const TABLE_CELL_MARGIN = 0.05;
/** Arial's advance: digits 0.556 em, lower-case text about 0.47 em on average (measured on the rendered slides). */
const charWidth = (fontSize: number, numeric = false) => ((numeric ? 0.56 : 0.47) * fontSize) / 72;
const lineHeight = (fontSize: number) => (1.2 * fontSize) / 72;

/**
 * Column widths in inches for a table `width` inches wide at `fontSize` points, the same on the
 * page and in PowerPoint: every column that does not wrap gets the width of its longest text, so
 * numbers, names and titles stay on one line; the wrapping columns (quotes) share the rest in
 * proportion to their longest text.
 * @example tableColumnWidths(table, 12.4, 12).reduce((sum, width) => sum + width, 0) // 12.4 when a column wraps
 */
export function tableColumnWidths(table: DeckTable, width: number, fontSize: number): number[] {
  const longest = table.columns.map((column, index) => Math.max(column.label.length, ...table.rows.map((row) => row.cells[index]?.length ?? 0)));
  const needed = longest.map((length, index) => length * charWidth(fontSize, table.columns[index]?.numeric) + 2 * TABLE_CELL_MARGIN + 0.05);
  const fixedWidth = needed.reduce((sum, value, index) => sum + (table.columns[index]?.wraps ? 0 : value), 0);
  // A long quote should not starve a name beside it: shares count at most WRAPPING_SHARE characters.
  const share = (index: number) => Math.min(WRAPPING_SHARE, longest[index] ?? 0);
  const flexible = table.columns.reduce((sum, column, index) => sum + (column.wraps ? share(index) : 0), 0);
  if (flexible === 0) return needed.map((value) => (value * width) / Math.max(fixedWidth, 0.01));
  const spare = Math.max(0, width - fixedWidth);
  return needed.map((value, index) => (table.columns[index]?.wraps ? (spare * share(index)) / flexible : value));
}

/**
 * About how tall a table is, in inches, with the widths of tableColumnWidths: lines of wrapped
 * text per row at 1.2 line height, plus cell padding.
 * @example tableHeight(table, 12.4, 12) // ≈ 1.1 for a header and three one-line rows
 */
export function tableHeight(table: DeckTable, width: number, fontSize: number): number {
  const widths = tableColumnWidths(table, width, fontSize);
  const rowLines = (cells: readonly string[]) => Math.max(1, ...cells.map((cell, index) => Math.ceil((cell.length * charWidth(fontSize)) / Math.max(0.1, (widths[index] ?? 0) - 2 * TABLE_CELL_MARGIN))));
  const lines = rowLines(table.columns.map((column) => column.label)) + table.rows.reduce((sum, row) => sum + rowLines(row.cells), 0);
  return lines * lineHeight(fontSize) + (table.rows.length + 1) * 2 * TABLE_CELL_MARGIN + 0.1;
}

/** The point sizes a table may take, largest first. */
const TABLE_FONT_SIZES = [14, 13, 12, 11, 10, 9, 8];
/** Height in inches kept under a table for its notes. */
export const TABLE_NOTES_HEIGHT = 0.55;

/**
 * The largest point size at which a table fits a box of `width` × `height` inches (notes below it
 * included) and leaves its wrapping columns at least 30% of the width; 8 when none does.
 * @example tableFontSize(table, { width: 12.4, height: 2.2 }) // 12
 */
export function tableFontSize(table: DeckTable, box: { width: number; height: number }): number {
  const notes = table.notes.length > 0 ? TABLE_NOTES_HEIGHT : 0;
  const wraps = table.columns.some((column) => column.wraps);
  const fits = (size: number) => {
    const widths = tableColumnWidths(table, box.width, size);
    const wrapping = widths.reduce((sum, width, index) => sum + (table.columns[index]?.wraps ? width : 0), 0);
    return (!wraps || wrapping >= 0.3 * box.width) && tableHeight(table, box.width, size) <= box.height - notes;
  };
  return TABLE_FONT_SIZES.find(fits) ?? 8;
}
