/**
 * The guardrails of a study with several events or a crowded calendar, found from the composed
 * units before the engine runs:
 *
 * - Overlapping events. Two events whose event windows share trading days for the same security
 *   count those stock-days twice if pooled, and the pooled tests assume independent observations
 *   (Campbell, Lo & MacKinlay 1997, ch. 4; MacKinlay 1997). By default each event is reported on
 *   its own (`overlap=separate`); on request they merge into one event cluster (`overlap=cluster`):
 *   per security one window from the earlier event's first day to the later event's last day,
 *   estimated before the earlier event.
 * - Contaminated estimation windows. Another event's day 0 inside a unit's estimation window puts
 *   that event's reaction into the unit's normal-return model and variance. It is always reported;
 *   on request (`contamination=exclude`) that event's own window is left out of the estimation sample.
 */
import type { DayRange, StudyOptions, StudyUnit } from '../core/types.ts';
import { unitId, type ComposedStudy, type ComposedUnit } from './compose-study.ts';

/** Overlapping events: reported each on its own, or merged into one event cluster. */
export type OverlapChoice = 'separate' | 'cluster';
/** Another event inside an estimation window: kept in the estimation, or its window left out. */
export type ContaminationChoice = 'keep' | 'exclude';

export interface StudyGuards {
  overlap: OverlapChoice;
  contamination: ContaminationChoice;
}

export const OVERLAP_CHOICES = ['separate', 'cluster'] as const satisfies readonly OverlapChoice[];
export const CONTAMINATION_CHOICES = ['keep', 'exclude'] as const satisfies readonly ContaminationChoice[];

/** Nothing merged, nothing left out: what a study does unless the user asks. */
export const DEFAULT_GUARDS: StudyGuards = Object.freeze({ overlap: 'separate', contamination: 'keep' });

/** Two events of the study whose event windows share trading days for the same securities. */
export interface EventOverlap {
  /** The two events, the one with the earlier day 0 first. */
  eventIds: [string, string];
  /** The securities for which the windows overlap, in the order of the study. */
  symbols: string[];
  /** Trading days the two windows share (the most over those securities). */
  sharedDays: number;
  /** Trading days of one event window. */
  windowDays: number;
}

/** Another event's day 0 inside one unit's estimation window. */
export interface EstimationContamination {
  /** The unit whose estimation is affected: its id, security and event (or event cluster). */
  unitId: string;
  symbol: string;
  eventId: string;
  /** The event whose day 0 falls inside the estimation window, and that day 0. */
  contaminatingEventId: string;
  dayZero: string;
  /** Its position relative to the affected unit's day 0, e.g. −26. */
  relativeDay: number;
  /** The estimation days of that event's own window: what `contamination=exclude` leaves out. */
  dates: string[];
}

/** What one answer reports on: one event, or an event cluster of overlapping events. */
export interface StudyGroupPlan {
  /** The event id, or the cluster's id: its events' ids joined by "+" in the order of their day 0. */
  id: string;
  kind: 'event' | 'cluster';
  eventIds: string[];
  units: StudyUnit[];
  /** Securities of the group's (first) event that could not become a unit. */
  failures: ComposedStudy['failures'];
  /** The study's options; for a cluster, the event window stretched to the later event's last day. */
  options: StudyOptions;
}

export interface GuardedStudy {
  guards: StudyGuards;
  /** Every per-event unit, with the contaminated days left out when asked. */
  units: StudyUnit[];
  groups: StudyGroupPlan[];
  overlaps: EventOverlap[];
  contaminations: EstimationContamination[];
}

/**
 * The groups a study reports on and the guardrails' findings, with the units the engine is to run.
 * @throws never
 * @example guardStudy(composed, DEFAULT_STUDY_OPTIONS, DEFAULT_GUARDS).overlaps // [] for the US election alone
 */
