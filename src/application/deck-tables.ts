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
  return {
    caption: 'Key numbers per security',
    columns: [
      { label: 'Security', numeric: false },
      ...windows.flatMap((window, index) => [
        { label: index === 0 ? 'AR day 0' : `CAR ${formatDayRange(window)}`, numeric: true },
        { label: 'p', numeric: true },
      ]),
    ],
    rows: securities.map((security, index) => ({ cells: [`${names.get(security.symbol) ?? security.symbol} (${security.symbol})`, ...(moves[index] ?? []).flatMap(moveCells)] })),
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
  return {
    caption: `Equally weighted group of the securities, per event, tested with the ${named.name}`,
    columns: [
      { label: 'Event', numeric: false },
      { label: 'N', numeric: true },
      ...windows.flatMap((window, index) => [
        { label: index === 0 ? 'AAR day 0' : `CAAR ${formatDayRange(window)}`, numeric: true },
        { label: 'p', numeric: true },
      ]),
    ],
    rows: events.map((study, index) => ({ cells: [shortTitle(study.event.title), String(study.result.securities.length), ...(moves[index] ?? []).flatMap(moveCells)] })),
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
        rows.push({ cells: [quote, title(finding.eventId), 'not in this study', '', '', '', '', 'add the event to check'] });
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
    columns: [
      { label: 'The article says', numeric: false },
      { label: 'Event', numeric: false },
      { label: 'Security', numeric: false },
      { label: 'AR day 0', numeric: true },
      { label: 'p', numeric: true },
      { label: 'CAR [0, +1]', numeric: true },
      { label: 'p', numeric: true },
      { label: 'Verdict', numeric: false },
    ],
    rows,
    notes: [
      ...(findings.length > 0 ? [] : ['No claim of the article concerns the securities and events of this study.']),
      `Verdict rule: ${CLAIM_RULE}`,
      ...(significant ? ["The article's “significant” is an everyday word, not a test; here it is read at the same 5% level as every claim."] : []),
      SIGNIFICANCE_LEGEND,
    ],
  };
}

