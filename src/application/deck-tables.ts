/**
 * The tables and texts of a deck, from the study's summary (study-summary.ts), so every number and
 * p-value on a slide is written exactly as the answer panel writes it: "+16.25 %" over
 * "p < 0.001 — significant at 1 %". Each event's (or event cluster's) key numbers, its group under
 * the test the rules pick (or the user's), the tests that do not fit and why, and the article's
 * claims beside the measured moves and verdicts.
 */
import { CLAIM_RULE } from '../domain/claim-check.ts';
import { shortEventTitle, type StudyEvent } from '../domain/study-event.ts';
import type { ClaimFinding } from './claim-findings.ts';
import type { DeckCell, DeckTable } from './deck-types.ts';
import { formatDate, formatDayRange } from './display-format.ts';
import { groupRowLabel, pValuePart, type SummaryGroup, type SummarySecurity, type SummaryTest, type TestedNumber } from './study-summary.ts';

/**
 * A tested number as a cell: its value, and its p-value in words under it.
 * @example numberCell(ihi.dayZeroAr) // { text: '+16.25 %', detail: 'p < 0.001 — significant at 1 %' }
 */
export function numberCell(number: TestedNumber): DeckCell {
  const detail = pValuePart(number);
  return detail ? { text: number.valueWords, detail } : { text: number.valueWords };
}

/**
 * A security's day-0 trading volume as a cell: the multiple of its usual volume, and the abnormal
 * log volume's t-test in words under it (Campbell & Wasley 1996, as the answer panel words it).
 * @example volumeCell(ihi) // { text: '9.0× usual', detail: 'AV t = 3.37, p < 0.001 — significant at 1 %' }
 */
export function volumeCell(security: Pick<SummarySecurity, 'volume'>): DeckCell {
  const { volume } = security;
  if (volume.kind !== 'abnormal-volume') return { text: '—', detail: volume.kind === 'no-volume' ? 'no volume in the source' : 'no abnormal volume' };
  if (volume.dayZeroMultiple === null) return { text: '—', detail: 'no volume on day 0' };
  return { text: `${volume.multipleWords} usual`, detail: volume.dayZero.statistic === null ? volume.dayZero.words : `AV ${volume.dayZero.words}` };
}

/** The line under a group's title, as the answer panel writes it: its day 0 and event window. */
export function groupWhen(group: SummaryGroup): string {
  return `${group.dayZero === null ? 'Day 0 differs by security' : `Day 0 ${formatDate(group.dayZero)}`} · event window ${formatDayRange(group.eventWindow)}`;
}

/** A short name of a group: its event's title before the colon, or its events' for a cluster. */
export function groupShortTitle(group: SummaryGroup, events: readonly StudyEvent[]): string {
  const titles = group.eventIds.map((id) => shortEventTitle(events.find((event) => event.id === id)?.title ?? id));
  return group.kind === 'cluster' ? `Event cluster: ${titles.join(' + ')}` : (titles[0] ?? group.id);
}

/**
 * Why the group's test, with its cross-check: the answer panel's sentence.
 * @example choiceWords(group) // 'Chosen by the rules: … Cross-check, Brown–Warner 1985 t: day 0 p < 0.001 — significant at 1 %; [-5, +10] p = 0.214 — not significant.'
 */
export function choiceWords(group: SummaryGroup): string {
  const cross = group.result?.crossCheck;
  const check = cross ? ` Cross-check, ${cross.name}: day 0 ${pValuePart(cross.dayZero)}; ${formatDayRange(group.eventWindow)} ${pValuePart(cross.window)}.` : '';
  return `${group.choice.why}${check}`;
}

/** What the answer panel says under a group's table: the price sources' notes, days left out, failures. */
function dataNotes(group: SummaryGroup): string[] {
  return [
    ...group.securities.flatMap((security) => [
      ...security.notes.map((note) => `${security.name}, ${note}`),
      ...(security.excludedDays > 0 ? [`${security.name}: ${security.excludedDays} estimation days left out (other events' windows).`] : []),
    ]),
    ...group.failures.map((failure) => `${failure.name}: ${failure.message}`),
  ];
}

/**
 * One event's (or cluster's) answer, as the answer panel's table: each security's day-0 AR, CAR
 * [0, +1] and CAR over the event window, then, with `withGroup`, the group under its test; the
 * notes say why that test, and the data's notes.
 * @throws never
 */
export function answerTable(group: SummaryGroup, options: { caption: string; withGroup: boolean }): DeckTable {
  const windowLabel = formatDayRange(group.eventWindow);
  // Volume is a column only when some security's source has one (indices and some sources do not).
  const withVolume = group.securities.some((security) => security.volume.kind === 'abnormal-volume');
  const rows: DeckTable['rows'] = group.securities.map((security) => ({
    cells: [{ text: security.name, detail: security.symbol }, numberCell(security.dayZeroAr), numberCell(security.earlyCar), numberCell(security.windowCar), ...(withVolume ? [volumeCell(security)] : [])],
  }));
  if (options.withGroup && group.result) {
    const { result } = group;
    rows.push({
      style: 'strong',
      cells: [{ text: groupRowLabel(result.n), detail: `by the ${group.choice.name}` }, numberCell(result.dayZeroAar), numberCell(result.earlyCaar), numberCell(result.windowCaar), ...(withVolume ? [{ text: '' }] : [])],
    });
  }
  return {
    caption: options.caption,
    columns: [
      { label: 'Security', numeric: false, wraps: false },
      { label: 'Day-0 AR', numeric: true, wraps: false },
      { label: 'CAR [0, +1]', numeric: true, wraps: false },
      { label: `CAR ${windowLabel}`, numeric: true, wraps: false },
      ...(withVolume ? [{ label: 'Day-0 volume', numeric: true, wraps: false }] : []),
    ],
    rows,
    notes: [
      options.withGroup ? choiceWords(group) : "Each security tested by its own t, CAR / √var(CAR), two-sided (MacKinlay 1997).",
      ...(withVolume ? ["Day-0 volume: shares traded on day 0 over the median of the estimation days; AV, the abnormal log volume, tested by its own t (Campbell & Wasley 1996)."] : []),
      ...dataNotes(group),
    ],
  };
}

