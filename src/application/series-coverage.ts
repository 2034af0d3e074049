/**
 * Whether a series' prices cover a study's windows, known before the study runs: from what
 * /api/symbols says of the series (first and last date, gaps) and the trading calendar the study
 * will use (its benchmark's days). The securities picker shows it next to the security, so a
 * series that starts too late (NOC and GD from 2023-09-11), ends too early (7721.T on 2024-12-24)
 * or has a hole (Hanwha's 2024 trading suspension) is named before its study fails or thins out.
 */
import { dayZero } from '../core/index.ts';
import type { StudyOptions } from '../core/types.ts';
import { DEFAULT_MINIMUM_ESTIMATION_DAYS } from '../domain/estimation-minimum.ts';
import type { Exchange } from '../domain/exchanges.ts';
import type { SeriesGap } from '../domain/price-api.ts';
import type { StudyEvent } from '../domain/study-event.ts';

/** What the picker knows of a series (a SymbolInfo of /api/symbols). */
export interface SeriesSpan {
  symbol: string;
  firstDate: string;
  lastDate: string;
  gaps: readonly SeriesGap[];
}

/** The trading days a study of one exchange's securities runs on, with that exchange. */
export interface StudyCalendar {
  exchange: Exchange;
  tradingDays: readonly string[];
}

export interface CoverageNote {
  symbol: string;
  eventId: string;
  /** `fails`: the study of this security on this event cannot be computed; `thinned`: it runs on fewer days. */
  severity: 'fails' | 'thinned';
  text: string;
}

/**
 * The coverage problems of one series for each event: estimation days without a return (the
 * security's return of a day needs its price that day and the day before), below the study's
 * minimum (`fails`) or above it (`thinned`); event-window days without a return (`thinned`, or
 * `fails` for day 0 itself). Nothing for an event whose windows the series covers, or whose day 0
 * the calendar does not reach (the study names that itself).
 * @throws never
 * @example coverageNotes(noc, [ldpLeadership], DEFAULT_STUDY_OPTIONS, newYork)[0].text // 'NOC: prices start 2023-09-11, so only 9 of 240 estimation days … (at least 30 needed)'
 */
export function coverageNotes(series: SeriesSpan, events: readonly StudyEvent[], options: StudyOptions, calendar: StudyCalendar): CoverageNote[] {
  return events.flatMap((event) => notesForEvent(series, event, options, calendar));
}

function notesForEvent(series: SeriesSpan, event: StudyEvent, options: StudyOptions, calendar: StudyCalendar): CoverageNote[] {
  const days = calendar.tradingDays;
  let zero: number;
  try {
    zero = days.indexOf(dayZero(event, calendar.exchange, days));
  } catch {
    return [];
  }
  const { estimationWindow, eventWindow } = options;
  if (zero + estimationWindow.from - 1 < 0 || zero + eventWindow.to >= days.length) return [];
  const hasPrice = (index: number) => {
    const date = days[index] ?? '';
    return date >= series.firstDate && date <= series.lastDate && !series.gaps.some((gap) => date >= gap.from && date <= gap.to);
  };
  const hasReturn = (relativeDay: number) => hasPrice(zero + relativeDay) && hasPrice(zero + relativeDay - 1);
  const missing = (window: { from: number; to: number }) => relativeDays(window).filter((day) => !hasReturn(day));
  const note = (severity: CoverageNote['severity'], text: string): CoverageNote => ({ symbol: series.symbol, eventId: event.id, severity, text: `${series.symbol}: ${text}` });

  const notes: CoverageNote[] = [];
  const estimationMissing = missing(estimationWindow);
  if (estimationMissing.length > 0) {
    const total = estimationWindow.to - estimationWindow.from + 1;
    const usable = total - estimationMissing.length;
    const minimum = options.minimumEstimationDays ?? DEFAULT_MINIMUM_ESTIMATION_DAYS;
    const why = reason(series, days[zero + estimationWindow.from - 1] ?? '', days[zero + estimationWindow.to] ?? '');
    const fails = usable < minimum;
    notes.push(
      note(
        fails ? 'fails' : 'thinned',
        `${why}, so only ${usable} of ${total} estimation days for ${event.title} have a return${fails ? ` (at least ${minimum} needed): its study cannot be computed` : ''}.`,
      ),
    );
  }
  const eventMissing = missing(eventWindow);
  if (eventMissing.length > 0) {
    const why = reason(series, days[zero + eventWindow.from - 1] ?? '', days[zero + eventWindow.to] ?? '');
    const dayZeroMissing = eventMissing.includes(0);
    notes.push(
      note(
        dayZeroMissing ? 'fails' : 'thinned',
        `${why}, so ${eventMissing.length} of ${eventWindow.to - eventWindow.from + 1} event-window days for ${event.title} have no return${dayZeroMissing ? ', day 0 among them' : ` (days ${dayList(eventMissing)})`}.`,
      ),
    );
  }
  return notes;
}

/** Why the series lacks prices between two dates: it starts late, ends early, or has a gap there. */
function reason(series: SeriesSpan, from: string, to: string): string {
  const parts: string[] = [];
  if (series.firstDate > from) parts.push(`prices start ${series.firstDate}`);
  if (series.lastDate < to) parts.push(`prices end ${series.lastDate}`);
  for (const gap of series.gaps) {
    if (gap.to >= from && gap.from <= to) parts.push(`no prices ${gap.from === gap.to ? `on ${gap.from}` : `from ${gap.from} to ${gap.to}`} (${firstClause(gap.reason)})`);
  }
  return parts.join('; ');
}

function firstClause(text: string): string {
  return text.split(/[:;(]/)[0]?.trim() ?? text;
}

function relativeDays(window: { from: number; to: number }): number[] {
  return Array.from({ length: window.to - window.from + 1 }, (_, index) => window.from + index);
}

/** "+11, +12, +13" or "+11 to +20" for a run. */
function dayList(days: readonly number[]): string {
  const signed = (day: number) => (day > 0 ? `+${day}` : String(day));
  const first = days[0] ?? 0;
  const last = days.at(-1) ?? 0;
  const isRun = last - first + 1 === days.length;
  return isRun && days.length > 2 ? `${signed(first)} to ${signed(last)}` : days.map(signed).join(', ');
}