export function guardStudy(composed: ComposedStudy, options: StudyOptions, guards: StudyGuards): GuardedStudy {
  const overlaps = findOverlaps(composed, options.eventWindow);
  const { eventIds } = composed;
  const components = guards.overlap === 'cluster' ? overlapComponents(eventIds, overlaps) : eventIds.map((id) => [id]);
  const groups = components.map((members) => (members.length === 1 ? eventGroup(composed, members[0] as string, options) : clusterGroup(composed, members, options)));
  const contaminations = groups.flatMap((group) => findContamination(composed, group, options.eventWindow));
  // The per-event units (the per-security files) are checked on their own event's windows, also when clustered.
  const perEvent = guards.overlap === 'cluster' ? eventIds.flatMap((id) => findContamination(composed, eventGroup(composed, id, options), options.eventWindow)) : contaminations;
  const exclude = guards.contamination === 'exclude';
  return {
    guards,
    units: composed.units.map((item) => (exclude ? withExclusions(item.unit, perEvent) : item.unit)),
    groups: exclude ? groups.map((group) => ({ ...group, units: group.units.map((unit) => withExclusions(unit, contaminations)) })) : groups,
    overlaps,
    contaminations,
  };
}

/**
 * Every pair of events whose event windows share trading days for a security of both.
 * @throws never
 * @example findOverlaps(composed, { from: -5, to: 10 })[0] // { eventIds: ['us-election-2024', 'ishiba-trump-call-2024'], symbols: ['7011.T', '7013.T'], sharedDays: 15, windowDays: 16 }
 */
export function findOverlaps(composed: ComposedStudy, eventWindow: DayRange): EventOverlap[] {
  const windowDays = eventWindow.to - eventWindow.from + 1;
  const bySymbol = new Map<string, ComposedUnit[]>();
  for (const item of composed.units) bySymbol.set(item.symbol, [...(bySymbol.get(item.symbol) ?? []), item]);
  const overlaps = new Map<string, EventOverlap>();
  for (const [symbol, items] of bySymbol) {
    for (let first = 0; first < items.length; first += 1) {
      for (let second = first + 1; second < items.length; second += 1) {
        const [a, b] = orderedByDayZero(items[first] as ComposedUnit, items[second] as ComposedUnit);
        const distance = a.unit.dates.indexOf(b.unit.dayZero) - a.unit.dates.indexOf(a.unit.dayZero);
        const shared = windowDays - Math.abs(distance);
        if (shared <= 0) continue;
        const key = `${a.event.id}|${b.event.id}`;
        const found = overlaps.get(key) ?? { eventIds: [a.event.id, b.event.id], symbols: [], sharedDays: 0, windowDays };
        found.symbols.push(symbol);
        found.sharedDays = Math.max(found.sharedDays, shared);
        overlaps.set(key, found);
      }
    }
  }
  return [...overlaps.values()];
}

/** The id of an event cluster: its events' ids in the order of their day 0, joined by "+". */
export function clusterId(eventIds: readonly string[]): string {
  return eventIds.join('+');
}

function orderedByDayZero(left: ComposedUnit, right: ComposedUnit): [ComposedUnit, ComposedUnit] {
  return left.unit.dayZero <= right.unit.dayZero ? [left, right] : [right, left];
}

// Events linked by overlaps, each set once, in the order of their first member.
function overlapComponents(eventIds: readonly string[], overlaps: readonly EventOverlap[]): string[][] {
  const component = new Map(eventIds.map((id) => [id, id]));
  const root = (id: string): string => {
    const parent = component.get(id) ?? id;
    return parent === id ? id : root(parent);
  };
  for (const { eventIds: [a, b] } of overlaps) component.set(root(b), root(a));
  const groups = new Map<string, string[]>();
  for (const id of eventIds) groups.set(root(id), [...(groups.get(root(id)) ?? []), id]);
  return [...groups.values()];
}

function eventGroup(composed: ComposedStudy, eventId: string, options: StudyOptions): StudyGroupPlan {
  return {
    id: eventId,
    kind: 'event',
    eventIds: [eventId],
    units: composed.units.filter((item) => item.event.id === eventId).map((item) => item.unit),
    failures: composed.failures.filter((failure) => failure.eventId === eventId),
    options,
  };
}