/**
 * The group's result under its test and the cross-check, by window: the AAR of day 0, the CAAR over
 * [0, +1] and over the event window.
 * @throws never
 */
export function groupResultTable(group: SummaryGroup): DeckTable {
  const chosen = group.tests.find((test) => test.key === group.choice.test);
  const cross = group.tests.find((test) => test.key === group.choice.crossCheck);
  const measures: [string, (test: SummaryTest) => TestedNumber][] = [
    ['AAR day 0', (test) => test.dayZero],
    ['CAAR [0, +1]', (test) => test.earlyWindow],
    [`CAAR ${formatDayRange(group.eventWindow)}`, (test) => test.window],
  ];
  const tests = [chosen, cross].filter((test): test is SummaryTest => test !== undefined);
  return {
    caption: group.result ? `${groupRowLabel(group.result.n)}, by the ${group.choice.name}${cross ? `, with the ${cross.name} as cross-check` : ''}` : 'No security computed',
    columns: [{ label: 'Measure', numeric: false, wraps: false }, ...tests.map((test, index) => ({ label: index === 0 ? test.name : `Cross-check: ${test.name}`, numeric: true, wraps: false }))],
    // The cross-check tests the same average: its p-value is what it adds, written where and as the
    // chosen test's p-value is (the small line under the number), not as a number of its own.
    rows: measures.map(([label, number]) => ({ cells: [{ text: label }, ...tests.map((test, index) => (index === 0 ? numberCell(number(test)) : crossCheckCell(number(test))))] })),
    notes: [],
  };
}

function crossCheckCell(number: TestedNumber): DeckCell {
  const detail = pValuePart(number);
  return detail ? { text: '', detail } : { text: '—' };
}

/**
 * The tests that do not fit the group, greyed, each reason once with the tests it rules out.
 * @example unfitTestLines(group)[0] // 'Cross-sectional t, BMP t, …: 2 securities: a cross-sectional test cannot tell much with fewer than 6. All 2 securities share day 0: …'
 */
export function unfitTestLines(group: SummaryGroup): string[] {
  const byReasons = new Map<string, string[]>();
  for (const test of group.tests.filter((item) => !item.fits)) byReasons.set(test.reasons.join(' '), [...(byReasons.get(test.reasons.join(' ')) ?? []), test.name]);
  return [...byReasons].map(([reasons, names]) => `${names.join(', ')}: ${reasons}`);
}

/**
 * The article's claims beside the market's moves: each claim's sentence across the table, then for
 * each of its events each security's day-0 AR and CAR [0, +1] with their p-values in words, and the
 * verdict of the claim-check rule on the event's first row.
 * @throws never
 */
export function claimsTable(findings: readonly ClaimFinding[], events: readonly StudyEvent[], names: ReadonlyMap<string, string>): DeckTable {
  const title = (id: string) => shortEventTitle(events.find((event) => event.id === id)?.title ?? id);
  const rows: DeckTable['rows'] = [];
  const columns = 5;
  for (const { claim, events: checked } of findings) {
    rows.push({ style: 'quote', cells: [{ text: `“${claim.quote}”`, span: columns }] });
    for (const finding of checked) {
      if (!finding.inStudy) {
        rows.push({ cells: [{ text: title(finding.eventId) }, { text: '' }, { text: '' }, { text: '' }, { text: 'not in this study' }] });
        continue;
      }
      const verdict = finding.outcome.verdict ?? `no verdict: ${finding.outcome.reason}`;
      finding.measurements.forEach((measurement, index) => {
        const first = index === 0;
        rows.push({ cells: [{ text: first ? title(finding.eventId) : '' }, { text: names.get(measurement.symbol) ?? measurement.symbol }, numberCell(measurement.dayZeroAr), numberCell(measurement.carZeroToOne), { text: first ? verdict : '' }] });
      });
    }
  }
  const significant = findings.some((finding) => finding.claim.saysSignificant);
  return {
    caption: 'Each market claim of the article, checked against this study',
    columns: [
      { label: 'Event', numeric: false, wraps: false },
      { label: 'Security', numeric: false, wraps: false },
      { label: 'Day-0 AR', numeric: true, wraps: false },
      { label: 'CAR [0, +1]', numeric: true, wraps: false },
      // A verdict is a word; without one, the reason may take lines.
      { label: 'Verdict', numeric: false, wraps: rows.some((row) => (row.cells[4]?.text.length ?? 0) > 20) },
    ],
    rows,
    notes: [
      ...(findings.length > 0 ? [] : ['No claim of the article concerns the securities and events of this study.']),
      `Verdict rule: ${CLAIM_RULE}`,
      ...(significant ? ["The article's “significant” is an everyday word, not a test; here it is read at the same 5 % level as every claim."] : []),
    ],
  };
}
