/**
 * What the price and abnormal-return charts show of the focused event, built from the composed study
 * and its result: rebased price lines, one AR/CAR panel per security, markers of the events whose day 0
 * falls inside the window, and the same charts at slide size.
 */
import { unitId, type ComposedStudy, type ComposedUnit } from '../../../application/compose-study.ts';
import type { SecurityResult, StudyResult } from '../../../core/types.ts';
import type { PriceSeries } from '../../../domain/price-api.ts';
import type { StudyEvent } from '../../../domain/study-event.ts';
import { formatDate, formatDateWithWeekday, formatRelativeDay, shortTitle } from '../../../lib/format.ts';
import type { LineSpec } from '../components/chart-interaction.ts';
import type { SecurityPanel } from '../components/charts-panel.tsx';
import type { EventMarker } from '../components/event-marker.tsx';
import { abnormalReturnRows, priceRows, type ChartRow, type PriceLine } from './chart-data.ts';
import { benchmarkStyle, seriesStyle } from './palette.ts';
import { volumeRows, type VolumePanelData } from './volume-rows.ts';

/** What the selected excerpt asks the charts to bring forward. */
export interface Spotlight {
  eventIds: readonly string[];
  securities: readonly string[];
}

export interface FocusCharts {
  event: StudyEvent;
  priceRows: ChartRow[];
  priceLines: LineSpec[];
  markers: EventMarker[];
  securities: SecurityPanel[];
  /** The volume panel: each security's daily volume against its usual volume, or why it has none. */
  volume: VolumePanelData;
  /** The focused event's trading calendar and day 0, to name a chart day's date. */
  calendar: { exchange: string; dates: readonly string[]; dayZero: string } | null;
}

interface FocusInput {
  composed: ComposedStudy;
  result: StudyResult | null;
  event: StudyEvent;
  events: readonly StudyEvent[];
  /** The events of the study: only they (and those the spotlight brings forward) are marked. */
  studyEventIds: readonly string[];
  series: readonly PriceSeries[];
  /** Securities in the order the user picked them: it fixes each one's colour. */
  securityOrder: readonly string[];
  /** Symbols the price server had no prices for: named in the page's notice, given no panel here. */
  leftOut?: readonly string[];
  days: readonly number[];
  spotlight: Spotlight | null;
}

/**
 * Everything the price and abnormal-return charts need for one event: rebased price lines of its
 * securities and their benchmarks, one AR/CAR panel per security (or the reason it has none), and
 * markers for every event whose day 0 falls inside the window.
 */
export function focusCharts(input: FocusInput): FocusCharts {
  const units = input.composed.units.filter((item) => item.event.id === input.event.id);
  const first = units[0];
  const calendar = first ? { exchange: first.exchange, dates: first.unit.dates, dayZero: first.unit.dayZero } : null;
  const lines = priceLines(units, input);
  return {
    event: input.event,
    priceRows: priceRows(
      lines.map((line) => line.line),
      input.days,
    ),
    priceLines: lines.map((line) => line.spec),
    markers: calendar ? eventMarkers(input, calendar) : [],
    securities: securityPanels(input),
    volume: volumePanel(units, input),
    calendar,
  };
}

// The securities of the focused event that have a result, in the user's order, with their colours.
function volumePanel(units: readonly ComposedUnit[], input: FocusInput): VolumePanelData {
  const resultsById = new Map((input.result?.securities ?? []).map((security): [string, SecurityResult] => [security.id, security]));
  const securities = input.securityOrder.flatMap((symbol) => {
    const unit = units.find((item) => item.symbol === symbol);
    const result = unit ? resultsById.get(unit.unit.id) : undefined;
    return unit && result ? [{ result, name: `${unit.name} (${symbol})`, colour: styleOf(symbol, input.securityOrder).colour }] : [];
  });
  return volumeRows(securities, input.days);
}

/**
 * The events whose day 0 is a given relative day of the focused event, and how to name that day.
 * @example linkedEvents(calendar, eventDays, 1).dayText // "Day +1, Thu 7 Nov 2024"
 */
export function linkedEvents(
  calendar: FocusCharts['calendar'],
  composed: ComposedStudy,
  day: number | null,
): { eventIds: string[]; dayText: string | null } {
  if (day === null || !calendar) return { eventIds: [], dayText: null };
  const date = calendar.dates[calendar.dates.indexOf(calendar.dayZero) + day];
  if (date === undefined) return { eventIds: [], dayText: `Day ${formatRelativeDay(day)}` };
  const eventIds = composed.eventDays.filter((entry) => entry.exchange === calendar.exchange && entry.date === date).map((entry) => entry.eventId);
  return { eventIds, dayText: `Day ${formatRelativeDay(day)}, ${formatDateWithWeekday(date)}` };
}