/**
 * One unit per security on the earliest member event's day 0 and calendar, its event window
 * stretched to the latest member's last day. Securities on calendars where the member events lie
 * a different number of trading days apart get the longest stretch, so every window covers both.
 */
function clusterGroup(composed: ComposedStudy, memberIds: readonly string[], options: StudyOptions): StudyGroupPlan {
  const members = composed.units.filter((item) => memberIds.includes(item.event.id));
  const bySymbol = new Map<string, ComposedUnit[]>();
  for (const item of members) bySymbol.set(item.symbol, [...(bySymbol.get(item.symbol) ?? []), item]);
  const eventIds = [...memberIds].sort((left, right) => firstDayZero(members, left).localeCompare(firstDayZero(members, right)));
  const id = clusterId(eventIds);
  let stretch = 0;
  const units: StudyUnit[] = [];
  for (const [symbol, items] of bySymbol) {
    const sorted = [...items].sort((left, right) => left.unit.dayZero.localeCompare(right.unit.dayZero));
    const earliest = sorted[0] as ComposedUnit;
    const latest = sorted.at(-1) as ComposedUnit;
    stretch = Math.max(stretch, earliest.unit.dates.indexOf(latest.unit.dayZero) - earliest.unit.dates.indexOf(earliest.unit.dayZero));
    units.push({ ...earliest.unit, id: unitId(id, symbol), eventId: id });
  }
  const eventWindow = { from: options.eventWindow.from, to: options.eventWindow.to + stretch };
  return {
    id,
    kind: 'cluster',
    eventIds,
    units,
    failures: composed.failures.filter((failure) => failure.eventId === eventIds[0] && !bySymbol.has(failure.symbol)).map((failure) => ({ ...failure, id: unitId(id, failure.symbol), eventId: id })),
    options: { ...options, eventWindow, carWindows: clusterCarWindows(options, eventWindow) },
  };
}

function firstDayZero(members: readonly ComposedUnit[], eventId: string): string {
  return members.filter((item) => item.event.id === eventId).map((item) => item.unit.dayZero).sort()[0] ?? '9999-12-31';
}

// The study's CAR windows, with the whole event window replaced by the cluster's (added if absent),
// so "the CAR over the event window" is tested over the whole cluster.
function clusterCarWindows(options: StudyOptions, eventWindow: DayRange): DayRange[] {
  const whole = options.eventWindow;
  const kept = options.carWindows.filter((window) => !(window.from === whole.from && window.to === whole.to));
  return [...kept, { ...eventWindow }];
}

/**
 * The other events whose day 0, on the unit's calendar, falls inside the unit's estimation window,
 * with the estimation days of their own event windows (the study's event window around their day 0;
 * never a cluster's stretched one). Events of the group itself do not count.
 */
function findContamination(composed: ComposedStudy, group: StudyGroupPlan, eventWindow: DayRange): EstimationContamination[] {
  const { estimationWindow } = group.options;
  const found: EstimationContamination[] = [];
  for (const unit of group.units) {
    const exchange = composed.units.find((item) => item.symbol === unit.symbol)?.exchange;
    const zero = unit.dates.indexOf(unit.dayZero);
    const first = zero + estimationWindow.from;
    const last = zero + estimationWindow.to;
    for (const day of composed.eventDays) {
      if (day.exchange !== exchange || group.eventIds.includes(day.eventId)) continue;
      const index = unit.dates.indexOf(day.date);
      if (index < first || index > last) continue;
      const from = Math.max(first, index + eventWindow.from);
      const to = Math.min(last, index + eventWindow.to);
      found.push({
        unitId: unit.id,
        symbol: unit.symbol,
        eventId: group.id,
        contaminatingEventId: day.eventId,
        dayZero: day.date,
        relativeDay: index - zero,
        dates: unit.dates.slice(from, to + 1),
      });
    }
  }
  return found;
}

function withExclusions(unit: StudyUnit, contaminations: readonly EstimationContamination[]): StudyUnit {
  const dates = [...new Set(contaminations.filter((item) => item.unitId === unit.id).flatMap((item) => item.dates))].sort();
  return dates.length === 0 ? unit : { ...unit, estimationExclusions: dates };
}