/** The colour and dash of a security, fixed by its place in the user's list. */
export function styleOf(symbol: string, order: readonly string[]) {
  return seriesStyle(Math.max(0, order.indexOf(symbol)));
}

function emphasisOf(symbol: string, spotlight: Spotlight | null): LineSpec['emphasis'] {
  if (!spotlight || spotlight.securities.length === 0) return 'normal';
  return spotlight.securities.includes(symbol) ? 'strong' : 'faint';
}

function closesOf(series: PriceSeries | undefined): Map<string, number | null> {
  return new Map((series?.bars ?? []).map((bar) => [bar.date, bar.adjClose]));
}

// recharts reads a dot in a dataKey as a nested path, so series keys are positional, never symbols.
function priceLines(units: readonly ComposedUnit[], input: FocusInput): { spec: LineSpec; line: PriceLine }[] {
  const bySymbol = new Map(input.series.map((series) => [series.symbol, series]));
  const securities = units.map((item, index) => {
    const style = styleOf(item.symbol, input.securityOrder);
    return {
      spec: { key: `security${index}`, name: `${item.name} (${item.symbol})`, colour: style.colour, dash: style.dash, emphasis: emphasisOf(item.symbol, input.spotlight) },
      line: { key: `security${index}`, dates: item.unit.dates, dayZero: item.unit.dayZero, closes: closesOf(bySymbol.get(item.symbol)) },
    };
  });
  const benchmarks = [...new Map(units.map((item) => [item.benchmark, item])).values()].map((item, index) => ({
    spec: { key: `benchmark${index}`, name: `${item.benchmarkName} (benchmark)`, ...benchmarkStyle(index), emphasis: 'normal' as const },
    line: { key: `benchmark${index}`, dates: item.unit.dates, dayZero: item.unit.dayZero, closes: closesOf(bySymbol.get(item.benchmark)) },
  }));
  return [...securities, ...benchmarks];
}

/**
 * The events drawn on the charts: those of the study, and those an excerpt the user selected
 * speaks of; an event merely near the window (the call a day after the election, when it is not in
 * the study) is not drawn, so no line stands on a chart without its event being part of the study.
 */
function eventMarkers(input: FocusInput, calendar: NonNullable<FocusCharts['calendar']>): EventMarker[] {
  const zeroIndex = calendar.dates.indexOf(calendar.dayZero);
  const shown = new Set([...input.studyEventIds, ...(input.spotlight?.eventIds ?? [])]);
  const markers = input.composed.eventDays
    .filter((entry) => entry.exchange === calendar.exchange && shown.has(entry.eventId))
    .map((entry) => ({ entry, day: calendar.dates.indexOf(entry.date) - zeroIndex }))
    .filter(({ entry, day }) => calendar.dates.includes(entry.date) && input.days.includes(day))
    .sort((a, b) => a.day - b.day);
  return markers.map(({ entry, day }, lane) => {
    const title = shortTitle(input.events.find((event) => event.id === entry.eventId)?.title ?? entry.eventId);
    return {
      eventId: entry.eventId,
      day,
      label: `${title} · ${formatDate(entry.date)}`,
      shortLabel: title,
      highlighted: input.spotlight?.eventIds.includes(entry.eventId) ?? false,
      lane,
    };
  });
}

/** Across several events only day 0 is common to every security–event pair of the portfolio. */
export const DAY_ZERO_MARKER: EventMarker = { eventId: 'day-0', day: 0, label: 'Day 0 of each event', shortLabel: 'Day 0', highlighted: false, lane: 0 };

function securityPanels(input: FocusInput): SecurityPanel[] {
  const resultsById = new Map((input.result?.securities ?? []).map((security): [string, SecurityResult] => [security.id, security]));
  const failuresById = new Map((input.result?.failures ?? input.composed.failures).map((failure) => [failure.id, failure]));
  const panels: SecurityPanel[] = [];
  for (const symbol of input.securityOrder) {
    const id = unitId(input.event.id, symbol);
    const unit = input.composed.units.find((item) => item.unit.id === id);
    const result = resultsById.get(id);
    const failure = failuresById.get(id);
    if ((!unit && !failure) || input.leftOut?.includes(symbol)) continue;
    const style = styleOf(symbol, input.securityOrder);
    const name = unit ? `${unit.name} (${symbol})` : symbol;
    panels.push({
      key: id,
      symbol,
      benchmarkName: unit?.benchmarkName ?? '',
      spec: { key: id, name, colour: style.colour, dash: style.dash, emphasis: emphasisOf(symbol, input.spotlight) },
      rows: result ? abnormalReturnRows(result, input.days) : null,
      failure: result ? null : (failure?.error.message ?? 'No result for this security.'),
    });
  }
  return panels;
}
